/**
 * decide() against the readings an attacker can choose (issue #12), one table per class: tool
 * names a dispatcher may read as a denied tool, approval conditions given values they cannot
 * compare, hard limits given non-finite numbers, and arguments shaped like prototypes.
 * test/policy/decide-fail-closed.property.test.ts generates the open-ended cases.
 */
import { describe, expect, it } from "vitest";
import type { Condition, Policy } from "../../generated/policy.js";
import { callProblem, decide } from "../../src/policy/decide.js";
import fc from "fast-check";
import { ambiguousReading } from "../../src/policy/evaluate.js";
import { indexPolicy } from "../../src/policy/resolve.js";
import { foldToolName, MAX_TOOL_NAME_LENGTH, toolNameProblem } from "../../src/policy/tool-name.js";
import { fuzzRuns } from "../helpers/fuzz.js";
import { makePolicy } from "../helpers/policy.js";

/** The policy: email.* allowed, email.send denied; *.delete denied under a broad allow. */
const EMAIL = makePolicy({
  deny: [{ pattern: "email.send" }, { pattern: "*.delete" }],
  tools: { "email.*": { effect: "write" }, "*": { effect: "read" } },
});

describe("tool names: every reading of a denied name is denied", () => {
  const denied: [string, string, "deny-pattern" | "malformed-call"][] = [
    ["a capital letter", "email.Send", "deny-pattern"],
    ["all capitals", "EMAIL.SEND", "deny-pattern"],
    ["fullwidth letters (NFKC)", "email.\uff53\uff45\uff4e\uff44", "deny-pattern"],
    ["a fullwidth dot (NFKC)", "email\uff0esend", "deny-pattern"],
    ["an ideographic full stop (IDNA reads it as a dot)", "email\u3002send", "deny-pattern"],
    ["a halfwidth ideographic full stop", "email\uff61send", "deny-pattern"],
    ["a presentation-form ideographic full stop (NFKC makes it U+3002)", "email\ufe12send", "deny-pattern"],
    ["ideographic stops under a glob deny", "email\u3002x\uff61delete", "deny-pattern"],
    ["mathematical bold letters (NFKC)", "email.\u{1d42c}\u{1d41e}\u{1d427}\u{1d41d}", "deny-pattern"],
    ["a long s (case folding)", "email.\u017fend", "deny-pattern"],
    ["a case difference under a glob deny", "email.x.Delete", "deny-pattern"],
    ["a trailing space", "email.send ", "malformed-call"],
    ["a leading no-break space", "\u00a0email.send", "malformed-call"],
    ["a zero-width space", "email.send\u200b", "malformed-call"],
    ["a soft hyphen", "email.se\u00adnd", "malformed-call"],
    ["a byte order mark", "\ufeffemail.send", "malformed-call"],
    ["a variation selector", "email.send\ufe0f", "malformed-call"],
    ["a Hangul filler", "email.send\u3164", "malformed-call"],
    ["a newline", "email.send\n", "malformed-call"],
    ["a NUL", "email.send\0", "malformed-call"],
    ["a line separator", "email.send\u2028", "malformed-call"],
    ["a bidi override", "email.\u202esend", "malformed-call"],
    ["a lone surrogate", "email.send\ud800", "malformed-call"],
    ["a trailing dot", "email.send.", "malformed-call"],
    ["a leading dot", ".email.send", "malformed-call"],
    ["an empty segment", "email..send", "malformed-call"],
    ["an empty segment made of a fullwidth dot", "email.\uff0esend", "malformed-call"],
    ["an empty segment made of ideographic stops", "email\u3002\u3002send", "malformed-call"],
  ];

  it.each(denied)("%s: %j is denied (%s)", (_name, tool, rule) => {
    expect(decide(EMAIL, { tool })).toMatchObject({ decision: "deny", rule });
  });

  it("says which reading was denied, and names the entry", () => {
    expect(decide(EMAIL, { tool: "EMAIL.SEND" })).toMatchObject({
      reason: '"EMAIL.SEND" reads as "email.send", which is denied by the policy',
      entries: ["/deny/0"],
    });
    expect(decide(EMAIL, { tool: "email.x.Delete" }).reason).toBe(
      '"email.x.Delete" reads as "email.x.delete", which is denied by "*.delete"',
    );
    expect(decide(EMAIL, { tool: "email.send\u200b" }).reason).toBe(
      'The tool name "email.send\u200b" holds an invisible or formatting character (U+200B) at index 10: no tool name does, so the call is denied',
    );
    expect(decide(EMAIL, { tool: "email..send" }).reason).toBe(
      'The tool name "email..send" has an empty segment (two dots in a row): no tool name does, so the call is denied',
    );
  });

  it("a deny pattern written in another case or form denies the plain name too", () => {
    const policy = makePolicy({ deny: [{ pattern: "Email.SEND" }, { pattern: "\uff50ayment.*" }], tools: { "*": { effect: "read" } } });
    expect(decide(policy, { tool: "email.send" }).rule).toBe("deny-pattern");
    expect(decide(policy, { tool: "payment.refund" }).rule).toBe("deny-pattern");
    // A fullwidth star folds to a star: the pattern then denies more, never less.
    const star = makePolicy({ deny: [{ pattern: "admin.\uff0a" }], tools: { "*": { effect: "read" } } });
    expect(decide(star, { tool: "admin.users" }).rule).toBe("deny-pattern");
  });

  it("the allowlist stays exact: another spelling of an allowed name is not allowed", () => {
    const policy = makePolicy({ tools: { "crm.get": { effect: "read" } } });
    expect(decide(policy, { tool: "crm.get" }).decision).toBe("allow");
    for (const tool of ["CRM.GET", "crm.Get", "crm.\uff47et"]) expect(decide(policy, { tool }).rule).toBe("not-allowed");
  });

  it("well-formed names that only look unusual are still decided by the policy", () => {
    for (const tool of ["email.draft", "e-mail.send_v2", "crm.контакт", "a", "x.y.z"])
      expect(decide(EMAIL, { tool }).decision).toBe("allow");
  });

  it("folding: NFKC, ignorables and edge whitespace removed, case folded, stable", () => {
    const cases: [string, string][] = [
      ["Email.Send", "email.send"],
      ["email.\uff53\uff45\uff4e\uff44", "email.send"],
      [" email.se\u00adnd\u200b\n", "email.send"],
      ["STRASSE.ẞ", "strasse.ss"],
      ["ema\u0130l.send", "email.send"],
      ["emaıl.send", "email.send"],
      ["\u212aelvin", "kelvin"],
      ["\ufb01le.read", "file.read"],
      ["crm\u3002delete", "crm.delete"],
      ["crm\uff61\uff24elete", "crm.delete"],
    ];
    for (const [name, folded] of cases) {
      expect(foldToolName(name), JSON.stringify(name)).toBe(folded);
      expect(foldToolName(folded)).toBe(folded);
    }
    expect(toolNameProblem("")).toBe("The call has no tool name");
    expect(toolNameProblem("email.send")).toBeUndefined();
  });
});

describe("tool names: length is bounded, and so is what long names cost", () => {
  const all = makePolicy({ deny: [{ pattern: "x*" }], tools: { "*": { effect: "read" } } });
  const cases: [string, string, "allow" | "deny-pattern" | "malformed-call"][] = [
    ["256 code units, the limit", "a".repeat(MAX_TOOL_NAME_LENGTH), "allow"],
    ["257 code units", "a".repeat(MAX_TOOL_NAME_LENGTH + 1), "malformed-call"],
    ["256 code units of astral letters (128 code points)", "\u{1d41a}".repeat(128), "allow"],
    ["258 code units of astral letters (129 code points)", "\u{1d41a}".repeat(129), "malformed-call"],
    ["a denied name at the limit", "x".repeat(MAX_TOOL_NAME_LENGTH), "deny-pattern"],
    ["a denied name over the limit", "x".repeat(MAX_TOOL_NAME_LENGTH + 1), "malformed-call"],
    ["a million non-ASCII characters", "é".repeat(1_000_000), "malformed-call"],
  ];

  it.each(cases)("%s", (_name, tool, expected) => {
    const decision = decide(all, { tool });
    expect(decision.decision === "allow" ? "allow" : decision.rule).toBe(expected);
    expect(callProblem({ tool }) !== undefined).toBe(expected === "malformed-call");
  });

  it("says how long the name is, quoting only its start", () => {
    const reason = decide(all, { tool: "é".repeat(1_000_000) }).reason;
    expect(reason).toBe(
      `The tool name ${JSON.stringify("é".repeat(32))}… is 1000000 characters long, over the limit of 256: no tool name is, so the call is denied`,
    );
    expect(toolNameProblem("é".repeat(1_000_000))).toBe(reason);
  });

  it("over-long names are never cached, and the cache is bounded in characters as well as entries", () => {
    const policy = makePolicy({ tools: { "*": { effect: "read" } } });
    const index = indexPolicy(policy);
    for (let i = 0; i < 50; i++) decide(policy, { tool: `x${i}` + "é".repeat(100_000) });
    expect(index.cache.size).toBe(0);
    let most = 0;
    for (let i = 0; i < 6000; i++) {
      expect(decide(policy, { tool: `${i}.`.padEnd(MAX_TOOL_NAME_LENGTH, "y") }).decision).toBe("allow");
      most = Math.max(most, index.cachedChars);
    }
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(1 << 20);
    expect(index.cachedChars).toBe([...index.cache.keys()].reduce((n, name) => n + name.length, 0));
  });

  it("property: every name longer than the limit is malformed, whatever it holds", () => {
    fc.assert(
      fc.property(fc.string({ minLength: MAX_TOOL_NAME_LENGTH + 1, maxLength: 4 * MAX_TOOL_NAME_LENGTH, unit: "binary" }), (tool) => {
        expect(decide(all, { tool }).rule).toBe("malformed-call");
      }),
      { numRuns: fuzzRuns(200), seed: 13 },
    );
  });
});

describe("tool names: every reading of a gated or limited name carries its gate and limits", () => {
  // billing.* admits any spelling as written; billing.refund's gate and limit must follow every
  // spelling a dispatcher folds onto billing.refund, or "billing.Refund" runs the refund ungated.
  const BILLING = makePolicy({
    tools: {
      "billing.*": { effect: "read" },
      "billing.refund": { effect: "irreversible", approval: { channel: "finance" }, limits: { amount: { max: 600 } } },
      "Ops.Restart*": { effect: "write", approval: {} },
      "ops.*": { effect: "read" },
    },
  });
  const spellings = ["billing.refund", "billing.Refund", "billing.REFUND", "billing.\uff52efund"];

  it.each(spellings)("%j is gated, and over its limit denied", (tool) => {
    expect(decide(BILLING, { tool, args: { amount: 5 } })).toMatchObject({
      decision: "require_approval",
      entries: ["/tools/billing.refund/approval"],
      channel: "finance",
    });
    expect(decide(BILLING, { tool, args: { amount: 601 } })).toMatchObject({
      decision: "deny",
      rule: "hard-limit",
      entries: ["/tools/billing.refund/limits/amount"],
    });
  });

  it("a glob's gate follows the folded reading too, and other names stay as they were", () => {
    expect(decide(BILLING, { tool: "ops.restart_all" })).toMatchObject({
      decision: "require_approval",
      entries: ["/tools/Ops.Restart*/approval"],
    });
    expect(decide(BILLING, { tool: "ops.status" })).toMatchObject({ decision: "allow", entries: ["/tools/ops.*"] });
    expect(decide(BILLING, { tool: "billing.list" })).toMatchObject({ decision: "allow", entries: ["/tools/billing.*"] });
    expect(decide(BILLING, { tool: "BILLING.REFUND" })).toMatchObject({ decision: "deny", rule: "not-allowed" });
    // The allowlist still matches as written: a folded spelling no entry admits is not allowed.
    expect(
      decide(makePolicy({ tools: { "billing.refund": { effect: "write", approval: {} } } }), { tool: "billing.Refund" }),
    ).toMatchObject({
      decision: "deny",
      rule: "not-allowed",
    });
  });
});

/** One gated tool per condition, so a call shows whether its condition held. */
function gated(when: Condition): Policy {
  return makePolicy({ tools: { "ops.run": { effect: "write", approval: { when, channel: "ops" } } } });
}

describe("approval conditions hold on values they cannot compare", () => {
  const cases: [string, Condition, Record<string, unknown>, Record<string, unknown>, "require_approval" | "allow"][] = [
    ["eq 1, given the string 1", { arg: "level", eq: 1 }, { level: "1" }, {}, "require_approval"],
    ["eq 1, given 2", { arg: "level", eq: 1 }, { level: 2 }, {}, "allow"],
    ["eq 1, given 1", { arg: "level", eq: 1 }, { level: 1 }, {}, "require_approval"],
    ["eq true, given the string true", { arg: "flag", eq: true }, { flag: "true" }, {}, "require_approval"],
    ["eq prod, given null", { arg: "target", eq: "prod" }, { target: null }, {}, "require_approval"],
    ["ne prod, given a number", { arg: "target", ne: "prod" }, { target: 5 }, {}, "require_approval"],
    ["ne prod, given prod", { arg: "target", ne: "prod" }, { target: "prod" }, {}, "allow"],
    ["in [prod], given [prod]", { arg: "target", in: ["prod"] }, { target: ["prod"] }, {}, "require_approval"],
    ["in [prod], given dev", { arg: "target", in: ["prod"] }, { target: "dev" }, {}, "allow"],
    ["in [1, a], given true (a type no operand has)", { arg: "x", in: [1, "a"] }, { x: true }, {}, "require_approval"],
    ["in [1, a], given 2 (a type an operand has)", { arg: "x", in: [1, "a"] }, { x: 2 }, {}, "allow"],
    ["not_in [dev], given an object", { arg: "target", not_in: ["dev"] }, { target: { name: "dev" } }, {}, "require_approval"],
    ["not_in [dev], given dev", { arg: "target", not_in: ["dev"] }, { target: "dev" }, {}, "allow"],
    ["gt 100, the argument absent", { arg: "amount", gt: 100 }, {}, {}, "require_approval"],
    ["gt 100, a nested argument absent", { arg: "order.amount", gt: 100 }, { order: {} }, {}, "require_approval"],
    ["gt 100, given a string", { arg: "amount", gt: 100 }, { amount: "50" }, {}, "require_approval"],
    ["gt 100, given -Infinity", { arg: "amount", gt: 100 }, { amount: -Infinity }, {}, "require_approval"],
    ["lt 0, given Infinity", { arg: "amount", lt: 0 }, { amount: Infinity }, {}, "require_approval"],
    ["gte 5, given NaN", { arg: "amount", gte: 5 }, { amount: NaN }, {}, "require_approval"],
    ["eq 1, given Infinity (JSON's 1e309)", { arg: "level", eq: 1 }, JSON.parse('{"level":1e309}'), {}, "require_approval"],
    ["gt 100, given 50", { arg: "amount", gt: 100 }, { amount: 50 }, {}, "allow"],
    ["a context field absent", { context: "environment", eq: "production" }, {}, {}, "require_approval"],
    ["a context field of another type", { context: "environment", eq: "production" }, {}, { environment: 1 }, "require_approval"],
    ["a context field that differs", { context: "environment", eq: "production" }, {}, { environment: "staging" }, "allow"],
    [
      "any: one alternative absent",
      {
        any: [
          { arg: "amount", gt: 100 },
          { context: "tenant", eq: "x" },
        ],
      },
      { amount: 1 },
      {},
      "require_approval",
    ],
    [
      "all: both absent",
      {
        all: [
          { arg: "amount", gt: 100 },
          { arg: "currency", eq: "EUR" },
        ],
      },
      {},
      {},
      "require_approval",
    ],
  ];

  it.each(cases)("%s: %s", (_name, when, args, context, expected) => {
    expect(decide(gated(when), { tool: "ops.run", args, context }).decision).toBe(expected);
  });

  it("a refund without an amount cannot be shown to be under its threshold: it asks", () => {
    const refund = makePolicy({
      tools: {
        "billing.refund": { effect: "irreversible", approval: { when: { arg: "amount", gt: 100 } }, limits: { amount: { max: 600 } } },
      },
    });
    expect(decide(refund, { tool: "billing.refund" })).toMatchObject({
      decision: "require_approval",
      entries: ["/tools/billing.refund/approval"],
    });
  });
});

describe("hard limits: non-finite numbers break every numeric bound", () => {
  const limited = (limit: object) => makePolicy({ tools: { "pay.out": { effect: "irreversible", limits: { amount: limit } } } });
  const cases: [string, object, unknown, string | undefined][] = [
    ["max only, -Infinity", { max: 600 }, -Infinity, 'argument "amount" is -Infinity, not a finite number'],
    ["min only, Infinity", { min: 0 }, Infinity, 'argument "amount" is Infinity, not a finite number'],
    ["max, NaN", { max: 600 }, NaN, 'argument "amount" is NaN, not a finite number'],
    ["max, Infinity from JSON's 1e309", { max: 600 }, JSON.parse("1e309"), 'argument "amount" is Infinity, not a finite number'],
    ["max, a string", { max: 600 }, "5", 'argument "amount" must be a number'],
    ["max, a bigint", { max: 600 }, 5n, 'argument "amount" must be a number'],
    ["one_of [1], the string 1", { one_of: [1] }, "1", 'argument "amount" must be one of 1'],
    ["max, 600", { max: 600 }, 600, undefined],
    ["max, absent", { max: 600 }, undefined, undefined],
    ["required, absent", { max: 600, required: true }, undefined, 'argument "amount" is required'],
  ];

  it.each(cases)("%s", (_name, limit, amount, problem) => {
    const decision = decide(limited(limit), { tool: "pay.out", args: amount === undefined ? {} : { amount } });
    if (problem === undefined) expect(decision.decision).toBe("allow");
    else expect(decision).toMatchObject({ decision: "deny", rule: "hard-limit", reason: `"pay.out": ${problem}` });
  });
});

/** Args holding 1 at the nested path `segments` (when given) and 5000 under the keys `groups`, as JSON.parse makes them. */
function callArgs(segments: string[] | undefined, groups: string[]): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  const put = (keys: string[], value: unknown) => {
    let node = args;
    keys.slice(0, -1).forEach((k) => (node = (node[k] ??= {}) as Record<string, unknown>));
    node[keys[keys.length - 1]!] = value;
  };
  if (segments) put(segments, 1);
  put(groups, 5000);
  return JSON.parse(JSON.stringify(args)) as Record<string, unknown>;
}

describe("dotted paths: a call holding another reading of a limited or gated path is malformed", () => {
  const policy = makePolicy({
    tools: {
      pay: {
        effect: "irreversible",
        approval: { when: { arg: "payment.amount", gt: 100 } },
        limits: { "payment.amount": { max: 600 }, "a.b.c": { max: 5 } },
      },
      "notes.*": { effect: "write" },
    },
  });
  const cases: [string, string, Record<string, unknown>, Record<string, unknown> | undefined, string][] = [
    ["the nested reading alone, passing", "pay", { payment: { amount: 50 } }, undefined, "allow"],
    ["the nested reading alone, gated", "pay", { payment: { amount: 150 } }, undefined, "approval"],
    ["the nested reading alone, over the limit", "pay", { payment: { amount: 700 } }, undefined, "hard-limit"],
    ["the flat key alone (the limit would not apply)", "pay", { "payment.amount": 5000 }, undefined, "malformed-call"],
    [
      "the flat key beside a passing nested reading",
      "pay",
      { payment: { amount: 1 }, "payment.amount": 5000 },
      undefined,
      "malformed-call",
    ],
    ["both readings equal", "pay", { payment: { amount: 50 }, "payment.amount": 50 }, undefined, "malformed-call"],
    ["a.b.c as a / b.c", "pay", { a: { "b.c": 99 } }, undefined, "malformed-call"],
    ["a.b.c as a.b / c", "pay", { "a.b": { c: 99 } }, undefined, "malformed-call"],
    ["a.b.c flat", "pay", { "a.b.c": 99 }, undefined, "malformed-call"],
    ["a dotted key no limit or condition reads", "pay", { payment: { amount: 50 }, "payment.currency": "EUR" }, undefined, "allow"],
    ["a prefix that is no reading of the path", "pay", { payment: { amount: 50 }, "payment.amount.cents": 1 }, undefined, "allow"],
    ["a tool whose entries read no dotted path", "notes.add", { "payment.amount": 5000 }, undefined, "allow"],
  ];

  it.each(cases)("%s", (_name, tool, args, context, expected) => {
    const call = { tool, args, ...(context ? { context } : {}) };
    const decision = decide(policy, call);
    expect(decision.decision === "allow" ? "allow" : decision.rule).toBe(expected);
    // Given the policy, callProblem says malformed exactly when decide() does.
    expect(callProblem(call, policy) !== undefined).toBe(expected === "malformed-call");
  });

  it("says which key is the other reading and which path it shadows", () => {
    expect(decide(policy, { tool: "pay", args: { payment: { amount: 1 }, "payment.amount": 5000 } })).toMatchObject({
      reason:
        'The call\'s args hold args["payment.amount"] beside the path args.payment.amount that a limit or approval condition reads: a tool may read either, so the call is denied',
      entries: [],
    });
    expect(decide(policy, { tool: "pay", args: { a: { "b.c": 99 } } }).reason).toContain('args.a["b.c"] beside the path args.a.b.c');
    expect(ambiguousReading({ x: 1 }, "x")).toBeUndefined();
  });

  it("property: whatever grouping of a path's segments the call holds besides the nested one, it is never allowed", () => {
    const segment = fc.constantFrom("a", "b", "c", "amount");
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 0, max: 7 }),
        fc.boolean(),
        (segments, cuts, nested) => {
          const path = segments.join(".");
          const gated = makePolicy({ tools: { t: { effect: "write", limits: { [path]: { max: 10 } } } } });
          // A grouping other than one key per segment: `cuts` picks where segments are joined.
          const groups: string[] = [segments[0]!];
          segments.slice(1).forEach((s, i) => ((cuts >> i) & 1 ? groups.push(s) : (groups[groups.length - 1] += "." + s)));
          fc.pre(groups.length < segments.length);
          const args = callArgs(nested ? segments : undefined, groups);
          expect(decide(gated, { tool: "t", args }).decision).toBe("deny");
        },
      ),
      { numRuns: fuzzRuns(300), seed: 14 },
    );
  });
});

describe("case and compatibility variants: a key a case-insensitive decoder reads as a limited or gated path is malformed", () => {
  // The review's policy (G12): Go's encoding/json and .NET read "Amount" for a field amount.
  const policy = makePolicy({
    tools: {
      refund: {
        effect: "irreversible",
        approval: { when: { arg: "payment.total", gt: 100 } },
        limits: { amount: { max: 10 }, risk: { max: 3 } },
      },
      ship: { effect: "write", approval: { when: { arg: "order.dest.country", ne: "DE" } } },
      deploy: { effect: "write", approval: { when: { context: "environment", eq: "production" } } },
      "notes.*": { effect: "write" },
    },
  });
  const passing = { amount: 1, payment: { total: 1 } };
  const cases: [string, string, Record<string, unknown> | undefined, Record<string, unknown> | undefined, string][] = [
    ["the exact keys alone", "refund", passing, undefined, "allow"],
    ["Amount beside amount", "refund", { ...passing, Amount: 5000 }, undefined, "malformed-call"],
    ["Amount instead of amount", "refund", { Amount: 5000, payment: { total: 1 } }, undefined, "malformed-call"],
    ["aMOUNT", "refund", { ...passing, aMOUNT: 5000 }, undefined, "malformed-call"],
    ["fullwidth ａｍｏｕｎｔ (NFKC)", "refund", { ...passing, "\uff41\uff4d\uff4f\uff55\uff4e\uff54": 5000 }, undefined, "malformed-call"],
    ["a long s: riſk", "refund", { ...passing, risk: 1, "ri\u017fk": 9 }, undefined, "malformed-call"],
    ["a Kelvin sign: risK", "refund", { ...passing, risk: 1, "ris\u212a": 9 }, undefined, "malformed-call"],
    ["payment.Total nested", "refund", { amount: 1, payment: { total: 1, Total: 5000 } }, undefined, "malformed-call"],
    ["Payment beside payment", "refund", { ...passing, Payment: { total: 5000 } }, undefined, "malformed-call"],
    ["Payment holding nothing the gate reads", "refund", { ...passing, Payment: {} }, undefined, "malformed-call"],
    ["a flat payment.Total (dotted and case)", "refund", { ...passing, "payment.Total": 5000 }, undefined, "malformed-call"],
    ["a flat PAYMENT.TOTAL", "refund", { ...passing, "PAYMENT.TOTAL": 5000 }, undefined, "malformed-call"],
    ["a flat payment.total (the dotted check)", "refund", { ...passing, "payment.total": 5000 }, undefined, "malformed-call"],
    ["a fullwidth dot: payment．total (NFKC)", "refund", { ...passing, "payment\uff0etotal": 5000 }, undefined, "malformed-call"],
    ["order.Dest, two levels down", "ship", { order: { dest: { country: "DE" }, Dest: { country: "US" } } }, undefined, "malformed-call"],
    ["order.dest.Country, three levels down", "ship", { order: { dest: { country: "DE", Country: "US" } } }, undefined, "malformed-call"],
    ["a flat Dest.country under order", "ship", { order: { dest: { country: "DE" }, "Dest.country": "US" } }, undefined, "malformed-call"],
    [
      "context Environment beside environment",
      "deploy",
      undefined,
      { environment: "staging", Environment: "production" },
      "malformed-call",
    ],
    ["context ENVIRONMENT instead of environment", "deploy", undefined, { ENVIRONMENT: "production" }, "malformed-call"],
    // Not second readings: keys that fold to no segment or joining of a limited or gated path.
    [
      "keys that fold to a prefix of the path's text only",
      "refund",
      { ...passing, pay: 5000, "PAYMENT.TOT": 5000, Totals: 1 },
      undefined,
      "allow",
    ],
    [
      "a longer key that starts like a segment",
      "refund",
      { ...passing, amounts: 5000, payment: { total: 1, totalx: 5000 } },
      undefined,
      "allow",
    ],
    ["case variants off every limited path", "refund", { ...passing, note: "a", Note: "b" }, undefined, "allow"],
    [
      "case variants below the path's end",
      "refund",
      { amount: 1, payment: { total: 1, currency: { code: "EUR", Code: "USD" } } },
      undefined,
      "allow",
    ],
    [
      "case variants under another argument",
      "ship",
      { order: { dest: { country: "DE" }, meta: { Dest: 1, dest: 2 } } },
      undefined,
      "allow",
    ],
    ["case variants in the args of a context-gated tool", "deploy", { Environment: "production" }, { environment: "staging" }, "allow"],
    ["case variants on a tool with no limit or gate", "notes.add", { amount: 1, Amount: 5000 }, undefined, "allow"],
  ];

  it.each(cases)("%s", (_name, tool, args, context, expected) => {
    const call = { tool, ...(args ? { args } : {}), ...(context ? { context } : {}) };
    const decision = decide(policy, call);
    expect(decision.decision === "allow" ? "allow" : decision.rule).toBe(expected);
    // Given the policy, callProblem says malformed exactly when decide() does, with the same reason.
    expect(callProblem(call, policy)).toBe(expected === "malformed-call" ? decision.reason : undefined);
  });

  it("names both keys: the one the call holds and the path it reads as", () => {
    expect(decide(policy, { tool: "refund", args: { ...passing, Amount: 5000 } })).toMatchObject({
      decision: "deny",
      rule: "malformed-call",
      reason:
        'The call\'s args hold args["Amount"] beside the path args.amount that a limit or approval condition reads: "Amount" reads as "amount" to a decoder that ignores case or compatibility forms (Go\'s encoding/json, .NET), so a tool may read either and the call is denied',
      entries: [],
    });
    expect(decide(policy, { tool: "refund", args: { amount: 1, payment: { total: 1, Total: 5000 } } }).reason).toContain(
      'args.payment["Total"] beside the path args.payment.total that a limit or approval condition reads: "Total" reads as "total"',
    );
    expect(decide(policy, { tool: "refund", args: { ...passing, "payment.Total": 5000 } }).reason).toContain(
      '"payment.Total" reads as "payment.total"',
    );
    expect(decide(policy, { tool: "deploy", context: { ENVIRONMENT: "production" } }).reason).toContain(
      'The call\'s context holds context["ENVIRONMENT"] beside the path context.environment',
    );
  });

  it("a limit written with capitals reads the lower-case key as its second reading", () => {
    const capital = makePolicy({ tools: { t: { effect: "write", limits: { Amount: { max: 10 } } } } });
    expect(decide(capital, { tool: "t", args: { Amount: 1 } }).decision).toBe("allow");
    expect(decide(capital, { tool: "t", args: { Amount: 1, amount: 5000 } }).rule).toBe("malformed-call");
  });

  it("checks every entry of the tool: a glob's gate and an exact entry's limit", () => {
    const layered = makePolicy({
      tools: {
        "billing.refund": { effect: "irreversible", limits: { amount: { max: 10 } } },
        "billing.*": { effect: "write", approval: { when: { arg: "region", eq: "eu" } } },
      },
    });
    expect(decide(layered, { tool: "billing.refund", args: { amount: 1, region: "us" } }).decision).toBe("allow");
    expect(decide(layered, { tool: "billing.refund", args: { amount: 1, region: "us", Region: "eu" } }).rule).toBe("malformed-call");
  });

  it("property: a limited path spelled with any case or compatibility variant, grouped any way, is never allowed", () => {
    // Variants of one segment a case-insensitive decoder reads as it.
    const variant = (segment: string, how: number): string =>
      [
        segment.toUpperCase(),
        segment[0]!.toUpperCase() + segment.slice(1),
        segment.replace(/s/g, "\u017f"),
        segment.replace(/k/g, "\u212a"),
        [...segment].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join(""),
      ][how % 5]!;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("a", "sk", "amount", "risk"), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 7 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        (segments, cuts, hows, nested) => {
          const path = segments.join(".");
          const gated = makePolicy({ tools: { t: { effect: "write", limits: { [path]: { max: 10 } } } } });
          // A spelling of each segment (5: as written), then a grouping (`cuts` picks where segments are joined).
          const spelled = segments.map((s, i) => (hows[i]! === 5 ? s : variant(s, hows[i]!)));
          const groups: string[] = [spelled[0]!];
          spelled.slice(1).forEach((s, i) => ((cuts >> i) & 1 ? groups.push(s) : (groups[groups.length - 1] += "." + s)));
          fc.pre(groups.join("\u0000") !== segments.join("\u0000"));
          const args = callArgs(nested ? segments : undefined, groups);
          const decision = decide(gated, { tool: "t", args });
          expect(decision.decision).toBe("deny");
          expect(callProblem({ tool: "t", args }, gated) !== undefined).toBe(decision.rule === "malformed-call");
        },
      ),
      { numRuns: fuzzRuns(500), seed: 12 },
    );
  });
});

describe("arguments shaped like prototypes are malformed", () => {
  const refund = makePolicy({
    tools: {
      "billing.refund": { effect: "irreversible", limits: { amount: { max: 600 } } },
      "crm.get": { effect: "read" },
    },
  });
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  const cases: [string, string, Record<string, unknown> | undefined, Record<string, unknown> | undefined, string][] = [
    ["the issue's JSON.parse", "billing.refund", JSON.parse('{"__proto__":{"amount":1000}}'), undefined, "args.__proto__"],
    ["nested", "billing.refund", JSON.parse('{"order":{"lines":[{"__proto__":{"x":1}}]}}'), undefined, "args.order.lines.0.__proto__"],
    ["in the context", "crm.get", undefined, JSON.parse('{"actor":"a","__proto__":{"admin":true}}'), "context.__proto__"],
    ["under an unconditional tool", "crm.get", JSON.parse('{"q":{"__proto__":null}}'), undefined, "args.q.__proto__"],
  ];

  it.each(cases)("%s: denied as malformed-call, naming where", (_name, tool, args, context, at) => {
    expect(decide(refund, { tool, ...(args ? { args } : {}), ...(context ? { context } : {}) })).toMatchObject({
      decision: "deny",
      rule: "malformed-call",
      reason: expect.stringContaining(`The call holds a "__proto__" key (${at})`),
      entries: [],
    });
  });

  it("what such args would do to a tool that copies them: the check is about a real hole", () => {
    const args = JSON.parse('{"__proto__":{"amount":1000}}') as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(args, "amount")).toBe(false);
    expect((Object.assign({}, args) as { amount?: number }).amount).toBe(1000);
  });

  it("a cycle, deep nesting and keys like constructor are fine; a getter that throws is malformed", () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    expect(decide(refund, { tool: "crm.get", args: cyclic }).decision).toBe("allow");
    expect(decide(refund, { tool: "crm.get", args: deep }).decision).toBe("allow");
    expect(decide(refund, { tool: "crm.get", args: { constructor: { prototype: 1 }, prototype: 2 } }).decision).toBe("allow");
    const trap = Object.defineProperty({}, "x", {
      enumerable: true,
      get() {
        throw new Error("trap");
      },
    });
    expect(decide(refund, { tool: "crm.get", args: trap })).toMatchObject({
      rule: "malformed-call",
      reason: "The call cannot be read (trap): it is denied",
    });
  });

  it("a denied name is reported as denied whatever its args hold", () => {
    const policy = makePolicy({ deny: [{ pattern: "email.send" }], tools: { "*": { effect: "read" } } });
    expect(decide(policy, { tool: "email.send", args: JSON.parse('{"__proto__":{}}') }).rule).toBe("deny-pattern");
  });
});

describe("callProblem: what decide() refuses whatever the policy, for other engines' requests", () => {
  it("names the problem of a malformed call, a malformed name and a __proto__ key, and none for a good call", () => {
    expect(callProblem(42)).toBe("The call is not an object: expected { tool, args?, context? }");
    expect(callProblem({ tool: "a", args: [] })).toBe("The call's args must be an object");
    expect(callProblem({ tool: "email..send" })).toContain("has an empty segment");
    expect(callProblem({ tool: "crm.get", context: JSON.parse('{"__proto__":{}}') })).toContain('"__proto__" key (context.__proto__)');
    expect(callProblem({ tool: "email.Send", args: { a: [1, { b: 2 }] } })).toBeUndefined();
  });

  it("a call whose getters throw is malformed, for callProblem and decide() alike (not a broken policy)", () => {
    const call = Object.defineProperty({}, "tool", {
      get() {
        throw new Error("boom");
      },
    });
    expect(callProblem(call)).toBe("The call cannot be read (boom): it is denied");
    expect(decide(EMAIL, call)).toMatchObject({
      decision: "deny",
      rule: "malformed-call",
      reason: "The call cannot be read (boom): it is denied",
    });
  });
});
