/**
 * `agentspec rules [id]`: every rule id a finding can carry, with its default severity and what it
 * finds; with an id, that rule's docs page.
 */
import type { Argv } from "yargs";
import { closestName } from "../diagnostics.js";
import { AgentspecError } from "../errors.js";
import { ruleCatalog, ruleDocsUrl, type RuleMeta } from "../lint/catalog.js";
import { mcpRuleCatalog } from "../mcp/drift.js";
import { ruleDocsPage } from "../lint/docs-page.js";
import { EXIT, writeReport, type CliIO } from "./io.js";
import { addOptions, RULES_OPTIONS } from "./options.js";
import { version } from "./version.js";

export interface RulesArgs {
  /** `stylish` (a table, or the rule's page) for people, `json` for machines; `table` is 0.1.0's name for stylish. */
  format: "stylish" | "json";
  id?: string;
  outputFile?: string;
}

export function rulesBuilder(yargs: Argv): Argv<RulesArgs> {
  yargs.positional("id", { type: "string", describe: "A rule id: print that rule's docs" });
  return addOptions(yargs, RULES_OPTIONS) as unknown as Argv<RulesArgs>;
}

/** Lint's rules, then those mcp check (and lint --mcp) reports: a config may set any of them. */
export async function runRules(
  args: RulesArgs,
  io: CliIO,
  rules: readonly RuleMeta[] = [...ruleCatalog(), ...mcpRuleCatalog()],
): Promise<number> {
  if (args.id !== undefined) {
    const rule = rules.find((r) => r.id === args.id);
    if (!rule) {
      const suggestion = closestName(
        args.id,
        rules.map((r) => r.id),
        { ignoreCase: true },
      );
      throw new AgentspecError(
        "BAD_ARGUMENT",
        `No rule "${args.id}"${suggestion ? `: did you mean "${suggestion}"?` : ""} (\`agentspec rules\` lists every rule)`,
      );
    }
    await writeReport(io, args.outputFile, args.format === "json" ? JSON.stringify(ruleEntry(rule), null, 2) + "\n" : ruleDocsPage(rule));
    return EXIT.ok;
  }
  await writeReport(io, args.outputFile, args.format === "json" ? rulesJson(rules) : rulesTable(rules));
  return EXIT.ok;
}

/** [{ id, severity, description, docs, url }] in the order `rulesTable` prints. */
export function rulesJson(rules: readonly RuleMeta[]): string {
  return JSON.stringify(rules.map(ruleEntry), null, 2) + "\n";
}

/** A rule for machines; `url` is its docs page at this version's tag. */
function ruleEntry({ id, severity, description, docs }: RuleMeta) {
  return { id, severity, description, docs, url: ruleDocsUrl(id, version === "unknown" ? undefined : version) };
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
