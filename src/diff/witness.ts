/** Finding the witness of a change: the names it concerns, then a call to one of them (search.ts). */
import { isPattern } from "../policy/index.js";
import { findName, type NamePattern } from "./names.js";
import { searchCalls, type CallSearch, type PolicyView, type SearchResult } from "./search.js";

/**
 * Names an entry of both policies stands for, the likeliest witnesses first: a literal key
 * itself; for two patterns, a name both match and as few other entries and deny patterns as
 * possible (so nothing else decides the call), then one only the deny patterns are kept from.
 */
export function namesFor(old: PolicyView, next: PolicyView, oldKey: string, newKey: string): string[] {
  if (!isPattern(newKey)) return [newKey];
  if (!isPattern(oldKey)) return [oldKey];
  const include: NamePattern[] = [
    { pattern: oldKey, folded: false },
    { pattern: newKey, folded: false },
  ];
  const others = [...old.keys, ...next.keys].filter((k) => k.pattern !== oldKey && k.pattern !== newKey);
  const denies = [...old.denies, ...next.denies];
  const names = new Set<string>();
  for (const exclude of [[...others, ...denies], denies, []]) {
    const search = findName({ include, exclude });
    if (search.found !== undefined) names.add(search.found);
    if (names.size >= 2) break;
  }
  return [...names];
}

/** The first witness over the names, in order. */
export function witnessAmong(old: PolicyView, next: PolicyView, names: readonly string[], search: Omit<CallSearch, "name">): SearchResult {
  let complete = names.length > 0;
  for (const name of names) {
    const result = searchCalls(old, next, { ...search, name });
    if (result.witness) return result;
    if (!result.complete) complete = false;
  }
  return { complete };
}
