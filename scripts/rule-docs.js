#!/usr/bin/env node
// Writes docs/rules/<id>.md for every rule id a finding can carry, and docs/rules/README.md,
// from the rules' own docs (the built library: run after `npm run build`). --check writes
// nothing and fails when a page is missing, differs, or names no rule (drift).
import { readdir, readFile, writeFile, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ruleCatalog } from "../dist/src/lint/catalog.js";
import { ruleDocsIndex, ruleDocsPage } from "../dist/src/lint/docs-page.js";
import { mcpRules } from "../dist/src/mcp/rules/index.js";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../docs/rules");
const check = process.argv.includes("--check");
// The lint rules and the MCP drift rules (agentspec mcp check, lint --mcp), whose docs live in src/mcp/rules/.
const rules = [...ruleCatalog(), ...mcpRules];
const pages = new Map(
  rules.map((rule) => [`${rule.id}.md`, ruleDocsPage(rule, mcpRules.includes(rule) ? `src/mcp/rules/${rule.id}.ts` : undefined)]),
);
pages.set("README.md", ruleDocsIndex(rules));

await mkdir(dir, { recursive: true });
const present = await readdir(dir);
const problems = [];
for (const [name, text] of pages) {
  const file = path.join(dir, name);
  const current = await readFile(file, "utf8").catch(() => undefined);
  if (current === text) continue;
  if (check) problems.push(`docs/rules/${name} ${current === undefined ? "is missing" : "is out of date"}`);
  else await writeFile(file, text);
}
for (const name of present.filter((n) => !pages.has(n))) {
  if (check) problems.push(`docs/rules/${name} names no rule`);
  else await rm(path.join(dir, name));
}
if (problems.length > 0) {
  console.error(`${problems.join("\n")}\nRun \`npm run docs:rules\` to regenerate docs/rules/.`);
  process.exitCode = 1;
}
