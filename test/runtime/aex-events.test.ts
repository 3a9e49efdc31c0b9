/** The guard's run in aex's audit event vocabulary, beside its decision records. */
import { createWriteStream } from "node:fs";
import { describe, expect, it } from "vitest";
import { createGuard, type GuardOptions } from "../../src/runtime/guard.js";
import { makePolicy } from "../helpers/policy.js";

/** The aex seed's support_ticket run: lookups, a denied send, a confirmed draft. */
const SUPPORT_TICKET = makePolicy({
  agent: { id: "support_ticket", version: "v0" },
  deny: [{ pattern: "email.send" }, { pattern: "payment.*" }, { pattern: "admin.*" }],
  tools: {
    "crm.lookup": { effect: "read" },
    "ticket.read": { effect: "read" },
    "email.draft": { effect: "draft", approval: { channel: "slack:#support" } },
  },
  budgets: { max_tool_calls: 4 },
});

function guarded(options: GuardOptions = {}) {
  const lines: string[] = [];
  const records: string[] = [];
  const guard = createGuard(SUPPORT_TICKET, {
    aexEvents: (line) => void lines.push(line),
    record: (line) => void records.push(line),
    ...options,
  });
  return { guard, events: () => lines.map((l) => JSON.parse(l)), lines, records };
}

describe("aex audit events", () => {
  it("writes the seed's run: started, allowed steps, a denial, a confirmation, finished", async () => {
    const { guard, events, records } = guarded({ approve: () => ({ approved: true, reviewer: "dana" }) });
    await guard.authorize({ tool: "crm.lookup" });
    await guard.authorize({ tool: "ticket.read" });
    await guard.authorize({ tool: "email.send" });
    await guard.authorize({ tool: "email.draft" });
    guard.finish();
    expect(events()).toEqual([
      { event: "run.started", agent: "support_ticket", version: "v0" },
      { event: "tool.allowed", tool: "crm.lookup", step: 1 },
      { event: "tool.allowed", tool: "ticket.read", step: 2 },
      { event: "tool.denied", tool: "email.send", reason: '"email.send" is denied by the policy' },
      { event: "confirm.required", tool: "email.draft", channel: "slack:#support" },
      { event: "confirm.approved", tool: "email.draft", reviewer: "dana" },
      { event: "tool.allowed", tool: "email.draft", step: 3 },
      { event: "run.finished", status: "success" },
    ]);
    // The hash-chained decision records are still written, one per call.
    expect(records).toHaveLength(4);
  });

  it("writes confirm.denied for a rejection and for a call no approver could decide", async () => {
    const rejected = guarded({ approve: () => ({ approved: false, reviewer: "sam", reason: "not now" }) });
    await rejected.guard.authorize({ tool: "email.draft" });
    expect(rejected.events().slice(1)).toEqual([
      { event: "confirm.required", tool: "email.draft", channel: "slack:#support" },
      { event: "confirm.denied", tool: "email.draft", reviewer: "sam", reason: '"email.draft" was rejected by sam: not now' },
      { event: "tool.denied", tool: "email.draft", reason: '"email.draft" was rejected by sam: not now' },
    ]);
    const unasked = guarded();
    await unasked.guard.authorize({ tool: "email.draft" });
    expect(unasked.events().map((e) => e.event)).toEqual(["run.started", "confirm.required", "confirm.denied", "tool.denied"]);
  });

  it("writes budget.exhausted before the denial of a call past a budget", async () => {
    const { guard, events } = guarded();
    for (let i = 0; i < 5; i++) await guard.authorize({ tool: "crm.lookup" });
    guard.finish("failed");
    expect(events().slice(-3)).toEqual([
      { event: "budget.exhausted", tool: "crm.lookup", reason: expect.stringContaining("max_tool_calls") },
      { event: "tool.denied", tool: "crm.lookup", reason: expect.stringContaining("max_tool_calls") },
      { event: "run.finished", status: "failed" },
    ]);
  });

  it("names no tool for a malformed call, writes nothing after run.finished, and never fails a decision", async () => {
    const { guard, events } = guarded();
    await guard.authorize({ tool: "" } as never);
    guard.finish();
    guard.finish();
    await guard.authorize({ tool: "crm.lookup" });
    expect(events().map((e) => [e.event, e.tool ?? null])).toEqual([
      ["run.started", null],
      ["tool.denied", null],
      ["run.finished", null],
    ]);
    const broken = createGuard(SUPPORT_TICKET, {
      aexEvents: () => {
        throw new Error("disk full");
      },
    });
    expect((await broken.authorize({ tool: "crm.lookup" })).decision).toBe("allow");
    const rejecting = createGuard(SUPPORT_TICKET, { aexEvents: () => Promise.reject(new Error("disk full")) });
    expect((await rejecting.authorize({ tool: "crm.lookup" })).decision).toBe("allow");
  });

  it("writes outcomes in the order of the decision records, even when the record sink is slow", async () => {
    const lines: string[] = [];
    const records: string[] = [];
    let first = true;
    const guard = createGuard(SUPPORT_TICKET, {
      aexEvents: (line) => void lines.push(line),
      record: (line) => {
        records.push(line);
        if (!first) return;
        first = false;
        return new Promise<void>((resolve) => setTimeout(resolve, 30));
      },
    });
    await Promise.all([
      guard.authorize({ tool: "crm.lookup" }),
      guard.authorize({ tool: "email.send" }),
      guard.authorize({ tool: "admin.wipe" }),
    ]);
    const outcomes = lines.map((l) => JSON.parse(l)).filter((e) => e.event.startsWith("tool."));
    expect(outcomes.map((e) => e.tool)).toEqual(records.map((r) => JSON.parse(r).tool));
  });

  it("a stream that fails: the aex view changes no decision, the decision records deny (fail closed), nothing crashes", async () => {
    const aexBroken = createGuard(SUPPORT_TICKET, { aexEvents: createWriteStream("/nonexistent-dir/aex.jsonl") });
    expect((await aexBroken.authorize({ tool: "crm.lookup" })).decision).toBe("allow");
    const lines: string[] = [];
    const recordBroken = createGuard(SUPPORT_TICKET, {
      record: createWriteStream("/nonexistent-dir/records.jsonl"),
      aexEvents: (line) => void lines.push(line),
    });
    expect(await recordBroken.authorize({ tool: "crm.lookup" })).toMatchObject({ decision: "deny", rule: "audit-failed" });
    expect(lines.map((l) => JSON.parse(l).event)).toEqual(["run.started", "tool.allowed", "tool.denied"]);
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
});
