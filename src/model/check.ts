/** Validating a parsed document and building its Spec model, whatever format it was written in. */
import type { AgentAzInput } from "../../generated/agentaz-input.js";
import type { AgentSpec } from "../../generated/agentspec.js";
import type { Diagnostic } from "../diagnostics.js";
import { findSpecFiles, joinPointer, loadSource, type FindOptions, type SourceDoc } from "../load/index.js";
import { detectKind, validate, type SpecKind } from "../validate/index.js";
import { fromAgentaz } from "./agentaz.js";
import { fromAgentspec } from "./agentspec.js";
import { loadCompanionKit, readKit } from "./kit.js";
import type { Spec } from "./types.js";

/** Files read beside a spec that add to its model; the caller reads them (loadSpecs does). */
export interface Companions {
  /** AgentAz: the kit.json beside the agentaz.json, parsed (see loadCompanionKit). */
  kit?: SourceDoc;
}

/** Builds the model of a document that passed validation for its kind. */
export function toSpec(source: SourceDoc, kind: SpecKind, companions: Companions = {}): Spec {
  if (kind !== "agentaz") return fromAgentspec(source, source.data as AgentSpec);
  return fromAgentaz(source, source.data as AgentAzInput, companions.kit && readKit(companions.kit));
}

/** JSON pointer (agentspec terms) of a tool in the allowlist. */
export function toolPointer(name: string): string {
  return joinPointer("/tools", name);
}

export interface CheckedSource {
  source: SourceDoc;
  /** Syntax and schema problems. */
  diagnostics: Diagnostic[];
  /**
   * The model, only when the document has no error at all: it parsed without a syntax error
   * (a duplicate key, whose last value wins, or an integer beyond 2^53, which JSON rounds, is
   * one: the data read is not what the author wrote) and passed its schema.
   */
  spec?: Spec;
}

/** Validates a parsed document and, when it has no error diagnostic, builds its model (with its companions, for AgentAz). */
export function checkSource(source: SourceDoc, companions: Companions = {}): CheckedSource {
  if (source.data === undefined) return { source, diagnostics: source.diagnostics };
  const policy = compiledPolicyProblem(source);
  if (policy) return { source, diagnostics: [...source.diagnostics, policy] };
  const kind = detectKind(source);
  const schemaProblems = validate(source, kind);
  const diagnostics = [...source.diagnostics, ...schemaProblems];
  // Fail closed: a model built from data that is not what was written (a duplicate key turning
  // an irreversible tool into a read tool) must not reach a caller that compiles what it gets.
  const erroneous = diagnostics.some((d) => d.severity === "error");
  return erroneous ? { source, diagnostics } : { source, diagnostics, spec: toSpec(source, kind, companions) };
}

/** Finds, parses, validates and models every spec under `paths`. */
export async function loadSpecs(paths: readonly string[], options: FindOptions = {}): Promise<CheckedSource[]> {
  const files = await findSpecFiles(paths, options);
  return Promise.all(files.map(loadSpec));
}

/** Reads, validates and models one spec file (with its companion files). */
export async function loadSpec(file: string): Promise<CheckedSource> {
  const source = await loadSource(file);
  // Only an AgentAz spec has a kit.json beside it.
  const kit = source.data !== undefined && detectKind(source) === "agentaz" ? await loadCompanionKit(file) : undefined;
  return checkSource(source, { kit });
}

/**
 * A compiled policy (`agentspec compile` output) given where a spec is expected: one error that
 * says so and names the commands that read a policy, instead of a screen of schema errors.
 */
function compiledPolicyProblem(source: SourceDoc): Diagnostic | undefined {
  const data = source.data as { format?: unknown } | null;
  if (data === null || typeof data !== "object" || typeof data.format !== "string" || !data.format.startsWith("agentspec-policy/")) {
    return undefined;
  }
  const file = source.file;
  return {
    ruleId: "schema",
    severity: "error",
    message: `This is a compiled policy (${data.format}), not a spec: check it with \`agentspec verify ${file} --pub <key>\` or decide a call with \`agentspec decide ${file} --tool <name>\`; lint the spec it was compiled from`,
    pointer: "/format",
    ...source.locate("/format"),
  };
}
