/** The README's tables of rules and commands stay true to the code. */
import { spawnSync } from "node:child_process";
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

/** This clone's git, or undefined where there is none (a tarball) or the command fails. */
function git(...args: string[]): string | undefined {
  const run = spawnSync("git", args, { encoding: "utf8" });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

describe("README pins", () => {
  // A pre-commit `rev:` (and an Action's `@ref`) that names nothing fails the user's first run.
  // A commit hash travels with every clone of main; a tag may not, so the pins are hashes with
  // the version they are as a comment (pre-commit's own `# frozen:` style).
  const pin = /rev: ([0-9a-f]{40}) {2}# frozen: v(\S+)/.exec(readme);
  const history = git("rev-parse", "--is-shallow-repository") === "false";

  it("the pre-commit rev and the Action's ref are one full commit hash, commented with the package's version", () => {
    expect(pin, "a `rev: <40 hex>  # frozen: v<version>` line").not.toBeNull();
    expect(pin![2]).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
    expect(readme).toContain(`uses: agentspec/agentspec@${pin![1]} # v${pin![2]}`);
    expect(readme).toContain(`npm install -D git+https://github.com/agentspec/agentspec.git#${pin![1]}`);
  });

  it.skipIf(history)("skipped: no full git history here (a tarball or a shallow clone) to find the pinned commit in", () => {});
  it.skipIf(!history)("the pinned commit is in this repository's history and carries the pre-commit hook and the action", () => {
    const commit = pin![1]!;
    expect(git("cat-file", "-t", commit)).toBe("commit");
    expect(git("merge-base", "--is-ancestor", commit, "HEAD"), "an ancestor of HEAD").toBe("");
    expect(git("show", `${commit}:.pre-commit-hooks.yaml`)).toContain("id: agentspec-lint");
    expect(git("show", `${commit}:action.yml`)).toContain("using: node24");
    // Where the tag is here, it names the same commit.
    const tagged = git("rev-parse", "--verify", "--quiet", `v${pin![2]}^{commit}`);
    if (tagged !== undefined) expect(tagged).toBe(commit);
  });
});
