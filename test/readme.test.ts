/** The README's tables of rules and commands stay true to the code. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rules } from "../src/lint/index.js";

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
    for (const command of ["lint", "compile", "rules", "decide", "test", "tier", "import", "sign", "verify", "audit verify"]) {
      expect(cli, command).toContain(`agentspec ${command} `);
    }
  });
});
