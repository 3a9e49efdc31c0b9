/**
 * The guard fails closed whatever its surroundings do: record sinks of every shape failing at
 * once or later, arguments no record can hold, a clock that gives no time, approvers that never
 * answer or answer with something that cannot be read, a signature that does not check. Every
 * such call is denied, recorded when it can be, holds no concurrency slot afterwards, and never
 * makes authorize() reject or the process crash.
 */
import { generateKeyPairSync } from "node:crypto";
import { copyFileSync, createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Policy } from "../../generated/policy.js";
import { policyHash } from "../../src/policy/compile-policy.js";
import { verifyAuditLog } from "../../src/runtime/audit-verify.js";
import type { DecisionRecord, RecordSink } from "../../src/runtime/decision-record.js";
import { createGuard, DEFAULT_APPROVAL_TIMEOUT_MS, DEFAULT_RECORD_TIMEOUT_MS, type GuardOptions } from "../../src/runtime/guard.js";
import { tryLoadPolicy } from "../../src/runtime/load-policy.js";
import { signPolicyHash } from "../../src/runtime/policy-signature.js";
import { fuzzRuns, fuzzTimeout } from "../helpers/fuzz.js";
import { makePolicy, SUPPORT_POLICY } from "../helpers/policy.js";

const READS = makePolicy({ tools: { "crm.get": { effect: "read" } }, budgets: { max_concurrency: 1 } });

/** Every unhandled rejection while a test runs: none may happen (it would end a real process). */
let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeEach(() => {
  unhandled = [];
  process.on("unhandledRejection", onUnhandled);
});
afterEach(async () => {
  // A rejection nobody handles is reported after the microtask queue drains.
  await new Promise((resolve) => setTimeout(resolve, 20));
  process.off("unhandledRejection", onUnhandled);
  expect(unhandled).toEqual([]);
});

const later = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

/** A real stream whose writes fail: at once (in _write) or later (after a turn of the event loop). */
function failingStream(when: "at once" | "later"): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      if (when === "at once") callback(new Error("stream refused the line"));
      else setTimeout(() => callback(new Error("stream failed later")), 5);
    },
  });
}

const failingSinks: [string, () => RecordSink, string][] = [
  [
    "a function that throws",
    () => () => {
      throw new Error("disk full");
    },
    "disk full",
  ],
  ["an async function that rejects", () => async () => Promise.reject(new Error("rejected")), "rejected"],
  ["a function whose promise rejects later", () => () => later().then(() => Promise.reject(new Error("late"))), "late"],
  [
    "a function returning a thenable whose then throws",
    () => () =>
      ({
        get then() {
          throw new Error("bad thenable");
        },
      }) as never,
    "bad thenable",
  ],
  [
    "an object whose write throws",
    () => ({
      write() {
        throw new Error("object refused");
      },
    }),
    "object refused",
  ],
  ["an object whose async write rejects", () => ({ write: async () => Promise.reject(new Error("async object")) }), "async object"],
  [
    "an object whose write rejects later",
    () => ({ write: () => later().then(() => Promise.reject(new Error("later object"))) }),
    "later object",
  ],
  ["a stream failing at once", () => failingStream("at once"), "stream refused the line"],
  ["a stream failing later", () => failingStream("later"), "stream failed later"],
  [
    "a destroyed stream",
    () => {
      const stream = new Writable({ write: (_c, _e, cb) => cb() });
      stream.destroy();
      return stream;
    },
    "destroyed",
  ],
  [
    "an ended stream",
    () => {
      const stream = new Writable({ write: (_c, _e, cb) => cb() });
      stream.end();
      return stream;
    },
    "write after end",
  ],
  [
    "a file stream whose file cannot be opened (fails later)",
    () => createWriteStream(path.join(tmpdir(), "agentspec-no-such-dir", "x", "decisions.jsonl")),
    "ENOENT",
  ],
];

describe("record sinks that fail", () => {
  it.each(failingSinks)("%s: the call is denied (audit-failed), no slot is held, nothing crashes", async (_name, sink, message) => {
    const guard = createGuard(READS, { record: sink() });
    let ran = false;
    const { decision } = await guard.run({ tool: "crm.get" }, () => (ran = true));
    expect(decision).toMatchObject({ decision: "deny", rule: "audit-failed" });
    expect(decision.reason).toContain(message);
    expect(decision.reason).toContain('"crm.get" is denied');
    expect(ran).toBe(false);
    expect(guard.usage().inFlight).toBe(0);
    // authorize() alike, and a denied call stays denied with its record attached.
    expect((await guard.authorize({ tool: "crm.get" })).rule).toBe("audit-failed");
    expect((await guard.authorize({ tool: "shell.exec" })).rule).toBe("not-allowed");
  });

  it("a sink that fails only sometimes denies only the calls whose record failed, and the gap shows in verify", async () => {
    const lines: string[] = [];
    let n = 0;
    const guard = createGuard(READS, {
      record: async (line) => {
        if (++n === 2) throw new Error("flaky");
        lines.push(line);
      },
    });
    const decisions = [];
    for (let i = 0; i < 3; i++) decisions.push((await guard.authorize({ tool: "crm.get" })).decision);
    expect(decisions).toEqual(["allow", "deny", "allow"]);
    expect(verifyAuditLog(lines.join("")).problems).toEqual([
      { line: 2, message: "seq 3 follows seq 1 (line 1): 1 record is missing before it (removed or moved)" },
    ]);
  });

  it("a directory or a path in a missing directory: the guard denies everything and says why", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "agentspec-sink-"));
    for (const record of [dir, path.join(dir, "missing", "decisions.jsonl")]) {
      const guard = createGuard(READS, { record });
      expect(guard.recordError).toMatchObject({ code: "UNWRITABLE" });
      expect(guard.recordError!.message).toContain(record.startsWith(dir) ? "decision log" : "");
      const decision = await guard.authorize({ tool: "crm.get" });
      expect(decision).toMatchObject({ decision: "deny", rule: "audit-failed" });
      expect(decision.reason).toContain(guard.recordError!.message);
    }
  });

  it("refuses sinks of no known shape and a chainFrom no record could leave, naming them", () => {
    const bad: [GuardOptions, string][] = [
      [
        { record: 42 as never },
        "options.record must be a file path, a function, or an object with a write method (a stream), not a number",
      ],
      [
        { record: {} as never },
        "options.record must be a file path, a function, or an object with a write method (a stream), not a object",
      ],
      [
        { aexEvents: "" as never },
        'options.aexEvents must be a file path, a function, or an object with a write method (a stream), not ""',
      ],
      [{ record: "same.jsonl", aexEvents: "same.jsonl" }, "options.record and options.aexEvents are the same file (same.jsonl)"],
      [{ chainFrom: { seq: -1, hash: "sha256:" + "0".repeat(64) } }, "options.chainFrom must be { seq, hash } of a record"],
      [{ chainFrom: { seq: 1, hash: "md5:x" } }, "options.chainFrom must be { seq, hash } of a record"],
      [{ now: 5 as never }, "options.now must be a function, not a number"],
    ];
    for (const [options, message] of bad) expect(() => createGuard(READS, options)).toThrow(message);
  });

  it("an async aex events sink that rejects changes no decision and crashes nothing", async () => {
    const guard = createGuard(READS, { aexEvents: { write: async () => Promise.reject(new Error("aex down")) } });
    expect((await guard.authorize({ tool: "crm.get" })).decision).toBe("allow");
  });
});

/** Sinks that take the line and never say whether it was written: each shape the README allows. */
const stuckSinks: [string, () => RecordSink][] = [
  ["a function whose promise never settles", () => () => new Promise<void>(() => {})],
  ["a function returning a thenable that never calls back", () => () => ({ then() {} }) as never],
  ["an object whose async write never settles", () => ({ write: () => new Promise(() => {}) })],
  // A real stream whose write callback never comes (a socket whose peer stopped reading).
  ["a stream whose write callback never comes", () => new Writable({ write() {} })],
];

describe("record sinks that never finish", () => {
  it.each(stuckSinks)("%s: run() is denied after recordTimeoutMs (audit-failed) and the slot is free", async (_name, sink) => {
    const guard = createGuard(READS, { record: sink(), recordTimeoutMs: 20 });
    let ran = false;
    const { decision } = await guard.run({ tool: "crm.get" }, () => (ran = true));
    expect(decision).toMatchObject({ decision: "deny", rule: "audit-failed" });
    expect(decision.reason).toBe(
      'The decision record could not be written (the sink did not finish writing it within 20 ms (recordTimeoutMs)): "crm.get" is denied',
    );
    expect(decision.record).toMatchObject({ seq: 1, decision: "allow" });
    expect(ran).toBe(false);
    expect(guard.usage().inFlight).toBe(0);
    // A denial is not held either: it comes back after the same wait, denied as decided.
    expect(await guard.authorize({ tool: "shell.exec" })).toMatchObject({ decision: "deny", rule: "not-allowed" });
    expect(await guard.refuse({ tool: "crm.get" }, { rule: "definition-changed", reason: "changed" })).toMatchObject({
      rule: "definition-changed",
    });
  });

  it("a sink stuck once does not keep the slot: once it answers again, the next call runs", async () => {
    let calls = 0;
    const lines: string[] = [];
    const guard = createGuard(READS, {
      recordTimeoutMs: 20,
      record: (line) => (++calls === 1 ? new Promise<void>(() => {}) : void lines.push(line)),
    });
    expect((await guard.run({ tool: "crm.get" }, () => "ran")).decision.rule).toBe("audit-failed");
    expect(await guard.run({ tool: "crm.get" }, () => "ran")).toMatchObject({ decision: { decision: "allow" }, result: "ran" });
    expect(guard.usage().inFlight).toBe(0);
    // The stuck record's seq is missing from what reached the sink: verify shows the gap.
    expect(verifyAuditLog(lines.join("")).problems).toEqual([
      { line: 1, message: "seq 2 follows the start of the log: 1 record is missing before it (removed or moved)" },
    ]);
  });

  it(`waits ${DEFAULT_RECORD_TIMEOUT_MS} ms (30 seconds) by default, and no timer outlives a sink that answers`, async () => {
    expect(DEFAULT_RECORD_TIMEOUT_MS).toBe(30_000);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const guard = createGuard(READS, { record: () => new Promise<void>(() => {}) });
      let settled: string | undefined;
      void guard.authorize({ tool: "crm.get" }).then((d) => (settled = d.rule));
      await vi.advanceTimersByTimeAsync(DEFAULT_RECORD_TIMEOUT_MS - 1);
      expect(settled).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      expect(settled).toBe("audit-failed");
      const healthy = createGuard(READS, { record: async () => {} });
      expect((await healthy.authorize({ tool: "crm.get" })).decision).toBe("allow");
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses a recordTimeoutMs that is not a whole number of ms setTimeout can wait", () => {
    for (const recordTimeoutMs of [0, -1, 1.5, NaN, Infinity, 2 ** 31, "100" as never]) {
      expect(() => createGuard(READS, { recordTimeoutMs })).toThrow(/^recordTimeoutMs must be a whole number of ms from 1 to 2147483647/);
    }
  });
});

function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let i = 1; i < levels; i++) value = { next: value };
  return value;
}

/** Arguments a record cannot hold: JSON's 1e309 (Infinity), a bigint, a function, a cycle, nesting past the stack (a getter is no plain data: see below). */
function unencodableArgs(): [string, () => Record<string, unknown>][] {
  const cycle: Record<string, unknown> = { a: 1 };
  cycle.self = cycle;
  let deep: Record<string, unknown> = { leaf: 1 };
  for (let i = 0; i < 200_000; i++) deep = { next: deep };
  return [
    ["Infinity from 1e309", () => JSON.parse('{"amount":1e309}')],
    ["-Infinity", () => ({ amount: -Infinity })],
    ["NaN", () => ({ amount: NaN })],
    ["a bigint", () => ({ id: 10n })],
    ["a function", () => ({ callback: () => 1 })],
    ["a cycle", () => cycle],
    ["200,000 levels of nesting (deeper than the stack)", () => deep],
    ["256 levels of nesting (deeper than audit verify checks)", () => nested(256)],
  ];
}

describe("arguments no record can hold", () => {
  const full = makePolicy({ ...READS, audit: { record_arguments: "full" } });
  const digest = makePolicy({ ...READS, audit: { record_arguments: "digest" } });

  for (const [policyName, policy] of [
    ["record_arguments: full", full],
    ["record_arguments: digest", digest],
  ] as const) {
    it.each(unencodableArgs())(`${policyName}, %s: a recorded denial, no slot held`, async (_name, args) => {
      const lines: string[] = [];
      const guard = createGuard(policy, { record: (line) => void lines.push(line) });
      const { decision } = await guard.run({ tool: "crm.get", args: args() }, () => "ran");
      expect(decision).toMatchObject({ decision: "deny", rule: "audit-failed" });
      expect(decision.reason).toMatch(
        /^"crm\.get": the call's args (cannot be encoded as JSON \(.+\)|nest deeper than 255 levels, more than a decision record holds), so its decision record cannot be written: it is denied$/,
      );
      expect(decision.record).toMatchObject({ seq: 1, argsDigest: null, decision: "deny", rule: "audit-failed" });
      expect(decision.record).not.toHaveProperty("args");
      expect(guard.usage().inFlight).toBe(0);
      expect(verifyAuditLog(lines.join(""))).toEqual({ ok: true, records: 1, problems: [] });
      // The guard goes on: the next call with plain args runs.
      expect((await guard.run({ tool: "crm.get", args: { id: 1 } }, () => "ran")).result).toBe("ran");
    });
  }

  it("records args nested 255 levels, the most a record checked by audit verify holds", async () => {
    const lines: string[] = [];
    const guard = createGuard(full, { record: (line) => void lines.push(line) });
    expect((await guard.authorize({ tool: "crm.get", args: nested(255) })).decision).toBe("allow");
    expect(verifyAuditLog(lines.join(""))).toEqual({ ok: true, records: 1, problems: [] });
  });

  it.each(unencodableArgs())(
    "without records too, %s: denied (malformed-call), since no one reading of the args can be decided and handed to the tool",
    async (_name, args) => {
      const guard = createGuard(READS);
      const decision = await guard.authorize({ tool: "crm.get", args: args() });
      expect(decision).toMatchObject({ decision: "deny", rule: "malformed-call" });
      expect(decision.reason).toMatch(/^"crm\.get": the call's args (cannot be encoded as JSON|nest deeper than 255 levels)/);
      expect(decision.reason).toMatch(/so no one reading of it can be decided and given to the tool: it is denied$/);
    },
  );

  it("records in full exactly what was hashed: the line's args are the hashed args", async () => {
    const lines: string[] = [];
    const guard = createGuard(full, { record: (line) => void lines.push(line) });
    const args = {
      when: "1970-01-01T00:00:00.000Z",
      amount: 1e21,
      note: "a\u2028b",
      nested: Object.assign(Object.create(null), { x: [1, { y: null }] }),
    };
    const { record } = await guard.authorize({ tool: "crm.get", args });
    expect(record!.args).toEqual(JSON.parse(JSON.stringify(args)));
    expect(JSON.parse(lines[0]!).args).toEqual(record!.args);
    expect(verifyAuditLog(lines.join(""))).toEqual({ ok: true, records: 1, problems: [] });
  });
});

describe("concurrency slots on every path", () => {
  /** Each path a run() can take, with what the guard and the call need to take it. */
  const refundPolicy = makePolicy({
    ...SUPPORT_POLICY,
    budgets: { max_concurrency: 1 },
    audit: { record_arguments: "full" },
  });
  type Path = { name: string; options?: GuardOptions; call: object; execute?: () => unknown; expect: string };
  const paths: Path[] = [
    { name: "allowed, execute resolves", call: { tool: "crm.get" }, expect: "allow" },
    {
      name: "allowed, execute throws",
      call: { tool: "crm.get" },
      execute: () => {
        throw new Error("tool failed");
      },
      expect: "throws",
    },
    {
      name: "allowed, execute rejects",
      call: { tool: "crm.get" },
      execute: () => Promise.reject(new Error("tool failed")),
      expect: "throws",
    },
    { name: "deny pattern", call: { tool: "email.send" }, expect: "deny-pattern" },
    { name: "not allowed", call: { tool: "shell.exec" }, expect: "not-allowed" },
    { name: "hard limit", call: { tool: "billing.refund", args: { amount: 900 } }, expect: "hard-limit" },
    { name: "malformed call", call: { tool: "" }, expect: "malformed-call" },
    { name: "malformed cost", call: { tool: "crm.get", costUsd: -1 }, expect: "malformed-call" },
    { name: "no approver", call: { tool: "billing.refund", args: { amount: 150 } }, expect: "approval" },
    {
      name: "approval rejected",
      options: { approve: () => ({ approved: false }) },
      call: { tool: "billing.refund", args: { amount: 150 } },
      expect: "approval",
    },
    {
      name: "approver throws",
      options: {
        approve: () => {
          throw new Error("no");
        },
      },
      call: { tool: "billing.refund", args: { amount: 150 } },
      expect: "approval",
    },
    {
      name: "approval times out",
      options: { approve: () => new Promise(() => {}), approvalTimeoutMs: 10 },
      call: { tool: "billing.refund", args: { amount: 150 } },
      expect: "approval-timeout",
    },
    {
      name: "approved, then the record fails",
      options: {
        approve: () => ({ approved: true }),
        record: () => Promise.reject(new Error("disk full")),
      },
      call: { tool: "billing.refund", args: { amount: 150 } },
      expect: "audit-failed",
    },
    {
      name: "allowed, then the record fails",
      options: { record: () => Promise.reject(new Error("x")) },
      call: { tool: "crm.get" },
      expect: "audit-failed",
    },
    {
      name: "allowed, then the record never finishes",
      options: { record: () => new Promise<void>(() => {}), recordTimeoutMs: 10 },
      call: { tool: "crm.get" },
      expect: "audit-failed",
    },
    { name: "args no record can hold", call: { tool: "crm.get", args: { n: 1n } }, expect: "audit-failed" },
    { name: "a clock that gives NaN", options: { now: () => NaN }, call: { tool: "crm.get" }, expect: "clock-failed" },
    {
      name: "a call whose getter throws",
      call: Object.defineProperty({}, "tool", {
        get() {
          throw new Error("boom");
        },
      }),
      expect: "malformed-call",
    },
  ];

  it.each(paths.map((p) => [p.name, p] as const))("%s: the slot is free afterwards", async (_name, p) => {
    const lines: string[] = [];
    const guard = createGuard(refundPolicy, { record: (line) => void lines.push(line), ...p.options });
    const outcome = await guard.run(p.call as never, p.execute ?? (() => "ran")).then(
      ({ decision }) => (decision.decision === "allow" ? "allow" : decision.rule),
      () => "throws",
    );
    expect(outcome).toBe(p.expect);
    expect(guard.usage().inFlight).toBe(0);
    // Still usable (unless its clock or sink fails every call): the one slot is free for the next call.
    if (p.options?.now === undefined && p.options?.record === undefined) {
      expect((await guard.run({ tool: "crm.get" }, () => "ran")).result).toBe("ran");
      expect(guard.usage().inFlight).toBe(0);
    }
  });

  // Each case waits on real timers (~15 ms): the long pass runs 2,000 cases, not FUZZ_RUNS.
  const slotRuns = Math.min(fuzzRuns(60), 2000);
  it(
    "property: after any mix of paths run at once, no slot is held, and never more than max_concurrency run",
    async () => {
      const runs = slotRuns;
      await fc.assert(
        fc.asyncProperty(fc.array(fc.constantFrom(...paths), { minLength: 1, maxLength: 12 }), async (chosen) => {
          let running = 0;
          let most = 0;
          const guard = createGuard(refundPolicy, {
            approve: async () => (await later(1), { approved: true }),
            approvalTimeoutMs: 50,
            record: async () => {
              await later(0);
            },
          });
          await Promise.allSettled(
            chosen.map((p) =>
              guard.run(p.call as never, async () => {
                running++;
                most = Math.max(most, running);
                await later(1);
                running--;
                return p.execute?.();
              }),
            ),
          );
          expect(most).toBeLessThanOrEqual(1);
          expect(guard.usage().inFlight).toBe(0);
        }),
        { numRuns: runs, seed: 12 },
      );
    },
    fuzzTimeout(slotRuns, 50),
  );
});

describe("a clock that gives no time", () => {
  const clocks: [string, () => number][] = [
    ["NaN", () => NaN],
    ["Infinity", () => Infinity],
    ["-Infinity", () => -Infinity],
    ["a number beyond any date", () => 1e300],
    ["a string", () => "10:00" as never],
    [
      "a throw",
      () => {
        throw new Error("no time source");
      },
    ],
  ];

  it.each(clocks)("%s: every call is denied (clock-failed) and recorded with the system's time", async (_name, now) => {
    const lines: string[] = [];
    const guard = createGuard(makePolicy({ ...READS, budgets: { rate_per_minute: 5 } }), { now, record: (line) => void lines.push(line) });
    const decision = await guard.authorize({ tool: "crm.get" });
    expect(decision).toMatchObject({ decision: "deny", rule: "clock-failed" });
    expect(decision.reason).toMatch(/^"crm\.get" is denied: the guard's clock \(options\.now\) (gave|failed)/);
    const record = JSON.parse(lines[0]!) as DecisionRecord;
    expect(Number.isFinite(Date.parse(record.time))).toBe(true);
    expect(() => guard.usage()).not.toThrow();
  });

  it("a clock that fails once cannot switch the rate limit off", async () => {
    let now: number = Date.parse("2026-06-24T10:00:00Z");
    const guard = createGuard(makePolicy({ ...READS, budgets: { rate_per_minute: 1 } }), { now: () => now });
    expect((await guard.authorize({ tool: "crm.get" })).decision).toBe("allow");
    const saved = now;
    now = Infinity;
    expect((await guard.authorize({ tool: "crm.get" })).rule).toBe("clock-failed");
    expect(guard.usage().callsLastMinute).toBe(1);
    now = saved + 1000;
    expect((await guard.authorize({ tool: "crm.get" })).rule).toBe("budget");
  });

  it("a clock that fails after the approver answered denies the approved call", async () => {
    let calls = 0;
    const guard = createGuard(SUPPORT_POLICY, {
      now: () => (++calls > 1 ? NaN : Date.now()),
      approve: () => ({ approved: true, reviewer: "alice" }),
    });
    expect(await guard.authorize({ tool: "billing.refund", args: { amount: 150 } })).toMatchObject({
      decision: "deny",
      rule: "clock-failed",
      reviewer: "alice",
    });
  });
});

describe("approvals that never come or cannot be read", () => {
  const refund = { tool: "billing.refund", args: { amount: 150 } };

  it("an approver that never answers is denied after approvalTimeoutMs, with its own rule, and told to stop", async () => {
    const lines: string[] = [];
    let signal: AbortSignal | undefined;
    const guard = createGuard(SUPPORT_POLICY, {
      approvalTimeoutMs: 20,
      approve: (request) => {
        signal = request.signal;
        return new Promise(() => {});
      },
      record: (line) => void lines.push(line),
    });
    const decision = await guard.authorize(refund);
    expect(decision).toMatchObject({
      decision: "deny",
      rule: "approval-timeout",
      reason:
        '"billing.refund" requires approval when amount > 100; the approver did not answer within 20 ms (approvalTimeoutMs), so it is denied',
      channel: "slack:#support-escalations",
    });
    expect(signal?.aborted).toBe(true);
    expect(JSON.parse(lines[0]!)).toMatchObject({ rule: "approval-timeout", decision: "deny" });
  });

  it(`waits ${DEFAULT_APPROVAL_TIMEOUT_MS} ms (10 minutes) by default`, async () => {
    expect(DEFAULT_APPROVAL_TIMEOUT_MS).toBe(600_000);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const guard = createGuard(SUPPORT_POLICY, { approve: () => new Promise(() => {}) });
      let settled: string | undefined;
      void guard.authorize(refund).then((d) => (settled = d.rule));
      await vi.advanceTimersByTimeAsync(DEFAULT_APPROVAL_TIMEOUT_MS - 1);
      expect(settled).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      expect(settled).toBe("approval-timeout");
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses a timeout that is not a whole number of ms setTimeout can wait", () => {
    for (const approvalTimeoutMs of [0, -1, 1.5, NaN, Infinity, 2 ** 31, "100" as never]) {
      expect(() => createGuard(SUPPORT_POLICY, { approvalTimeoutMs })).toThrow(
        /^approvalTimeoutMs must be a whole number of ms from 1 to 2147483647/,
      );
    }
  });

  const unreadable: [string, () => unknown][] = [
    [
      "a getter on approved that throws",
      () =>
        Object.defineProperty({}, "approved", {
          get() {
            throw new Error("getter exploded");
          },
        }),
    ],
    [
      "a proxy that throws on every read of a field",
      () =>
        new Proxy(
          {},
          {
            get(_target, key) {
              if (key === "then") return undefined;
              throw new Error("proxy exploded");
            },
          },
        ),
    ],
  ];

  it.each(unreadable)("an answer with %s is denied, with a record", async (_name, answer) => {
    const lines: string[] = [];
    const guard = createGuard(SUPPORT_POLICY, { approve: answer as never, record: (line) => void lines.push(line) });
    const decision = await guard.authorize(refund);
    expect(decision).toMatchObject({ decision: "deny", rule: "approval" });
    expect(decision.reason).toMatch(/; the approver's answer could not be read \((getter|proxy) exploded\), so it is denied$/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ decision: "deny", rule: "approval" });
  });

  it("an answer whose then throws is a failed approver, denied with a record", async () => {
    const lines: string[] = [];
    const answer = Object.defineProperty({}, "then", {
      get() {
        throw new Error("then exploded");
      },
    });
    const guard = createGuard(SUPPORT_POLICY, { approve: () => answer as never, record: (line) => void lines.push(line) });
    expect((await guard.authorize(refund)).reason).toBe(
      '"billing.refund" requires approval when amount > 100; asking for approval failed (then exploded), so it is denied',
    );
    expect(lines).toHaveLength(1);
  });

  it("an approved answer whose getter would say true only once is read once", async () => {
    let reads = 0;
    const answer = {
      get approved() {
        return ++reads === 1;
      },
    };
    const guard = createGuard(SUPPORT_POLICY, { approve: () => answer as never });
    expect((await guard.authorize(refund)).decision).toBe("allow");
    expect(reads).toBe(1);
  });

  it("an escalation callback that never finishes cannot hold the call: the denial comes after the timeout", async () => {
    const guard = createGuard(SUPPORT_POLICY, { escalateAfterDenials: 1, approvalTimeoutMs: 20, onEscalate: () => new Promise(() => {}) });
    const decision = await guard.authorize({ tool: "email.send" });
    expect(decision.rule).toBe("escalation");
    expect(decision.reason.endsWith("(the escalation callback did not finish within 20 ms)")).toBe(true);
  });

  it("an async cost alert that rejects crashes nothing", async () => {
    const guard = createGuard(makePolicy({ ...READS, budgets: { alert_usd: 0.01 } }), {
      onCostAlert: (async () => Promise.reject(new Error("pager down"))) as never,
    });
    expect((await guard.authorize({ tool: "crm.get", costUsd: 0.02 })).decision).toBe("allow");
  });
});

describe("signed policies in the guard", () => {
  const pem = (key: { export(o: object): string | Buffer }, type: "pkcs8" | "spki") => String(key.export({ type, format: "pem" }));
  const pair = () => {
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    return { privatePem: pem(privateKey, "pkcs8"), publicPem: pem(publicKey, "spki") };
  };
  const trusted = pair();
  const other = pair();

  function signedCopy(signer = trusted.privatePem) {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "agentspec-guard-sig-")), "order-support.policy.json");
    copyFileSync("generated/specs/order-support.policy.json", file);
    const policy = JSON.parse(readFileSync(file, "utf8")) as Policy;
    writeFileSync(`${file}.sig`, JSON.stringify(signPolicyHash(policy.hash, signer)));
    return { file, policy };
  }

  it("enforces a policy signed by the trusted key", async () => {
    const { file } = signedCopy();
    const guard = createGuard(file, { publicKey: trusted.publicPem });
    expect(guard.loadError).toBeUndefined();
    expect((await guard.authorize({ tool: "read_order_status" })).decision).toBe("allow");
  });

  it("refuses, as loadPolicy does, and denies everything: unsigned, another key's, a tampered policy", async () => {
    const unsigned = signedCopy();
    rmSync(`${unsigned.file}.sig`);
    const rekeyed = signedCopy(other.privatePem);
    const tampered = signedCopy();
    const edited = { ...tampered.policy, deny: [] };
    // Edited and re-hashed, as an attacker who cannot sign would do: the signature is for the old hash.
    writeFileSync(tampered.file, JSON.stringify({ ...edited, hash: policyHash(edited) }));
    const cases: [string, string][] = [
      [unsigned.file, "it is not signed"],
      [rekeyed.file, "the signature was made with key"],
      [tampered.file, "the signature is for policy"],
    ];
    for (const [file, why] of cases) {
      const guard = createGuard(file, { publicKey: trusted.publicPem });
      expect(guard.loadError).toMatchObject({ code: "BAD_POLICY" });
      expect(guard.loadError!.message).toContain(why);
      expect((await guard.authorize({ tool: "read_order_status" })).decision).toBe("deny");
    }
  });

  it("a policy given as an object or a tryLoadPolicy result needs its signature option", async () => {
    const { file, policy } = signedCopy();
    const signature = readFileSync(`${file}.sig`, "utf8");
    expect(createGuard(policy, { publicKey: trusted.publicPem }).loadError?.message).toContain("it is not signed");
    expect(createGuard(tryLoadPolicy(file), { publicKey: trusted.publicPem }).loadError?.message).toContain("it is not signed");
    expect(createGuard(policy, { publicKey: trusted.publicPem, signature }).loadError).toBeUndefined();
    expect(createGuard(policy, { publicKey: other.publicPem, signature }).loadError?.message).toContain("not the trusted key");
  });
});

describe("over-long tool names in the guard", () => {
  it("are malformed without being folded, and all count as one tool toward escalation", async () => {
    const guard = createGuard(READS, { escalateAfterDenials: 2 });
    const first = await guard.authorize({ tool: "a" + "é".repeat(1_000_000) });
    expect(first).toMatchObject({ decision: "deny", rule: "malformed-call" });
    expect(first.reason.length).toBeLessThan(200);
    expect((await guard.authorize({ tool: "b" + "é".repeat(1_000_000) })).rule).toBe("escalation");
    expect(guard.usage().escalated).toEqual(["(a tool name over 256 characters)"]);
    // A name at the limit is a name like any other.
    expect((await guard.authorize({ tool: "crm.get" })).decision).toBe("allow");
  });
});

describe("one reading of the call: decide(), the record and the tool see the same args", () => {
  const limited = makePolicy({
    tools: { "billing.refund": { effect: "irreversible", limits: { amount: { max: 600 } } } },
    audit: { record_arguments: "full" },
  });

  it("copies each key as its own, whatever setters a polluted Object.prototype holds", async () => {
    let swallowed: unknown;
    Object.defineProperty(Object.prototype, "amount", {
      configurable: true,
      set(value: unknown) {
        swallowed = value;
      },
    });
    try {
      const sink: string[] = [];
      const guard = createGuard(limited, { record: (line) => void sink.push(line) });
      const decision = await guard.authorize({ tool: "billing.refund", args: { amount: 5000 } });
      expect(decision).toMatchObject({ decision: "deny", rule: "hard-limit" });
      expect(swallowed).toBeUndefined();
      expect((JSON.parse(sink[0]!) as DecisionRecord).args).toEqual({ amount: 5000 });
    } finally {
      delete (Object.prototype as Record<string, unknown>).amount;
    }
  });

  it("execute() is handed the snapshot that was decided and recorded, not the caller's object", async () => {
    for (const record of [undefined, (_line: string) => {}]) {
      const args = { amount: 50, order: { id: 7 } };
      const guard = createGuard(limited, record ? { record } : {});
      let given: unknown;
      const { decision } = await guard.run({ tool: "billing.refund", args }, (_decision, call) => (given = call.args));
      expect(decision.decision).toBe("allow");
      expect(given).toEqual(args);
      expect(given).not.toBe(args);
      if (record) expect(decision.record!.args).toEqual(args);
    }
  });

  it("the approver is shown the snapshot too, and execute() gets the context that was decided", async () => {
    const gated = makePolicy({
      tools: { deploy: { effect: "write", approval: { when: { context: "environment", eq: "production" } } } },
    });
    const context = { environment: "production" };
    let shown: unknown;
    const guard = createGuard(gated, { approve: ({ call }) => ((shown = call.context), { approved: true }) });
    let ran: unknown;
    const { decision } = await guard.run({ tool: "deploy", context }, (_d, call) => (ran = call.context));
    expect(decision).toMatchObject({ decision: "allow", rule: "approval" });
    expect(shown).toEqual({ environment: "production" });
    expect(ran).toEqual({ environment: "production" });
    expect(ran).not.toBe(context);
  });

  it("a context that cannot be read as JSON is malformed, recorded or not", async () => {
    for (const record of [undefined, (_line: string) => {}]) {
      const guard = createGuard(READS, record ? { record } : {});
      const decision = await guard.authorize({ tool: "crm.get", context: { environment: 1n } as never });
      expect(decision).toMatchObject({ decision: "deny", rule: "malformed-call" });
      expect(decision.reason).toContain("the call's context cannot be encoded as JSON");
    }
  });
});

describe("args or context that are not plain JSON data are malformed (authorize()'s caller runs the tool with its own object)", () => {
  const limited = makePolicy({
    tools: {
      "billing.refund": { effect: "irreversible", limits: { amount: { max: 10 } } },
      deploy: { effect: "write", approval: { when: { context: "environment", eq: "production" } } },
    },
  });
  class Refund {
    get amount(): number {
      return 5000;
    }
  }
  class Fields {
    amount = 5000;
  }
  class Items extends Array<unknown> {}
  const hidden = Symbol("amount");
  let getterRuns = 0;
  /** Each makes args whose amount the tool reads as 5000 while a copy of own enumerable keys shows none. */
  const cases: [string, () => unknown, string][] = [
    ["a class instance whose value is a prototype getter", () => new Refund(), "args is a Refund, not a plain object"],
    ["a class instance with own fields", () => new Fields(), "args is a Fields, not a plain object"],
    [
      "Object.create({ amount: 5000 })",
      () => Object.create({ amount: 5000 }),
      "args is an object with another prototype than Object.prototype, not a plain object",
    ],
    [
      "an own non-enumerable amount",
      () => Object.defineProperty({}, "amount", { value: 5000, enumerable: false }),
      'args has a non-enumerable key "amount"',
    ],
    [
      "an own getter (never run)",
      () => Object.defineProperty({}, "amount", { enumerable: true, get: () => (getterRuns++, 5000) }),
      'args has a getter or setter for "amount"',
    ],
    [
      "a getter that throws (never run)",
      () =>
        Object.defineProperty({}, "amount", {
          enumerable: true,
          get() {
            throw new Error("getter exploded");
          },
        }),
      'args has a getter or setter for "amount"',
    ],
    ["a symbol key", () => ({ amount: 1, [hidden]: 5000 }), "args has a symbol key"],
    ["a Proxy over a plain object", () => new Proxy({ amount: 1 }, { get: () => 5000 }), "args is a Proxy"],
    ["a nested Date", () => ({ amount: 1, order: { at: new Date(0) } }), "args.order.at is a Date, not a plain object"],
    ["a nested Map", () => ({ amount: 1, lines: [new Map([["amount", 5000]])] }), "args.lines[0] is a Map, not a plain object"],
    ["an Array subclass", () => ({ amount: 1, lines: Items.from([1]) }), "args.lines is an array of another kind than Array"],
    ["a sparse array", () => ({ amount: 1, lines: [1, , 3] }), "args.lines is an array with holes or keys beside its items"],
    [
      "an array with an extra key",
      () => ({ amount: 1, lines: Object.assign([1], { amount: 5000 }) }),
      "args.lines is an array with holes or keys beside its items",
    ],
    [
      "a getter deep in an item",
      () => ({ amount: 1, lines: [{ sku: "a" }, Object.defineProperty({}, "qty", { enumerable: true, get: () => 5 })] }),
      'args.lines[1] has a getter or setter for "qty"',
    ],
    [
      "a key that needs quoting",
      () => ({ amount: 1, "order id": Object.create({ x: 1 }) }),
      'args["order id"] is an object with another prototype',
    ],
  ];

  it.each(cases)("%s: malformed-call, recorded or not, and the tool never runs", async (_name, make, where) => {
    getterRuns = 0;
    for (const withRecord of [false, true]) {
      const lines: string[] = [];
      const guard = createGuard(limited, withRecord ? { record: (line) => void lines.push(line) } : {});
      let ran = false;
      const { decision } = await guard.run({ tool: "billing.refund", args: make() as Record<string, unknown> }, () => (ran = true));
      expect(decision).toMatchObject({ decision: "deny", rule: "malformed-call" });
      expect(decision.reason.startsWith(`"billing.refund": the call's args are not plain JSON data (${where}`)).toBe(true);
      expect(decision.reason).toMatch(
        /\), so the tool, given the caller's own object, could read values this decision never saw: it is denied$/,
      );
      expect(ran).toBe(false);
      expect(guard.usage().inFlight).toBe(0);
      if (withRecord) {
        expect(decision.record).toMatchObject({ seq: 1, argsDigest: null, decision: "deny", rule: "malformed-call" });
        expect(verifyAuditLog(lines.join(""))).toEqual({ ok: true, records: 1, problems: [] });
      }
    }
    expect(getterRuns).toBe(0);
  });

  it("the review's G2 calls (a fresh guard each): authorize() allowed them while the caller's tool read amount 5000", async () => {
    for (const args of [new Refund(), Object.create({ amount: 5000 }), Object.defineProperty({}, "amount", { value: 5000 })]) {
      expect((args as { amount: number }).amount).toBe(5000);
      expect(await createGuard(limited).authorize({ tool: "billing.refund", args })).toMatchObject({
        decision: "deny",
        rule: "malformed-call",
      });
    }
    // The plain object the tool would read the same from is decided on its value.
    expect(await createGuard(limited).authorize({ tool: "billing.refund", args: { amount: 5000 } })).toMatchObject({ rule: "hard-limit" });
    expect(await createGuard(limited).authorize({ tool: "billing.refund", args: { amount: 5 } })).toMatchObject({ decision: "allow" });
  });

  it("a context that is not plain data is malformed too", async () => {
    const guard = createGuard(limited, { approve: () => ({ approved: true }) });
    const context = Object.create({ environment: "production" }) as { environment?: string };
    expect(context.environment).toBe("production");
    const decision = await guard.authorize({ tool: "deploy", context: context as never });
    expect(decision).toMatchObject({ decision: "deny", rule: "malformed-call" });
    expect(decision.reason).toContain("the call's context is not plain JSON data (context is an object with another prototype");
  });

  it("plain data of every JSON shape passes: null-prototype objects, frozen objects, nested arrays, JSON.parse output", async () => {
    const guard = createGuard(limited);
    for (const args of [
      Object.assign(Object.create(null), { amount: 5 }),
      Object.freeze({ amount: 5, lines: Object.freeze([1, [2, { a: null }]]) }),
      JSON.parse('{"amount":5,"order":{"lines":[{"sku":"a","qty":2}],"note":"\\u00e9"}}'),
      { amount: 5, nothing: undefined },
    ])
      expect(await guard.authorize({ tool: "billing.refund", args })).toMatchObject({ decision: "allow" });
  });

  it("an own __proto__ key (as JSON.parse makes it) stays an own key of the snapshot, so decide() still refuses it", async () => {
    const decision = await createGuard(limited).authorize({ tool: "billing.refund", args: JSON.parse('{"__proto__":{"amount":5000}}') });
    expect(decision).toMatchObject({ decision: "deny", rule: "malformed-call" });
    expect(decision.reason).toContain('"__proto__" key (args.__proto__)');
  });

  it("refuse() records such a call as malformed-call, whatever the refusal says", async () => {
    const guard = createGuard(limited);
    expect(
      await guard.refuse({ tool: "billing.refund", args: new Refund() as never }, { rule: "definition-changed", reason: "changed" }),
    ).toMatchObject({
      decision: "deny",
      rule: "malformed-call",
    });
  });

  it("counts toward escalation like any denial", async () => {
    const guard = createGuard(makePolicy({ ...limited, handoff: { escalate_after_denials: 2 } }));
    for (let i = 0; i < 2; i++) await guard.authorize({ tool: "billing.refund", args: new Refund() as never });
    expect((await guard.authorize({ tool: "billing.refund", args: { amount: 5 } })).rule).toBe("escalation");
  });
});
