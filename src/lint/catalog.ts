/**
 * Every rule id a finding can carry, with its metadata: the registered rules plus the three the
 * pipeline reports itself (syntax, schema, unused-suppression). Reporters and `agentspec rules`
 * read this, so a rule is described in one place.
 */
import { rules as registeredRules } from "./rules/index.js";
import type { Rule } from "./types.js";

/** What a reporter or a listing needs to know about a rule: everything but its check. */
export type RuleMeta = Pick<Rule, "id" | "severity" | "description" | "docs">;

/** The repository, where each rule's docs page is (docs/rules/<id>.md). */
export const REPOSITORY_URL = "https://github.com/agentspec/agentspec";

export const UNUSED_SUPPRESSION = "unused-suppression";

/** Ids the pipeline reports without a rule module. Only unused-suppression is configurable. */
export const BUILTIN_RULES: readonly RuleMeta[] = [
  {
    id: "syntax",
    severity: "error",
    description: "The file is not well-formed JSON or YAML (or repeats a key)",
    docs: [
      "A spec must parse before anything else can be checked: a syntax error, a duplicate key, an empty",
      "or binary file, or more than one YAML document stops the file here.",
      "",
      "Fix the file at the reported line and column. This check cannot be turned off or suppressed.",
    ].join("\n"),
  },
  {
    id: "schema",
    severity: "error",
    description: "The spec does not match the agentspec (or AgentAz) JSON Schema",
    docs: [
      "Every spec is validated against `schema/agentspec.schema.json` (AgentAz files against the AgentAz",
      "v1.0 schema): unknown or misspelled properties, wrong types, missing required fields and values",
      "outside their allowed set are reported here, and the lint rules run only on a schema-valid spec.",
      "",
      "Fix the property named in the message. This check cannot be turned off or suppressed.",
    ].join("\n"),
  },
  {
    id: UNUSED_SUPPRESSION,
    severity: "warning",
    description: "A suppression in the spec suppresses nothing, or names no rule",
    docs: [
      "An entry in `suppressions` accepts a lint finding on purpose. When the finding is gone (the spec",
      "was fixed, or the suppression names the wrong tool) or the rule id is misspelled, the entry only",
      "hides future findings nobody reviewed.",
      "",
      "```yaml",
      "suppressions:",
      "  - { rule: no-such-rule, reason: typo }   # reported: not a rule",
      "```",
      "",
      "Remove the entry, or correct its `rule` and `tool`. `agentspec rules` lists the rule ids.",
    ].join("\n"),
  },
];

/** Built-in and registered rules, each once (a registered rule wins over a built-in of its id). */
export function ruleCatalog(rules: readonly RuleMeta[] = registeredRules): RuleMeta[] {
  const registered = new Set(rules.map((r) => r.id));
  const catalog = [...BUILTIN_RULES.filter((r) => !registered.has(r.id)), ...rules];
  return catalog.map(({ id, severity, description, docs }): RuleMeta => ({ id, severity, description, docs }));
}

/**
 * Where a rule's docs can be read on the web: its page docs/rules/<id>.md (generated from the
 * rule's docs), at the release tag of `version` so a link stays true to the rules that version
 * runs, or on main without a version.
 */
export function ruleDocsUrl(id: string, version?: string): string {
  // mcp-tool-list and mcp-lock: reported by mcp check itself, described in the README.
  if (id.startsWith("mcp-") && !MCP_RULE_IDS.includes(id)) return `${REPOSITORY_URL}#mcp`;
  return `${REPOSITORY_URL}/blob/${version === undefined ? "main" : `v${version}`}/docs/rules/${encodeURIComponent(id)}.md`;
}

/**
 * The rules `agentspec mcp check` and `agentspec lint --mcp` run against the spec's MCP servers
 * (src/mcp/rules/, which test/mcp/rules.test.ts keeps equal to this list). Lint knows their ids
 * so a config may set them and a spec may suppress them without being told they are not rules.
 */
export const MCP_RULE_IDS: readonly string[] = [
  "mcp-tool-undeclared",
  "mcp-tool-missing",
  "mcp-effect-understated",
  "mcp-definition-changed",
];

/** The ids a config file may set: every registered rule, the MCP rules and unused-suppression. */
export function configurableRuleIds(rules: readonly RuleMeta[] = registeredRules): Set<string> {
  return new Set([...rules.map((r) => r.id), ...MCP_RULE_IDS, UNUSED_SUPPRESSION]);
}

export function isBuiltinRule(id: string): boolean {
  return BUILTIN_RULES.some((r) => r.id === id);
}
