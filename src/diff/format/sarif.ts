/** `--format sarif`: each widened change a SARIF result at its line (the lint SARIF reporter, over findings.ts). */
import { ruleCatalog } from "../../lint/catalog.js";
import { formatters } from "../../report/index.js";
import { findingsOf, kindRules } from "./findings.js";
import type { DiffReporter } from "./types.js";

export const sarif: DiffReporter = {
  id: "sarif",
  description: "SARIF 2.1.0 for GitHub code scanning: each widened change a result at its line",
  format(diffs, { cwd, version }) {
    return formatters.sarif(findingsOf(diffs), { color: false, cwd, version, rules: [...ruleCatalog(), ...kindRules()] });
  },
};
