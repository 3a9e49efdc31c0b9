/** `--format github`: each widened change a workflow-command annotation at its line (the lint GitHub reporter, over findings.ts). */
import { formatters } from "../../report/index.js";
import { findingsOf } from "./findings.js";
import type { DiffReporter } from "./types.js";

export const github: DiffReporter = {
  id: "github",
  description: "GitHub Actions annotations: each widened change a ::warning at its line",
  format(diffs, { cwd }) {
    return formatters.github(findingsOf(diffs), { color: false, cwd });
  },
};
