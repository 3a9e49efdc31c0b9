/** `--format json`: [{ file, diagnostics: [{ ruleId, severity, message, line, column, pointer }] }]. */
import type { Formatter, Reporter } from "../types.js";

const format: Formatter = (results) =>
  JSON.stringify(
    results.map(({ file, diagnostics }) => ({
      file,
      diagnostics: diagnostics.map(({ ruleId, severity, message, line, column, pointer }) => ({
        ruleId,
        severity,
        message,
        line,
        column,
        pointer,
      })),
    })),
  ) + "\n";

export const json: Reporter = {
  id: "json",
  description: "One JSON array: each file with its diagnostics",
  docs: "`[{ file, diagnostics: [{ ruleId, severity, message, line, column, pointer }] }]`, one entry per file, for scripts and editors. `pointer` is a JSON pointer into the file as written.",
  format,
};
