/** Plain JSON data as the loader builds it: own keys only (never a prototype), no undefined members. */
import { setOwn } from "./source.js";

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The object without its undefined members. A loop, not fromEntries(filter()): it runs for every tool of every spec compiled. */
export function prune<T extends object>(value: T): T {
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) setOwn(kept, key, v);
  }
  return kept as T;
}

/** The object, or undefined when it has no members. */
export function nonEmpty<T extends object>(value: T): T | undefined {
  return Object.keys(value).length > 0 ? value : undefined;
}
