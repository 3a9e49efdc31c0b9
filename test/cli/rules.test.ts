import { describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { runRules } from "../../src/cli/rules.js";
import { version } from "../../src/cli/version.js";
import { ruleCatalog, type RuleMeta } from "../../src/lint/catalog.js";
import { rules } from "../../src/lint/rules/index.js";
import { mcpRules } from "../../src/mcp/rules/index.js";

function capture(): { io: CliIO; out: () => string } {
  let stdout = "";
  return { io: { stdout: (t) => (stdout += t), stderr: () => {}, color: false, cwd: process.cwd() }, out: () => stdout };
}

const FAKE: RuleMeta[] = [
  { id: "deny-overlaps-allow", severity: "error", description: "A tool is both allowed and denied", docs: "Docs." },
];

describe("agentspec rules", () => {
  it("prints a table of every rule with its default severity", async () => {
    const { io, out } = capture();
    expect(await runRules({ format: "stylish" }, io, ruleCatalog(FAKE))).toBe(0);
    expect(out()).toBe(
      [
        "rule                 default  description",
        "syntax               error    The file is not well-formed JSON or YAML (or repeats a key)",
        "schema               error    The spec does not match the agentspec (or AgentAz) JSON Schema",
        "unused-suppression   warning  A suppression in the spec suppresses nothing, or names no rule",
        "deny-overlaps-allow  error    A tool is both allowed and denied",
        "",
        "4 rules. Set a rule's severity, or turn it off, in agentspec.config.json.",
        "",
      ].join("\n"),
    );
  });

  it("prints JSON for machines", async () => {
    const { io, out } = capture();
    await runRules({ format: "json" }, io, FAKE);
    expect(JSON.parse(out())).toEqual([
      {
        id: "deny-overlaps-allow",
        severity: "error",
        description: "A tool is both allowed and denied",
        docs: "Docs.",
        url: `https://github.com/agentspec/agentspec/blob/v${version}/docs/rules/deny-overlaps-allow.md`,
      },
    ]);
  });

  it("lists the built-in checks, every registered rule and the MCP rules through the CLI", async () => {
    const { io, out } = capture();
    expect(await main(["rules", "--format", "json"], io)).toBe(0);
    const listed = JSON.parse(out()) as { id: string; severity: string; description: string }[];
    expect(listed.map((r) => r.id)).toEqual([
      "syntax",
      "schema",
      "unused-suppression",
      ...rules.map((r) => r.id),
      ...mcpRules.map((r) => r.id),
      "mcp-tool-list",
      "mcp-lock",
    ]);
    for (const entry of listed) {
      expect(["error", "warning"]).toContain(entry.severity);
      expect(entry.description.length).toBeGreaterThan(0);
    }
  });
});
