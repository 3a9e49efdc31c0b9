import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { veto } from "../../src/compile/targets/veto.js";
import { compilePolicy } from "../../src/policy/compile-policy.js";
import { vetoImporter } from "../../src/import/veto.js";
import { parseSource } from "../../src/load/index.js";
import { checkSource, loadSpecs, type Spec } from "../../src/model/index.js";
import { decide } from "../../src/policy/decide.js";
import { corpusPath, hasCorpus } from "../helpers/corpus.js";
import { emit } from "../helpers/emit.js";
import { importText, refusal } from "../helpers/import.js";

function imported(text: string, file = "rules.veto.yaml"): { spec: Spec; notes: string[]; yaml: string } {
  const { yaml, notes } = importText(vetoImporter, text, file);
  const checked = checkSource(parseSource("imported.agentspec.yaml", yaml));
  expect(checked.diagnostics).toEqual([]);
  return { spec: checked.spec!, notes, yaml };
}

/** What the Veto IR carries of a spec. */
function authority(spec: Spec) {
  return {
    tools: spec.tools.map((t) => ({ name: t.name, effect: t.effect, approval: t.approval ?? null, limits: t.limits })),
    deny: spec.deny,
  };
}

describe("veto importer", () => {
  it("round-trips every example spec: agentspec → veto → agentspec keeps tools, effects, gates, limits and denies, and decides every test case alike", async () => {
    const checked = await loadSpecs(["specs/"]);
    for (const { spec } of checked) {
      const { spec: back, notes } = imported(emit(veto, spec!)[0]!.contents);
      expect(notes, spec!.agent.id).toEqual([]);
      expect(back.agent.id).toBe(spec!.agent.id);
      expect(authority(back), spec!.agent.id).toEqual(authority(spec!));
      const policy = compilePolicy(back);
      for (const test of spec!.tests)
        expect({ call: test.call, decision: decide(policy, test.call).decision }).toEqual({ call: test.call, decision: test.expect });
    }
  });

  it("refuses an export whose rules no longer say what their agentspec metadata says", async () => {
    const [first] = await loadSpecs(["specs/"]);
    const text = emit(veto, first!.spec!)[0]!.contents;
    const edited = text.replace("field: agentspec.call\n        operator: not_equals", "field: agentspec.call\n        operator: equals");
    expect(edited).not.toBe(text);
    expect(refusal(vetoImporter, edited, "r.veto.yaml")).toEqual([
      "1:1 its rules carry agentspec's metadata but the rules differ from what the veto target writes for that metadata: compile the spec again (agentspec compile --target veto), or remove the agentspec rules and tags to import it as any Veto file",
    ]);
  });

  it("reads an approval rule with condition groups as a gate with any", () => {
    const text = `version: "1.0"\nname: mail\nrules:\n  - id: gate\n    name: Gate\n    action: block\n    tools: [send_email]\n    tags: [approval]\n    metadata: { channel: "slack:#ops" }\n    condition_groups:\n      - [{ field: context.environment, operator: equals, value: production }]\n      - [{ field: arguments.sensitive, operator: equals, value: true }, { field: arguments.body, operator: contains, value: secret }]\n  - id: allow\n    name: Allow\n    action: allow\n    tools: [send_email]\n`;
    const { spec, notes } = imported(text);
    expect(spec.tools[0]!.approval).toEqual({
      channel: "slack:#ops",
      when: {
        any: [
          { context: "environment", eq: "production" },
          { arg: "sensitive", eq: true },
        ],
      },
    });
    expect(notes).toEqual([
      "rule gate: the condition arguments.body contains has no agentspec form; it was dropped, so approval is asked more often.",
    ]);
  });

  it("refuses a file that is not Veto IR v1", () => {
    expect(refusal(vetoImporter, 'version: "2.0"\nrules: []\n', "r.yaml")).toEqual([
      '1:1 not a Veto policy IR v1 file: "version" must be "1.0"',
    ]);
    expect(refusal(vetoImporter, 'version: "1.0"\nrules:\n  - name: x\n    action: block\n', "r.yaml")).toEqual([
      "1:1 not a Veto policy IR v1 file: rules[0] needs an id, a name and an action",
    ]);
    expect(refusal(vetoImporter, "a: [", "r.yaml")).toEqual([expect.stringMatching(/^1:\d+ not valid YAML/)]);
  });

  it("refuses nesting the YAML parser cannot take at its line and column, never with a stack overflow (attack review F12)", () => {
    const deep = `version: "1.0"\nrules: ${"[".repeat(5000)}${"]".repeat(5000)}\n`;
    expect(refusal(vetoImporter, deep, "r.yaml")).toEqual([
      "2:264 not valid YAML (Nesting deeper than 256 levels is not allowed in a spec)",
    ]);
    // Deep block nesting is refused as well (each level needs a column of indentation).
    const indented = `version: "1.0"\nrules:\n${Array.from({ length: 600 }, (_, i) => `${" ".repeat(i)}- `).join("\n")}x\n`;
    expect(refusal(vetoImporter, indented, "r.yaml")).toEqual([
      expect.stringMatching(/^\d+:\d+ not valid YAML \(Indentation deeper than 512 columns/),
    ]);
    // The same file as JSON goes through the JSON reader's own bound.
    const json = `{"version": "1.0", "rules": ${"[".repeat(5000)}${"]".repeat(5000)}}`;
    expect(refusal(vetoImporter, json, "r.json")).toEqual([
      expect.stringMatching(/^1:\d+ not valid JSON \(Nesting deeper than 256 levels/),
    ]);
    for (const text of [deep, json]) expect(refusal(vetoImporter, text, "r.yaml").join("")).not.toMatch(/call stack/i);
  });

  it("refuses duplicate keys and alias bombs at their line, as the spec loader does", () => {
    expect(refusal(vetoImporter, 'version: "1.0"\nversion: "1.0"\nrules: []\n', "r.yaml")).toEqual([
      '2:1 not valid YAML (Duplicate key "version": it is already set on line 1; remove one of them)',
    ]);
    const bomb = [
      'version: "1.0"',
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      ...Array.from(
        { length: 12 },
        (_, i) =>
          `${"b".repeat(i + 1)}: &${"b".repeat(i + 1)} [${"*" + (i === 0 ? "a" : "b".repeat(i)) + ", ".repeat(1)}${"*" + (i === 0 ? "a" : "b".repeat(i))}]`,
      ),
      "rules: []",
      "",
    ].join("\n");
    expect(refusal(vetoImporter, bomb, "r.yaml")).toEqual([expect.stringMatching(/^1:1 not valid YAML \(.*Excessive alias count/)]);
  });
});

describe.skipIf(!hasCorpus)("veto conformance files", () => {
  it("reads Veto's own rules: conditional blocks it cannot say deny the tool, reporting rules are notes", () => {
    const { spec, notes, yaml } = imported(readFileSync(corpusPath("veto", "conformance", "valid-full.yaml"), "utf8"), "valid-full.yaml");
    expect(spec.agent).toEqual({ id: "full-policy-set", version: "1.0.0", goal: "A complete policy exercising every schema feature." });
    expect(spec.tools.map((t) => [t.name, t.effect])).toEqual([
      ["get_balance", "read"],
      ["list_transactions", "read"],
    ]);
    expect(notes).toEqual([
      "rule warn-external-api is disabled; it was left out.",
      "default_action allow has no agentspec form: agentspec denies every tool it does not allow.",
      "rule or-conditions blocks every tool under conditions; agentspec denies by default, so it was left out.",
    ]);
    expect(yaml).toContain("effect: read # inferred from the tool name: review it");
  });

  it("every valid-*.yaml imports into a valid spec", () => {
    const dir = corpusPath("veto", "conformance");
    for (const file of readdirSync(dir).filter((f) => f.startsWith("valid-"))) imported(readFileSync(`${dir}/${file}`, "utf8"), file);
  });
});
