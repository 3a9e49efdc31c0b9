/** `agentspec rules`: every rule id a finding can carry, with its default severity and what it finds. */
import type { Argv } from "yargs";
import { ruleCatalog, ruleDocsUrl, type RuleMeta } from "../lint/catalog.js";
import { mcpRuleCatalog } from "../mcp/drift.js";
import { EXIT, type CliIO } from "./io.js";

export const RULES_FORMATS = ["table", "json"] as const;

export interface RulesArgs {
  format: (typeof RULES_FORMATS)[number];
}

export function rulesBuilder(yargs: Argv): Argv<RulesArgs> {
  return yargs.option("format", {
    alias: "f",
    choices: RULES_FORMATS,
    default: "table" as RulesArgs["format"],
    describe: "table for people, json for machines",
  }) as unknown as Argv<RulesArgs>;
}

/** Lint's rules, then those mcp check (and lint --mcp) reports: a config may set any of them. */
export async function runRules(
  args: RulesArgs,
  io: CliIO,
  rules: readonly RuleMeta[] = [...ruleCatalog(), ...mcpRuleCatalog()],
): Promise<number> {
  io.stdout(args.format === "json" ? rulesJson(rules) : rulesTable(rules));
  return EXIT.ok;
}

/** [{ id, severity, description, docs, url }] in the order `rulesTable` prints. */
export function rulesJson(rules: readonly RuleMeta[]): string {
  const entries = rules.map(({ id, severity, description, docs }) => ({ id, severity, description, docs, url: ruleDocsUrl(id) }));
  return JSON.stringify(entries, null, 2) + "\n";
}

export function rulesTable(rules: readonly RuleMeta[]): string {
  const header = { id: "rule", severity: "default", description: "description" };
  const rows = [header, ...rules];
  const idWidth = Math.max(...rows.map((r) => r.id.length));
  const severityWidth = Math.max(...rows.map((r) => r.severity.length));
  const lines = rows.map((r) => `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(severityWidth)}  ${r.description}`.trimEnd());
  return (
    lines.join("\n") +
    `\n\n${rules.length} rule${rules.length === 1 ? "" : "s"}. Set a rule's severity, or turn it off, in agentspec.config.json.\n`
  );
}
