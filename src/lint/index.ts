/** Lints spec files: syntax, schema, then every rule on the model. */
import { compareDiagnostics, type FileResult } from "../diagnostics.js";
import { findSpecFiles, type FindOptions } from "../load/index.js";
import { checkSource, loadSpec, type CheckedSource } from "../model/index.js";
import type { SourceDoc } from "../load/index.js";
import { lintSpec, type LintConfig } from "./engine.js";

export { lintSpec, DEFAULT_RULE_OPTIONS, type LintConfig } from "./engine.js";
export { rules } from "./rules/index.js";
export { BUILTIN_RULES, ruleCatalog, ruleDocsUrl, type RuleMeta } from "./catalog.js";
export { CONFIG_FILE_NAME, findConfigFile, loadConfig, parseConfig, type LoadConfigOptions, type LoadedConfig } from "./config.js";
export type { Finding, Rule, RuleContext, RuleOptions, RuleSetting } from "./types.js";

export interface LintSummary {
  results: FileResult[];
  errorCount: number;
  warningCount: number;
}

export function lintChecked(checked: CheckedSource, config: LintConfig = {}): FileResult {
  const diagnostics = checked.spec ? [...checked.diagnostics, ...lintSpec(checked.spec, config)] : [...checked.diagnostics];
  return { file: checked.source.file, diagnostics: diagnostics.sort(compareDiagnostics) };
}

/** Lints one parsed document. */
export function lintSource(source: SourceDoc, config: LintConfig = {}): FileResult {
  return lintChecked(checkSource(source), config);
}

/**
 * Files read and linted at a time: enough to keep the disk busy, few enough that only results
 * stay in memory, not every file's text and model (10,000 specs held at once took 550 MB).
 */
const LINT_BATCH = 64;

/** Lints every spec under `paths`. Throws AgentspecError when a path is missing or matches nothing. */
export async function lintFiles(paths: readonly string[], config: LintConfig & FindOptions = {}): Promise<LintSummary> {
  const files = await findSpecFiles(paths, config);
  const results: FileResult[] = [];
  for (let start = 0; start < files.length; start += LINT_BATCH) {
    const batch = files.slice(start, start + LINT_BATCH);
    results.push(...(await Promise.all(batch.map(async (file) => lintChecked(await loadSpec(file), config)))));
  }
  return summarize(results);
}

export function summarize(results: FileResult[]): LintSummary {
  let errorCount = 0;
  let warningCount = 0;
  for (const result of results) {
    for (const d of result.diagnostics) {
      if (d.severity === "error") errorCount++;
      else warningCount++;
    }
  }
  return { results, errorCount, warningCount };
}
