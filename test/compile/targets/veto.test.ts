import { readdirSync, readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { brokenGroups, globRegex, holdsGroups, MAX_CONDITION_GROUPS, toVeto, veto } from "../../../src/compile/targets/veto.js";
import { matchToolPattern } from "../../../src/policy/index.js";
import { parseSource } from "../../../src/load/index.js";
import { checkSource, loadSpecs, type Spec } from "../../../src/model/index.js";
import { corpusNote, corpusPath, hasCorpus } from "../../helpers/corpus.js";
import { emit } from "../../helpers/emit.js";

function specOf(text: string): Spec {
  const checked = checkSource(parseSource("demo.agentspec.yaml", text));
  expect(checked.diagnostics).toEqual([]);
  return checked.spec!;
}

const REFUNDS = `agentspec: "1.0"
agent: { id: refunds, version: 1.2.0, goal: Refund small orders. }
tools:
  orders.read: { effect: read }
  billing.refund:
    effect: irreversible
    approval: { when: { arg: amount, gt: 100 }, channel: "slack:#refunds", reason: Refunds above 100 are checked. }
    limits: { amount: { max: 600, required: true }, note: { max_length: 200 } }
deny: [{ pattern: "payment.*", reason: No payments. }, email.send]
`;

describe("the veto target", () => {
  it("writes only rules without tools, in the order Veto's engine must try them, ending in a block of everything else", () => {
    const ir = toVeto(specOf(REFUNDS));
    expect(ir.settings).toEqual({ default_action: "block", fail_mode: "closed" });
    expect(ir.rules.map((r) => [r.id, r.action])).toEqual([
      ["well-formed", "block"],
      ["deny-0", "block"],
      ["deny-1", "block"],
      ["limit-1-0", "block"],
      ["limit-1-1", "block"],
      ["approval-1", "block"],
      ["allow-tools", "allow"],
      ["default-deny", "block"],
    ]);
    // The engine tries rules that name tools after all the others, by exact name only.
    expect(ir.rules.filter((r) => r.tools !== undefined)).toEqual([]);
    expect(ir.rules[0]!.conditions).toEqual([{ field: "agentspec.call", operator: "not_equals", value: "well-formed" }]);
    expect(ir.rules[1]!.condition_groups).toEqual([
      [{ field: "tool_name", operator: "matches", value: "^payment\\.[\\s\\S]*$" }],
      [{ field: "agentspec.folded_tool", operator: "matches", value: "^payment\\.[\\s\\S]*$" }],
    ]);
    const name = { field: "tool_name", operator: "equals", value: "billing.refund" };
    const type = "agentspec.argument_types.amount";
    expect(ir.rules[3]!.condition_groups).toEqual([
      [
        name,
        {
          field: type,
          operator: "not_in",
          value: ["null", "array", "object", "string", "number", "non-finite", "boolean", "bigint", "other"],
        },
      ],
      [name, { field: type, operator: "not_in", value: ["absent", "number"] }],
      [name, { field: type, operator: "equals", value: "number" }, { field: "arguments.amount", operator: "greater_than", value: 600 }],
    ]);
    expect(ir.rules[5]).toMatchObject({
      tags: ["approval"],
      metadata: { require_approval: true, channel: "slack:#refunds" },
      condition_groups: [
        [name, { field: type, operator: "in", value: ["absent", "non-finite"] }],
        [name, { field: type, operator: "not_equals", value: "number" }],
        [name, { field: type, operator: "equals", value: "number" }, { field: "arguments.amount", operator: "greater_than", value: 100 }],
      ],
    });
    expect(ir.rules[6]).toMatchObject({
      conditions: [{ field: "tool_name", operator: "in", value: ["orders.read", "billing.refund"] }],
      metadata: { effects: { "orders.read": "read", "billing.refund": "irreversible" } },
    });
    expect(ir.rules[7]!.conditions ?? ir.rules[7]!.condition_groups).toBeUndefined();
  });

  it("writes a dotted path as one field segment, so a.b and a have fields of their own", () => {
    expect(brokenGroups("recipient.domain", { one_of: ["a.example"] })).toEqual([
      [
        { field: "agentspec.argument_types.recipient%2Edomain", operator: "not_equals", value: "absent" },
        { field: "arguments.recipient%2Edomain", operator: "not_in", value: ["a.example"] },
      ],
    ]);
    expect(holdsGroups({ any: [{ context: "environment", eq: "production" }] })).toEqual([
      [{ field: "agentspec.context_types.environment", operator: "in", value: ["absent", "non-finite"] }],
      [{ field: "agentspec.context_types.environment", operator: "not_equals", value: "string" }],
      [
        { field: "agentspec.context_types.environment", operator: "equals", value: "string" },
        { field: "context.environment", operator: "equals", value: "production" },
      ],
    ]);
  });

  it("matches a glob as decide() does, with a regular expression that cannot backtrack", () => {
    const globs = ["*", "a*", "*a", "a*b", "a*b*b", "a?c", "?*?", "a**b", "x.*.y", "*.(re)+*", "[a]-*", "\\*", "a*?*a"];
    const names = ["", "a", "ab", "abb", "abab", "abc", "a.c", "x.q.y", "x..y", "a.(re)+z", "[a]-1", "\\x", "a\u{1F600}a", "aXa"];
    for (const glob of globs)
      for (const name of names)
        expect({ glob, name, matches: new RegExp(globRegex(glob)).test(name) }).toEqual({
          glob,
          name,
          matches: matchToolPattern(glob, name),
        });
    expect(globRegex("a*b*c")).toBe("^a(?=([\\s\\S]*?b))\\1[\\s\\S]*c$");
  });

  it("asks on every call of a tool whose gate needs more condition groups than it writes, and says so at the gate", () => {
    const ops = Array.from({ length: 6 }, (_, i) => `{ arg: a${i}, gte: 1 }`).join(", ");
    const text = REFUNDS.replace("when: { arg: amount, gt: 100 }", `when: { all: [${ops}] }`);
    const reports: { pointer: string; message: string }[] = [];
    const ir = toVeto(specOf(text), { report: (r) => reports.push({ pointer: r.pointer, message: r.message }) });
    expect(reports).toEqual([
      {
        pointer: "/tools/billing.refund/approval/when",
        message: `Veto cannot say this condition in at most ${MAX_CONDITION_GROUPS} condition groups (OR of ANDs): the export asks for approval on every call of "billing.refund"`,
      },
    ]);
    expect(ir.rules.find((r) => r.id === "approval-1")!.conditions).toEqual([
      { field: "tool_name", operator: "equals", value: "billing.refund" },
    ]);
  });

  it("emits YAML that parses back to the same IR, without aliases", () => {
    const spec = specOf(REFUNDS);
    const [file] = emit(veto, spec);
    expect(file!.path).toBe("refunds.veto.yaml");
    expect(file!.contents).not.toMatch(/[&*]a\d/);
    expect(parse(file!.contents)).toEqual(toVeto(spec));
  });
});

describe.skipIf(!hasCorpus)(`veto output against the Veto policy IR v1 schema${corpusNote}`, () => {
  // Read in beforeAll, never in the describe body: vitest runs the body even when it skips.
  const conformance = corpusPath("veto", "conformance");
  let schema: { $schema: string };
  let validateIr: ReturnType<Ajv2020["compile"]>;
  let fixtures: string[];
  beforeAll(() => {
    schema = JSON.parse(readFileSync(corpusPath("veto", "policy-ir-v1.schema.json"), "utf8"));
    validateIr = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
    fixtures = readdirSync(conformance).sort();
  });

  it("the validator is trusted: it accepts every valid-*.yaml and rejects every invalid-*.yaml of Veto's conformance suite", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(fixtures.filter((f) => f.startsWith("valid-"))).toHaveLength(2);
    expect(fixtures.filter((f) => f.startsWith("invalid-"))).toHaveLength(7);
    for (const fixture of fixtures) {
      const valid = validateIr(parse(readFileSync(`${conformance}/${fixture}`, "utf8")));
      expect({ fixture, valid }).toEqual({ fixture, valid: fixture.startsWith("valid-") });
    }
  });

  it("every example spec and every AgentAz corpus kit compiles to an IR the schema accepts", async () => {
    const checked = [...(await loadSpecs(["specs/"])), ...(await loadSpecs([corpusPath("agentaz", "kits")]))];
    expect(checked.length).toBeGreaterThanOrEqual(47);
    for (const { spec } of checked) {
      const ir = parse(emit(veto, spec!)[0]!.contents);
      expect(validateIr(ir), `${spec!.agent.id}: ${JSON.stringify(validateIr.errors)}`).toBe(true);
    }
  });
});
