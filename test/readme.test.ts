/** The README's tables of rules and commands stay true to the code. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { CHANGE_KINDS } from "../src/diff/index.js";
import { rules } from "../src/lint/index.js";
import { mcpRules } from "../src/mcp/rules/index.js";
import { runCliIn } from "./helpers/run-cli.js";

const readme = readFileSync("README.md", "utf8");

function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  expect(start, `README has a "${title}" section`).toBeGreaterThan(-1);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

describe("README", () => {
  it("lists every lint rule with its default severity and description, in registry order", () => {
    const rows = [...section("Lint rules").matchAll(/^\| `([a-z-]+)` \| ([a-z /]+) \| (.+) \|$/gm)].map(
      ([, id, severity, description]) => ({ id, severity: severity!.split(" / ")[0], description }),
    );
    expect(rows).toEqual(rules.map(({ id, severity, description }) => ({ id, severity, description })));
  });

  it("names every command in its CLI section", async () => {
    const cli = section("The CLI");
    for (const command of [
      "lint",
      "compile",
      "rules",
      "decide",
      "test",
      "tier",
      "import",
      "sign",
      "verify",
      "audit verify",
      "diff",
      "mcp init",
      "mcp lock",
      "mcp check",
    ]) {
      expect(cli, command).toContain(`agentspec ${command} `);
    }
  });

  it("lists every kind of authority change with its direction, in catalog order", () => {
    const rows = [
      ...section("Reviewing a change of authority").matchAll(/^\| `([a-z-]+)` \| (widened|narrowed|neutral|computed) \| (.+) \|$/gm),
    ].map(([, id, direction, description]) => ({ id, direction, description }));
    expect(rows).toEqual(CHANGE_KINDS.map(({ id, direction, description }) => ({ id, direction, description })));
  });

  it("shows what agentspec diff prints for the spec format's example with its approval threshold raised", async () => {
    const example = /## The spec format\n[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(example).toContain("when: { arg: amount, gt: 100 }");
    const dir = await mkdtemp(path.join(tmpdir(), "agentspec-readme-"));
    await writeFile(path.join(dir, "before.agentspec.yaml"), example);
    await writeFile(path.join(dir, "after.agentspec.yaml"), example.replace("gt: 100 }", "gt: 500 }"));
    const { code, stdout } = await runCliIn(dir, "diff", "before.agentspec.yaml", "after.agentspec.yaml");
    expect(code).toBe(0);
    expect(stdout).toContain('witness billing.refund {"amount":101}: require_approval (approval) → allow (allowed)');
    const shown = /\$ npx agentspec diff before\.agentspec\.yaml after\.agentspec\.yaml\n([\s\S]*?)```/.exec(
      section("Reviewing a change of authority"),
    )![1];
    expect(shown).toBe(stdout);
  });

  it("lists every MCP rule with its default severity and description, in registry order", () => {
    const rows = [...section("MCP").matchAll(/^\| `(mcp-[a-z-]+)` \| ([a-z /]+) \| (.+) \|$/gm)].map(([, id, severity, description]) => ({
      id,
      severity: severity!.split(" / ")[0],
      description,
    }));
    expect(rows.slice(0, mcpRules.length)).toEqual(mcpRules.map(({ id, severity, description }) => ({ id, severity, description })));
  });
});
