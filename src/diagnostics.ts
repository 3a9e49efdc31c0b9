/** A problem found in a spec: every stage reports these, none throws them. */
export type Severity = "error" | "warning";

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  /** JSON pointer to the offending node in the file as written. */
  pointer: string;
}

/** All diagnostics for one file, in the shape `--format json` prints. */
export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

/** A character as a \u escape (\u{…} beyond the Basic Multilingual Plane), for messages that must show what a reader cannot see. */
export function unicodeEscape(char: string): string {
  const hex = char.codePointAt(0)!.toString(16).toUpperCase();
  return hex.length > 4 ? `\\u{${hex}}` : `\\u${hex.padStart(4, "0")}`;
}
