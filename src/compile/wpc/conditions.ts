/**
 * decide()'s conditions and hard limits as WPC conditions. WPC can only AND conditions inside a
 * statement, compares strings and parseFloat'ed numbers, and allows one value per operator and
 * key, so a spec condition becomes alternatives (an OR of conjunctions, one statement each) over
 * the typed facts `wpcRequestContext` supplies: a value's type, its text, a string's length.
 * Every comparison of a value is typed, so `"5"` never equals `5` and a wrong-typed or absent
 * value decides as it does in decide(). What WPC cannot say exactly is said more strictly: a
 * Deny loses a conjunct (it applies more often), an Allow loses an alternative (it applies less
 * often), and the caller reports it.
 */
import type { ArgumentLimit, Condition } from "../../../generated/policy.js";
import { OTHER_TYPES_GLOB, VALUE_TYPES, type ValueType } from "../requests/value-type.js";
import { CONTEXT_FIELDS, WPC_CONTEXT, wpcValueText } from "../requests/wpc.js";

export type Atom =
  | { kind: "type"; key: string; allowed: ReadonlySet<ValueType> }
  | { kind: "num"; key: string; op: ">" | "<" | "="; value: number }
  | { kind: "str"; key: string; op: "=" | "!="; value: string }
  | { kind: "like"; key: string; pattern: string };

/** An OR of ANDs: [] never holds, [[]] always holds. */
export type Alternatives = Atom[][];

export type Operator =
  "StringEquals" | "StringNotEquals" | "StringLike" | "StringNotLike" | "NumericEquals" | "NumericLessThan" | "NumericGreaterThan";
export type Conditions = Partial<Record<Operator, Record<string, string>>>;

/** WPC's own bounds (work_policy_contract.v2.json): 16 keys per operator, 512 characters per value. */
export const MAX_KEYS_PER_OPERATOR = 16;
export const MAX_VALUE_LENGTH = 512;
/** More alternatives than this cannot fit in a contract's 64 statements anyway. */
const MAX_ALTERNATIVES = 64;

export class TooManyAlternatives extends Error {}

interface Subject {
  value: string;
  type: string;
  length?: string;
}

export function argSubject(path: string): Subject {
  return { value: WPC_CONTEXT.argValue + path, type: WPC_CONTEXT.argType + path, length: WPC_CONTEXT.argLength + path };
}

function contextSubject(field: keyof typeof CONTEXT_FIELDS): Subject {
  return { value: CONTEXT_FIELDS[field], type: CONTEXT_FIELDS[field] + "Type" };
}

type Scalar = string | number | boolean;
type ScalarType = "string" | "number" | "boolean";

function scalarType(value: Scalar): ScalarType {
  return typeof value as ScalarType;
}

function typeIn(subject: Subject, types: Iterable<ValueType>): Atom {
  return { kind: "type", key: subject.type, allowed: new Set(types) };
}

function typeNotIn(subject: Subject, types: Iterable<ValueType>): Atom {
  const excluded = new Set(types);
  return typeIn(
    subject,
    VALUE_TYPES.filter((t) => !excluded.has(t)),
  );
}

/** The value equals x, typed: a value of another type never does. */
function valueEquals(subject: Subject, x: Scalar): Atom[] {
  const typed = typeIn(subject, [scalarType(x)]);
  if (typeof x === "number") return [typed, { kind: "num", key: subject.value, op: "=", value: x }];
  return [typed, { kind: "str", key: subject.value, op: "=", value: wpcValueText(x)! }];
}

/** Within the values of x's type, the value is none of xs (all of one type). */
function valueNoneOf(subject: Subject, type: ScalarType, xs: Scalar[]): Alternatives {
  const typed = typeIn(subject, [type]);
  if (type === "number") {
    const sorted = [...new Set(xs as number[])].sort((a, b) => a - b);
    const out: Alternatives = [[typed, { kind: "num", key: subject.value, op: "<", value: sorted[0]! }]];
    for (let i = 1; i < sorted.length; i++) {
      out.push([
        typed,
        { kind: "num", key: subject.value, op: ">", value: sorted[i - 1]! },
        { kind: "num", key: subject.value, op: "<", value: sorted[i]! },
      ]);
    }
    out.push([typed, { kind: "num", key: subject.value, op: ">", value: sorted[sorted.length - 1]! }]);
    return out;
  }
  if (type === "boolean") {
    const values = new Set(xs as boolean[]);
    if (values.size === 2) return [];
    return [[typed, { kind: "str", key: subject.value, op: "=", value: String(!values.has(true)) }]];
  }
  return [[typed, ...[...new Set(xs as string[])].map((x): Atom => ({ kind: "str", key: subject.value, op: "!=", value: x }))]];
}

/** Whether a string could be the text wpcRequestContext gives a number or a boolean. */
function isOtherTypesText(text: string): boolean {
  return text === "true" || text === "false" || (Number.isFinite(Number(text)) && String(Number(text)) === text);
}

function byType(xs: readonly Scalar[]): Map<ScalarType, Scalar[]> {
  const out = new Map<ScalarType, Scalar[]>();
  for (const x of xs) out.set(scalarType(x), [...(out.get(scalarType(x)) ?? []), x]);
  return out;
}

/** ORs of ANDs: (a | b) & (c | d) = ac | ad | bc | bd, with absorbed and repeated alternatives removed. */
export function and(left: Alternatives, right: Alternatives): Alternatives {
  const out: Alternatives = [];
  for (const l of left) for (const r of right) out.push([...l, ...r]);
  if (out.length > MAX_ALTERNATIVES * 4) throw new TooManyAlternatives();
  return simplify(out);
}

export function or(...parts: Alternatives[]): Alternatives {
  return simplify(parts.flat());
}

function atomText(atom: Atom): string {
  return atom.kind === "type" ? `${atom.key} in ${[...atom.allowed].sort().join(",")}` : JSON.stringify(atom);
}

/**
 * Drops repeated atoms, repeated alternatives and alternatives that contain another (a | ab = a),
 * and joins alternatives that differ only in the types they allow one value (T in A | T in B = T in A∪B).
 */
function simplify(alternatives: Alternatives): Alternatives {
  const keyed = joinTypes(alternatives).map((atoms) => {
    const unique = new Map(atoms.map((a) => [atomText(a), a]));
    return { atoms: [...unique.values()], texts: new Set(unique.keys()) };
  });
  keyed.sort((a, b) => a.texts.size - b.texts.size);
  const kept: typeof keyed = [];
  for (const candidate of keyed) {
    if (kept.some((k) => [...k.texts].every((t) => candidate.texts.has(t)))) continue;
    kept.push(candidate);
  }
  if (kept.length > MAX_ALTERNATIVES) throw new TooManyAlternatives();
  return kept.map((k) => k.atoms);
}

function joinTypes(alternatives: Alternatives): Alternatives {
  const out: Atom[][] = [];
  const joined = new Map<string, { kind: "type"; key: string; allowed: Set<ValueType> }>();
  for (const atoms of alternatives) {
    const types = atoms.filter((a) => a.kind === "type");
    if (types.length !== 1) {
      out.push(atoms);
      continue;
    }
    const [type] = types as Extract<Atom, { kind: "type" }>[];
    const rest = atoms.filter((a) => a !== type);
    const signature = JSON.stringify([type!.key, rest.map(atomText).sort()]);
    const into = joined.get(signature);
    if (into) {
      for (const t of type!.allowed) into.allowed.add(t);
      continue;
    }
    const atom = { kind: "type" as const, key: type!.key, allowed: new Set(type!.allowed) };
    joined.set(signature, atom);
    out.push([atom, ...rest]);
  }
  return out;
}

/**
 * When an approval condition holds, as decide() says (issue #12): an absent value holds every
 * comparison; a value of another type than the operand's holds it (with mixed-type `in`, a type
 * none of the operands has); numeric comparisons hold on a non-number or a non-finite number.
 */
export function conditionHolds(condition: Condition): Alternatives {
  let result: Alternatives = [[]];
  if (condition.any) result = and(result, or(...condition.any.map(conditionHolds)));
  if (condition.all) for (const inner of condition.all) result = and(result, conditionHolds(inner));
  if (condition.arg === undefined && condition.context === undefined) return condition.any || condition.all ? result : [];
  const subject = condition.arg !== undefined ? argSubject(condition.arg) : contextSubject(condition.context!);
  const notNumber = [typeNotIn(subject, ["number"])];
  const compare = (op: ">" | "<" | "=", value: number): Atom[] => [{ kind: "num", key: subject.value, op, value }];
  const ops: Alternatives[] = [];
  if (condition.gt !== undefined) ops.push([notNumber, compare(">", condition.gt)]);
  if (condition.lt !== undefined) ops.push([notNumber, compare("<", condition.lt)]);
  // WPC has no NumericGreaterThanEquals (an unknown operator never matches): v >= b is v > the
  // double just below b, exactly, since WPC's parseFloat reads back the double JavaScript printed.
  if (condition.gte !== undefined) ops.push([notNumber, compare(">", nextDouble(condition.gte, -1))]);
  if (condition.lte !== undefined) ops.push([notNumber, compare("<", nextDouble(condition.lte, +1))]);
  if (condition.eq !== undefined) ops.push(isOneOf(subject, [condition.eq]));
  if (condition.ne !== undefined) ops.push(isNoneOf(subject, [condition.ne], false));
  if (condition.in !== undefined) ops.push(isOneOf(subject, condition.in));
  if (condition.not_in !== undefined) ops.push(isNoneOf(subject, condition.not_in, false));
  for (const op of ops) result = and(result, op);
  return result;
}

/** The double next to n toward +∞ (direction 1) or −∞ (-1). */
export function nextDouble(n: number, direction: 1 | -1): number {
  if (n === 0) return direction * Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n);
  const bits = view.getBigInt64(0);
  view.setBigInt64(0, bits + (n > 0 === direction > 0 ? 1n : -1n));
  return view.getFloat64(0);
}

/** `in` as decide() reads it: the value is one of xs, or of a type none of them has (absent included). */
function isOneOf(subject: Subject, xs: readonly Scalar[]): Alternatives {
  const types = byType(xs);
  return or([[typeNotIn(subject, types.keys())]], ...xs.map((x) => [valueEquals(subject, x)]));
}

/**
 * The value is none of xs, typed. As an approval condition (`ne`, `not_in`) an absent value or
 * one of another type holds it; as a broken `one_of` limit (`presentOnly`) an absent value does not.
 */
function isNoneOf(subject: Subject, xs: readonly Scalar[], presentOnly: boolean): Alternatives {
  const types = byType(xs);
  // Strings no other value's text can equal: "not equal" alone holds for every other type and
  // for an absent value (WPC's StringNotEquals passes on a missing key), as the condition does.
  if (!presentOnly && types.size === 1 && types.has("string") && xs.every((x) => !isOtherTypesText(x as string))) {
    return [[...new Set(xs as string[])].map((x): Atom => ({ kind: "str", key: subject.value, op: "!=", value: x }))];
  }
  const otherTypes = typeNotIn(subject, presentOnly ? ["absent", ...types.keys()] : types.keys());
  return or([[otherTypes]], ...[...types].map(([type, values]) => valueNoneOf(subject, type, values)));
}

/** When a call breaks one hard limit, as decide() says: absent passes unless required; a wrong type or a non-finite number breaks a bound. */
export function limitBroken(path: string, limit: ArgumentLimit): Alternatives {
  const subject = argSubject(path);
  const parts: Alternatives[] = [];
  if (limit.required) parts.push([[typeIn(subject, ["absent"])]]);
  if (limit.min !== undefined || limit.max !== undefined) {
    parts.push([[typeNotIn(subject, ["absent", "number"])]]);
    if (limit.max !== undefined) parts.push([[{ kind: "num", key: subject.value, op: ">", value: limit.max }]]);
    if (limit.min !== undefined) parts.push([[{ kind: "num", key: subject.value, op: "<", value: limit.min }]]);
  }
  if (limit.max_length !== undefined) {
    parts.push([[typeNotIn(subject, ["absent", "string"])], [{ kind: "num", key: subject.length!, op: ">", value: limit.max_length }]]);
  }
  if (limit.one_of !== undefined) parts.push(isNoneOf(subject, limit.one_of, true));
  return or(...parts);
}

/** When every one of a tool's `one_of` limits holds (each value absent, or one of the list): for an Allow. */
export function oneOfHolds(path: string, limit: ArgumentLimit): Alternatives {
  const subject = argSubject(path);
  const alternatives: Alternatives = (limit.one_of ?? []).map((x) => valueEquals(subject, x));
  if (!limit.required) alternatives.push([typeIn(subject, ["absent"])]);
  return or(alternatives);
}

export type Mode = "deny" | "allow";

export interface Lowered {
  /** One WPC conditions object per statement; [] when the alternative can never hold (or an Allow WPC cannot say). */
  conditions: Conditions[];
  /** Something was dropped: a Deny that applies more often, an Allow that applies less often. */
  lossy: boolean;
}

/**
 * One alternative (a conjunction) as WPC conditions. A conjunction can need several statements
 * (a set of types WPC can only say one at a time) or none (it can never hold).
 */
export function lower(atoms: Atom[], mode: Mode): Lowered {
  let lossy = false;
  const drop = (): boolean => {
    lossy = true;
    return mode === "deny";
  };
  const types = new Map<string, Set<ValueType>>();
  const numbers = new Map<string, { gt?: number; lt?: number; eq?: number[] }>();
  const strings = new Map<string, { eq: Set<string>; ne: Set<string> }>();
  const likes = new Map<string, Set<string>>();
  for (const atom of atoms) {
    if (atom.kind === "type") {
      const current = types.get(atom.key);
      types.set(atom.key, new Set(current ? [...current].filter((t) => atom.allowed.has(t)) : atom.allowed));
    } else if (atom.kind === "num") {
      const n = numbers.get(atom.key) ?? {};
      if (atom.op === ">") n.gt = n.gt === undefined ? atom.value : Math.max(n.gt, atom.value);
      if (atom.op === "<") n.lt = n.lt === undefined ? atom.value : Math.min(n.lt, atom.value);
      if (atom.op === "=") n.eq = [...(n.eq ?? []), atom.value];
      numbers.set(atom.key, n);
    } else if (atom.kind === "str") {
      const s = strings.get(atom.key) ?? { eq: new Set(), ne: new Set() };
      s[atom.op === "=" ? "eq" : "ne"].add(atom.value);
      strings.set(atom.key, s);
    } else {
      likes.set(atom.key, new Set([...(likes.get(atom.key) ?? []), atom.pattern]));
    }
  }
  const base: Conditions = {};
  const put = (op: Operator, key: string, value: string): void => {
    if (value.length > MAX_VALUE_LENGTH && !drop()) throw new Unsayable();
    if (value.length > MAX_VALUE_LENGTH) return;
    (base[op] ??= {})[key] = value;
  };
  try {
    for (const [key, n] of numbers) {
      if (n.eq) {
        const [first] = n.eq;
        if (n.eq.some((v) => v !== first)) return never(lossy);
        if ((n.gt !== undefined && !(first! > n.gt)) || (n.lt !== undefined && !(first! < n.lt))) return never(lossy);
        put("NumericEquals", key, String(first));
        continue;
      }
      if (n.gt !== undefined && n.lt !== undefined && n.gt >= n.lt) return never(lossy);
      if (n.gt !== undefined) put("NumericGreaterThan", key, String(n.gt));
      if (n.lt !== undefined) put("NumericLessThan", key, String(n.lt));
    }
    for (const [key, s] of strings) {
      if (s.eq.size > 1) return never(lossy);
      if (s.eq.size === 1) {
        const [value] = s.eq;
        if (s.ne.has(value!)) return never(lossy);
        put("StringEquals", key, value!);
        continue;
      }
      // One value per operator and key: a second "not equal" can be a StringNotLike when it has
      // no glob character (a StringNotLike "a*" would also refuse "ab").
      const values = [...s.ne].sort();
      const notLike = values.length > 1 ? values.find(isGlobFree) : undefined;
      const notEqual = values.find((v) => v !== notLike);
      if (notEqual !== undefined) put("StringNotEquals", key, notEqual);
      if (notLike !== undefined) put("StringNotLike", key, notLike);
      if (values.length > (notLike !== undefined ? 2 : 1) && !drop()) throw new Unsayable();
    }
    for (const [key, patterns] of likes) {
      if (patterns.size > 1 && !drop()) throw new Unsayable();
      put("StringLike", key, [...patterns].sort()[0]!);
    }
  } catch (error) {
    if (error instanceof Unsayable) return never(true);
    throw error;
  }
  // A set of types: one statement when WPC can say it at once, else the fewest that cover it.
  let pieces: Conditions[] = [base];
  for (const [key, allowed] of types) {
    const forms = typeCover(allowed);
    if (forms.length === 0) return never(lossy);
    pieces = pieces.flatMap((piece) =>
      forms.map((form) => {
        const next: Conditions = Object.fromEntries(Object.entries(piece).map(([op, map]) => [op, { ...map }]));
        for (const [op, value] of Object.entries(form) as [Operator, string][]) (next[op] ??= {})[key] = value;
        return next;
      }),
    );
  }
  const fitted: Conditions[] = [];
  for (const piece of pieces) {
    const overfull = Object.values(piece).some((map) => Object.keys(map).length > MAX_KEYS_PER_OPERATOR);
    if (!overfull) fitted.push(piece);
    else if (drop()) fitted.push(trimmed(piece));
  }
  return { conditions: fitted, lossy };
}

class Unsayable extends Error {}

type TypeForm = Partial<Record<"StringEquals" | "StringNotEquals" | "StringLike" | "StringNotLike", string>>;

/**
 * What one statement can say about a type key: at most one value each for StringEquals,
 * StringNotEquals, StringLike and StringNotLike (a type name, or "other:*"). Each set of types
 * one statement can allow, with its shortest form.
 */
const TYPE_FORMS: Map<number, TypeForm> = (() => {
  const bit = (t: ValueType): number => 1 << VALUE_TYPES.indexOf(t);
  const all = (1 << VALUE_TYPES.length) - 1;
  const others = VALUE_TYPES.filter((t) => t.startsWith("other:")).reduce((m, t) => m | bit(t), 0);
  const patterns: [string, number][] = [[OTHER_TYPES_GLOB, others], ...VALUE_TYPES.map((t): [string, number] => [t, bit(t)])];
  const forms = new Map<number, TypeForm>();
  const choices = <T>(values: T[]): (T | undefined)[] => [undefined, ...values];
  for (const eq of choices(VALUE_TYPES as ValueType[]))
    for (const ne of choices(VALUE_TYPES as ValueType[]))
      for (const like of choices(patterns))
        for (const notLike of choices(patterns)) {
          let mask = all;
          if (eq) mask &= bit(eq);
          if (ne) mask &= ~bit(ne);
          if (like) mask &= like[1];
          if (notLike) mask &= ~notLike[1];
          const form: TypeForm = {
            ...(eq ? { StringEquals: eq } : {}),
            ...(ne ? { StringNotEquals: ne } : {}),
            ...(like ? { StringLike: like[0] } : {}),
            ...(notLike ? { StringNotLike: notLike[0] } : {}),
          };
          const known = forms.get(mask);
          if (!known || formCost(form) < formCost(known)) forms.set(mask, form);
        }
  return forms;
})();

/** Fewer operators first; among as many, plain (not) equals before globs, for a reader. */
function formCost(form: TypeForm): number {
  return (
    Object.keys(form).length * 4 +
    (form.StringLike ? 1 : 0) +
    (form.StringNotLike ? 1 : 0) +
    (form.StringLike === OTHER_TYPES_GLOB || form.StringNotLike === OTHER_TYPES_GLOB ? -1 : 0)
  );
}

/** The fewest statement forms whose union is exactly the allowed types ([{}] for all of them, [] for none). */
function typeCover(allowed: ReadonlySet<ValueType>): TypeForm[] {
  const target = VALUE_TYPES.reduce((m, t, i) => (allowed.has(t) ? m | (1 << i) : m), 0);
  if (target === 0) return [];
  const direct = TYPE_FORMS.get(target);
  if (direct) return [direct];
  const inside = [...TYPE_FORMS].filter(([mask]) => mask !== 0 && (mask & ~target) === 0);
  for (const [a, formA] of inside) for (const [b, formB] of inside) if ((a | b) === target) return [formA, formB];
  // Three forms always do (each type alone is a form); the search above finds two when two do.
  const out: TypeForm[] = [];
  let left = target;
  while (left !== 0) {
    const [mask, form] = inside.reduce((best, f) => (bitCount(f[0] & left) > bitCount(best[0] & left) ? f : best));
    out.push(form);
    left &= ~mask;
  }
  return out;
}

function bitCount(n: number): number {
  let count = 0;
  for (let m = n; m !== 0; m &= m - 1) count++;
  return count;
}

function never(lossy: boolean): Lowered {
  return { conditions: [], lossy };
}

/** A Deny with fewer conjuncts applies more often: keep the first 16 keys of each operator. */
function trimmed(conditions: Conditions): Conditions {
  return Object.fromEntries(
    Object.entries(conditions).map(([op, map]) => [op, Object.fromEntries(Object.entries(map).slice(0, MAX_KEYS_PER_OPERATOR))]),
  );
}

function isGlobFree(text: string): boolean {
  return !text.includes("*") && !text.includes("?");
}
