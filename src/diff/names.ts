/**
 * Finding a tool name by the patterns it must and must not match: "a name `crm.*` admits that no
 * old allowlist entry matched and no new deny pattern denies". Every pattern is an automaton over
 * its positions (a star loops, a question mark takes any one character); a breadth-first search
 * over the product of all of them, one character at a time, reaches the shortest such name, or
 * exhausts the states and so proves there is none. Only characters that occur in the patterns,
 * and one fresh character that occurs in none, need be tried: every other character behaves as
 * the fresh one does.
 *
 * Deny patterns match folded names (see foldName); the search folds each character it tries for
 * them. That is exact for ASCII, where folding is lower-casing one character at a time; when a
 * pattern holds other characters the search still finds names (every one is checked with decide()
 * afterwards) but no longer proves that none exists.
 */
import { foldToolName, isPattern } from "../policy/index.js";

export interface NamePattern {
  pattern: string;
  /** Compared with the folded name (deny patterns), else with the raw name (the allowlist). */
  folded: boolean;
}

export interface NameQuery {
  /** The name matches every one of these. */
  include: readonly NamePattern[];
  /** The name matches none of these. */
  exclude: readonly NamePattern[];
}

export type NameSearch = { found: string } | { found?: undefined; proven: boolean };

/** States searched before giving up (an unproven "none"). */
const MAX_STATES = 20_000;
/** Names longer than this are not searched for. */
const MAX_NAME_LENGTH = 256;
const FRESH_CANDIDATES = "xqzjkvwy0123456789";

/**
 * The reading of a tool name deny patterns compare: decide()'s, exactly, the folded name (NFKC,
 * default-ignorables and surrounding whitespace removed, case folded).
 */
export function foldName(name: string): string {
  return foldToolName(name);
}

/**
 * decide() refuses names with an empty dot segment (`a..b`, `.a`, `a.`) as malformed: the
 * search skips such names, as decide() denies them.
 */
const EMPTY_SEGMENTS_MALFORMED = true;

interface Automaton {
  source: string;
  /** The pattern as compared (folded for deny patterns). */
  chars: string;
  folded: boolean;
}

/** Positions a pattern can be at, after following stars without consuming a character. */
function closure(automaton: Automaton, positions: readonly number[]): number[] {
  const out = new Set<number>();
  for (const start of positions) {
    let p = start;
    out.add(p);
    while (p < automaton.chars.length && automaton.chars[p] === "*") out.add(++p);
  }
  return [...out].sort((a, b) => a - b);
}

function step(automaton: Automaton, positions: readonly number[], char: string): number[] {
  const c = automaton.folded ? foldName(char) : char;
  const next: number[] = [];
  for (const p of positions) {
    if (p >= automaton.chars.length) continue;
    const token = automaton.chars[p];
    if (token === "*") next.push(p);
    else if (token === "?" || token === c) next.push(p + 1);
  }
  return next.length === 0 ? next : closure(automaton, next);
}

function accepts(automaton: Automaton, positions: readonly number[]): boolean {
  return positions.includes(automaton.chars.length);
}

function toAutomaton(p: NamePattern): Automaton {
  return { source: p.pattern, chars: p.folded ? foldName(p.pattern) : p.pattern, folded: p.folded };
}

/** Characters that make a name malformed: whitespace, controls, format and invisible characters. */
const NOT_IN_A_NAME = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cs}]/u;

/**
 * The shortest name that matches every `include` pattern and no `exclude` pattern, and that
 * decide() does not refuse as malformed: no whitespace or invisible character, and preferably
 * no empty dot segment.
 */
export function findName(query: NameQuery): NameSearch {
  // Well-formed names first, whatever decide() accepts: "crm.x" reads better than "crm.".
  const wellFormed = searchNames(query, true);
  if (wellFormed.found !== undefined || EMPTY_SEGMENTS_MALFORMED) return wellFormed;
  return searchNames(query, false);
}

function searchNames(query: NameQuery, segmentsMustBeNonEmpty: boolean): NameSearch {
  const include = query.include.map(toAutomaton);
  if (include.length === 0) return { proven: false };
  const exclude = query.exclude.filter((p) => mayOverlap(p, query.include)).map(toAutomaton);
  const all = [...include, ...exclude];
  const alphabet = alphabetOf(all);
  const exact = all.every((a) => isAscii(a.source));
  interface State {
    positions: number[][];
    /** The last character was a dot, or nothing was read yet. */
    atSegmentStart: boolean;
    name: string;
  }
  const start: State = { positions: all.map((a) => closure(a, [0])), atSegmentStart: true, name: "" };
  const seen = new Set<string>([stateKey(start.positions, true)]);
  let frontier: State[] = [start];
  let explored = 0;
  while (frontier.length > 0) {
    const next: State[] = [];
    for (const state of frontier) {
      for (const char of alphabet) {
        if (segmentsMustBeNonEmpty && char === "." && state.atSegmentStart) continue;
        const positions = all.map((a, i) =>
          i < include.length || state.positions[i]!.length > 0 ? step(a, state.positions[i]!, char) : [],
        );
        if (positions.slice(0, include.length).some((p) => p.length === 0)) continue;
        const name = state.name + char;
        const atSegmentStart = char === ".";
        const done =
          (!segmentsMustBeNonEmpty || !atSegmentStart) &&
          include.every((a, i) => accepts(a, positions[i]!)) &&
          exclude.every((a, i) => !accepts(a, positions[include.length + i]!));
        if (done) return { found: name };
        const key = stateKey(positions, atSegmentStart);
        if (seen.has(key)) continue;
        seen.add(key);
        if (++explored > MAX_STATES || name.length >= MAX_NAME_LENGTH) return { proven: false };
        next.push({ positions, atSegmentStart, name });
      }
    }
    frontier = next;
  }
  return { proven: exact };
}

function stateKey(positions: readonly number[][], atSegmentStart: boolean): string {
  return (atSegmentStart ? "." : "") + positions.map((p) => p.join(",")).join("|");
}

/**
 * The characters worth trying: a fresh one first (names read naturally: crm.x), then each
 * character as the patterns write it, then the other case of a folded pattern's letters.
 */
function alphabetOf(automata: readonly Automaton[]): string[] {
  const written = new Set<string>();
  const variants = new Set<string>();
  for (const a of automata) {
    for (const char of a.source) {
      if (char === "*" || char === "?" || NOT_IN_A_NAME.test(char) || char.length !== 1) continue;
      written.add(char);
      // A folded pattern's letter is matched by either case of the name's letter.
      if (a.folded) for (const variant of [char.toLowerCase(), char.toUpperCase()]) if (variant.length === 1) variants.add(variant);
    }
  }
  const fresh = [...FRESH_CANDIDATES].find(
    (c) => !written.has(c) && !variants.has(c) && !written.has(c.toUpperCase()) && !variants.has(c.toUpperCase()),
  );
  const ordered = [...[...written].sort(), ...[...variants].filter((c) => !written.has(c)).sort()];
  return fresh ? [fresh, ...ordered] : ordered;
}

function isAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/**
 * A cheap test that an exclude pattern could match some name an include pattern matches: their
 * literal starts must agree as far as both go. Patterns that cannot overlap are left out of the
 * search, which keeps it small with a thousand allowlist entries.
 */
function mayOverlap(candidate: NamePattern, include: readonly NamePattern[]): boolean {
  const prefix = literalPrefix(candidate);
  // Folding other characters can change a string's length: no cheap test is sound then.
  if (!isAscii(candidate.pattern) || include.some((p) => !isAscii(p.pattern))) return true;
  return include.every((other) => {
    const otherPrefix = literalPrefix(other);
    const n = Math.min(prefix.length, otherPrefix.length);
    if (candidate.folded || other.folded) return foldName(prefix.slice(0, n)) === foldName(otherPrefix.slice(0, n));
    return prefix.slice(0, n) === otherPrefix.slice(0, n);
  });
}

function literalPrefix(p: NamePattern): string {
  if (!isPattern(p.pattern)) return p.pattern;
  const end = p.pattern.search(/[*?]/);
  return p.pattern.slice(0, end);
}
