import { readdirSync, readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { conditionGroups, toVeto, veto } from "../../../src/compile/targets/veto.js";
import { parseSource } from "../../../src/load/index.js";
import { checkSource, loadSpecs, type Spec } from "../../../src/model/index.js";
import { corpusPath, hasCorpus } from "../../helpers/corpus.js";
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
  it("writes deny patterns, hard limits and approval gates as block rules before one allow rule", () => {
    expect(toVeto(specOf(REFUNDS))).toEqual({
      version: "1.0",
      name: "refunds",
      description: "Refund small orders.",
      rules: [
        {
          id: "deny-0",
          name: "Deny payment.*",
          description: "No payments.",
          severity: "high",
          action: "block",
          tools: ["payment.*"],
          tags: ["deny"],
        },
        { id: "deny-1", name: "Deny email.send", severity: "high", action: "block", tools: ["email.send"], tags: ["deny"] },
        {
          id: "limit-1-amount-0",
          name: "billing.refund: amount out of bounds",
          severity: "high",
          action: "block",
          tools: ["billing.refund"],
          conditions: [{ field: "arguments.amount", operator: "equals", value: null }],
          tags: ["limit"],
        },
        {
          id: "limit-1-amount-1",
          name: "billing.refund: amount out of bounds",
          severity: "high",
          action: "block",
          tools: ["billing.refund"],
          conditions: [{ field: "arguments.amount", operator: "greater_than", value: 600 }],
          tags: ["limit"],
        },
        {
          id: "limit-1-note-0",
          name: "billing.refund: note out of bounds",
          severity: "high",
          action: "block",
          tools: ["billing.refund"],
          conditions: [{ field: "arguments.note", operator: "matches", value: "^[\\s\\S]{201}" }],
          tags: ["limit"],
        },
        {
          id: "approval-1",
          name: "billing.refund needs approval",
          description: "Refunds above 100 are checked.",
          severity: "medium",
          action: "block",
          tools: ["billing.refund"],
          conditions: [{ field: "arguments.amount", operator: "greater_than", value: 100 }],
          tags: ["approval"],
          metadata: { require_approval: true, channel: "slack:#refunds" },
        },
        {
          id: "allow-tools",
          name: "Allow the allowlisted tools",
          severity: "info",
          action: "allow",
          tools: ["orders.read", "billing.refund"],
          metadata: { effects: { "orders.read": "read", "billing.refund": "irreversible" } },
        },
      ],
      settings: { default_action: "block", fail_mode: "closed" },
    });
  });

  it("writes an 'or' as condition groups and >= as greater_than or equals", () => {
    expect(
      conditionGroups({
        any: [
          { context: "environment", eq: "production" },
          { arg: "amount", gte: 10 },
        ],
      }),
    ).toEqual([
      [{ field: "context.environment", operator: "equals", value: "production" }],
      [{ field: "arguments.amount", operator: "greater_than", value: 10 }],
      [{ field: "arguments.amount", operator: "equals", value: 10 }],
    ]);
  });

  it("emits YAML that parses back to the same IR", () => {
    const spec = specOf(REFUNDS);
    const [file] = emit(veto, spec);
    expect(file!.path).toBe("refunds.veto.yaml");
    expect(parse(file!.contents)).toEqual(toVeto(spec));
  });
});

describe.skipIf(!hasCorpus)("veto output against the Veto policy IR v1 schema", () => {
  const schema = JSON.parse(readFileSync(corpusPath("veto", "policy-ir-v1.schema.json"), "utf8"));
  const validateIr = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
  const conformance = corpusPath("veto", "conformance");
  const fixtures = readdirSync(conformance).sort();

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
