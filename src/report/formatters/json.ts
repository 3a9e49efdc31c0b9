/**
 * `--format json`: [{ file, diagnostics: [{ ruleId, severity, message, line, column, pointer }] }].
 * `file` is written as sarif, github and junit write it (relative to the working directory, with
 * forward slashes), so one finding has one path whichever report a tool reads.
 */
import type { Diagnostic } from "../../diagnostics.js";
import { relativePath } from "../paths.js";
import type { Formatter, Reporter } from "../types.js";

/** A diagnostic as every json report writes it (lint's, tier's, test's): these fields, in this order. */
export function jsonDiagnostic({ ruleId, severity, message, line, column, pointer }: Diagnostic) {
  return { ruleId, severity, message, line, column, pointer };
}

const format: Formatter = (results, { cwd }) =>
  JSON.stringify(
    results.map(({ file, diagnostics }) => ({ file: relativePath(file, cwd), diagnostics: diagnostics.map(jsonDiagnostic) })),
  ) + "\n";

export const json: Reporter = {
  id: "json",
  description: "One JSON array: each file with its diagnostics",
  docs: "`[{ file, diagnostics: [{ ruleId, severity, message, line, column, pointer }] }]`, one entry per file, for scripts and editors. `file` is relative to the working directory with forward slashes, as the CI formats write it; `pointer` is a JSON pointer into the file as written.",
  format,
};
