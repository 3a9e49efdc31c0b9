/**
 * Which allowlist entry of the new policy continues which of the old: the same key (kept), or a
 * pattern replaced by a wider or narrower one (`crm.read*` → `crm.*`, `crm.read` → `crm.*`),
 * which is reported as the pattern's change rather than as one entry removed and another added.
 */
import type { PolicyTool } from "../../generated/policy.js";
import { isPattern, matchToolPattern, patternCovers } from "../policy/index.js";
import type { PolicyView } from "./search.js";

export interface EntryPair {
  oldKey: string;
  newKey: string;
  oldTool: PolicyTool;
  newTool: PolicyTool;
  /** same: one key in both; widened / narrowed: a pattern replaced by one matching more / fewer names. */
  relation: "same" | "widened" | "narrowed";
  /** Whether the two entries differ at all (canonical JSON): an unchanged entry has nothing to compare. */
  changed: boolean;
}

export interface EntryPairs {
  /** Entries in both policies (changed or not) and patterns replaced, in the new policy's key order. */
  pairs: EntryPair[];
  /** The pairs whose entries differ: what the entry comparators look at. */
  changed: EntryPair[];
  /** New keys with no old counterpart. */
  added: string[];
  /** Old keys with no new counterpart. */
  removed: string[];
}

export function pairEntries(old: PolicyView, next: PolicyView): EntryPairs {
  const oldTools = old.policy.tools;
  const newTools = next.policy.tools;
  const has = (tools: Record<string, PolicyTool>, key: string) => Object.prototype.hasOwnProperty.call(tools, key);
  const pairs: EntryPair[] = [];
  const added: string[] = [];
  for (const key of Object.keys(newTools)) {
    if (has(oldTools, key)) {
      const oldTool = oldTools[key]!;
      const newTool = newTools[key]!;
      pairs.push({ oldKey: key, newKey: key, oldTool, newTool, relation: "same", changed: !sameEntry(oldTool, newTool) });
    } else added.push(key);
  }
  const removed = Object.keys(oldTools).filter((key) => !has(newTools, key));
  const unpairedRemoved = new Set(removed);
  const unpairedAdded: string[] = [];
  for (const newKey of added) {
    const match = bestReplaced(newKey, [...unpairedRemoved]);
    if (!match) {
      unpairedAdded.push(newKey);
      continue;
    }
    unpairedRemoved.delete(match.oldKey);
    pairs.push({
      oldKey: match.oldKey,
      newKey,
      oldTool: oldTools[match.oldKey]!,
      newTool: newTools[newKey]!,
      relation: match.relation,
      changed: true,
    });
  }
  return {
    pairs,
    changed: pairs.filter((p) => p.changed),
    added: unpairedAdded,
    removed: removed.filter((key) => unpairedRemoved.has(key)),
  };
}

/** The removed key a new key most plausibly replaces: one covers the other, at least one is a pattern, longest common start first. */
function bestReplaced(newKey: string, removed: readonly string[]): { oldKey: string; relation: "widened" | "narrowed" } | undefined {
  let best: { oldKey: string; relation: "widened" | "narrowed"; shared: number } | undefined;
  for (const oldKey of removed) {
    if (!isPattern(newKey) && !isPattern(oldKey)) continue;
    const relation = covers(newKey, oldKey) ? "widened" : covers(oldKey, newKey) ? "narrowed" : undefined;
    if (!relation) continue;
    const shared = commonPrefixLength(newKey, oldKey);
    if (!best || shared > best.shared) best = { oldKey, relation, shared };
  }
  return best && { oldKey: best.oldKey, relation: best.relation };
}

function covers(outer: string, inner: string): boolean {
  return isPattern(inner) ? patternCovers(outer, inner) : matchToolPattern(outer, inner);
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Whether two entries are the same to decide(): equal as JSON values, whatever their key order
 * (what canonical JSON would say, without building the strings: this runs for every entry).
 */
export function sameEntry(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null || typeof a !== "object" || typeof b !== "object") {
    return (a ?? null) === (b ?? null) || (typeof a === "number" && typeof b === "number" && Object.is(a, b));
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameEntry(item, other[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((k) => left[k] !== undefined);
  const otherKeys = Object.keys(right).filter((k) => right[k] !== undefined);
  return (
    keys.length === otherKeys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(right, k) && sameEntry(left[k], right[k]))
  );
}
