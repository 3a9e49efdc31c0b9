/**
 * What JSON.parse hides in a message, found in its raw text: a key repeated in one object
 * (JSON.parse keeps the last one, other decoders the first), keys that differ only by case or
 * compatibility form (a case-insensitive decoder, such as Go's encoding/json, reads either one
 * for a field), a `__proto__` key, and nesting deeper than a bound. Any of them lets the gateway
 * decide on one reading of a message while the server acts on another.
 *
 * The text must be one that JSON.parse accepted: the scan trusts the grammar and only follows
 * objects, arrays and strings, so it is a single pass without building values.
 */
import { foldKey, isAsciiKey } from "../../policy/key-fold.js";

/** The fold keys are compared by (defined with the policy core, which reads argument keys the same way). */
export { foldKey };

export type KeyProblemKind = "duplicate-key" | "case-variant-key" | "proto-key" | "too-deep";

export interface KeyProblem {
  kind: KeyProblemKind;
  /** The key, as decoded. */
  key: string;
  /** For a case variant: the key it collides with. */
  other?: string;
  /** Where, as a JSON pointer ("/params/arguments"). */
  pointer: string;
  /**
   * For a message whose top-level "id" is repeated: every id it holds, so the requests it might
   * answer can be answered with the refusal rather than left waiting.
   */
  ids?: (string | number)[];
}

export interface KeyScanOptions {
  /** Also refuse keys of one object that fold to the same string (case, NFKC). */
  caseVariants: boolean;
  /** Objects and arrays nested deeper than this are refused. */
  maxDepth: number;
}

interface Frame {
  object: boolean;
  /** Array: the index of the current element. Object: unused. */
  index: number;
  /** Object: the next string is a key. */
  expectKey: boolean;
  /** Object: the current member's key. */
  key: string;
  keys: Set<string> | undefined;
  folded: Map<string, string> | undefined;
  /** The top-level object: the values of its "id" members, as read. */
  ids?: unknown[];
}

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export function findKeyProblem(text: string, options: KeyScanOptions): KeyProblem | undefined {
  const stack: Frame[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top !== undefined && top.object && top.expectKey) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes("\\") ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        if (stack.length === 1 && key === "id") (top.ids ??= []).push(idValueAfter(text, end + 1));
        const problem = addKey(top, key, options.caseVariants);
        if (problem) {
          const ids = problem.kind === "duplicate-key" && top.ids !== undefined && top.ids.length > 1 ? { ids: top.ids.filter(isId) } : {};
          return { ...problem, pointer: pointerOf(stack), ...ids };
        }
        top.expectKey = false;
        top.key = key;
      }
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (stack.length >= options.maxDepth) {
        return { kind: "too-deep", key: "", pointer: pointerOf(stack) };
      }
      stack.push({ object: c === OPEN_OBJECT, index: 0, expectKey: true, key: "", keys: undefined, folded: undefined });
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      stack.pop();
    } else if (c === COMMA) {
      const top = stack[stack.length - 1]!;
      if (top.object) top.expectKey = true;
      else top.index += 1;
    }
  }
  return undefined;
}

/**
 * Whether `value`, what JSON.parse made of `text`, holds nothing findKeyProblem would find,
 * decided without its scan: a walk of the parsed value finds a `__proto__` key, folded twins
 * (when asked) and nesting past the bound, and a repeated key shows as a count: JSON.parse keeps
 * one property for the key tokens it repeats, so the text holds more key tokens than the value
 * holds keys. True only when both say clean; the gateway then skips the full scan, which it runs
 * otherwise to say what the problem is and where.
 */
export function parsedClean(value: unknown, text: string, options: KeyScanOptions): boolean {
  // A large message goes to the scan alone: walking it first would only add to its cost.
  if (text.length > FAST_PATH_MAX_CHARS) return false;
  const kept = keptKeys(value, options, 1);
  return kept >= 0 && kept === keyTokens(text);
}

/** Messages up to this long (most of them) take the fast path. */
const FAST_PATH_MAX_CHARS = 64 * 1024;

/** How many keys the objects in `value` hold, or -1 at the first problem. `depth`: `value`'s nesting level. */
function keptKeys(value: unknown, options: KeyScanOptions, depth: number): number {
  if (value === null || typeof value !== "object") return 0;
  if (depth > options.maxDepth) return -1;
  let count = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const inner = keptKeys(value[i], options, depth + 1);
      if (inner < 0) return -1;
      count += inner;
    }
    return count;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  if (options.caseVariants && keys.length > 1 && hasFoldedTwin(keys)) return -1;
  count = keys.length;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key === "__proto__") return -1;
    const inner = keptKeys(object[key], options, depth + 1);
    if (inner < 0) return -1;
    count += inner;
  }
  return count;
}

/** Whether two of an object's (distinct) keys fold to one string. */
function hasFoldedTwin(keys: string[]): boolean {
  if (keys.length <= 16 && keys.every(isAsciiKey)) {
    // An ASCII key folds to its lower case, of its own length: only keys of one length, whose
    // first characters are one letter (or one character), can be twins.
    for (let i = 1; i < keys.length; i++) {
      const key = keys[i]!;
      for (let k = 0; k < i; k++) {
        const other = keys[k]!;
        if (
          other.length === key.length &&
          sameAsciiFold(other.charCodeAt(0), key.charCodeAt(0)) &&
          other.toLowerCase() === key.toLowerCase()
        )
          return true;
      }
    }
    return false;
  }
  if (keys.length > 16) {
    const seen = new Set<string>();
    for (const key of keys) {
      const fold = foldKey(key);
      if (seen.has(fold)) return true;
      seen.add(fold);
    }
    return false;
  }
  const folds = keys.map(foldKey);
  for (let i = 1; i < folds.length; i++) for (let k = 0; k < i; k++) if (folds[i] === folds[k]) return true;
  return false;
}

/** Whether two ASCII characters are one under ASCII case folding (a letter in either case, or the same character). */
function sameAsciiFold(a: number, b: number): boolean {
  if (a === b) return true;
  const lower = a | 0x20;
  return lower === (b | 0x20) && lower >= 0x61 && lower <= 0x7a;
}

const COLON = 0x3a;

/**
 * How many key tokens text JSON.parse accepted holds: in JSON, a colon outside a string is the
 * one after a key, so counting those counts keys. One pass; a string is stepped through for its
 * first characters (keys and short values, most of a message) and the rest of a longer one is
 * skipped by indexOf, so a tool result's long text costs a native search rather than a step per
 * character (16× faster for a 140 KB text, measured).
 */
function keyTokens(text: string): number {
  let count = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === COLON) count++;
    else if (c === QUOTE) {
      let k = i + 1;
      const stop = k + SHORT_STRING < n ? k + SHORT_STRING : n;
      // An escape is stepped over whole, so k never stops inside one.
      while (k < stop) {
        const d = text.charCodeAt(k);
        if (d === QUOTE) break;
        k += d === BACKSLASH ? 2 : 1;
      }
      i = k < stop ? k : stringEnd(text, i, k);
    }
  }
  return count;
}

/** Characters of a string keyTokens steps through before it searches for the string's end. */
const SHORT_STRING = 24;

/** The value of the member whose key ends before `from`, when it is a string or a number (an id). */
function idValueAfter(text: string, from: number): unknown {
  let i = from;
  while (i < text.length && /[\s:]/.test(text[i]!)) i++;
  if (text.charCodeAt(i) === QUOTE) return JSON.parse(text.slice(i, stringEnd(text, i) + 1));
  const number = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 40));
  return number ? Number(number[0]) : undefined;
}

function isId(value: unknown): value is string | number {
  return typeof value === "string" || (typeof value === "number" && Number.isSafeInteger(value));
}

/** The index of the quote that closes the string opening at `start`, searched from `from` (not inside an escape). */
function stringEnd(text: string, start: number, from = start + 1): number {
  let at = from;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote === -1) return text.length; // not reached for text JSON.parse accepted
    let backslashes = 0;
    for (let k = quote - 1; k > start && text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return quote;
    at = quote + 1;
  }
}

function addKey(frame: Frame, key: string, caseVariants: boolean): Omit<KeyProblem, "pointer"> | undefined {
  if (key === "__proto__") return { kind: "proto-key", key };
  frame.keys ??= new Set();
  if (frame.keys.has(key)) return { kind: "duplicate-key", key };
  frame.keys.add(key);
  if (!caseVariants) return undefined;
  const fold = foldKey(key);
  frame.folded ??= new Map();
  const other = frame.folded.get(fold);
  if (other !== undefined) return { kind: "case-variant-key", key, other };
  frame.folded.set(fold, key);
  return undefined;
}

function pointerOf(stack: Frame[]): string {
  let pointer = "";
  // The innermost frame is the object holding the key; its parents name the path to it.
  for (let k = 0; k < stack.length - 1; k++) {
    const frame = stack[k]!;
    const segment = frame.object ? frame.key : String(frame.index);
    pointer += "/" + segment.replace(/~/g, "~0").replace(/\//g, "~1");
  }
  return pointer;
}
