/** Validates a parsed document against the schema for its kind (agentspec or AgentAz). */
import type { ValidateFunction } from "ajv";
import { validateAgentazInput } from "../../generated/validate-agentaz-input.js";
import { validateAgentspec } from "../../generated/validate-agentspec.js";
import type { Diagnostic } from "../diagnostics.js";
import type { SourceDoc } from "../load/index.js";
import { schemaDiagnostics } from "./messages.js";

export type SpecKind = "agentspec" | "agentaz";

/** agentaz.json files (or documents shaped like one) are AgentAz; everything else is agentspec. */
export function detectKind(doc: SourceDoc): SpecKind {
  if (/(^|[/\\])agentaz\.json$/i.test(doc.file)) return "agentaz";
  const data = doc.data as Record<string, unknown> | null | undefined;
  if (data && typeof data === "object" && !("agentspec" in data) && "agent_id" in data && "tool_boundary" in data) return "agentaz";
  return "agentspec";
}

/** Precompiled by `npm run generate` (ajv standalone): no schema is compiled at start-up. */
const validators: Record<SpecKind, ValidateFunction> = {
  agentspec: validateAgentspec as ValidateFunction,
  agentaz: validateAgentazInput as ValidateFunction,
};

/** Schema diagnostics for a parsed document; none when it did not parse (its syntax errors say why). */
export function validate(doc: SourceDoc, kind: SpecKind = detectKind(doc)): Diagnostic[] {
  if (doc.data === undefined) return [];
  const check = validators[kind];
  if (check(doc.data)) return [];
  return schemaDiagnostics(doc, check.errors ?? []);
}
