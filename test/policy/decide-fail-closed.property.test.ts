/**
 * Property-based (issue #12): no reading of a denied name is ever allowed, and no mistyped,
 * non-finite or absent gated argument is ever allowed without approval. The names are built
 * from denied names by every reading a dispatcher could make: case changes, compatibility forms
 * NFKC maps back (fullwidth, mathematical, circled letters, a long s, the Kelvin sign),
 * default-ignorable code points, whitespace and controls anywhere, and empty dot segments. The
 * policy allows every name (`*`), so only the deny list and the name rules stand between a
 * reading and an allow. `npm run fuzz` runs each property with FUZZ_RUNS cases.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Condition } from "../../generated/policy.js";
import { callProblem, decide } from "../../src/policy/decide.js";
import { foldToolName } from "../../src/policy/tool-name.js";
import { fuzzRuns, fuzzTimeout } from "../helpers/fuzz.js";
import { makePolicy } from "../helpers/policy.js";

const SEED = 1212;

const DENY = ["email.send", "payment.*", "*.delete", "admin.users.purge", "shell.exec*", "db.dr?p"];
/** Names each deny pattern denies as written. */
const DENIED = [
  "email.send",
  "payment.refund",
  "payment.x.y",
  "crm.delete",
  "a.b.delete",
  "admin.users.purge",
  "shell.exec",
  "shell.execute",
  "db.drop",
];
const POLICY = makePolicy({ deny: DENY.map((pattern) => ({ pattern })), tools: { "*": { effect: "write" } } });

const IGNORABLES = [
  "\u00ad",
  "\u034f",
  "\u115f",
  "\u180e",
  "\u200b",
  "\u200c",
  "\u200d",
  "\u2060",
  "\u2064",
  "\u3164",
  "\ufe0f",
  "\ufeff",
  "\u{e0001}",
  "\u{e0041}",
];
const SPACES = [" ", "\t", "\n", "\r", "\u000b", "\u000c", "\u0085", "\u00a0", "\u1680", "\u2003", "\u2028", "\u2029", "\u202f", "\u3000"];
const CONTROLS = ["\0", "\u0001", "\u001b", "\u007f", "\u009b", "\u202e", "\u2066", "\ud800", "\udfff"];

/** Letters NFKC or case folding maps to a lowercase ASCII letter. */
function compatibilityForms(letter: string): string[] {
  const i = letter.charCodeAt(0) - 0x61;
  const forms = [
    String.fromCodePoint(0xff41 + i), // fullwidth
    String.fromCodePoint(0x1d41a + i), // mathematical bold
    String.fromCodePoint(0x1d5ba + i), // mathematical sans-serif
    String.fromCodePoint(0x24d0 + i), // circled
    letter.toUpperCase(),
    String.fromCodePoint(0xff21 + i), // fullwidth capital
  ];
  if (letter === "s") forms.push("\u017f");
  if (letter === "k") forms.push("\u212a");
  if (letter === "i") forms.push("\u0131", "\u0130");
  return forms;
}

type Edit = { at: number; kind: "form" | "ignorable" | "space" | "control" | "dot" | "case"; pick: number };

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom("form", "form", "case", "ignorable", "space", "control", "dot"),
  pick: fc.nat(),
});

/** One reading of a name: each edit rewrites, or inserts before, the character at its position. */
function reading(name: string, edits: readonly Edit[]): string {
  const chars = [...name];
  for (const { at, kind, pick } of edits) {
    const i = at % (chars.length + 1);
    const from = (list: readonly string[]) => list[pick % list.length]!;
    const current = chars[i];
    if (kind === "form" && current !== undefined && /[a-z]/.test(current)) chars[i] = from(compatibilityForms(current));
    else if (kind === "form" && current === ".") chars[i] = "\uff0e";
    else if (kind === "case" && current !== undefined) chars[i] = pick % 2 ? current.toUpperCase() : current.toLowerCase();
    else if (kind === "ignorable") chars.splice(i, 0, from(IGNORABLES));
    else if (kind === "space") chars.splice(i, 0, from(SPACES));
    else if (kind === "control") chars.splice(i, 0, from(CONTROLS));
    else if (kind === "dot") {
      // An empty segment: a dot at either end, or beside a dot (a dot anywhere else names another tool).
      const places = [0, chars.length, ...chars.flatMap((c, j) => (c === "." ? [j] : []))];
      chars.splice(places[pick % places.length]!, 0, ".");
    }
  }
  return chars.join("");
}

describe("no reading of a denied name is allowed (fast-check, fixed seed)", () => {
  it("the policy is not deny-all: well-formed other names are allowed, and the denied names are denied", () => {
    for (const tool of ["crm.get", "email.draft", "payments.list", "x.deleted"]) expect(decide(POLICY, { tool }).decision).toBe("allow");
    for (const tool of DENIED) expect(decide(POLICY, { tool }).rule).toBe("deny-pattern");
  });

  it(
    "any mix of case, compatibility forms, invisible characters, whitespace, controls and empty segments is denied",
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...DENIED), fc.array(edit, { minLength: 1, maxLength: 6 }), (name, edits) => {
          const tool = reading(name, edits);
          const decision = decide(POLICY, { tool });
          expect(decision.decision, JSON.stringify(tool)).toBe("deny");
          expect(["deny-pattern", "malformed-call"]).toContain(decision.rule);
        }),
        { seed: SEED, numRuns: fuzzRuns(3000) },
      );
    },
    fuzzTimeout(fuzzRuns(3000), 5),
  );

  it(
    "callProblem agrees with decide(): whatever it refuses is denied, and every malformed-call has a reason from it",
    () => {
      const args = fc.oneof(
        fc.constant(undefined),
        fc.jsonValue(),
        fc.jsonValue().map((v) => JSON.parse(`{"x":{"__proto__":${JSON.stringify(v)}}}`) as unknown),
      );
      fc.assert(
        fc.property(fc.constantFrom(...DENIED, "crm.get", "x.deleted"), fc.array(edit, { maxLength: 3 }), args, (name, edits, value) => {
          const call = { tool: reading(name, edits), ...(value === undefined ? {} : { args: value }) };
          const problem = callProblem(call);
          const decision = decide(POLICY, call);
          if (problem !== undefined) expect(decision.decision).toBe("deny");
          if (decision.rule === "malformed-call") expect(problem).toBeDefined();
        }),
        { seed: SEED, numRuns: fuzzRuns(2000) },
      );
    },
    fuzzTimeout(fuzzRuns(2000), 5),
  );

  it(
    "folding is stable and every case or compatibility reading of a name folds to the name",
    () => {
      fc.assert(
        fc.property(fc.string({ unit: "grapheme", maxLength: 12 }), (text) => {
          const once = foldToolName(text);
          expect(foldToolName(once)).toBe(once);
        }),
        { seed: SEED, numRuns: fuzzRuns(2000) },
      );
      fc.assert(
        fc.property(
          fc.constantFrom(...DENIED),
          fc.array(edit.filter((e) => e.kind === "form" || e.kind === "case" || e.kind === "ignorable")),
          (name, edits) => {
            expect(foldToolName(reading(name, edits))).toBe(name);
          },
        ),
        { seed: SEED, numRuns: fuzzRuns(2000) },
      );
    },
    fuzzTimeout(fuzzRuns(4000), 5),
  );
});

/** Operands of every JSON scalar type, and values of every type (with the non-finite numbers). */
const operand = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom("prod", "dev", "1"), fc.boolean());
const anyValue = fc.oneof(
  fc.integer({ min: -10, max: 10 }),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.constantFrom("prod", "dev", "1", ""),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.constantFrom("prod", 1), { maxLength: 2 }),
  fc.record({ name: fc.constantFrom("prod", "dev") }),
  fc.bigInt(),
);

const kindOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

type Leaf = { condition: Condition; comparable: (value: unknown) => boolean };

/** A leaf condition on `arg` or `context`, and which values it can compare (others must hold it). */
const leaf: fc.Arbitrary<Leaf> = fc
  .record({
    subject: fc.constantFrom({ arg: "amount" }, { arg: "order.total" }, { context: "environment" as const }),
    op: fc.constantFrom("gt", "gte", "lt", "lte", "eq", "ne", "in", "not_in"),
    bound: fc.integer({ min: -5, max: 5 }),
    operand,
    operands: fc.array(operand, { minLength: 1, maxLength: 3 }),
  })
  .map(({ subject, op, bound, operand: one, operands }) => {
    const numeric = op === "gt" || op === "gte" || op === "lt" || op === "lte";
    const list = op === "in" || op === "not_in";
    const condition = { ...subject, [op]: numeric ? bound : list ? operands : one } as Condition;
    const comparable = (value: unknown): boolean =>
      typeof value === "number"
        ? Number.isFinite(value) && (numeric || (list ? operands.some((o) => typeof o === "number") : typeof one === "number"))
        : !numeric && (list ? operands.some((o) => kindOf(o) === kindOf(value)) : kindOf(one) === kindOf(value));
    return { condition, comparable };
  });

function placed(condition: Condition, value: unknown): { args: Record<string, unknown>; context: Record<string, unknown> } {
  if (condition.context !== undefined) return { args: {}, context: value === undefined ? {} : { environment: value } };
  if (condition.arg === "order.total") return { args: value === undefined ? { order: {} } : { order: { total: value } }, context: {} };
  return { args: value === undefined ? {} : { amount: value }, context: {} };
}

describe("no mistyped, non-finite or absent gated value is allowed without approval (fast-check, fixed seed)", () => {
  it(
    "a condition given a value it cannot compare, or none, requires approval; alone or under any/all",
    () => {
      fc.assert(
        fc.property(
          leaf,
          fc.option(anyValue, { nil: undefined }),
          fc.constantFrom("alone", "any", "all"),
          ({ condition, comparable }, value, wrap) => {
            fc.pre(value === undefined || !comparable(value));
            const when = wrap === "alone" ? condition : ({ [wrap]: [condition] } as Condition);
            const policy = makePolicy({ tools: { "ops.run": { effect: "write", approval: { when } } } });
            expect(decide(policy, { tool: "ops.run", ...placed(condition, value) }).decision).toBe("require_approval");
          },
        ),
        { seed: SEED, numRuns: fuzzRuns(3000) },
      );
    },
    fuzzTimeout(fuzzRuns(3000), 5),
  );

  it(
    "a numeric limit given a non-number or a non-finite number denies; absent passes unless required",
    () => {
      fc.assert(
        fc.property(
          fc.record(
            { max: fc.integer({ min: 0, max: 9 }), min: fc.integer({ min: -9, max: 0 }), required: fc.boolean() },
            { requiredKeys: [] },
          ),
          fc.option(anyValue, { nil: undefined }),
          (limit, value) => {
            fc.pre(limit.max !== undefined || limit.min !== undefined);
            const policy = makePolicy({ tools: { "pay.out": { effect: "irreversible", limits: { amount: limit } } } });
            const decision = decide(policy, { tool: "pay.out", args: value === undefined ? {} : { amount: value } });
            const inBounds =
              typeof value === "number" &&
              Number.isFinite(value) &&
              (limit.max === undefined || value <= limit.max) &&
              (limit.min === undefined || value >= limit.min);
            const expected = value === undefined ? (limit.required ? "deny" : "allow") : inBounds ? "allow" : "deny";
            expect(decision.decision).toBe(expected);
          },
        ),
        { seed: SEED, numRuns: fuzzRuns(3000) },
      );
    },
    fuzzTimeout(fuzzRuns(3000), 5),
  );

  it(
    "a __proto__ key at any depth of the args or context denies the call",
    () => {
      const policy = makePolicy({ tools: { "crm.get": { effect: "read" } } });
      const path = fc.array(fc.oneof(fc.constantFrom("a", "b", "items"), fc.nat({ max: 2 })), { maxLength: 5 });
      fc.assert(
        fc.property(path, fc.constantFrom("args", "context"), fc.jsonValue(), (keys, where, inner) => {
          // Built as JSON text and parsed, as a tool call arrives: JSON.parse makes __proto__ an own key.
          let json = `{"__proto__":${JSON.stringify(inner)}}`;
          for (const key of [...keys].reverse()) json = typeof key === "number" ? `[${"0,".repeat(key)}${json}]` : `{"${key}":${json}}`;
          const value = JSON.parse(json.startsWith("[") ? `{"list":${json}}` : json) as Record<string, unknown>;
          const decision = decide(policy, { tool: "crm.get", [where]: value });
          expect(decision).toMatchObject({ decision: "deny", rule: "malformed-call" });
        }),
        { seed: SEED, numRuns: fuzzRuns(2000) },
      );
    },
    fuzzTimeout(fuzzRuns(2000), 5),
  );
});
