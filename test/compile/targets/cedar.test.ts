import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as cedarEngine from "@cedar-policy/cedar-wasm/nodejs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePolicy, type Policy } from "../../../src/policy/compile-policy.js";
import { cedar, cedarSubjects } from "../../../src/compile/targets/cedar.js";
import { parseSource } from "../../../src/load/index.js";
import { checkSource, type Spec } from "../../../src/model/index.js";
import { cedarRequest, fromCedarDecisions } from "../../../src/compile/requests/cedar.js";
import { decide, type DecisionKind, type ToolCall } from "../../../src/policy/decide.js";
import { classify } from "../../helpers/differential.js";
import { fuzzRuns, fuzzTimeout } from "../../helpers/fuzz.js";
import { emit } from "../../helpers/emit.js";

const SPECS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../specs");

function specFrom(file: string, text: string): Spec {
  const checked = checkSource(parseSource(file, text));
  if (!checked.spec) throw new Error(`${file}: ${JSON.stringify(checked.diagnostics)}`);
  return checked.spec;
}

/** Each spec's policies and schema are parsed once by the engine and asked by id. */
const prepared = new Map<Spec, { id: string; policy: Policy; types: ReturnType<typeof cedarSubjects> }>();

function prepare(spec: Spec): { id: string; policy: Policy; types: ReturnType<typeof cedarSubjects> } {
  let entry = prepared.get(spec);
  if (entry) return entry;
  const [policies, schema] = emit(cedar, spec);
  const id = `spec-${prepared.size}`;
  expect(cedarEngine.preparsePolicySet(id, { staticPolicies: policies!.contents }).type).toBe("success");
  expect(cedarEngine.preparseSchema(id, schema!.contents).type).toBe("success");
  const policy = compilePolicy(spec);
  entry = { id, policy, types: cedarSubjects(policy) };
  prepared.set(spec, entry);
  return entry;
}

function cedarDecision(spec: Spec, call: ToolCall): DecisionKind {
  const { id, policy, types } = prepare(spec);
  const ask = (approved: boolean): "allow" | "deny" => {
    const request = cedarRequest(policy, call, approved, types);
    const answer = cedarEngine.statefulIsAuthorized({
      ...request,
      preparsedPolicySetId: id,
      preparsedSchemaName: id,
      validateRequest: true,
      entities: [],
    } as never);
    if (answer.type !== "success") throw new Error(JSON.stringify(answer.errors));
    if (answer.response.diagnostics.errors.length > 0) throw new Error(JSON.stringify(answer.response.diagnostics.errors));
    return answer.response.decision;
  };
  return fromCedarDecisions(ask(false), ask(true));
}

function validateWithSchema(spec: Spec): void {
  const [policies, schema] = emit(cedar, spec);
  const answer = cedarEngine.validate({ schema: schema!.contents, policies: { staticPolicies: policies!.contents } } as never);
  expect(answer.type).toBe("success");
  if (answer.type === "success") expect(answer.validationErrors).toEqual([]);
}

const exampleSpecs = readdirSync(SPECS)
  .filter((f) => f.endsWith(".agentspec.yaml"))
  .map((f) => ({ file: f, spec: specFrom(f, readFileSync(path.join(SPECS, f), "utf8")) }));

const GATED = `agentspec: "1.0"
agent: { id: gated, version: 1.0.0 }
tools:
  billing.refund:
    effect: irreversible
    approval: { when: { arg: amount, gt: 100 }, channel: "slack:#support" }
    limits: { amount: { max: 600, required: true } }
  email.send:
    effect: irreversible
    approval: { when: { any: [{ arg: recipient.domain, ne: example.com }, { context: environment, eq: production }] } }
    limits: { subject: { max_length: 5 }, priority: { one_of: [low, high] } }
  "crm.*": { effect: read }
  "crm.export*": { effect: write, approval: true }
  crm.delete: { effect: irreversible, approval: { when: { arg: force, eq: true } } }
deny: ["*.admin", { pattern: crm.purge, reason: never }, "x?y"]
`;

describe("cedar target", () => {
  it("emits <id>.cedar and <id>.cedarschema, and the schema validates the policies of every example spec", () => {
    for (const { spec } of exampleSpecs) {
      const files = emit(cedar, spec);
      expect(files.map((f) => f.path)).toEqual([`${spec.agent.id}.cedar`, `${spec.agent.id}.cedarschema`]);
      validateWithSchema(spec);
    }
    validateWithSchema(specFrom("gated.agentspec.yaml", GATED));
  });

  it("maps an approval gate to a forbid with an approved flag, its channel as an annotation, over typed values", () => {
    const [policies] = emit(cedar, specFrom("gated.agentspec.yaml", GATED));
    // amount > 100 holds when amount is absent or not a number Cedar holds, or above 100; the gate
    // follows every spelling that folds onto billing.refund, as decide() applies it.
    expect(policies!.contents).toContain(
      `@id("approval-0")
@agentspec("approval")
@tool("billing.refund")
@channel("slack:#support")
forbid (principal == Agentspec::Agent::"gated", action == Agentspec::Action::"call", resource)
when { ((context.tool == "billing.refund") || (context.folded_tool == "billing.refund")) && (!(context.types has "args.amount") || (!(context.numbers has "args.amount") || (context.numbers has "args.amount" && context.numbers["args.amount"].greaterThan(decimal("100.0"))))) }
unless { context.approved };`,
    );
  });

  it("matches a deny pattern against the name as written and as folded, and a ? by the name's length", () => {
    const [policies] = emit(cedar, specFrom("gated.agentspec.yaml", GATED));
    expect(policies!.contents).toContain(`forbid (principal == Agentspec::Agent::"gated", action == Agentspec::Action::"call", resource)
when { (context.tool like "*.admin") || (context.folded_tool like "*.admin") };`);
    expect(policies!.contents).toContain(
      `when { (context.tool like "x*y" && context.tool_length == 3) || (context.folded_tool like "x*y" && context.folded_tool_length == 3) };`,
    );
  });

  it("asks a call decide() rejects as malformed as an action no policy permits", () => {
    const policy = compilePolicy(specFrom("gated.agentspec.yaml", GATED));
    for (const call of [{ tool: "" }, { tool: "crm.read", args: "x" }, { tool: "crm.read", context: [1] }, null]) {
      const request = cedarRequest(policy, call, false);
      expect(request.action, JSON.stringify(call)).toEqual({ type: "Agentspec::Action", id: "malformed_call" });
      expect(decide(policy, call).rule).toBe("malformed-call");
    }
    expect(cedarRequest(policy, { tool: "crm.read" }, false).action.id).toBe("call");
  });

  it("never lets a tests case of the example specs through where decide() denies or gates it", () => {
    let cases = 0;
    for (const { spec } of exampleSpecs) {
      const policy = compilePolicy(spec);
      for (const test of spec.tests) {
        const call = test.call as ToolCall;
        const ours = decide(policy, call).decision;
        expect({ file: spec.agent.id, call, agreement: classify(ours, cedarDecision(spec, call)) }).not.toEqual({
          file: spec.agent.id,
          call,
          agreement: "looser",
        });
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(10);
  });

  it(
    "is never looser than decide() on generated calls (fixed seed), and mostly equal",
    () => {
      const specs = [...exampleSpecs.map((e) => e.spec), specFrom("gated.agentspec.yaml", GATED)];
      const toolNames = [...new Set(specs.flatMap((s) => [...s.tools.map((t) => t.name), ...s.deny.map((d) => d.pattern)]))];
      const name = fc.oneof(
        fc.constantFrom(...toolNames),
        fc.constantFrom(...toolNames).map((n) => n.replaceAll("*", "x").replaceAll("?", "q")),
        fc.constantFrom("crm.export.all", "crm.purge", "db.admin", "xay", "xy", "billing.refund.v2", "payment.stripe", "send_email"),
      );
      const number = fc.oneof(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -100000, max: 100000 }).map((n) => n / 100),
      );
      const scalar = fc.oneof(
        number,
        fc.constantFrom("low", "high", "example.com", "other.org", "abc", "abcdefgh", "production"),
        fc.boolean(),
      );
      const args = fc.record(
        {
          amount: scalar,
          subject: scalar,
          priority: scalar,
          force: scalar,
          recipient: fc.oneof(fc.record({ domain: scalar }, { requiredKeys: [] }), scalar),
          to: scalar,
        },
        { requiredKeys: [] },
      );
      const context = fc.record(
        { environment: fc.oneof(fc.constantFrom("production", "staging"), fc.integer()), actor: fc.string({ maxLength: 3 }) },
        { requiredKeys: [] },
      );
      const call = fc.record({ tool: name, args, context }, { requiredKeys: ["tool"] });
      const seen: Record<string, number> = {};
      const agreement: Record<string, number> = {};
      fc.assert(
        fc.property(fc.constantFrom(...specs), call, (spec, c) => {
          const expected = decide(prepare(spec).policy, c);
          seen[expected.rule] = (seen[expected.rule] ?? 0) + 1;
          const verdict = classify(expected.decision, cedarDecision(spec, c as ToolCall));
          agreement[verdict] = (agreement[verdict] ?? 0) + 1;
          expect({ call: c, decide: expected.decision, verdict }).not.toMatchObject({ verdict: "looser" });
        }),
        { seed: 8785, numRuns: fuzzRuns(2000) },
      );
      expect(agreement.equal ?? 0).toBeGreaterThan(fuzzRuns(2000) * 0.9);
      // The generated calls reach every way decide() decides, not just one.
      for (const rule of ["deny-pattern", "not-allowed", "hard-limit", "approval", "allowed"]) expect(seen[rule], rule).toBeGreaterThan(10);
    },
    fuzzTimeout(fuzzRuns(2000), 60),
  );
});
