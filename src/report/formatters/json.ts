/** `--format json`: [{ file, diagnostics: [{ ruleId, severity, message, line, column, pointer }] }]. */
import type { Formatter } from "../types.js";

export const json: Formatter = (results) =>
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
