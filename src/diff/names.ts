/**
 * Finding a tool name by the patterns it must and must not match: "a name `crm.*` admits that no
 * old allowlist entry matched and no new deny pattern denies". Every pattern is an automaton over
 * its positions (a star loops, a question mark takes any one character); a breadth-first search
 * over the product of all of them, one character at a time, reaches the shortest such name, or
 * exhausts the states and so proves there is none. Only characters that occur in the patterns,
 * and one fresh character that occurs in none, need be tried: every other character behaves as
 * the fresh one does.
 *
 * Deny patterns match a name as decide() reads them: as written, or folded (see foldName); the
 * search folds each character it tries for the folded reading. The search tries ASCII names
 * only. That proves none exists only where no other name can do what no ASCII name does: a
 * name outside ASCII reads differently folded than as written (`ß` folds to `ss`, a combining
 * mark merges with the letter before it), so `Aßb` is admitted by an allowlist glob `A?b` and
 * escapes a deny `a?b` in both readings, where every ASCII name `A?b` admits is denied. So when
 * a query holds both a folded pattern and an allowlist pattern with a wildcard, "none found" is
 * not proven (the change is then reported as widened, with the reason), unless the patterns'
 * literal starts already rule every name out. Every name found is checked with decide()
 * afterwards.
 */
import { foldToolName, isPattern, matchToolPattern } from "../policy/index.js";

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

/** Whether a deny pattern denies a name, in either of decide()'s readings: as written, or both folded. */
export function denies(pattern: string, name: string): boolean {
  return matchToolPattern(pattern, name) || matchToolPattern(foldName(pattern), foldName(name));
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
  // A deny pattern excludes the names it matches as written too, as decide() reads it.
  const exclude = query.exclude.flatMap((p) => (p.folded ? [p, { pattern: p.pattern, folded: false }] : [p]));
  // A name matches a deny pattern it must match in either reading: each reading is one search.
  const folded = query.include.filter((p) => p.folded);
  if (folded.length > 2) return { proven: false };
  let proven = true;
  for (let readings = 0; readings < 1 << folded.length; readings++) {
    const include = query.include.map((p) => (p.folded && readings & (1 << folded.indexOf(p)) ? { pattern: p.pattern, folded: false } : p));
    const search = findReading({ include, exclude });
    if (search.found !== undefined) return search;
    proven &&= search.proven;
  }
  return { proven };
}

/** One reading of a query: the search itself, and whether its "none" is proven for every name (see the top). */
function findReading(query: NameQuery): NameSearch {
  // Well-formed names first, whatever decide() accepts: "crm.x" reads better than "crm.".
  let search = searchNames(query, true);
  if (search.found === undefined && !EMPTY_SEGMENTS_MALFORMED) search = searchNames(query, false);
  if (search.found !== undefined || !search.proven) return search;
  const { include, exclude } = query;
  const rawGlobs = include.some((p) => !p.folded && isPattern(p.pattern));
  const pinned = include.some((p) => !p.folded && !isPattern(p.pattern));
  const folded = [...include, ...exclude].some((p) => p.folded);
  if (pinned || !rawGlobs || !folded || startsExclude(include)) return search;
  return { proven: false };
}

/**
 * Whether the include patterns' literal starts rule out every name, whatever characters follow:
 * a name an allowlist pattern admits starts with its literal start as written, so folded it starts
 * with that start folded, but for its last character, which a combining mark may change.
 */
function startsExclude(include: readonly NamePattern[]): boolean {
  const raw = include.filter((p) => !p.folded);
  for (const r of raw) {
    const start = literalPrefix(r);
    if (!isAscii(start)) continue;
    for (const other of include) {
      if (other === r) continue;
      const otherStart = literalPrefix(other);
      if (!isAscii(otherStart)) continue;
      const mine = other.folded ? start.slice(0, -1).toLowerCase() : start;
      const theirs = other.folded ? otherStart.toLowerCase() : otherStart;
      const n = Math.min(mine.length, theirs.length);
      if (mine.slice(0, n) !== theirs.slice(0, n)) return true;
    }
  }
  return false;
}

function searchNames(query: NameQuery, segmentsMustBeNonEmpty: boolean): NameSearch {
  const include = query.include.map(toAutomaton);
  if (include.length === 0) return { proven: false };
  const exclude = query.exclude.filter((p) => mayOverlap(p, query.include)).map(toAutomaton);
  const all = [...include, ...exclude];
  const alphabet = alphabetOf(all);
  // Without a character no pattern holds, names of the characters left out are not tried.
  const exact = all.every((a) => isAscii(a.source)) && alphabet.fresh;
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
      for (const char of alphabet.chars) {
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
function alphabetOf(automata: readonly Automaton[]): { chars: string[]; fresh: boolean } {
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
  return { chars: fresh ? [fresh, ...ordered] : ordered, fresh: fresh !== undefined };
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
