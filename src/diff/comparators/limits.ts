/**
 * limit-added, -removed, -raised and -lowered: each entry's hard limits, argument by argument and
 * bound by bound. A limit is broken when any one of its bounds is (min, max, max_length, one_of,
 * required), so comparing bound by bound is exact: a change widens only if some bound of it does.
 */
import type { ArgumentLimit, PolicyTool } from "../../../generated/policy.js";
import { joinPointer } from "../../load/index.js";
import { toolPointer } from "../../model/index.js";
import { compareEntries, type EntryCall } from "../compare.js";
import { entryStrictness } from "../entry.js";
import type { EntryPair } from "../pairs.js";
import { sameEntry } from "../pairs.js";
import type { Comparator, DiffContext } from "../types.js";
import { namesFor, witnessAmong } from "../witness.js";
import { noWitnessFound } from "./messages.js";

export const limits: Comparator = {
  id: "limits",
  description: "Each tool's hard argument limits",
  compare(context) {
    for (const pair of context.entries.changed) {
      const before = pair.oldTool.limits ?? {};
      const after = pair.newTool.limits ?? {};
      const args = [...new Set([...Object.keys(after), ...Object.keys(before)])];
      for (const arg of args) compareLimit(context, pair, arg, own(before, arg), own(after, arg));
    }
  },
};

const BOUNDS = ["min", "max", "max_length", "one_of", "required"] as const;
type Bound = (typeof BOUNDS)[number];

function own(limits: Record<string, ArgumentLimit>, arg: string): ArgumentLimit | undefined {
  return Object.prototype.hasOwnProperty.call(limits, arg) ? limits[arg] : undefined;
}

function compareLimit(
  context: DiffContext,
  pair: EntryPair,
  arg: string,
  before: ArgumentLimit | undefined,
  after: ArgumentLimit | undefined,
): void {
  if (sameEntry(before, after)) return;
  const tool = JSON.stringify(pair.newKey);
  const newPointer = joinPointer(toolPointer(pair.newKey) + "/limits", arg);
  if (!before || !after) {
    const oldEntry = limitOnly(arg, before ?? {});
    const newEntry = limitOnly(arg, after ?? {});
    const comparison = compareEntries(oldEntry, newEntry);
    if (after && comparison.stricter) {
      context.report({
        kind: "limit-added",
        direction: "narrowed",
        pointer: newPointer,
        side: "new",
        message: `${tool}: ${arg} is now limited (${describeLimit(after)})`,
      });
    }
    if (before && (comparison.looser || !comparison.complete)) {
      context.report({
        kind: "limit-removed",
        direction: "widened",
        pointer: joinPointer(toolPointer(pair.oldKey) + "/limits", arg),
        side: "old",
        message: `${JSON.stringify(pair.oldKey)}: ${arg} is no longer limited (it was ${describeLimit(before)})`,
        ...witness(context, pair, arg, oldEntry, newEntry, comparison.looser),
      });
    }
    return;
  }
  for (const bound of BOUNDS) {
    if (sameEntry(before[bound], after[bound])) continue;
    const oldEntry = limitOnly(arg, pick(before, bound));
    const newEntry = limitOnly(arg, pick(after, bound));
    const comparison = compareEntries(oldEntry, newEntry);
    const change = `${arg} ${describeBound(bound, before[bound])} → ${describeBound(bound, after[bound])}`;
    const pointer = after[bound] !== undefined ? `${newPointer}/${bound}` : newPointer;
    if (comparison.looser || !comparison.complete) {
      context.report({
        kind: "limit-raised",
        direction: "widened",
        pointer,
        side: "new",
        message: `${tool}: ${change} admits more values`,
        ...witness(context, pair, arg, oldEntry, newEntry, comparison.looser),
      });
    }
    if (comparison.stricter) {
      context.report({
        kind: "limit-lowered",
        direction: "narrowed",
        pointer,
        side: "new",
        message: `${tool}: ${change} admits fewer values`,
      });
    }
  }
}

function pick(limit: ArgumentLimit, bound: Bound): ArgumentLimit {
  return limit[bound] === undefined ? {} : ({ [bound]: limit[bound] } as ArgumentLimit);
}

/** The limit alone, as an entry: 2 where it is broken, 0 where it holds. */
function limitOnly(arg: string, limit: ArgumentLimit): PolicyTool {
  const limitsOf: Record<string, ArgumentLimit> = {};
  Object.defineProperty(limitsOf, arg, { value: limit, enumerable: true, writable: true, configurable: true });
  return { effect: "read", limits: limitsOf };
}

function witness(
  context: DiffContext,
  pair: EntryPair,
  arg: string,
  oldEntry: PolicyTool,
  newEntry: PolicyTool,
  hint: EntryCall | undefined,
) {
  const names = namesFor(context.old, context.new, pair.oldKey, pair.newKey);
  const result = witnessAmong(context.old, context.new, names, {
    want: "less",
    hints: hint ? [hint] : [],
    focus: [{ from: "args", path: arg }],
    accept: (call) => entryStrictness(oldEntry, call) === 2 && entryStrictness(newEntry, call) < 2,
  });
  return result.witness
    ? { witness: result.witness }
    : { noWitness: noWitnessFound(names, `the old limit on ${arg} was broken and the new one is not`) };
}

function describeBound(bound: Bound, value: unknown): string {
  if (value === undefined) return `no ${bound}`;
  if (bound === "required") return value ? "required" : "optional";
  return `${bound} ${JSON.stringify(value)}`;
}

export function describeLimit(limit: ArgumentLimit): string {
  const parts = BOUNDS.filter((b) => limit[b] !== undefined).map((b) => describeBound(b, limit[b]));
  return parts.length > 0 ? parts.join(", ") : "no bound";
}
