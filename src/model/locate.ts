/** A finding about a model node, as a Diagnostic at its line:column in the file the spec came from. */
import type { Diagnostic, Finding, Severity } from "../diagnostics.js";
import type { Spec } from "./types.js";

export function locateFinding(spec: Spec, ruleId: string, severity: Severity, finding: Finding): Diagnostic {
  const pointer = spec.pointerFor(finding.pointer);
  return { ruleId, severity, message: finding.message, pointer, ...spec.source.locate(pointer, finding.at) };
}
