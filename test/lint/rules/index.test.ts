import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { rules } from "../../../src/lint/rules/index.js";
import { docsExamples } from "../../../src/lint/docs.js";
import type { Rule } from "../../../src/lint/types.js";
import { parseSource } from "../../../src/load/index.js";
import { lintRule } from "../../helpers/lint-rule.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const rulesDir = path.resolve(here, "../../../src/lint/rules");
const ruleFiles = readdirSync(rulesDir).filter((f) => f.endsWith(".ts") && f !== "index.ts");
/** stale-review's docs examples are dated; they are checked on a fixed day. */
const now = new Date("2026-11-23T12:00:00Z");

describe("the rule registry", () => {
  it("registers every rule file, sorted by id", () => {
    expect(rules.map((r) => `${r.id}.ts`)).toEqual([...ruleFiles].sort());
    expect(rules.map((r) => r.id)).toEqual([...rules.map((r) => r.id)].sort());
    expect(rules).toHaveLength(21);
  });

  it.each(ruleFiles)("%s exports the rule named after the file", async (file) => {
    const exported = Object.values(await import(path.join(rulesDir, file))) as Rule[];
    expect(exported.map((r) => r.id)).toEqual([file.replace(/\.ts$/, "")]);
    expect(rules).toContain(exported[0]);
  });

  it.each(rules.map((r) => [r.id, r] as const))("%s describes itself and has a test file", (id, rule) => {
    expect(["error", "warning"]).toContain(rule.severity);
    expect(rule.description).toMatch(/^[A-Z][^\n]{10,100}[^.]$/);
    expect(rule.docs).toContain("**Fix:**");
    expect(existsSync(path.join(here, `${id}.test.ts`))).toBe(true);
  });

  it.each(rules.map((r) => [r.id] as const))("%s: its failing example fails and its passing example passes", (id) => {
    const { fails, passes, kit } = docsExamples(rules.find((r) => r.id === id)!.docs);
    expect(fails).toBeDefined();
    expect(passes).toBeDefined();
    const config = { options: { now } };
    const companions = kit === undefined ? {} : { kit: parseSource("kit.json", kit) };
    expect(lintRule(id, fails!, undefined, config, companions).map((d) => d.ruleId)).toContain(id);
    expect(lintRule(id, passes!, undefined, config, companions)).toEqual([]);
  });
});
