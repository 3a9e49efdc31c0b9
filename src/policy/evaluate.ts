/**
 * What decide() checks against a call's values once the tool is resolved: the hard limits on
 * its arguments and the approval conditions. Reads own properties only, never a prototype's.
 */
import type { ArgumentLimit, Condition } from "../../generated/policy.js";

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
    // Fail closed: a bound that cannot be checked is broken.
    if (typeof value !== "number" || Number.isNaN(value)) return `argument "${arg}" must be a number`;
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

/**
 * Whether an approval condition holds. A compared value that is absent does not hold the
 * condition; one of the wrong type for a numeric comparison does (fail closed: ask a human).
 */
export function holds(condition: Condition, args: Record<string, unknown>, context: Record<string, unknown>): boolean {
  if (condition.any && !condition.any.some((c) => holds(c, args, context))) return false;
  if (condition.all && !condition.all.every((c) => holds(c, args, context))) return false;
  if (condition.arg === undefined && condition.context === undefined) return condition.any !== undefined || condition.all !== undefined;
  const value = condition.arg !== undefined ? readPath(args, condition.arg) : readPath(context, condition.context!);
  if (value === undefined) return false;
  const numeric = (bound: number | undefined, test: (v: number, b: number) => boolean): boolean =>
    bound === undefined || typeof value !== "number" || Number.isNaN(value) || test(value, bound);
  return (
    numeric(condition.gt, (v, b) => v > b) &&
    numeric(condition.gte, (v, b) => v >= b) &&
    numeric(condition.lt, (v, b) => v < b) &&
    numeric(condition.lte, (v, b) => v <= b) &&
    (condition.eq === undefined || value === condition.eq) &&
    (condition.ne === undefined || value !== condition.ne) &&
    (condition.in === undefined || condition.in.includes(value as string)) &&
    (condition.not_in === undefined || !condition.not_in.includes(value as string))
  );
}

const OPERATORS: [keyof Condition, string][] = [
  ["gt", ">"],
  ["gte", ">="],
  ["lt", "<"],
  ["lte", "<="],
  ["eq", "="],
  ["ne", "≠"],
  ["in", "in"],
  ["not_in", "not in"],
];

export function describeCondition(condition: Condition): string {
  const parts: string[] = [];
  if (condition.any) parts.push(condition.any.map(describeCondition).join(" or "));
  if (condition.all) parts.push(condition.all.map(describeCondition).join(" and "));
  const subject = condition.arg !== undefined ? condition.arg : condition.context !== undefined ? `context.${condition.context}` : "";
  for (const [key, symbol] of OPERATORS)
    if (condition[key] !== undefined) parts.push(`${subject} ${symbol} ${JSON.stringify(condition[key])}`);
  return parts.join(" and ");
}
