/**
 * An index over tool globs, so a name is matched only against the globs that could match it.
 * A glob can match a name only if every literal run of it (the text between its wildcards)
 * occurs in the name, so each glob is filed under one of its runs, its key: the run fewest other
 * globs share (`_4711_` rather than `.purge` in `*.purge_4711_*`). One pass of an Aho-Corasick
 * automaton over the name finds every key it contains, in time linear in the name whatever the
 * number of globs; only the globs under those keys (and those with no literal run at all, such
 * as `*` or `?*`) are then matched. No regular expression is built from a pattern.
 * Matches come back in the order the globs were added (policy order).
 */
import { compilePattern, matchToolPattern, type CompiledPattern } from "./glob.js";

interface Indexed<T> {
  compiled: CompiledPattern;
  order: number;
  value: T;
}

/**
 * The keys' automaton: states are trie nodes (0 is the root). A state's children are a list of
 * siblings, with a Map beside it once there are many (a list keeps small nodes small; a Map
 * keyed by state and code unit together would need heap numbers past 2^30).
 */
interface Automaton<T> {
  firstChild: number[];
  sibling: number[];
  code: number[];
  wide: (Map<number, number> | undefined)[];
  /** The state of the longest proper suffix of a state's text that is a trie node. */
  fail: number[];
  /** The nearest state along the failure links whose node ends a key, or -1. */
  nextOutput: number[];
  /** The globs whose key ends at a state, in policy order. */
  outputs: (Indexed<T>[] | undefined)[];
  /** Per state, the lookup that last collected it (so a key found twice is collected once). */
  seen: Uint32Array;
  lookups: number;
}

/** Children past which a state keeps a Map of them. */
const WIDE = 8;

export interface GlobIndex<T> {
  entries: Indexed<T>[];
  /** Globs with no literal run: candidates for every name. */
  anywhere: Indexed<T>[];
  /** Built at the first lookup after an add. */
  automaton: Automaton<T> | undefined;
  size: number;
}

export function createGlobIndex<T>(): GlobIndex<T> {
  return { entries: [], anywhere: [], automaton: undefined, size: 0 };
}

export function addGlob<T>(index: GlobIndex<T>, pattern: string, value: T): void {
  index.entries.push({ compiled: compilePattern(pattern), order: index.size++, value });
  index.automaton = undefined;
}

/** The first glob (in policy order) that matches `name`. */
export function firstMatch<T>(index: GlobIndex<T>, name: string): T | undefined {
  const found = candidates(index, name);
  if (found.length > 1) found.sort(byOrder);
  for (const entry of found) if (matchToolPattern(entry.compiled, name)) return entry.value;
  return undefined;
}

/** Every glob that matches `name`, in policy order. */
export function allMatches<T>(index: GlobIndex<T>, name: string): T[] {
  const found = candidates(index, name).filter((entry) => matchToolPattern(entry.compiled, name));
  if (found.length > 1) found.sort(byOrder);
  return found.map((entry) => entry.value);
}

function byOrder(a: { order: number }, b: { order: number }): number {
  return a.order - b.order;
}

/** The globs that may match `name`: those whose key occurs in it, and those with no key. */
function candidates<T>(index: GlobIndex<T>, name: string): Indexed<T>[] {
  if (index.size === 0) return [];
  const automaton = (index.automaton ??= build(index));
  const found = index.anywhere.slice();
  const { fail, nextOutput, outputs, seen } = automaton;
  const lookup = ++automaton.lookups;
  if (lookup === 0xffffffff) {
    seen.fill(0);
    automaton.lookups = 1;
  }
  let state = 0;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    let next = child(automaton, state, code);
    while (next === -1 && state !== 0) {
      state = fail[state]!;
      next = child(automaton, state, code);
    }
    state = next === -1 ? 0 : next;
    // Every key ending here is on this state's output chain; a state collected before had its
    // whole chain collected with it.
    for (let s = outputs[state] ? state : nextOutput[state]!; s !== -1 && seen[s] !== automaton.lookups; s = nextOutput[s]!) {
      seen[s] = automaton.lookups;
      for (const entry of outputs[s]!) found.push(entry);
    }
  }
  return found;
}

function child<T>(automaton: Automaton<T>, state: number, code: number): number {
  const wide = automaton.wide[state];
  if (wide) return wide.get(code) ?? -1;
  for (let c = automaton.firstChild[state]!; c !== -1; c = automaton.sibling[c]!) if (automaton.code[c] === code) return c;
  return -1;
}

function build<T>(index: GlobIndex<T>): Automaton<T> {
  const keys = chooseKeys(index.entries);
  const automaton: Automaton<T> = {
    firstChild: [-1],
    sibling: [-1],
    code: [-1],
    wide: [undefined],
    fail: [0],
    nextOutput: [-1],
    outputs: [undefined],
    seen: new Uint32Array(0),
    lookups: 0,
  };
  const children: number[] = [0];
  index.anywhere = [];
  index.entries.forEach((entry, i) => {
    const key = keys[i];
    if (key === undefined) {
      index.anywhere.push(entry);
      return;
    }
    let state = 0;
    for (let k = 0; k < key.length; k++) {
      const code = key.charCodeAt(k);
      let next = child(automaton, state, code);
      if (next === -1) {
        next = automaton.code.length;
        automaton.firstChild.push(-1);
        automaton.sibling.push(automaton.firstChild[state]!);
        automaton.code.push(code);
        automaton.wide.push(undefined);
        automaton.fail.push(0);
        automaton.nextOutput.push(-1);
        automaton.outputs.push(undefined);
        children.push(0);
        automaton.firstChild[state] = next;
        if (++children[state]! > WIDE) {
          let wide = automaton.wide[state];
          if (!wide) {
            wide = new Map();
            for (let c = automaton.sibling[next]!; c !== -1; c = automaton.sibling[c]!) wide.set(automaton.code[c]!, c);
            automaton.wide[state] = wide;
          }
          wide.set(code, next);
        }
      }
      state = next;
    }
    (automaton.outputs[state] ??= []).push(entry);
  });
  // Failure links breadth first: a state's link depends only on shallower states.
  const { fail, nextOutput, outputs, firstChild, sibling, code } = automaton;
  const queue: number[] = [];
  for (let c = firstChild[0]!; c !== -1; c = sibling[c]!) queue.push(c);
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head]!;
    for (let c = firstChild[s]!; c !== -1; c = sibling[c]!) {
      let f = fail[s]!;
      let target = child(automaton, f, code[c]!);
      while (target === -1 && f !== 0) {
        f = fail[f]!;
        target = child(automaton, f, code[c]!);
      }
      fail[c] = target === -1 ? 0 : target;
      const to = fail[c]!;
      nextOutput[c] = outputs[to] ? to : nextOutput[to]!;
      queue.push(c);
    }
  }
  automaton.seen = new Uint32Array(code.length);
  return automaton;
}

/**
 * Each glob's key: of its literal runs, the one the fewest globs share (then the longest), so no
 * key gathers many globs unless they are the same glob in all but wildcards. undefined: the glob
 * has no literal run.
 */
function chooseKeys<T>(entries: readonly Indexed<T>[]): (string | undefined)[] {
  const runsOf = entries.map((entry) => literalRuns(entry.compiled.source));
  const shared = new Map<string, number>();
  for (const runs of runsOf) for (const run of runs) shared.set(run, (shared.get(run) ?? 0) + 1);
  return runsOf.map((runs) => {
    let best: string | undefined;
    for (const run of runs) {
      if (best === undefined) best = run;
      else {
        const a = shared.get(run)!;
        const b = shared.get(best)!;
        if (a < b || (a === b && run.length > best.length)) best = run;
      }
    }
    return best;
  });
}

/** The text between a pattern's wildcards ("*" and "?"), without empty runs. */
function literalRuns(pattern: string): string[] {
  const runs: string[] = [];
  let many: Set<string> | undefined;
  let start = 0;
  for (let i = 0; i <= pattern.length; i++) {
    const c = i < pattern.length ? pattern.charCodeAt(i) : 0x2a;
    if (c !== 0x2a && c !== 0x3f) continue;
    const run = pattern.slice(start, i);
    start = i + 1;
    if (run === "") continue;
    // Counted once per glob, so a run repeated in one glob does not look shared.
    if (runs.length > 16) many ??= new Set(runs);
    if (many ? many.has(run) : runs.includes(run)) continue;
    runs.push(run);
    many?.add(run);
  }
  return runs;
}
