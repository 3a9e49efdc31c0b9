/**
 * The values a call can hold where a policy looks, reduced to one representative per region a
 * policy can tell apart. A condition or a limit compares a value with constants: numbers by
 * order and equality, strings by equality and length, booleans by equality, and everything by
 * its type and by whether it is there at all. Two values in the same region (same type, same
 * side of every constant, equal to the same constants, on the same side of every length bound)
 * get the same answer from every comparison, so trying one value per region decides every
 * question "is there a call where …" over that slot exactly.
 */
import type { ArgumentLimit, Condition, PolicyTool } from "../../generated/policy.js";

/** Where a call holds a value a policy reads: an argument path, or a context field. */
export interface Slot {
  from: "args" | "context";
  path: string;
}

/** The slot holds nothing. */
export const ABSENT: unique symbol = Symbol("absent");
/** The slot holds an object with the slots below it (a parent of `a.b` when both are read). */
export const CONTAINER: unique symbol = Symbol("container");

export type SlotValue = typeof ABSENT | typeof CONTAINER | unknown;

/** The constants a slot is compared with, gathered from every condition and limit that reads it. */
export interface SlotFacts {
  slot: Slot;
  numbers: Set<number>;
  strings: Set<string>;
  lengths: Set<number>;
  /** Some slot reads a path below this one. */
  parent: boolean;
}

export function slotKey(slot: Slot): string {
  return `${slot.from}:${slot.path}`;
}

/** Gathers the slots and constants of conditions and limits into `facts` (keyed by slotKey). */
export class SlotCollector {
  readonly facts = new Map<string, SlotFacts>();

  slotFor(slot: Slot): SlotFacts {
    const key = slotKey(slot);
    let facts = this.facts.get(key);
    if (!facts) {
      facts = { slot, numbers: new Set(), strings: new Set(), lengths: new Set(), parent: false };
      this.facts.set(key, facts);
    }
    return facts;
  }

  addTool(tool: PolicyTool | undefined): void {
    if (!tool) return;
    if (tool.approval?.when) this.addCondition(tool.approval.when);
    for (const arg of Object.keys(tool.limits ?? {})) this.addLimit(arg, tool.limits![arg]!);
  }

  addCondition(condition: Condition): void {
    for (const child of condition.any ?? []) this.addCondition(child);
    for (const child of condition.all ?? []) this.addCondition(child);
    const slot: Slot | undefined =
      condition.arg !== undefined
        ? { from: "args", path: condition.arg }
        : condition.context !== undefined
          ? { from: "context", path: condition.context }
          : undefined;
    if (!slot) return;
    const facts = this.slotFor(slot);
    for (const bound of [condition.gt, condition.gte, condition.lt, condition.lte]) if (typeof bound === "number") facts.numbers.add(bound);
    for (const operand of [condition.eq, condition.ne, ...(condition.in ?? []), ...(condition.not_in ?? [])]) addScalar(facts, operand);
  }

  addLimit(arg: string, limit: ArgumentLimit): void {
    const facts = this.slotFor({ from: "args", path: arg });
    for (const bound of [limit.min, limit.max]) if (typeof bound === "number") facts.numbers.add(bound);
    if (typeof limit.max_length === "number") facts.lengths.add(limit.max_length);
    for (const operand of limit.one_of ?? []) addScalar(facts, operand);
  }

  /** The slots in a stable order, with parents marked. */
  slots(): SlotFacts[] {
    const all = [...this.facts.values()].sort((a, b) => slotKey(a.slot).localeCompare(slotKey(b.slot)));
    for (const facts of all) {
      if (facts.slot.from !== "args") continue;
      const prefix = facts.slot.path + ".";
      facts.parent = all.some((other) => other.slot.from === "args" && other.slot.path.startsWith(prefix));
    }
    return all;
  }
}

function addScalar(facts: SlotFacts, operand: unknown): void {
  if (typeof operand === "number") facts.numbers.add(operand);
  else if (typeof operand === "string") facts.strings.add(operand);
}

/**
 * Strings longer than this are not tried: a max_length of a million would make a witness of a
 * million characters. A slot with such a bound is searched incompletely, and says so.
 */
export const MAX_STRING_LENGTH = 4096;

export interface Representatives {
  values: SlotValue[];
  /** false when some region has no representative here (a length beyond MAX_STRING_LENGTH). */
  complete: boolean;
}

/**
 * One value per region of the slot, the likeliest witnesses first: numbers in ascending order
 * (each constant, and a value just inside every gap between them), then strings (each constant,
 * then fresh strings at every length bound), booleans, absence, the other JSON types, and last
 * the non-finite numbers only a JavaScript caller can pass.
 */
export function representatives(facts: SlotFacts): Representatives {
  const numbers = numberRepresentatives([...facts.numbers]);
  const { strings, complete } = stringRepresentatives(facts);
  const scalarsFirst = facts.strings.size > 0 && facts.numbers.size === 0 ? [...strings, ...numbers] : [...numbers, ...strings];
  const values: SlotValue[] = [...scalarsFirst, true, false, ABSENT, null, [], facts.parent ? CONTAINER : {}, NaN, Infinity, -Infinity];
  return { values, complete };
}

/** Each constant and one number inside every interval the constants leave (integers where one fits). */
export function numberRepresentatives(constants: number[]): number[] {
  const sorted = [...new Set(constants.filter((n) => Number.isFinite(n)).map((n) => (Object.is(n, -0) ? 0 : n)))].sort((a, b) => a - b);
  if (sorted.length === 0) return [1];
  const out: number[] = [below(sorted[0]!)];
  for (let i = 0; i < sorted.length; i++) {
    out.push(sorted[i]!);
    const next = sorted[i + 1];
    if (next === undefined) out.push(above(sorted[i]!));
    else {
      const between = strictlyBetween(sorted[i]!, next);
      if (between !== undefined) out.push(between);
    }
  }
  return out.filter((n) => Number.isFinite(n));
}

/** The smallest "round" number above n: n + 1 where that is representable, else the next double. */
function above(n: number): number {
  const next = Math.floor(n) + 1;
  return next > n ? next : nextDouble(n, 1);
}

function below(n: number): number {
  const previous = Math.ceil(n) - 1;
  return previous < n ? previous : nextDouble(n, -1);
}

function strictlyBetween(low: number, high: number): number | undefined {
  const integer = Math.floor(low) + 1;
  if (integer > low && integer < high) return integer;
  const middle = low / 2 + high / 2;
  if (middle > low && middle < high) return middle;
  const next = nextDouble(low, 1);
  return next < high ? next : undefined;
}

/** The adjacent double in the given direction. */
function nextDouble(n: number, direction: 1 | -1): number {
  if (n === 0) return direction * Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n);
  const bits = view.getBigInt64(0);
  view.setBigInt64(0, n > 0 === direction > 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

function stringRepresentatives(facts: SlotFacts): { strings: string[]; complete: boolean } {
  const constants = [...facts.strings].sort();
  const taken = new Set(constants);
  const lengths = new Set<number>([1]);
  let complete = true;
  for (const bound of facts.lengths) {
    for (const length of [bound, bound + 1]) {
      if (length > MAX_STRING_LENGTH) complete = false;
      else if (length >= 0) lengths.add(length);
    }
  }
  if (facts.lengths.size > 0) lengths.add(0);
  const fresh: string[] = [];
  for (const length of [...lengths].sort((a, b) => a - b)) {
    const value = freshString(length, taken);
    if (value !== undefined) fresh.push(value);
  }
  return { strings: [...constants, ...fresh], complete };
}

/** A string of the given length equal to none of the constants ("x", "xx", … or a variant). */
function freshString(length: number, taken: ReadonlySet<string>): string | undefined {
  if (length === 0) return taken.has("") ? undefined : "";
  for (const fill of ["x", "y", "z", "q"]) {
    const candidate = fill.repeat(length);
    if (!taken.has(candidate)) return candidate;
  }
  // More constants of this length than fills tried: count up until one is free.
  for (let i = 0; i < taken.size + 1; i++) {
    const suffix = String(i);
    if (suffix.length > length) break;
    const candidate = "x".repeat(length - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
  return undefined;
}

/** Builds a call's args and context from values assigned to slots; undefined when the assignment is inconsistent. */
export function buildCall(
  tool: string,
  assignment: ReadonlyMap<string, SlotValue>,
  slots: readonly SlotFacts[],
): { tool: string; args?: Record<string, unknown>; context?: Record<string, unknown> } | undefined {
  const args: Record<string, unknown> = {};
  const context: Record<string, unknown> = {};
  let hasArgs = false;
  let hasContext = false;
  // Parents before children, so a child is set inside the object its parent's CONTAINER made.
  const ordered = [...slots].sort((a, b) => a.slot.path.length - b.slot.path.length);
  for (const facts of ordered) {
    const value = assignment.get(slotKey(facts.slot));
    if (value === undefined || value === ABSENT) continue;
    const target = facts.slot.from === "args" ? args : context;
    if (!setPath(target, facts.slot.path, value === CONTAINER ? {} : cloneValue(value))) return undefined;
    if (facts.slot.from === "args") hasArgs = true;
    else hasContext = true;
  }
  return { tool, ...(hasArgs ? { args } : {}), ...(hasContext ? { context } : {}) };
}

function cloneValue(value: unknown): unknown {
  if (Array.isArray(value)) return [];
  if (value !== null && typeof value === "object") return {};
  return value;
}

/**
 * Sets a dotted path as readPath reads it, creating objects along the way. Fails (false) when a
 * value already set on the way is not an object: that child is unreachable in this assignment.
 */
function setPath(target: Record<string, unknown>, path: string, value: unknown): boolean {
  const keys = path.split(".");
  let node = target;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i]!;
    if (!Object.prototype.hasOwnProperty.call(node, key)) defineOwn(node, key, {});
    const next = node[key];
    if (next === null || typeof next !== "object" || Array.isArray(next)) return false;
    node = next as Record<string, unknown>;
  }
  const last = keys[keys.length - 1]!;
  if (Object.prototype.hasOwnProperty.call(node, last)) return false;
  defineOwn(node, last, value);
  return true;
}

/** An own property even for __proto__, so a witness never touches a prototype. */
function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export interface Axis {
  facts: SlotFacts;
  values: readonly SlotValue[];
}

/**
 * Visits the calls of every combination of the axes' values, the first axis varying slowest, at
 * most `limit` of them, until `visit` returns true. Returns whether every combination was visited.
 */
export function forEachCall(
  tool: string,
  axes: readonly Axis[],
  limit: number,
  visit: (call: { tool: string; args?: Record<string, unknown>; context?: Record<string, unknown> }) => boolean,
): { stopped: boolean; complete: boolean } {
  const total = axes.reduce((n, axis) => n * axis.values.length, 1);
  const slots = axes.map((a) => a.facts);
  const indexes = axes.map(() => 0);
  const assignment = new Map<string, SlotValue>();
  const count = Math.min(total, limit);
  for (let tried = 0; tried < count; tried++) {
    for (let i = 0; i < axes.length; i++) assignment.set(slotKey(axes[i]!.facts.slot), axes[i]!.values[indexes[i]!]);
    const call = buildCall(tool, assignment, slots);
    if (call && visit(call)) return { stopped: true, complete: total <= limit };
    // An odometer: the last axis turns fastest.
    for (let i = axes.length - 1; i >= 0; i--) {
      indexes[i]! += 1;
      if (indexes[i]! < axes[i]!.values.length) break;
      indexes[i] = 0;
    }
  }
  return { stopped: false, complete: total <= limit };
}
