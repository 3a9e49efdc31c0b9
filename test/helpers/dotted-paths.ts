/**
 * Two readings of one path, for the differential tests: a key "payment.amount" beside, or
 * instead of, the nested payment.amount (dottedPathSpecs, ambiguousCalls), and a key that a
 * case-insensitive decoder reads as a limited or gated path (`Amount`, `payment.Total`, `riſk`:
 * caseVariantSpecs, caseVariantCalls). Each spec's limits and conditions read such paths, and the
 * calls hold the other readings. decide() denies each as malformed-call; an export's engine may be
 * stricter, never looser.
 */
import { expect } from "vitest";
import type { GeneratedCall } from "./calls.js";
import type { EngineTally } from "./differential.js";
import { specOf, type NamedSpec } from "./spec-sets.js";

export function dottedPathSpecs(): NamedSpec[] {
  const text = `agentspec: "1.0"
agent: { id: dotted-paths, version: 1.0.0, goal: Limits and conditions on dotted argument paths. }
tools:
  pay:
    effect: irreversible
    approval: { when: { arg: payment.amount, gt: 100 } }
    limits: { payment.amount: { max: 600 }, a.b.c: { max: 5 } }
  ship:
    effect: write
    approval: { when: { arg: order.dest.country, ne: DE } }
  notes.add: { effect: write }
`;
  return [{ name: "dotted-paths", spec: specOf("dotted-paths.agentspec.yaml", text) }];
}

/** Calls that pass on the nested reading and carry a failing value under another grouping; and plain ones beside them. */
export function ambiguousCalls(): GeneratedCall[] {
  const pay = (args: Record<string, unknown>, why: string): GeneratedCall => ({ call: { tool: "pay", args }, why });
  const ship = (args: Record<string, unknown>, why: string): GeneratedCall => ({ call: { tool: "ship", args }, why });
  return [
    pay({ payment: { amount: 50 } }, "the nested reading alone, under the threshold"),
    pay({ payment: { amount: 150 } }, "the nested reading alone, over the threshold"),
    pay({ "payment.amount": 5000 }, "the flat key alone"),
    pay({ payment: { amount: 50 }, "payment.amount": 5000 }, "the flat key beside a passing nested reading"),
    pay({ payment: { amount: 50 }, "payment.amount": 50 }, "both readings, equal and passing"),
    pay({ payment: { amount: 50 }, a: { "b.c": 99 } }, "a.b.c grouped as a / b.c"),
    pay({ payment: { amount: 50 }, "a.b": { c: 99 } }, "a.b.c grouped as a.b / c"),
    pay({ payment: { amount: 50 }, "a.b.c": 99, a: { b: { c: 1 } } }, "a.b.c flat beside the nested reading"),
    pay({ payment: { amount: 50 }, "payment.currency": "EUR" }, "a dotted key no limit reads"),
    ship({ order: { dest: { country: "DE" } } }, "the nested reading alone"),
    ship({ order: { dest: { country: "DE" } }, "order.dest": { country: "US" } }, "order.dest.country grouped as order.dest / country"),
    ship({ order: { dest: { country: "DE" }, "dest.country": "US" } }, "order.dest.country grouped as order / dest.country"),
    { call: { tool: "notes.add", args: { "payment.amount": 5000 } }, why: "a dotted key on a tool no dotted path of which is read" },
  ];
}

/** The review's case-variant spec: a limit on `amount` (and `risk`), gates on payment.total, a nested path and a context field. */
export function caseVariantSpecs(): NamedSpec[] {
  const text = `agentspec: "1.0"
agent: { id: case-variants, version: 1.0.0, goal: Limits and conditions read by case-insensitive decoders. }
tools:
  refund:
    effect: irreversible
    approval: { when: { arg: payment.total, gt: 100 } }
    limits: { amount: { max: 10 }, risk: { max: 3 } }
  ship:
    effect: write
    approval: { when: { arg: order.dest.country, ne: DE } }
  deploy:
    effect: write
    approval: { when: { context: environment, eq: production } }
  notes.add: { effect: write }
`;
  return [{ name: "case-variants", spec: specOf("case-variants.agentspec.yaml", text) }];
}

/**
 * Calls that pass on the reading decide() follows and carry a failing value under a key a
 * case-insensitive decoder (Go's encoding/json, .NET) reads as the same path; and calls whose
 * case variants are off every limited or gated path, which stay allowed.
 */
export function caseVariantCalls(): GeneratedCall[] {
  const refund = (args: Record<string, unknown>, why: string): GeneratedCall => ({ call: { tool: "refund", args }, why });
  const ship = (args: Record<string, unknown>, why: string): GeneratedCall => ({ call: { tool: "ship", args }, why });
  const passing = { amount: 1, payment: { total: 1 } };
  return [
    refund(passing, "the exact keys alone, passing"),
    refund({ ...passing, Amount: 5000 }, "Amount beside amount"),
    refund({ Amount: 5000, payment: { total: 1 } }, "Amount instead of amount"),
    refund({ ...passing, AMOUNT: 5000 }, "AMOUNT beside amount"),
    refund({ ...passing, "\uff41\uff4d\uff4f\uff55\uff4e\uff54": 5000 }, "fullwidth amount (NFKC)"),
    refund({ ...passing, risk: 1, "ri\u017fk": 9 }, "a long s (riſk) beside risk"),
    refund({ ...passing, risk: 1, "ris\u212a": 9 }, "a Kelvin sign (risK) beside risk"),
    refund({ amount: 1, payment: { total: 1, Total: 5000 } }, "payment.Total nested beside payment.total"),
    refund({ ...passing, Payment: { total: 5000 } }, "Payment beside payment"),
    refund({ ...passing, "payment.Total": 5000 }, "a flat payment.Total (dotted and case)"),
    refund({ ...passing, "payment.total": 5000 }, "a flat payment.total (dotted)"),
    refund({ ...passing, pay: 5000, "PAYMENT.TOT": 5000 }, "keys that fold to a prefix of the path's text only"),
    refund({ ...passing, note: "a", Note: "b" }, "case variants off every limited path"),
    refund({ amount: 1, payment: { total: 1, currency: { code: "EUR", Code: "USD" } } }, "case variants below the path's end"),
    ship({ order: { dest: { country: "DE" } } }, "the exact nested reading alone"),
    ship({ order: { dest: { country: "DE" }, Dest: { country: "US" } } }, "order.Dest beside order.dest"),
    ship({ order: { dest: { country: "DE", Country: "US" } } }, "order.dest.Country beside order.dest.country"),
    ship({ order: { dest: { country: "DE" } }, ORDER: { dest: { country: "US" } } }, "ORDER beside order"),
    ship({ order: { "Dest.country": "US", dest: { country: "DE" } } }, "a flat Dest.country under order"),
    { call: { tool: "deploy", context: { environment: "staging" } }, why: "the exact context field alone" },
    {
      call: { tool: "deploy", context: { environment: "staging", Environment: "production" } },
      why: "context Environment beside environment",
    },
    { call: { tool: "deploy", context: { ENVIRONMENT: "production" } }, why: "context ENVIRONMENT instead of environment" },
    { call: { tool: "notes.add", args: { amount: 1, Amount: 5000 } }, why: "case variants on a tool with no limit or gate" },
  ];
}

/**
 * The dotted-path readings (ambiguousCalls) of the tools that limit or gate the path: each
 * malformed-call by decide(), and each denied by the engine (notes.add limits nothing).
 */
export function expectDottedPathsRefused(tally: EngineTally): void {
  const malformed = tally.rows.filter((r) => r.oursRule === "malformed-call" && r.call.tool !== "notes.add");
  expect(malformed.length).toBeGreaterThanOrEqual(8);
  for (const row of malformed) expect(row.peer).toBe("deny");
}

/**
 * What an engine's tally over caseVariantSpecs must show, beside no looser row: every call
 * decide() denies as malformed-call (the 16 second readings) denied by the engine too, and the
 * case variants off the tool's limited or gated paths allowed by decide() and, where no other tool
 * reads the key, by the engine (the builders check every tool's paths, so notes.add's "Amount"
 * may be refused there: stricter).
 */
export function expectCaseVariantsRefused(tally: EngineTally): void {
  const variants = new Set(caseVariantCalls().map((c) => c.why));
  const rows = tally.rows.filter((r) => variants.has(r.why));
  const malformed = rows.filter((r) => r.oursRule === "malformed-call");
  expect(malformed.map((r) => r.why)).toHaveLength(16);
  for (const row of malformed) expect([row.why, row.peer]).toEqual([row.why, "deny"]);
  const offPath = rows.filter((r) => /off every|below the path|prefix of the path|no limit or gate/.test(r.why));
  expect(offPath.map((r) => [r.why, r.ours, r.peer])).toEqual([
    ["keys that fold to a prefix of the path's text only", "allow", "allow"],
    ["case variants off every limited path", "allow", "allow"],
    ["case variants below the path's end", "allow", "allow"],
    ["case variants on a tool with no limit or gate", "allow", expect.stringMatching(/^(allow|deny)$/)],
  ]);
}
