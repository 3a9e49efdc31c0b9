/**
 * Shadow mode: createGuard(policy, { mode: "shadow" }) lets through what enforcement would deny
 * or gate, says what enforcement would have decided (returned, recorded, counted), and still
 * denies what is not the policy's to decide: a malformed call, a record that cannot be written.
 */
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { replayDecisions } from "../../src/diff/replay.js";
import { createGuard, verifyAuditLog, type GuardCall, type GuardDecision } from "../../src/runtime/index.js";
import { memoryStore } from "../../src/runtime/store/memory.js";
import { makePolicy } from "../helpers/policy.js";

const policyWith = (audit?: { record_arguments: "full" }) =>
  makePolicy({
    deny: [{ pattern: "email.send", reason: "no outbound mail" }],
    tools: {
      read_order_status: { effect: "read" },
      "billing.refund": {
        effect: "irreversible",
        approval: { when: { arg: "amount", gt: 100 }, channel: "slack:#refunds" },
        limits: { amount: { max: 600 } },
      },
    },
    budgets: { max_tool_calls: 2 },
    handoff: { escalate_after_denials: 2 },
    ...(audit ? { audit } : {}),
  });
const POLICY = policyWith();
/** The same policy recording arguments in full, so a replay of its records is exact. */
const RECORDING = policyWith({ record_arguments: "full" });

describe("shadow mode", () => {
  it("lets denied and gated calls through, with what enforcement would have decided", async () => {
    const asked: unknown[] = [];
    const escalations: unknown[] = [];
    const guard = createGuard(POLICY, {
      mode: "shadow",
      approve: (request) => (asked.push(request), { approved: false }),
      onEscalate: (event) => void escalations.push(event),
    });
    const allowed = await guard.authorize({ tool: "read_order_status" });
    expect(allowed).toMatchObject({ decision: "allow", rule: "allowed" });
    expect(allowed.shadow).toBeUndefined();

    const denied = await guard.authorize({ tool: "email.send" });
    expect(denied).toMatchObject({
      decision: "allow",
      rule: "shadow",
      entries: ["/deny/0"],
      shadow: {
        decision: "deny",
        rule: "deny-pattern",
        reason: '"email.send" is denied by the policy: no outbound mail',
        entries: ["/deny/0"],
      },
    });
    expect(denied.reason).toBe(
      'Shadow mode: "email.send" is let through; enforcement would deny it (deny-pattern): "email.send" is denied by the policy: no outbound mail',
    );

    const gated = await guard.authorize({ tool: "billing.refund", args: { amount: 150 } });
    expect(gated).toMatchObject({
      decision: "allow",
      rule: "shadow",
      shadow: { decision: "require_approval", rule: "approval", channel: "slack:#refunds", entries: ["/tools/billing.refund/approval"] },
    });
    expect(asked).toEqual([]);

    const overLimit = await guard.authorize({ tool: "billing.refund", args: { amount: 900 } });
    expect(overLimit.shadow).toMatchObject({ decision: "deny", rule: "hard-limit" });
    // Counted as enforcement counts: the allowed call and the gated one (as approved) use up the
    // budget of 2 calls, the denied ones do not; so the fifth call is one enforcement would deny.
    const fifth = await guard.authorize({ tool: "read_order_status" });
    expect(fifth).toMatchObject({ decision: "allow", rule: "shadow", shadow: { decision: "deny", rule: "budget", entries: ["/budgets"] } });
    expect(escalations).toEqual([]);
    expect(guard.usage()).toMatchObject({
      toolCalls: 2,
      denials: { "email.send": 1, "billing.refund": 1, read_order_status: 1 },
      shadow: { denied: 3, gated: 1 },
    });
  });

  it("says, call after call, what an enforcing guard whose reviewer approves decides for the same calls", async () => {
    const calls: GuardCall[] = [
      { tool: "read_order_status" },
      { tool: "email.send" },
      { tool: "billing.refund", args: { amount: 150 } },
      { tool: "email.Send" },
      { tool: "billing.refund", args: { amount: 900 } },
      { tool: "email.send" },
      { tool: "read_order_status" },
      { tool: "billing.refund", args: { amount: 50 } },
      { tool: "unknown.tool" },
    ];
    const shadowed = createGuard(POLICY, { mode: "shadow" });
    const enforcing = createGuard(POLICY, { approve: () => ({ approved: true }) });
    const seen: Array<[string, string]> = [];
    for (const call of calls) {
      const enforced = await enforcing.authorize(call);
      const shadow = await shadowed.authorize(call);
      seen.push([enforced.decision, enforced.rule]);
      if (enforced.decision === "deny") {
        expect(shadow).toMatchObject({ decision: "allow", rule: "shadow", shadow: { decision: "deny", rule: enforced.rule } });
        expect(shadow.shadow!.reason).toBe(enforced.reason);
      } else if (enforced.rule === "approval") {
        expect(shadow).toMatchObject({ decision: "allow", rule: "shadow", shadow: { decision: "require_approval", rule: "approval" } });
      } else {
        expect(shadow).toMatchObject({ decision: "allow", rule: enforced.rule });
        expect(shadow.shadow).toBeUndefined();
      }
    }
    // The sequence reaches every path: allowed, approved, denied by the policy, escalated, over budget.
    expect(seen).toEqual([
      ["allow", "allowed"],
      ["deny", "deny-pattern"],
      ["allow", "approval"],
      ["deny", "escalation"],
      ["deny", "hard-limit"],
      ["deny", "escalation"],
      ["deny", "budget"],
      // billing.refund's second denial (after the hard limit) reaches escalate_after_denials 2.
      ["deny", "escalation"],
      ["deny", "not-allowed"],
    ]);
    const { runId: _a, ...enforcedUsage } = enforcing.usage();
    const { runId: _b, shadow, ...shadowUsage } = shadowed.usage();
    expect(shadowUsage).toEqual(enforcedUsage);
    expect(shadow).toEqual({ denied: 7, gated: 1 });
  });

  it("escalates as enforcement would, without calling onEscalate", async () => {
    const escalations: unknown[] = [];
    const guard = createGuard(POLICY, { mode: "shadow", onEscalate: (event) => void escalations.push(event) });
    const decisions: GuardDecision[] = [];
    for (let i = 0; i < 3; i++) decisions.push(await guard.authorize({ tool: "email.send" }));
    expect(decisions.map((d) => [d.decision, d.shadow?.rule])).toEqual([
      ["allow", "deny-pattern"],
      ["allow", "escalation"],
      ["allow", "escalation"],
    ]);
    expect(escalations).toEqual([]);
    expect(guard.usage()).toMatchObject({ escalated: ["email.send"], shadow: { denied: 3, gated: 0 } });
  });

  it("still denies a malformed call, and a call whose record cannot be written", async () => {
    const guard = createGuard(POLICY, { mode: "shadow" });
    expect(await guard.authorize({ tool: "" })).toMatchObject({ decision: "deny", rule: "malformed-call" });
    expect(await guard.authorize({ tool: "read_order_status", args: [] as unknown as Record<string, unknown> })).toMatchObject({
      decision: "deny",
      rule: "malformed-call",
    });
    const failing = createGuard(POLICY, {
      mode: "shadow",
      record: () => {
        throw new Error("disk full");
      },
    });
    const decision = await failing.authorize({ tool: "email.send" });
    expect(decision).toMatchObject({ decision: "deny", rule: "audit-failed" });
    expect(decision.reason).toMatch(/disk full/);
    // A record that fails later denies the call let through, and the denial no longer claims to be a shadow.
    const rejecting = createGuard(POLICY, { mode: "shadow", record: async () => Promise.reject(new Error("sink gone")) });
    const late = await rejecting.authorize({ tool: "email.send" });
    expect(late).toMatchObject({ decision: "deny", rule: "audit-failed" });
    expect(late.reason).toMatch(/sink gone/);
    expect(late.shadow).toBeUndefined();
  });

  it("denies when the state store does not answer: what cannot be counted is not the policy's to decide", async () => {
    const store = memoryStore();
    await store.close();
    const guard = createGuard(POLICY, { mode: "shadow", store });
    for (const call of [{ tool: "read_order_status" }, { tool: "email.send" }, { tool: "billing.refund", args: { amount: 150 } }]) {
      const decision = await guard.authorize(call);
      expect(decision).toMatchObject({ decision: "deny", rule: "state-unavailable" });
      expect(decision.shadow).toBeUndefined();
    }
    expect(guard.usage().shadow).toEqual({ denied: 0, gated: 0 });
  });

  it("records what enforcement would have decided, in an intact chain replay reads", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "agentspec-shadow-"));
    const log = path.join(dir, "decisions.jsonl");
    const guard = createGuard(RECORDING, { mode: "shadow", record: log });
    await guard.authorize({ tool: "email.send" });
    await guard.authorize({ tool: "billing.refund", args: { amount: 150 } });
    await guard.authorize({ tool: "read_order_status" });
    guard.close();
    const text = await readFile(log, "utf8");
    const records = text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(records.map((r) => [r.decision, r.rule, r.shadow?.decision, r.shadow?.rule])).toEqual([
      ["allow", "shadow", "deny", "deny-pattern"],
      ["allow", "shadow", "require_approval", "approval"],
      ["allow", "allowed", undefined, undefined],
    ]);
    expect(verifyAuditLog(text).ok).toBe(true);
    // Replayed against the same policy, every shadow record is what decide() decides: nothing changed.
    const replay = replayDecisions(text, RECORDING);
    expect(replay).toMatchObject({ records: 3, unchanged: 3, changes: [], problems: [], notCompared: [] });
  });

  it("enforces by default and with mode enforce; refuses another mode", async () => {
    for (const options of [{}, { mode: "enforce" as const }]) {
      const guard = createGuard(POLICY, options);
      expect(await guard.authorize({ tool: "email.send" })).toMatchObject({ decision: "deny", rule: "deny-pattern" });
      expect(guard.usage().shadow).toBeUndefined();
    }
    expect(() => createGuard(POLICY, { mode: "log-only" as never })).toThrow(/options\.mode must be "enforce" or "shadow", not "log-only"/);
  });
});
