/** The default, human format: each spec's changes by line, each widened one with its witness or why it has none. */
import { printable } from "../../diagnostics.js";
import { colors } from "../../report/colors.js";
import { formatters } from "../../report/index.js";
import type { AuthorityChange } from "../types.js";
import { describeCall, describeOutcome, summaryLine, tally } from "./text.js";
import type { DiffReporter } from "./types.js";

export const stylish: DiffReporter = {
  id: "stylish",
  description: "Each spec's changes by line, with the witnesses: for a terminal",
  docs: "Each spec with changes, underlined, then one line per change: `line:column` (`old line:column` for something removed), the direction, the kind and the message; under a widened change its witness (`witness tool {args}: before \u2192 after`) or why it has none. A summary line ends it.",
  format(diffs, options) {
    const c = colors(Boolean(options.color));
    const out: string[] = [];
    const problems = diffs.flatMap((d) => d.problems);
    if (problems.length > 0) out.push(formatters.stylish(problems, options).trimEnd(), "");
    for (const diff of diffs) {
      if (diff.changes.length === 0) continue;
      const was =
        diff.old === null
          ? " (new)"
          : diff.status === "removed"
            ? " (removed)"
            : diff.old !== diff.file
              ? ` (was ${printable(diff.old)})`
              : "";
      out.push(c.underline(printable(diff.file)) + c.dim(was));
      const width = Math.max(...diff.changes.map((ch) => position(ch).length));
      const kindWidth = Math.max(...diff.changes.map((ch) => ch.kind.length));
      for (const change of diff.changes) {
        const direction =
          change.direction === "widened" ? c.red("widened ") : change.direction === "narrowed" ? c.green("narrowed") : c.dim("neutral ");
        out.push(
          `  ${c.dim(position(change).padEnd(width))}  ${direction}  ${change.kind.padEnd(kindWidth)}  ${printable(change.message)}`,
        );
        const indent = " ".repeat(width + 14);
        if (change.witness)
          out.push(`  ${indent}${c.bold("witness")} ${printable(describeCall(change.witness.call))}: ${describeOutcome(change.witness)}`);
        else if (change.noWitness) out.push(`  ${indent}${c.dim(`no witness: ${printable(change.noWitness)}`)}`);
      }
      out.push("");
    }
    const t = tally(diffs);
    const line = summaryLine(t);
    out.push(t.widened > 0 ? c.red.bold(`✖ ${line}`) : t.invalid > 0 ? c.red.bold(`✖ ${line}`) : c.green(`✔ ${line}`));
    return out.join("\n") + "\n";
  },
};

/** 12:5, or old 12:5 for a change located in the old file. */
function position(change: AuthorityChange): string {
  return `${change.side === "old" ? "old " : ""}${change.line}:${change.column}`;
}
