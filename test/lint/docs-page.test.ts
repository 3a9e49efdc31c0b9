/**
 * Rule docs pages (docs/rules/<id>.md): one per rule id a finding can carry, generated from the
 * rule's own docs (`npm run docs:rules`; `npm test` fails on drift), and the page SARIF's helpUri
 * and `agentspec rules --format json` link to, at the release tag of the package's version.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { version } from "../../src/cli/version.js";
import { ruleCatalog, ruleDocsUrl } from "../../src/lint/catalog.js";
import { ruleDocsIndex, ruleDocsPage } from "../../src/lint/docs-page.js";
import { mcpRules } from "../../src/mcp/rules/index.js";
import { formatters } from "../../src/report/index.js";
import { runCli } from "../helpers/run-cli.js";

const catalog = ruleCatalog();
/** Every rule with a page: lint's and the MCP drift rules. */
const documented = [...catalog, ...mcpRules];

describe("docs/rules/", () => {
  it("has exactly one page per rule, as the rule's docs generate it, and an index", () => {
    expect(readdirSync("docs/rules").sort()).toEqual(["README.md", ...documented.map((r) => `${r.id}.md`)].sort());
    for (const rule of catalog) expect(readFileSync(`docs/rules/${rule.id}.md`, "utf8"), rule.id).toBe(ruleDocsPage(rule));
    for (const rule of mcpRules) {
      expect(readFileSync(`docs/rules/${rule.id}.md`, "utf8"), rule.id).toBe(ruleDocsPage(rule, `src/mcp/rules/${rule.id}.ts`));
    }
    expect(readFileSync("docs/rules/README.md", "utf8")).toBe(ruleDocsIndex(documented));
  });

  it("each page carries the rule's docs and links a source file that exists", () => {
    for (const rule of documented) {
      const page = readFileSync(`docs/rules/${rule.id}.md`, "utf8");
      expect(page).toContain(`# \`${rule.id}\``);
      expect(page).toContain(rule.docs.trim());
      const source = /\]\(\.\.\/\.\.\/([^)]+)\)/.exec(page)?.[1];
      expect(source && existsSync(source), `${rule.id}: ${source}`).toBe(true);
    }
  });
});

describe("links to the pages", () => {
  it("SARIF's helpUri names the page at the tag of the version it reports", () => {
    const log = JSON.parse(formatters.sarif([], { color: false, cwd: process.cwd(), version })) as {
      runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } } }[];
    };
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(catalog.map((r) => r.id));
    for (const rule of [...rules, ...mcpRules.map((r) => ({ id: r.id, helpUri: ruleDocsUrl(r.id, version) }))]) {
      expect(rule.helpUri).toBe(`https://github.com/agentspec/agentspec/blob/v${version}/docs/rules/${rule.id}.md`);
      expect(existsSync(`docs/rules/${rule.id}.md`)).toBe(true);
    }
  });

  it("without a version, the link is the page on main", () => {
    expect(ruleDocsUrl("stale-review")).toBe("https://github.com/agentspec/agentspec/blob/main/docs/rules/stale-review.md");
  });
});

describe("agentspec rules <id>", () => {
  it("prints that rule's docs page, or its entry as JSON", async () => {
    const page = await runCli("rules", "deny-overlaps-allow");
    expect(page).toMatchObject({ code: 0, stdout: readFileSync("docs/rules/deny-overlaps-allow.md", "utf8") });
    const json = await runCli("rules", "stale-review", "--format", "json");
    expect(JSON.parse(json.stdout)).toMatchObject({ id: "stale-review", severity: "warning", url: ruleDocsUrl("stale-review", version) });
  });

  it("names a likely rule for a misspelled id, and exits 2", async () => {
    expect(await runCli("rules", "deny-overlap-allow")).toMatchObject({
      code: 2,
      stderr: 'agentspec: No rule "deny-overlap-allow": did you mean "deny-overlaps-allow"? (`agentspec rules` lists every rule)\n',
    });
    expect((await runCli("rules", "no-such-thing-at-all")).stderr).toBe(
      'agentspec: No rule "no-such-thing-at-all" (`agentspec rules` lists every rule)\n',
    );
  });
});
