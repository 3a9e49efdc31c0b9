/** The default, human format: ESLint's stylish layout. */
import { Chalk } from "chalk";
import type { Formatter } from "../types.js";

export const stylish: Formatter = (results, { color }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  let errors = 0;
  let warnings = 0;
  const out: string[] = [];
  for (const { file, diagnostics } of results) {
    if (diagnostics.length === 0) continue;
    out.push(c.underline(file));
    const positionWidth = Math.max(...diagnostics.map((d) => `${d.line}:${d.column}`.length));
    const messageWidth = Math.max(...diagnostics.map((d) => d.message.length));
    for (const d of diagnostics) {
      if (d.severity === "error") errors++;
      else warnings++;
      const severity = d.severity === "error" ? c.red("error  ") : c.yellow("warning");
      const position = c.dim(`${d.line}:${d.column}`.padEnd(positionWidth));
      out.push(`  ${position}  ${severity}  ${d.message.padEnd(messageWidth)}  ${c.dim(d.ruleId)}`);
    }
    out.push("");
  }
  const total = errors + warnings;
  if (total === 0) return c.green(`✔ ${results.length} file${results.length === 1 ? "" : "s"} checked: no problems`) + "\n";
  const summary = `✖ ${total} problem${total === 1 ? "" : "s"} (${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"})`;
  out.push((errors > 0 ? c.red.bold : c.yellow.bold)(summary));
  return out.join("\n") + "\n";
};
