/**
 * A list of tool patterns (a deny list, an allowlist's names) indexed once, so "the first entry
 * that matches this name" and "the first entry that covers this pattern" cost about the length
 * of the name rather than the length of the list. Answers are exactly those of scanning the list
 * in order with matchToolPattern and patternCovers; lint asks them for every tool and every deny
 * entry, which made a spec with 10,000 deny globs quadratic.
 */
import { compilePattern, isPattern } from "./glob.js";
import { addGlob, createGlobIndex, firstMatch, type GlobIndex } from "./glob-index.js";

export interface PatternList {
  /** The lowest index i with matchToolPattern(patterns[i], name). */
  firstMatching(name: string): number | undefined;
  /**
   * The lowest index i with patternCovers(patterns[i], inner). With `self` (inner's own index in
   * the list), entry `self` is skipped and an equal pattern counts only before it: what a
   * "covered by another entry, or a repeat of an earlier one" check asks.
   */
  firstCovering(inner: string, self?: number): number | undefined;
}

/** A node of the trie of prefix globs' prefixes ("payment." for "payment.*"). */
interface PrefixNode {
  children: Map<number, PrefixNode>;
  /** The first prefix glob ending here, and the first one with another pattern (so one can be skipped). */
  first?: { index: number; pattern: string };
  firstOther?: { index: number; pattern: string };
}

export function indexPatternList(patterns: readonly string[]): PatternList {
  const firstIndexOf = new Map<string, number>();
  const globs: GlobIndex<number> = createGlobIndex();
  const prefixRoot: PrefixNode = { children: new Map() };
  patterns.forEach((pattern, index) => {
    if (!firstIndexOf.has(pattern)) firstIndexOf.set(pattern, index);
    if (!isPattern(pattern)) return;
    addGlob(globs, pattern, index);
    const prefix = coveringPrefix(pattern);
    if (prefix !== undefined) addPrefix(prefixRoot, prefix, pattern, index);
  });

  const firstLiteral = (name: string): number | undefined => {
    const index = firstIndexOf.get(name);
    return index !== undefined && !isPattern(name) ? index : undefined;
  };

  return {
    firstMatching(name) {
      // A glob always matches its own text, so only a literal entry needs the exact map.
      return lowest(firstLiteral(name), firstMatch(globs, name));
    },
    firstCovering(inner, self) {
      const equal = firstIndexOf.get(inner);
      // An equal entry covers; with `self`, only one before it (the later copy is the repeat).
      const repeat = equal === undefined || (self !== undefined && equal >= self) ? undefined : equal;
      // A literal is covered by the globs that match it (never equal to it); a glob only by a
      // prefix glob whose prefix it starts with (what patternCovers can prove).
      const other = isPattern(inner)
        ? firstPrefixCovering(prefixRoot, inner, self !== undefined ? inner : undefined)
        : firstMatch(globs, inner);
      return lowest(repeat, other);
    },
  };
}

/**
 * The prefix P of a pattern that is P followed only by stars, with no "?" in P: the one shape of
 * outer glob patternCovers proves to cover other globs (any pattern starting with P).
 */
function coveringPrefix(pattern: string): string | undefined {
  const { pieces } = compilePattern(pattern);
  if (pieces.length !== 2 || pieces[1] !== "" || pieces[0]!.includes("?")) return undefined;
  return pieces[0];
}

function addPrefix(root: PrefixNode, prefix: string, pattern: string, index: number): void {
  let node = root;
  for (let i = 0; i < prefix.length; i++) {
    const code = prefix.charCodeAt(i);
    let child = node.children.get(code);
    if (!child) node.children.set(code, (child = { children: new Map() }));
    node = child;
  }
  // Entries arrive in list order, so the first of each kind is the lowest index.
  if (!node.first) node.first = { index, pattern };
  else if (!node.firstOther && node.first.pattern !== pattern) node.firstOther = { index, pattern };
}

/** The lowest index of a prefix glob whose prefix `inner` starts with, skipping one equal to `skip`. */
function firstPrefixCovering(root: PrefixNode, inner: string, skip: string | undefined): number | undefined {
  let best: number | undefined;
  let node: PrefixNode | undefined = root;
  for (let i = 0; node; i++) {
    const entry = node.first && node.first.pattern === skip ? node.firstOther : node.first;
    if (entry) best = lowest(best, entry.index);
    if (i === inner.length) break;
    node = node.children.get(inner.charCodeAt(i));
  }
  return best;
}

function lowest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}
