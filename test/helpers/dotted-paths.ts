/**
 * Two readings of one dotted path (a key "payment.amount" beside, or instead of, the nested
 * payment.amount), for the differential tests: a spec whose limits and conditions read dotted
 * paths, and calls holding every other grouping of their segments. decide() denies each as
 * malformed-call; an export's engine may be stricter, never looser.
 */
import type { GeneratedCall } from "./calls.js";
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
