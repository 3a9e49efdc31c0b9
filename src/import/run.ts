/**
 * Running an importer: its findings become located diagnostics on the imported file; a refusal
 * or any error reported means no spec; an importer that throws gives one `internal` diagnostic.
 */
import { internalDiagnostic, type Diagnostic } from "../diagnostics.js";
import { AgentspecError } from "../errors.js";
import type { ImportFinding, ImportOptions, ImportResult, Importer } from "./types.js";

export interface ImportOutcome {
  /** The spec, unless the file was refused. */
  result?: ImportResult;
  /** Problems in the imported file, sorted by line. */
  diagnostics: Diagnostic[];
}

export function runImporter(importer: Importer, text: string, file: string, options: ImportOptions = {}): ImportOutcome {
  const diagnostics: Diagnostic[] = [];
  const report = (finding: ImportFinding): void => {
    diagnostics.push({
      ruleId: `import-${importer.id}`,
      severity: finding.severity ?? "error",
      message: finding.message,
      line: finding.line ?? 1,
      column: finding.column ?? 1,
      pointer: "",
    });
  };
  let result: ImportResult | undefined;
  try {
    result = importer.import(text, file, { report }, options);
  } catch (error) {
    if (error instanceof AgentspecError && error.code === "BAD_IMPORT") report(refusal(error.message, file));
    else diagnostics.push(internalDiagnostic("importer", importer.id, file, error));
  }
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return diagnostics.some((d) => d.severity === "error") ? { diagnostics } : { result, diagnostics };
}

/** A refusal thrown as "file:line: why" becomes a finding at that line. */
function refusal(message: string, file: string): ImportFinding {
  const prefix = `${file}:`;
  if (!message.startsWith(prefix)) return { message };
  const located = /^(\d+)(?::(\d+))?: ([\s\S]*)$/.exec(message.slice(prefix.length));
  if (!located) return { message: message.slice(prefix.length).replace(/^\s+/, "") };
  return { message: located[3]!, line: Number(located[1]), ...(located[2] ? { column: Number(located[2]) } : {}) };
}
