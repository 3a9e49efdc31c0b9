/** Validates a parsed document against the schema for its kind (agentspec or AgentAz). */
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import agentspecSchema from "../../schema/agentspec.schema.json" with { type: "json" };
import agentazSchema from "../../schema/agentaz-input.schema.json" with { type: "json" };
import type { Diagnostic } from "../diagnostics.js";
import type { SourceDoc } from "../load/index.js";
import { schemaDiagnostics } from "./messages.js";

export { describePath } from "./messages.js";

export type SpecKind = "agentspec" | "agentaz";

/** agentaz.json files (or documents shaped like one) are AgentAz; everything else is agentspec. */
export function detectKind(doc: SourceDoc): SpecKind {
  if (/(^|[/\\])agentaz\.json$/i.test(doc.file)) return "agentaz";
  const data = doc.data as Record<string, unknown> | null | undefined;
  if (data && typeof data === "object" && !("agentspec" in data) && "agent_id" in data && "tool_boundary" in data) return "agentaz";
  return "agentspec";
}

let validators: Record<SpecKind, ValidateFunction> | undefined;

function getValidators(): Record<SpecKind, ValidateFunction> {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true });
    const addFormats = addFormatsModule as unknown as (ajv: Ajv, formats: string[]) => Ajv;
    addFormats(ajv, ["date"]);
    validators = { agentspec: ajv.compile(agentspecSchema), agentaz: ajv.compile(agentazSchema) };
  }
  return validators;
}

/** Schema diagnostics for a parsed document; none when it did not parse (its syntax errors say why). */
export function validate(doc: SourceDoc, kind: SpecKind = detectKind(doc)): Diagnostic[] {
  if (doc.data === undefined) return [];
  const check = getValidators()[kind];
  if (check(doc.data)) return [];
  return schemaDiagnostics(doc, check.errors ?? []);
}
