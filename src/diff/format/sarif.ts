/** `--format sarif`: each widened change a SARIF result at its line (the lint SARIF reporter, over findings.ts). */
import { formatters, ruleCatalog } from "../../report/index.js";
import { findingsOf, kindRules } from "./findings.js";
import type { DiffReporter } from "./types.js";

export const sarif: DiffReporter = {
  id: "sarif",
  description: "SARIF 2.1.0 for GitHub code scanning: each widened change a result at its line",
  docs: "The lint SARIF 2.1.0 log over the widened changes: each a `warning` result whose rule id is its kind, at its line in the new file; specs that could not be compared give their syntax and schema errors.",
  format(diffs, { cwd, version }) {
    return formatters.sarif(findingsOf(diffs), { color: false, cwd, version, rules: [...ruleCatalog(), ...kindRules()] });
  },
};
