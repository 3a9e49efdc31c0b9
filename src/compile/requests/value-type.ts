/**
 * A call value's type as the request builders name it to engines that cannot ask a value its
 * type (WPC compares strings; Cedar's records are typed per attribute). decide() compares types
 * as JavaScript does; a non-finite number (NaN, ±Infinity) is its own type because decide() lets
 * no such number meet a numeric bound or condition. What no operand can have (null, arrays,
 * objects, non-finite numbers) shares the prefix "other:", so a WPC glob can name them all at once.
 */
export type ValueType =
  "absent" | "string" | "number" | "boolean" | "other:null" | "other:array" | "other:object" | "other:non-finite-number";

export const VALUE_TYPES: readonly ValueType[] = [
  "absent",
  "string",
  "number",
  "boolean",
  "other:null",
  "other:array",
  "other:object",
  "other:non-finite-number",
];

/** Matches every "other:" type in a WPC StringLike. */
export const OTHER_TYPES_GLOB = "other:*";

export function valueType(value: unknown): ValueType {
  if (value === undefined) return "absent";
  if (value === null) return "other:null";
  if (Array.isArray(value)) return "other:array";
  if (typeof value === "number") return Number.isFinite(value) ? "number" : "other:non-finite-number";
  if (typeof value === "string" || typeof value === "boolean") return typeof value as "string" | "boolean";
  return "other:object";
}
