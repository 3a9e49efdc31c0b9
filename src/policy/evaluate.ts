/**
 * What decide() checks against a call's values once the tool is resolved: the hard limits on
 * its arguments and the approval conditions. Reads own properties only, never a prototype's.
 *
 * Both fail closed on a value they cannot vouch for. A limit is broken by a value of the wrong
 * type and by a non-finite number (NaN, ±Infinity: JSON's 1e309 parses as Infinity). An approval
 * condition holds, so a human decides, when the value is absent, of another type than the
 * operand (`eq: 1` against "1"; for `in`, of a type no operand has), or a non-finite number:
 * none of them can be shown not to need approval.
 */
import type { ArgumentLimit, Condition } from "../../generated/policy.js";
import { foldKey } from "./key-fold.js";

/** Reads an own property along a dotted path, never a prototype's. */
export function readPath(source: unknown, path: string): unknown {
  // Most paths are one name: no split (an array per read was a tenth of a gated decision).
  if (!path.includes(".")) return ownValue(source, path);
  let value: unknown = source;
  for (const key of path.split(".")) {
    value = ownValue(value, key);
    if (value === undefined) return undefined;
  }
  return value;
}

/**
 * What a path's second readings are, computed once per path: its segments, and for each segment
 * i the keys that join it with the next ones (i..j, j > i), and the folded forms (foldKey) of the
 * segment and of each joining, which a key at that level reads as without being it.
 */
export interface PathReadings {
  path: string;
  segments: string[];
  joined: string[][];
  /** Level i: folded segment or joining → that segment or joining as the path writes it. */
  folds: Map<string, string>[];
  /** Level i: the folded forms that are ASCII, as [folded, as written]: all an ASCII key can fold to (it folds to its lower case). */
  asciiFolds: [string, string][][];
}
const readingsByPath = new Map<string, PathReadings>();
const MAX_PATHS_KEPT = 4096;

export function readingsOf(path: string): PathReadings {
  let readings = readingsByPath.get(path);
  if (readings) return readings;
  const segments = path.split(".");
  const joined = segments.map((_, i) => segments.slice(i + 1).map((__, k) => segments.slice(i, i + k + 2).join(".")));
  const folds = segments.map((segment, i) => {
    const map = new Map<string, string>();
    for (const target of [segment, ...joined[i]!]) if (!map.has(foldKey(target))) map.set(foldKey(target), target);
    return map;
  });
  const asciiFolds = folds.map((map) => [...map].filter(([folded]) => isAscii(folded)));
  readings = { path, segments, joined, folds, asciiFolds };
  if (readingsByPath.size >= MAX_PATHS_KEPT) readingsByPath.clear();
  readingsByPath.set(path, readings);
  return readings;
}

/**
 * A key of the call that a tool may read as (part of) a limited or gated path instead of the
 * nested reading readPath follows: `other` names it as a path (`["payment.amount"]`,
 * `payment["Total"]`), `key` is the key, `readsAs` the segment or joined segments it reads as,
 * and `exact` says it is a joining of the path's segments as written (no fold needed).
 */
export interface SecondReading {
  other: string;
  key: string;
  readsAs: string;
  exact: boolean;
}

/**
 * Where `source` holds another reading of a path than the nested one readPath follows, or
 * undefined. Two kinds, at every level of the path:
 * - a key of its own named "payment.amount" (legal in JSON, in JSON Schema, in MCP) beside or
 *   instead of payment.amount: a tool (or lodash's get, which tries the flat key first) may take
 *   it instead, with a value no limit or condition looked at;
 * - a key that folds (case, compatibility forms: foldKey) to a segment or joined segments of the
 *   path but is not it (`Amount`, `payment.Total`, `ſum`): a case-insensitive decoder (Go's
 *   encoding/json, .NET) reads it as the path, the last one winning.
 * Arrays are searched for the first kind only: an array's keys beyond its indices are no JSON.
 * Keys of objects off the path are not looked at.
 */
export function ambiguousReading(source: unknown, path: string): SecondReading | undefined {
  return secondReading(source, readingsOf(path));
}

export function secondReading(source: unknown, readings: PathReadings): SecondReading | undefined {
  const { segments, joined, folds, asciiFolds } = readings;
  let value = source;
  for (let i = 0; i < segments.length; i++) {
    if (value === null || typeof value !== "object") return undefined;
    for (const key of joined[i]!) {
      if (Object.prototype.hasOwnProperty.call(value, key)) return reading(segments, i, key, key, true);
    }
    const segment = segments[i]!;
    if (!Array.isArray(value)) {
      // Without allocating for the usual key (ASCII, which folds to its lower case): compared
      // with the ASCII folded forms of its length only.
      const ascii = asciiFolds[i]!;
      for (const key in value) {
        if (key === segment) continue;
        if (isAscii(key)) {
          for (const [folded, target] of ascii)
            if (folded.length === key.length && equalsLowerCased(key, folded)) return reading(segments, i, key, target, key === target);
        } else {
          const target = folds[i]!.get(foldKey(key));
          if (target !== undefined) return reading(segments, i, key, target, key === target);
        }
      }
    }
    value = ownValue(value, segment);
  }
  return undefined;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Whether an ASCII `key` lower-cased is `lower` (an ASCII string of its length). */
function equalsLowerCased(key: string, lower: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a ? c + 0x20 : c) !== lower.charCodeAt(i)) return false;
  }
  return true;
}

function reading(segments: readonly string[], level: number, key: string, readsAs: string, exact: boolean): SecondReading {
  return { other: segments.slice(0, level).join(".") + `[${JSON.stringify(key)}]`, key, readsAs, exact };
}

function ownValue(value: unknown, key: string): unknown {
  return value !== null && typeof value === "object" && Object.prototype.hasOwnProperty.call(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** The first limit the arguments break, as [argument, why], or undefined. */
export function brokenLimit(
  limits: Record<string, ArgumentLimit> | undefined,
  args: Record<string, unknown>,
): [string, string] | undefined {
  if (!limits) return undefined;
  for (const arg of Object.keys(limits)) {
    const problem = limitProblem(arg, limits[arg]!, readPath(args, arg));
    if (problem) return [arg, problem];
  }
  return undefined;
}

function limitProblem(arg: string, limit: ArgumentLimit, value: unknown): string | undefined {
  if (value === undefined) return limit.required ? `argument "${arg}" is required` : undefined;
  if (limit.min !== undefined || limit.max !== undefined) {
    // Fail closed: a bound that cannot be checked is broken (-Infinity is under every max).
    if (typeof value !== "number") return `argument "${arg}" must be a number`;
    if (!Number.isFinite(value)) return `argument "${arg}" is ${value}, not a finite number`;
    if (limit.max !== undefined && value > limit.max) return `argument "${arg}" is ${value}, above the limit of ${limit.max}`;
    if (limit.min !== undefined && value < limit.min) return `argument "${arg}" is ${value}, below the minimum of ${limit.min}`;
  }
  if (limit.max_length !== undefined) {
    if (typeof value !== "string") return `argument "${arg}" must be a string`;
    if (value.length > limit.max_length) return `argument "${arg}" is ${value.length} characters, above the limit of ${limit.max_length}`;
  }
  if (limit.one_of !== undefined && !limit.one_of.includes(value as string | number | boolean)) {
    return `argument "${arg}" must be one of ${limit.one_of.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  return undefined;
}

/** The paths an approval condition reads, in its args and in its context (the ones ambiguousReading must check). */
export function conditionPaths(condition: Condition | undefined, into: { args: string[]; context: string[] }): void {
  if (!condition) return;
  if (condition.arg !== undefined && !into.args.includes(condition.arg)) into.args.push(condition.arg);
  if (condition.context !== undefined && !into.context.includes(condition.context)) into.context.push(condition.context);
  for (const c of condition.any ?? []) conditionPaths(c, into);
  for (const c of condition.all ?? []) conditionPaths(c, into);
}

/** Whether an approval condition holds (see the module comment for values it cannot compare). */
export function holds(condition: Condition, args: Record<string, unknown>, context: Record<string, unknown>): boolean {
  if (condition.any && !condition.any.some((c) => holds(c, args, context))) return false;
  if (condition.all && !condition.all.every((c) => holds(c, args, context))) return false;
  if (condition.arg === undefined && condition.context === undefined) return condition.any !== undefined || condition.all !== undefined;
  const value = condition.arg !== undefined ? readPath(args, condition.arg) : readPath(context, condition.context!);
  const kind = jsonKind(value);
  // Absent, or a number no operand can be compared with: every operator holds.
  if (kind === "absent" || kind === "non-finite") return true;
  const numeric = (bound: number | undefined, test: (v: number, b: number) => boolean): boolean =>
    bound === undefined || kind !== "number" || test(value as number, bound);
  return (
    numeric(condition.gt, (v, b) => v > b) &&
    numeric(condition.gte, (v, b) => v >= b) &&
    numeric(condition.lt, (v, b) => v < b) &&
    numeric(condition.lte, (v, b) => v <= b) &&
    (condition.eq === undefined || jsonKind(condition.eq) !== kind || value === condition.eq) &&
    (condition.ne === undefined || jsonKind(condition.ne) !== kind || value !== condition.ne) &&
    (condition.in === undefined || !hasKind(condition.in, kind) || condition.in.includes(value as string)) &&
    (condition.not_in === undefined || !hasKind(condition.not_in, kind) || !condition.not_in.includes(value as string))
  );
}

export type ValueKind = "absent" | "null" | "array" | "object" | "string" | "number" | "non-finite" | "boolean" | "bigint" | "other";

/**
 * The type a condition compares by: the JSON type (null and arrays apart from objects), with
 * NaN and ±Infinity a kind of their own that no operand has, and "absent" for undefined. A
 * condition holds unless the value's kind is its operand's (for `in` / `not_in`, one operand's);
 * "absent" and "non-finite" hold every operator. Exported so other engines' requests say the same.
 */
export function jsonKind(value: unknown): ValueKind {
  if (value === undefined) return "absent";
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? "number" : "non-finite";
    case "string":
      return "string";
    case "boolean":
      return "boolean";
    case "object":
      return "object";
    case "bigint":
      return "bigint";
    default:
      return "other";
  }
}

function hasKind(operands: readonly unknown[], kind: ValueKind): boolean {
  for (const operand of operands) if (jsonKind(operand) === kind) return true;
  return false;
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Where a value holds a `__proto__` key, at any depth ("args.a.__proto__"), or undefined.
 * JSON.parse makes `__proto__` an own key, which decide() reads as data; a tool that copies its
 * arguments with Object.assign or reads them through a prototype chain sees that key's object
 * as the prototype instead, with values decide() never checked. Iterative (any depth is safe)
 * and cycle-safe; a call without nested objects allocates nothing.
 */
export function prototypeKeyPath(value: object, base: string): string | undefined {
  if (hasOwn.call(value, "__proto__")) return `${base}.__proto__`;
  let pending: [object, string][] | undefined;
  // for-in without an own-key test: an inherited enumerable key only adds a node to look at.
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== null && typeof child === "object") (pending ??= []).push([child, `${base}.${key}`]);
  }
  if (pending === undefined) return undefined;
  const seen = new Set<object>([value]);
  while (pending.length > 0) {
    const [node, path] = pending.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (hasOwn.call(node, "__proto__")) return `${path}.__proto__`;
    for (const key in node) {
      const child = (node as Record<string, unknown>)[key];
      if (child !== null && typeof child === "object" && !seen.has(child)) pending.push([child, `${path}.${key}`]);
    }
  }
  return undefined;
}

/**
 * How a condition is written: in a decision's reason (`amount > 100 and context.environment = "production"`,
 * values as JSON), or for a reviewer (`amount > 100 and (environment = production or …)`, with ≥ and ≤).
 */
export type ConditionStyle = "reason" | "review";

const OPERATORS: readonly (readonly [keyof Condition, string, string])[] = [
  ["gt", ">", ">"],
  ["gte", ">=", "≥"],
  ["lt", "<", "<"],
  ["lte", "<=", "≤"],
  ["eq", "=", "="],
  ["ne", "≠", "≠"],
  ["in", "in", "in"],
  ["not_in", "not in", "not in"],
];

/** A condition as text, in one of two styles; the one definition the reasons, the diff and the review documents share. */
export function describeCondition(condition: Condition, style: ConditionStyle = "reason"): string {
  const parts: string[] = [];
  const review = style === "review";
  const nested = (list: readonly Condition[], joiner: string): string => {
    const text = list.map((c) => describeCondition(c, style)).join(joiner);
    return review && list.length > 1 ? `(${text})` : text;
  };
  if (!review) {
    if (condition.any) parts.push(nested(condition.any, " or "));
    if (condition.all) parts.push(nested(condition.all, " and "));
  }
  const subject =
    condition.arg !== undefined
      ? condition.arg
      : condition.context !== undefined
        ? review
          ? condition.context
          : `context.${condition.context}`
        : "";
  for (const [key, reasonSymbol, reviewSymbol] of OPERATORS) {
    const bound = condition[key];
    if (bound !== undefined)
      parts.push(`${subject} ${review ? reviewSymbol : reasonSymbol} ${review ? reviewValue(bound) : JSON.stringify(bound)}`);
  }
  if (review) {
    if (condition.any) parts.push(nested(condition.any, " or "));
    if (condition.all) parts.push(nested(condition.all, " and "));
  }
  return parts.join(" and ");
}

/** A value as a reviewer reads it: strings bare, lists bracketed. */
function reviewValue(value: unknown): string {
  if (Array.isArray(value)) return "[" + value.map(reviewValue).join(", ") + "]";
  return typeof value === "string" ? value : JSON.stringify(value);
}
