/** The linter: rules over the Spec model, their catalog, configuration and suppressions. */
export { lintChecked, lintFiles, lintSource, summarize, type LintSummary } from "./lint.js";
export { createLintRun, lintSpec, DEFAULT_RULE_OPTIONS, type LintConfig, type LintRunState, type LintSpecOptions } from "./engine.js";
export { rules } from "./rules/index.js";
export { BUILTIN_RULES, MCP_RULE_IDS, ruleCatalog, ruleDocsUrl, type RuleMeta } from "./catalog.js";
export { CONFIG_FILE_NAME, findConfigFile, loadConfig, parseConfig, type LoadConfigOptions, type LoadedConfig } from "./config.js";
export type { Finding, LintRun, Rule, RuleContext, RuleOptions, RuleSetting } from "./types.js";
