/** Parsed, valid documents → the Spec model, whatever format they were written in. */
import type { AgentAzInput } from "../../generated/agentaz-input.js";
import type { AgentSpec } from "../../generated/agentspec.js";
import type { Diagnostic } from "../diagnostics.js";
import { findSpecFiles, joinPointer, loadSource, type FindOptions, type SourceDoc } from "../load/index.js";
import { detectKind, validate, type SpecKind } from "../validate/index.js";
import { fromAgentaz } from "./agentaz.js";
import { fromAgentspec } from "./agentspec.js";
import type { Spec } from "./types.js";

export type * from "./types.js";
export { inferEffect, effectRank } from "./infer-effect.js";

/** Builds the model of a document that passed validation for its kind. */
export function toSpec(source: SourceDoc, kind: SpecKind): Spec {
  return kind === "agentaz" ? fromAgentaz(source, source.data as AgentAzInput) : fromAgentspec(source, source.data as AgentSpec);
}

/** JSON pointer (agentspec terms) of a tool in the allowlist. */
export function toolPointer(name: string): string {
  return joinPointer("/tools", name);
}

export interface CheckedSource {
  source: SourceDoc;
  /** Syntax and schema problems. */
  diagnostics: Diagnostic[];
  /** The model, when the document parsed and passed its schema. */
  spec?: Spec;
}

/** Validates a parsed document and, when it is valid, builds its model. */
export function checkSource(source: SourceDoc): CheckedSource {
  if (source.data === undefined) return { source, diagnostics: source.diagnostics };
  const kind = detectKind(source);
  const schemaProblems = validate(source, kind);
  const diagnostics = [...source.diagnostics, ...schemaProblems];
  return schemaProblems.length > 0 ? { source, diagnostics } : { source, diagnostics, spec: toSpec(source, kind) };
}

/** Finds, parses, validates and models every spec under `paths`. */
export async function loadSpecs(paths: readonly string[], options: FindOptions = {}): Promise<CheckedSource[]> {
  const files = await findSpecFiles(paths, options);
  return Promise.all(files.map(async (file) => checkSource(await loadSource(file))));
}
