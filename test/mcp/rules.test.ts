/** The MCP rule registry: one rule per file, named after it, registered once, known to lint, documented. */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MCP_RULE_IDS, ruleDocsUrl } from "../../src/lint/catalog.js";
import { mcpRuleCatalog } from "../../src/mcp/drift.js";
import { mcpRules } from "../../src/mcp/rules/index.js";
import type { McpRule } from "../../src/mcp/rules/types.js";

const rulesDir = path.resolve("src/mcp/rules");
const ruleFiles = readdirSync(rulesDir).filter((f) => f.endsWith(".ts") && f !== "index.ts" && f !== "types.ts");

describe("the MCP rule registry", () => {
  it.each(ruleFiles)("%s exports the rule named after the file, registered once", async (file) => {
    const exported = Object.values(await import(path.join(rulesDir, file))) as McpRule[];
    expect(exported.map((r) => r.id)).toEqual([file.replace(/\.ts$/, "")]);
    expect(mcpRules.filter((r) => r === exported[0])).toHaveLength(1);
    expect(exported[0]!.docs).toMatch(/\*\*Fix:\*\* /);
    expect(exported[0]!.description).not.toMatch(/\.$/);
  });

  it("registers every file, and lint knows exactly these ids", () => {
    expect(mcpRules.map((r) => `${r.id}.ts`).sort()).toEqual([...ruleFiles].sort());
    expect([...MCP_RULE_IDS].sort()).toEqual(mcpRules.map((r) => r.id).sort());
  });

  it("links each rule to its docs page (generated from its docs), and the built-in ones to the README", () => {
    for (const rule of mcpRules) {
      expect(ruleDocsUrl(rule.id)).toBe(`https://github.com/agentspec/agentspec/blob/main/docs/rules/${rule.id}.md`);
      expect(existsSync(`docs/rules/${rule.id}.md`), rule.id).toBe(true);
    }
    expect(mcpRuleCatalog().map((r) => r.id)).toEqual([...mcpRules.map((r) => r.id), "mcp-tool-list", "mcp-lock"]);
    expect(ruleDocsUrl("mcp-tool-list")).toBe("https://github.com/agentspec/agentspec#mcp");
  });
});
