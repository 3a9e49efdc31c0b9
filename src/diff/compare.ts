/**
 * Comparing two allowlist entries (or two of their gates or limits) over every call they could
 * see: is there one the new entry decides less strictly than the old, and one it decides more
 * strictly? Each entry is decided as a policy of its own (entry.ts), over one representative
 * value per region of every slot either reads (values.ts).
 */
import type { PolicyTool } from "../../generated/policy.js";
import { canonicalize } from "../policy/index.js";
import { entryStrictness } from "./entry.js";
import { forEachCall, representatives, SlotCollector, type Axis } from "./values.js";

export interface EntryCall {
  args?: Record<string, unknown>;
  context?: Record<string, unknown>;
}

export interface EntryComparison {
  /** A call the new entry decides less strictly than the old one. */
  looser?: EntryCall;
  /** A call the new entry decides more strictly. */
  stricter?: EntryCall;
  /** Every region was tried: what is not found does not exist. */
  complete: boolean;
}

/** Combinations tried before the comparison stops (and says it is incomplete). */
const MAX_COMBINATIONS = 100_000;

/** Comparisons by content: a threshold raised on a hundred tools is one comparison. */
const memo = new Map<string, EntryComparison>();
const MAX_MEMO = 4096;

export function compareEntries(old: PolicyTool, next: PolicyTool): EntryComparison {
  const key = canonicalize([old, next]);
  const known = memo.get(key);
  if (known) return known;
  const result = compareUncached(old, next);
  if (memo.size >= MAX_MEMO) memo.clear();
  memo.set(key, result);
  return result;
}

function compareUncached(old: PolicyTool, next: PolicyTool): EntryComparison {
  const collector = new SlotCollector();
  collector.addTool(old);
  collector.addTool(next);
  let complete = true;
  const axes: Axis[] = collector.slots().map((facts) => {
    const reps = representatives(facts);
    if (!reps.complete) complete = false;
    return { facts, values: reps.values };
  });
  const result: EntryComparison = { complete };
  const run = forEachCall("entry", axes, MAX_COMBINATIONS, (call) => {
    const before = entryStrictness(old, call);
    const after = entryStrictness(next, call);
    if (after < before && !result.looser) result.looser = strip(call);
    if (after > before && !result.stricter) result.stricter = strip(call);
    return result.looser !== undefined && result.stricter !== undefined;
  });
  result.complete = complete && (run.complete || run.stopped);
  return result;
}

function strip(call: { args?: Record<string, unknown>; context?: Record<string, unknown> }): EntryCall {
  return { ...(call.args ? { args: call.args } : {}), ...(call.context ? { context: call.context } : {}) };
}
