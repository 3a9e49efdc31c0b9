import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Policy } from "../../generated/policy.js";
import { canonicalize, sha256Hex } from "../../src/policy/canonical.js";
import { AgentspecError } from "../../src/errors.js";
import { verifyAuditLog } from "../../src/runtime/audit-verify.js";
import { GENESIS_HASH, recordHash, type DecisionRecord } from "../../src/runtime/decision-record.js";
import { createGuard, type ApprovalRequest, type EscalationEvent, type GuardOptions } from "../../src/runtime/guard.js";
import { makePolicy, SUPPORT_POLICY } from "../helpers/policy.js";

/** A clock the test moves by hand. */
function fakeClock(start = Date.parse("2026-06-24T10:00:00.000Z")) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function withBudgets(budgets: Policy["budgets"], extra: Partial<Policy> = {}): Policy {
  return makePolicy({ tools: { "crm.get": { effect: "read" } }, budgets, ...extra });
}

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("budgets", () => {
  it("denies tool calls past max_tool_calls; denied calls do not count", async () => {
    const guard = createGuard(withBudgets({ max_tool_calls: 2 }));
    expect((await guard.authorize({ tool: "crm.get" })).decision).toBe("allow");
    expect((await guard.authorize({ tool: "shell.exec" })).decision).toBe("deny");
    expect((await guard.authorize({ tool: "crm.get" })).decision).toBe("allow");
    expect(await guard.authorize({ tool: "crm.get" })).toEqual({
      decision: "deny",
      rule: "budget",
      reason: '"crm.get" is denied: the run has made 2 tool calls, all that max_tool_calls 2 allows',
      policyHash: expect.stringMatching(/^sha256:/),
      entries: ["/budgets"],
    });
    expect(guard.usage().toolCalls).toBe(2);
  });

  it("denies calls in a turn past max_turns", async () => {
    const guard = createGuard(withBudgets({ max_turns: 2 }));
    expect((await guard.authorize({ tool: "crm.get" })).decision).toBe("allow");
    expect(guard.nextTurn()).toBe(2);
    expect((await guard.authorize({ tool: "crm.get" })).decision).toBe("allow");
    expect(guard.nextTurn()).toBe(3);
    const denied = await guard.authorize({ tool: "crm.get" });
    expect([denied.rule, denied.reason]).toEqual(["budget", '"crm.get" is denied: turn 3 is past max_turns 2']);
  });

  it("counts cost from calls and recordCost against max_usd_per_loop, and alerts once at alert_usd", async () => {
    const alerts: unknown[] = [];
    const guard = createGuard(withBudgets({ max_usd_per_loop: 0.3, alert_usd: 0.2 }), { onCostAlert: (e) => alerts.push(e) });
    expect((await guard.authorize({ tool: "crm.get", costUsd: 0.1 })).decision).toBe("allow");
    expect(alerts).toEqual([]);
    expect((await guard.authorize({ tool: "crm.get", costUsd: 0.1 })).decision).toBe("allow");
    expect(alerts).toEqual([{ spentUsd: 0.2, alertUsd: 0.2 }]);
    expect((await guard.authorize({ tool: "crm.get", costUsd: 0.2 })).reason).toBe(
      '"crm.get" is denied: the call\'s cost $0.2 would take the run to $0.4, above max_usd_per_loop $0.3',
    );
    guard.recordCost(0.1); // 0.1 + 0.1 + 0.1 is 0.30000000000000004: still exactly the ceiling
    expect((await guard.authorize({ tool: "crm.get" })).reason).toBe(
      '"crm.get" is denied: the run has spent $0.3, all of max_usd_per_loop $0.3',
    );
    expect(alerts).toHaveLength(1);
  });

  it("denies a malformed cost, and recordCost refuses one", async () => {
    const guard = createGuard(withBudgets({ max_usd_per_loop: 1 }));
    expect(await guard.authorize({ tool: "crm.get", costUsd: -1 })).toMatchObject({
      decision: "deny",
      rule: "malformed-call",
      reason: "The call's costUsd must be a number of US dollars, 0 or more",
    });
    expect(() => guard.recordCost(Number.NaN)).toThrow(
      new AgentspecError("BAD_ARGUMENT", "recordCost takes a cost in US dollars of 0 or more, not NaN"),
    );
  });

  it("limits calls per minute over a sliding window on the injected clock", async () => {
    const clock = fakeClock();
    const guard = createGuard(withBudgets({ rate_per_minute: 2 }), { now: clock.now });
    expect((await guard.authorize({ tool: "crm.get" })).decision).toBe("allow");
    clock.advance(10_000);
    expect((await guard.authorize({ tool: "crm.get" })).decision).toBe("allow");
    clock.advance(10_000);
    expect((await guard.authorize({ tool: "crm.get" })).reason).toBe(
      '"crm.get" is denied: 2 tool calls in the last minute reach rate_per_minute 2',
    );
    clock.advance(40_000); // the first call is now a minute old
    expect((await guard.authorize({ tool: "crm.get" })).decision).toBe("allow");
    expect(guard.usage().callsLastMinute).toBe(2);
  });

  it("holds calls run through run() to max_concurrency", async () => {
    const guard = createGuard(withBudgets({ max_concurrency: 1 }));
    const gate = deferred<string>();
    const first = guard.run({ tool: "crm.get" }, () => gate.promise);
    await Promise.resolve();
    const second = await guard.run({ tool: "crm.get" }, () => "never");
    expect(second).toEqual({
      decision: expect.objectContaining({ rule: "budget", reason: '"crm.get" is denied: 1 call in flight reach max_concurrency 1' }),
    });
    expect(guard.usage().inFlight).toBe(1);
    gate.resolve("done");
    expect((await first).result).toBe("done");
    expect(guard.usage().inFlight).toBe(0);
    expect(await guard.run({ tool: "crm.get" }, () => 42)).toMatchObject({ decision: { decision: "allow" }, result: 42 });
  });

  it("gives execute the decision that allowed the call, before it runs", async () => {
    const guard = createGuard(withBudgets({}));
    let seen: unknown;
    const { decision } = await guard.run({ tool: "crm.get" }, (allowed) => (seen = allowed));
    expect(seen).toEqual(decision);
    expect(seen).toMatchObject({ decision: "allow", rule: "allowed", reason: '"crm.get" is allowed' });
  });

  it("releases the concurrency slot when execute throws", async () => {
    const guard = createGuard(withBudgets({ max_concurrency: 1 }));
    await expect(guard.run({ tool: "crm.get" }, () => Promise.reject(new Error("tool failed")))).rejects.toThrow("tool failed");
    expect(guard.usage().inFlight).toBe(0);
  });
});

describe("approvals", () => {
  const refund = { tool: "billing.refund", args: { amount: 150 }, context: { actor: "u-1" } };

  it("asks the approver and allows when approved, with the reviewer", async () => {
    const asked: ApprovalRequest[] = [];
    const lines: string[] = [];
    const guard = createGuard(SUPPORT_POLICY, {
      approve: (request) => {
        asked.push(request);
        return { approved: true, reviewer: "alice", reason: "customer verified" };
      },
      record: (line) => void lines.push(line),
    });
    const decision = await guard.authorize(refund);
    expect(asked).toEqual([
      {
        call: refund,
        decision: {
          decision: "require_approval",
          rule: "approval",
          reason: '"billing.refund" requires approval when amount > 100',
          policyHash: SUPPORT_POLICY.hash,
          channel: "slack:#support-escalations",
          entries: ["/tools/billing.refund/approval"],
        },
        signal: expect.any(AbortSignal),
      },
    ]);
    expect(decision).toMatchObject({
      decision: "allow",
      rule: "approval",
      reason: '"billing.refund" was approved by alice: customer verified',
      reviewer: "alice",
      channel: "slack:#support-escalations",
    });
    expect(JSON.parse(lines[0]!)).toMatchObject({ decision: "allow", rule: "approval", reviewer: "alice", actor: "u-1" });
    expect(guard.usage().toolCalls).toBe(1);
  });

  it("denies when rejected, recording the reviewer", async () => {
    const lines: string[] = [];
    const guard = createGuard(SUPPORT_POLICY, {
      approve: async () => ({ approved: false, reviewer: "bob", reason: "too large" }),
      record: (l) => void lines.push(l),
    });
    expect(await guard.authorize(refund)).toMatchObject({
      decision: "deny",
      rule: "approval",
      reason: '"billing.refund" was rejected by bob: too large',
      reviewer: "bob",
    });
    expect(JSON.parse(lines[0]!)).toMatchObject({ decision: "deny", reviewer: "bob" });
    expect(guard.usage().toolCalls).toBe(0);
  });

  it("only approved: true approves", async () => {
    const guard = createGuard(SUPPORT_POLICY, { approve: () => ({ approved: "yes" }) as never });
    expect((await guard.authorize(refund)).reason).toBe('"billing.refund" was rejected');
  });

  it("denies without an approver (authorize never returns require_approval)", async () => {
    const guard = createGuard(SUPPORT_POLICY);
    expect(await guard.authorize(refund)).toMatchObject({
      decision: "deny",
      rule: "approval",
      reason: '"billing.refund" requires approval when amount > 100; no approver is configured, so it is denied',
    });
  });

  it("denies when the approver fails", async () => {
    const guard = createGuard(SUPPORT_POLICY, { approve: () => Promise.reject(new Error("timed out")) });
    expect((await guard.authorize(refund)).reason).toBe(
      '"billing.refund" requires approval when amount > 100; asking for approval failed (timed out), so it is denied',
    );
  });

  it("does not ask for a call that is already over budget", async () => {
    let asked = 0;
    const policy = makePolicy({ ...SUPPORT_POLICY, budgets: { max_tool_calls: 0 } });
    const guard = createGuard(policy, { approve: () => (asked++, { approved: true }) });
    expect((await guard.authorize(refund)).rule).toBe("budget");
    expect(asked).toBe(0);
  });

  it("checks budgets again after approval: two approvals racing for the last call", async () => {
    const policy = makePolicy({ ...SUPPORT_POLICY, budgets: { max_tool_calls: 1 } });
    const gate = deferred();
    const guard = createGuard(policy, { approve: async () => (await gate.promise, { approved: true, reviewer: "alice" }) });
    const both = Promise.all([guard.authorize(refund), guard.authorize(refund)]);
    gate.resolve();
    const [first, second] = await both;
    expect(first.decision).toBe("allow");
    expect(second).toMatchObject({
      decision: "deny",
      rule: "budget",
      reason: '"billing.refund" was approved by alice but is denied: the run has made 1 tool call, all that max_tool_calls 1 allows',
    });
  });
});

describe("refuse(): denials decided before the policy", () => {
  it("records the refusal, counts it toward escalation, and keeps the chain", async () => {
    const lines: string[] = [];
    const policy = makePolicy({ ...SUPPORT_POLICY, handoff: { escalate_after_denials: 2 } });
    const guard = createGuard(policy, { record: (line) => void lines.push(line) });
    const first = await guard.refuse(
      { tool: "read_order_status", args: { id: 1 } },
      { rule: "definition-changed", reason: "its description differs from the lock" },
    );
    expect(first).toMatchObject({
      decision: "deny",
      rule: "definition-changed",
      reason: "its description differs from the lock",
      entries: [],
    });
    const second = await guard.refuse({ tool: "read_order_status" }, { rule: "definition-changed", reason: "still changed" });
    expect(second.rule).toBe("escalation");
    // Escalated: the policy would allow it, but the run no longer does.
    expect((await guard.authorize({ tool: "read_order_status" })).rule).toBe("escalation");
    expect(lines.map((l) => JSON.parse(l).rule)).toEqual(["definition-changed", "escalation", "escalation"]);
    expect(verifyAuditLog(lines.join(""))).toMatchObject({ ok: true, records: 3 });
  });

  it("records a call it cannot read as malformed", async () => {
    const lines: string[] = [];
    const guard = createGuard(SUPPORT_POLICY, { record: (line) => void lines.push(line) });
    const refused = await guard.refuse(null as never, { rule: "definition-changed", reason: "x" });
    expect(refused).toMatchObject({ decision: "deny", rule: "malformed-call" });
    expect(JSON.parse(lines[0]!)).toMatchObject({ tool: null, decision: "deny", rule: "malformed-call" });
  });
});

describe("escalation", () => {
  const policy = makePolicy({
    ...SUPPORT_POLICY,
    handoff: { destination: "support_agent", message: "Needs a human", escalate_after_denials: 2 },
  });

  it("escalates after N denied attempts at one tool, then denies that tool for the run", async () => {
    const events: EscalationEvent[] = [];
    const guard = createGuard(policy, { onEscalate: (e) => void events.push(e) });
    expect((await guard.authorize({ tool: "email.send" })).rule).toBe("deny-pattern");
    expect(events).toEqual([]);
    const second = await guard.authorize({ tool: "email.send" });
    expect(second).toEqual({
      decision: "deny",
      rule: "escalation",
      reason:
        '"email.send" is denied by the policy; escalated to support_agent after 2 denied attempts at "email.send": further calls to it are denied for this run',
      policyHash: policy.hash,
      entries: ["/deny/0"],
    });
    expect(events).toEqual([
      {
        tool: "email.send",
        denials: 2,
        call: { tool: "email.send" },
        decision: second,
        destination: "support_agent",
        message: "Needs a human",
      },
    ]);
    expect((await guard.authorize({ tool: "email.send" })).reason).toBe(
      '"email.send" was escalated after 2 denied attempts: further calls to it are denied for this run',
    );
    expect(events).toHaveLength(1);
    expect((await guard.authorize({ tool: "crm.get" })).decision).toBe("allow");
    expect(guard.usage()).toMatchObject({ denials: { "email.send": 2 }, escalated: ["email.send"] });
  });

  it("counts every spelling of one tool as that tool: case, fullwidth, invisible characters, whitespace", async () => {
    const events: EscalationEvent[] = [];
    const guard = createGuard(policy, { escalateAfterDenials: 4, onEscalate: (e) => void events.push(e) });
    for (const tool of ["email.send", "EMAIL.SEND", "email.\uff53\uff45\uff4e\uff44"])
      expect((await guard.authorize({ tool })).decision).toBe("deny");
    expect(guard.usage().denials).toEqual({ "email.send": 3 });
    const fourth = await guard.authorize({ tool: " email.se\u00adnd\u200b" });
    expect(fourth.rule).toBe("escalation");
    expect(events.map((e) => [e.tool, e.denials, e.call.tool])).toEqual([["email.send", 4, " email.se\u00adnd\u200b"]]);
    expect(guard.usage()).toMatchObject({ denials: { "email.send": 4 }, escalated: ["email.send"] });
    expect((await guard.authorize({ tool: "Email.Send" })).reason).toBe(
      '"Email.Send" reads as "email.send", which was escalated after 4 denied attempts: further calls to it are denied for this run',
    );
  });

  it("denies an escalated tool even for a call the policy would allow", async () => {
    const guard = createGuard(policy);
    await guard.authorize({ tool: "billing.refund", args: { amount: 900 } });
    await guard.authorize({ tool: "billing.refund", args: { amount: 901 } });
    expect(await guard.authorize({ tool: "billing.refund", args: { amount: 5 } })).toMatchObject({ decision: "deny", rule: "escalation" });
  });

  it("takes N from the option, else the policy, else 3", async () => {
    const attempts = async (guard: ReturnType<typeof createGuard>) => {
      for (let i = 1; i <= 5; i++) if ((await guard.authorize({ tool: "email.send" })).rule === "escalation") return i;
      return 0;
    };
    expect(await attempts(createGuard(policy, { escalateAfterDenials: 4 }))).toBe(4);
    expect(await attempts(createGuard(policy))).toBe(2);
    expect(await attempts(createGuard(SUPPORT_POLICY))).toBe(3);
    expect(() => createGuard(SUPPORT_POLICY, { escalateAfterDenials: 0 })).toThrow(
      "escalateAfterDenials must be a whole number of at least 1, not 0",
    );
  });

  it("keeps the decision a deny when the escalation callback fails", async () => {
    const guard = createGuard(policy, { onEscalate: () => Promise.reject(new Error("pager down")) });
    await guard.authorize({ tool: "email.send" });
    const decision = await guard.authorize({ tool: "email.send" });
    expect(decision.decision).toBe("deny");
    expect(decision.reason.endsWith("(the escalation callback failed: pager down)")).toBe(true);
  });
});

describe("decision records", () => {
  function recording(policy: Policy, extra: GuardOptions = {}) {
    const lines: string[] = [];
    const clock = fakeClock();
    const guard = createGuard(policy, { record: (line) => void lines.push(line), now: clock.now, ...extra });
    return { guard, lines, clock, records: () => lines.map((l) => JSON.parse(l) as DecisionRecord) };
  }

  it("writes one hash-chained JSON line per call with a digest of the args", async () => {
    const { guard, lines, clock, records } = recording(SUPPORT_POLICY);
    const args = { order_id: "1001", note: "secret" };
    await guard.authorize({ tool: "read_order_status", args, context: { actor: "u-7", tenant: "acme", environment: "production" } });
    clock.advance(1500);
    await guard.authorize({ tool: "email.send" });
    expect(lines.every((l) => l.endsWith("\n"))).toBe(true);
    const [first, second] = records();
    const unhashedFirst = {
      seq: 1,
      time: "2026-06-24T10:00:00.000Z",
      agent: "demo",
      policyHash: SUPPORT_POLICY.hash,
      tool: "read_order_status",
      argsDigest: "sha256:" + sha256Hex(canonicalize(args)),
      actor: "u-7",
      tenant: "acme",
      environment: "production",
      decision: "allow",
      rule: "allowed",
      reason: '"read_order_status" is allowed',
      prev: GENESIS_HASH,
    };
    expect(first).toEqual({ ...unhashedFirst, hash: "sha256:" + sha256Hex(canonicalize(unhashedFirst)) });
    expect(lines[0]).not.toContain("secret");
    expect(second).toMatchObject({
      seq: 2,
      time: "2026-06-24T10:00:01.500Z",
      tool: "email.send",
      argsDigest: "sha256:" + sha256Hex("{}"),
      decision: "deny",
      prev: first!.hash,
    });
    expect(second!.hash).toBe(recordHash(second!));
    expect(verifyAuditLog(lines.join(""))).toEqual({ ok: true, records: 2, problems: [] });
  });

  it("returns the record with the decision", async () => {
    const { guard, records } = recording(SUPPORT_POLICY);
    const decision = await guard.authorize({ tool: "crm.get" });
    expect(decision.record).toEqual(records()[0]);
  });

  it("records the args in full or redacted when the policy says so", async () => {
    const full = recording(makePolicy({ ...SUPPORT_POLICY, audit: { record_arguments: "full" } }));
    await full.guard.authorize({ tool: "crm.get", args: { id: 7, who: { email: "a@b.c" } } });
    expect(full.records()[0]!.args).toEqual({ id: 7, who: { email: "a@b.c" } });
    const redacted = recording(makePolicy({ ...SUPPORT_POLICY, audit: { record_arguments: "redacted" } }));
    await redacted.guard.authorize({ tool: "crm.get", args: { id: 7, who: { email: "a@b.c" }, tags: ["x"] } });
    expect(redacted.records()[0]!.args).toEqual({ id: "[REDACTED]", who: { email: "[REDACTED]" }, tags: ["[REDACTED]"] });
  });

  it("records a malformed call with a null tool", async () => {
    const { guard, records } = recording(SUPPORT_POLICY);
    await guard.authorize(42 as never);
    expect(records()[0]).toMatchObject({ tool: null, decision: "deny", rule: "malformed-call" });
  });

  it("denies an allowed call whose record cannot be written (fail closed)", async () => {
    const guard = createGuard(withBudgets({ max_concurrency: 1 }), {
      record: () => {
        throw new Error("disk full");
      },
    });
    const { decision } = await guard.run({ tool: "crm.get" }, () => "ran");
    expect(decision).toMatchObject({
      decision: "deny",
      rule: "audit-failed",
      reason: 'The decision record could not be written (disk full): "crm.get" is denied',
    });
    expect(guard.usage().inFlight).toBe(0);
  });

  it("continues a chain given by chainFrom", async () => {
    const first = recording(SUPPORT_POLICY);
    await first.guard.authorize({ tool: "crm.get" });
    const last = first.records()[0]!;
    const second = recording(SUPPORT_POLICY, { chainFrom: { seq: last.seq, hash: last.hash } });
    await second.guard.authorize({ tool: "crm.get" });
    expect(second.records()[0]).toMatchObject({ seq: 2, prev: last.hash });
    expect(verifyAuditLog([...first.lines, ...second.lines].join(""))).toEqual({ ok: true, records: 2, problems: [] });
  });

  it("appends to a log file, and a second guard continues its chain once the first is closed", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "agentspec-log-"));
    const file = path.join(dir, "decisions.jsonl");
    const one = createGuard(SUPPORT_POLICY, { record: file });
    await one.authorize({ tool: "crm.get" });
    await one.authorize({ tool: "email.send" });
    one.close();
    const two = createGuard(SUPPORT_POLICY, { record: file });
    await two.authorize({ tool: "crm.get" });
    two.close();
    const text = await readFile(file, "utf8");
    expect(
      text
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l).seq),
    ).toEqual([1, 2, 3]);
    expect(verifyAuditLog(text)).toEqual({ ok: true, records: 3, problems: [] });
  });
});
