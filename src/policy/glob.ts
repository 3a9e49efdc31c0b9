/**
 * Tool patterns: a tool name where * matches any run of characters (dots included) and ? one
 * character. Matching never builds a regular expression from user input and never backtracks:
 * the pattern is split at its stars and each piece is found leftmost in turn, which is correct
 * for star-only globs and runs in O(name × pattern) at worst, linear in the name for a pattern.
 * Leftmost is also right with "?" inside pieces: a piece has a fixed length, so an earlier
 * match never leaves less room for the pieces after it. Names compare by UTF-16 code unit
 * ("?" matches one code unit), case-sensitively.
 */

export interface CompiledPattern {
  source: string;
  /** The literal pieces between stars ("?" inside a piece matches one character). */
  pieces: string[];
  anchoredStart: boolean;
  anchoredEnd: boolean;
}

export function isPattern(name: string): boolean {
  return name.includes("*") || name.includes("?");
}

export function compilePattern(source: string): CompiledPattern {
  const pieces = source.split("*");
  return {
    source,
    pieces: pieces.filter((p, i) => p !== "" || i === 0 || i === pieces.length - 1),
    anchoredStart: !source.startsWith("*"),
    anchoredEnd: !source.endsWith("*"),
  };
}

/** Patterns given as strings, compiled once: lint rules match the same few patterns over and over. */
const compiledStrings = new Map<string, CompiledPattern>();
const MAX_COMPILED_STRINGS = 1024;

function compiledFor(source: string): CompiledPattern {
  let compiled = compiledStrings.get(source);
  if (compiled) return compiled;
  compiled = compilePattern(source);
  if (compiledStrings.size >= MAX_COMPILED_STRINGS) compiledStrings.clear();
  compiledStrings.set(source, compiled);
  return compiled;
}

export function matchToolPattern(pattern: string | CompiledPattern, name: string): boolean {
  const compiled = typeof pattern === "string" ? compiledFor(pattern) : pattern;
  const { pieces } = compiled;
  if (pieces.length === 1) return pieceMatchesAt(pieces[0]!, name, 0) && name.length === pieces[0]!.length;
  let position = 0;
  const first = pieces[0]!;
  if (!pieceMatchesAt(first, name, 0)) return false;
  position = first.length;
  const last = pieces[pieces.length - 1]!;
  const lastStart = name.length - last.length;
  if (lastStart < position || !pieceMatchesAt(last, name, lastStart)) return false;
  for (let i = 1; i < pieces.length - 1; i++) {
    const found = findPiece(pieces[i]!, name, position, lastStart);
    if (found === -1) return false;
    position = found + pieces[i]!.length;
  }
  return true;
}

function pieceMatchesAt(piece: string, name: string, at: number): boolean {
  if (at + piece.length > name.length) return false;
  for (let i = 0; i < piece.length; i++) {
    const p = piece.charCodeAt(i);
    if (p !== 0x3f && p !== name.charCodeAt(at + i)) return false;
  }
  return true;
}

/** The leftmost index ≥ from where piece matches and ends by `end`, or -1. */
function findPiece(piece: string, name: string, from: number, end: number): number {
  if (!piece.includes("?")) {
    const index = name.indexOf(piece, from);
    return index !== -1 && index + piece.length <= end ? index : -1;
  }
  for (let at = from; at + piece.length <= end; at++) if (pieceMatchesAt(piece, name, at)) return at;
  return -1;
}

/**
 * Whether every name `inner` matches is also matched by `outer` (payment.refund and payment.r*
 * are covered by payment.*). Exact for literal inner patterns; for inner globs it answers for
 * the common shapes (same or longer literal prefix under a prefix glob) and says false otherwise.
 */
export function patternCovers(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  if (!isPattern(inner)) return matchToolPattern(outer, inner);
  const outerCompiled = compilePattern(outer);
  if (outerCompiled.pieces.length === 2 && outerCompiled.pieces[1] === "" && !outerCompiled.pieces[0]!.includes("?")) {
    const prefix = outerCompiled.pieces[0]!;
    return inner.startsWith(prefix);
  }
  if (outer === "*") return true;
  return false;
}
