/**
 * Property-based: over generated policies and calls, decide() agrees with a reference written
 * independently of its index (a naive glob matcher, every entry scanned), so it never allows a
 * denied or unlisted tool, a call past a hard limit, or one whose approval condition holds.
 */
import fc from "fast-check";
import { fuzzRuns, fuzzTimeout } from "../helpers/fuzz.js";
import { describe, expect, it } from "vitest";
import type { ArgumentLimit, Condition, Policy, PolicyTool } from "../../generated/policy.js";
import { decide, type DecisionKind } from "../../src/policy/decide.js";
import { naiveGlobMatch } from "../helpers/naive-glob.js";
import { makePolicy } from "../helpers/policy.js";

const SEED = 424242;

// A tiny alphabet so that patterns and names collide often.
const name = fc.string({ unit: fc.constantFrom("a", "b", "."), minLength: 1, maxLength: 3 });
const pattern = fc.string({ unit: fc.constantFrom("a", "b", ".", "*", "*", "?"), minLength: 1, maxLength: 4 });

const limit: fc.Arbitrary<ArgumentLimit> = fc
  .record({ max: fc.integer({ min: 0, max: 100 }), min: fc.integer({ min: -5, max: 20 }), required: fc.boolean() }, { requiredKeys: [] })
  .filter((l) => Object.keys(l).length > 0);

const condition: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ arg: fc.constant("amount"), gt: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ context: fc.constant("environment" as const), eq: fc.constantFrom("prod", "dev") }),
);

const tool: fc.Arbitrary<PolicyTool> = fc.record(
  {
    effect: fc.constantFrom("read", "write", "irreversible"),
    limits: fc.record({ amount: limit }),
    approval: fc.record({ when: condition, channel: fc.constant("ops") }, { requiredKeys: [] }),
  },
  { requiredKeys: ["effect"] },
) as fc.Arbitrary<PolicyTool>;

const policy: fc.Arbitrary<Policy> = fc
  .record({
    deny: fc.array(fc.record({ pattern: fc.oneof(pattern, name) }), { maxLength: 2 }),
    tools: fc.dictionary(fc.oneof(name, pattern), tool, { minKeys: 1, maxKeys: 4 }),
  })
  .map((parts) => makePolicy(parts));

const call = fc.record(
  {
    tool: name,
    args: fc.record(
      {
        amount: fc.oneof(
          fc.integer({ min: -10, max: 120 }),
          fc.constant("50"),
          fc.constant(Number.NaN),
          fc.constant(Number.POSITIVE_INFINITY),
          fc.constant(Number.NEGATIVE_INFINITY),
        ),
      },
      { requiredKeys: [] },
    ),
    context: fc.record({ environment: fc.constantFrom("prod", "dev") }, { requiredKeys: [] }),
  },
  { requiredKeys: ["tool"] },
);

/** A policy and a call whose tool is often one its allowlist or deny list names (wildcards filled in). */
const policyAndCall = policy.chain((p) => {
  const named = [...Object.keys(p.tools), ...p.deny.map((d) => d.pattern)].map((k) => k.replace(/\*/g, "a.").replace(/\?/g, "b"));
  const toolName = fc.oneof(name, fc.constantFrom(...named));
  return fc.tuple(
    fc.constant(p),
    call.chain((c) => toolName.map((tool) => ({ ...c, tool }))),
  );
});

type Call = { tool: string; args?: { amount?: unknown }; context?: { environment?: string } };

function breaksLimit(l: ArgumentLimit | undefined, amount: unknown): boolean {
  if (!l) return false;
  if (amount === undefined) return l.required === true;
  if (l.max === undefined && l.min === undefined) return false;
  if (typeof amount !== "number" || !Number.isFinite(amount)) return true;
  return (l.max !== undefined && amount > l.max) || (l.min !== undefined && amount < l.min);
}

/** An absent, mistyped or non-finite value holds the condition (a human decides). */
function conditionHolds(c: Condition, c2: Call): boolean {
  if (c.arg !== undefined) {
    const amount = c2.args?.amount;
    if (amount === undefined) return true;
    return typeof amount !== "number" || !Number.isFinite(amount) || amount > c.gt!;
  }
  const environment = c2.context?.environment;
  return environment === undefined || environment === c.eq;
}

/** A name with an empty dot segment is no tool's name: malformed, denied. */
function malformedName(tool: string): boolean {
  return tool.startsWith(".") || tool.endsWith(".") || tool.includes("..");
}

/** What the policy must decide, computed without decide()'s index or code. */
function expected(p: Policy, c: Call): DecisionKind {
  if (malformedName(c.tool)) return "deny";
  if (p.deny.some((d) => naiveGlobMatch(d.pattern, c.tool))) return "deny";
  const matching = Object.entries(p.tools)
    .filter(([key]) => naiveGlobMatch(key, c.tool))
    .map(([, t]) => t);
  if (matching.length === 0) return "deny";
  if (matching.some((t) => breaksLimit(t.limits?.amount, c.args?.amount))) return "deny";
  if (matching.some((t) => t.approval && (t.approval.when === undefined || conditionHolds(t.approval.when, c)))) return "require_approval";
  return "allow";
}

describe("decide() properties (fast-check, fixed seed)", () => {
  it(
    "never allows a denied, unlisted, over-limit or approval-needing call, and allows the rest",
    () => {
      fc.assert(
        fc.property(policyAndCall, ([p, c]) => {
          const actual = decide(p, c);
          const want = expected(p, c);
          expect(actual.decision).toBe(want);
          if (malformedName(c.tool)) expect(actual.rule).toBe("malformed-call");
          else if (p.deny.some((d) => naiveGlobMatch(d.pattern, c.tool))) expect(actual.rule).toBe("deny-pattern");
          expect(actual.policyHash).toBe(p.hash);
        }),
        { seed: SEED, numRuns: fuzzRuns(3000) },
      );
    },
    fuzzTimeout(fuzzRuns(3000), 5),
  );

  it(
    "gives the same answer on repeated calls (the per-policy cache is consistent)",
    () => {
      fc.assert(
        fc.property(policy, fc.array(call, { minLength: 2, maxLength: 6 }), (p, calls) => {
          const first = calls.map((c) => decide(p, c));
          const again = calls.map((c) => decide(p, c));
          expect(again).toEqual(first);
        }),
        { seed: SEED, numRuns: fuzzRuns(300) },
      );
    },
    fuzzTimeout(fuzzRuns(300), 5),
  );

  it(
    "never throws, whatever the call or the policy's parts",
    () => {
      const valid = makePolicy({
        tools: { "a.*": { effect: "read", limits: { amount: { max: 5 } }, approval: { when: { arg: "amount", gt: 1 } } } },
      });
      fc.assert(
        fc.property(fc.anything(), fc.anything(), fc.anything(), (c, deny, tools) => {
          for (const p of [valid, { ...valid, deny, tools }]) {
            const d = decide(p as Policy, c);
            expect(["allow", "deny", "require_approval"]).toContain(d.decision);
            expect(typeof d.reason).toBe("string");
          }
        }),
        { seed: SEED, numRuns: fuzzRuns(1000) },
      );
    },
    fuzzTimeout(fuzzRuns(1000), 5),
  );
});
