/** The default, human format: ESLint's stylish layout. */
import { printable } from "../../diagnostics.js";
import { colors } from "../colors.js";
import { exceededWarnings, type Formatter, type Reporter } from "../types.js";

const format: Formatter = (results, { color, warningLimit }) => {
  const c = colors(Boolean(color));
  let errors = 0;
  let warnings = 0;
  const out: string[] = [];
  for (const { file, diagnostics } of results) {
    if (diagnostics.length === 0) continue;
    out.push(c.underline(printable(file)));
    const positionWidth = Math.max(...diagnostics.map((d) => `${d.line}:${d.column}`.length));
    const messages = diagnostics.map((d) => printable(d.message));
    const messageWidth = Math.max(...messages.map((m) => m.length));
    for (const [i, d] of diagnostics.entries()) {
      if (d.severity === "error") errors++;
      else warnings++;
      const severity = d.severity === "error" ? c.red("error  ") : c.yellow("warning");
      const position = c.dim(`${d.line}:${d.column}`.padEnd(positionWidth));
      out.push(`  ${position}  ${severity}  ${messages[i]!.padEnd(messageWidth)}  ${c.dim(d.ruleId)}`);
    }
    out.push("");
  }
  const total = errors + warnings;
  const exceeded = exceededWarnings(warningLimit);
  const files = `${results.length} file${results.length === 1 ? "" : "s"} checked`;
  // --quiet leaves the warnings out, not out of the count the run fails on.
  if (total === 0 && exceeded) return c.red.bold(`✖ ${files}: ${exceeded} (not shown: --quiet)`) + "\n";
  if (total === 0) return c.green(`✔ ${files}: no problems`) + "\n";
  const summary = `✖ ${total} problem${total === 1 ? "" : "s"} (${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"})${exceeded ? `: ${exceeded}` : ""}`;
  out.push((errors > 0 || exceeded ? c.red.bold : c.yellow.bold)(summary));
  return out.join("\n") + "\n";
};

export const stylish: Reporter = {
  id: "stylish",
  description: "Human-readable findings grouped by file, with a summary line",
  docs: "The default terminal format: each file's findings as `line:column  severity  message  rule`, then a summary. Colour when the terminal supports it; tool names and file names are shown escaped so a name cannot inject terminal control sequences.",
  format,
};
