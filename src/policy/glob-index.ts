/**
 * A segment index over tool globs, so a name is matched only against the globs that could match
 * it: a glob whose literal prefix holds a whole first segment ("billing" in "billing.refund*")
 * can only match names with that first segment; the rest ("*.delete", "pay*") are tried for
 * every name. Matches come back in the order the globs were added (policy order).
 */
import { compilePattern, matchToolPattern, type CompiledPattern } from "./glob.js";

interface Indexed<T> {
  compiled: CompiledPattern;
  order: number;
  value: T;
}

export interface GlobIndex<T> {
  bySegment: Map<string, Indexed<T>[]>;
  anywhere: Indexed<T>[];
  size: number;
}

export function createGlobIndex<T>(): GlobIndex<T> {
  return { bySegment: new Map(), anywhere: [], size: 0 };
}

export function addGlob<T>(index: GlobIndex<T>, pattern: string, value: T): void {
  const entry = { compiled: compilePattern(pattern), order: index.size++, value };
  const segment = literalFirstSegment(pattern);
  if (segment === undefined) index.anywhere.push(entry);
  else {
    const bucket = index.bySegment.get(segment);
    if (bucket) bucket.push(entry);
    else index.bySegment.set(segment, [entry]);
  }
}

/** The first glob (in policy order) that matches `name`. */
export function firstMatch<T>(index: GlobIndex<T>, name: string): T | undefined {
  let best: Indexed<T> | undefined;
  for (const list of candidates(index, name)) {
    for (const entry of list) {
      if (best !== undefined && entry.order > best.order) break;
      if (matchToolPattern(entry.compiled, name)) {
        best = entry;
        break;
      }
    }
  }
  return best?.value;
}

/** Every glob that matches `name`, in policy order. */
export function allMatches<T>(index: GlobIndex<T>, name: string): T[] {
  const found: Indexed<T>[] = [];
  for (const list of candidates(index, name)) for (const entry of list) if (matchToolPattern(entry.compiled, name)) found.push(entry);
  if (found.length > 1) found.sort((a, b) => a.order - b.order);
  return found.map((entry) => entry.value);
}

const NONE: never[] = [];

function candidates<T>(index: GlobIndex<T>, name: string): Indexed<T>[][] {
  if (index.size === 0) return NONE;
  const dot = name.indexOf(".");
  const bucket = dot === -1 ? undefined : index.bySegment.get(name.slice(0, dot));
  return bucket ? [bucket, index.anywhere] : [index.anywhere];
}

/** The text before the first "." when no wildcard comes before it (a "?" could match the dot). */
function literalFirstSegment(pattern: string): string | undefined {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c === 0x2a || c === 0x3f) return undefined;
    if (c === 0x2e) return pattern.slice(0, i);
  }
  return undefined;
}
