/** `--format github`: each widened change a workflow-command annotation at its line (the lint GitHub reporter, over findings.ts). */
import { formatters } from "../../report/index.js";
import { findingsOf } from "./findings.js";
import type { DiffReporter } from "./types.js";

export const github: DiffReporter = {
  id: "github",
  description: "GitHub Actions annotations: each widened change a ::warning at its line",
  docs: "The lint GitHub reporter over the widened changes: one `::warning file=\u2026,line=\u2026,col=\u2026,title=<kind>::\u2026` per widened change, its witness in the message.",
  format(diffs, { cwd }) {
    return formatters.github(findingsOf(diffs), { color: false, cwd });
  },
};
