/**
 * Replaying decision records a real guard wrote under one policy against another: exact replays
 * when the records hold the arguments, replays by tool name when they hold a digest, the guard's
 * own decisions compared only as far as they say something, and hostile record files reported
 * line by line.
 */
import { describe, expect, it } from "vitest";
import type { Policy } from "../../generated/policy.js";
import { compilePolicy } from "../../src/policy/index.js";
import { replayDecisions } from "../../src/diff/replay.js";
import { createGuard } from "../../src/runtime/guard.js";
import { specFrom } from "../helpers/spec-text.js";

const spec = (threshold: number, recordArguments: "full" | "digest", extra = "") =>
  specFrom(`agentspec: "1.0"
agent: { id: refunds, version: "1" }
tools:
  read_order_status: { effect: read }
  billing.refund:
    effect: irreversible
    approval: { when: { arg: amount, gt: ${threshold} } }
    limits: { amount: { max: 600 } }
  deploy: { effect: write, approval: { when: { context: environment, eq: production } } }
${extra}
audit: { append_only: true, record_arguments: ${recordArguments} }
`);

/** Runs calls through a real guard over the policy and returns the decision log it wrote. */
async function recordRun(
  policy: Policy,
  calls: Parameters<ReturnType<typeof createGuard>["authorize"]>[0][],
  approve = true,
): Promise<string> {
  let log = "";
  const guard = createGuard(policy, { record: (line) => void (log += line), approve: () => ({ approved: approve, reviewer: "rita" }) });
  for (const call of calls) await guard.authorize(call);
  return log;
}

const CALLS = [
  { tool: "read_order_status" },
  { tool: "billing.refund", args: { amount: 50 } },
  { tool: "billing.refund", args: { amount: 150 } },
  { tool: "billing.refund", args: { amount: 300 } },
  { tool: "billing.refund", args: { amount: 700 } },
  { tool: "deploy", context: { environment: "production" } },
  { tool: "email.send" },
];

describe("replayDecisions", () => {
  it("replays records that hold the arguments exactly, grouped by tool and direction", async () => {
    const log = await recordRun(compilePolicy(spec(100, "full")), CALLS);
    const report = replayDecisions(log, compilePolicy(spec(500, "full", "deny: [read_order_status]")));
    expect(report).toMatchObject({
      records: 7,
      exact: 7,
      byName: 0,
      unchanged: 4,
      problems: [],
      unsettled: [],
      notCompared: [],
      chain: { ok: true },
    });
    expect(report.groups).toEqual([
      { tool: "billing.refund", direction: "less strict", from: "require_approval", to: "allow", replay: "exact", lines: [3, 4] },
      { tool: "read_order_status", direction: "stricter", from: "allow", to: "deny", replay: "exact", lines: [1] },
    ]);
    const [first] = report.changes.filter((c) => c.direction === "less strict");
    expect(first!.call).toEqual({ tool: "billing.refund", args: { amount: 150 } });
    expect(first!.now).toMatchObject({ decision: "allow", rule: "allowed" });
  });

  it("replays digest-only records by tool name, and reports a change only when every argument gives it", async () => {
    const log = await recordRun(compilePolicy(spec(100, "digest")), CALLS);
    const newPolicy = compilePolicy(
      specFrom(`agentspec: "1.0"
agent: { id: refunds, version: "1" }
tools:
  read_order_status: { effect: read, approval: true }
  billing.refund: { effect: irreversible, approval: { when: { arg: amount, gt: 500 } }, limits: { amount: { max: 600 } } }
  deploy: { effect: write }
  email.send: { effect: write }
`),
    );
    const report = replayDecisions(log, newPolicy);
    // Calls without arguments hold the digest of {}: they replay exactly, as does email.send.
    expect(report).toMatchObject({ records: 7, exact: 3, byName: 4 });
    expect(report.groups).toEqual([
      { tool: "deploy", direction: "less strict", from: "require_approval", to: "allow", replay: "exact", lines: [6] },
      { tool: "email.send", direction: "less strict", from: "deny", to: "allow", replay: "exact", lines: [7] },
      { tool: "read_order_status", direction: "stricter", from: "allow", to: "require_approval", replay: "exact", lines: [1] },
    ]);
    expect(report.unsettled.map((n) => n.line)).toEqual([2, 3, 4, 5]);
    expect(report.unsettled[0]!.reason).toBe(
      'the record holds a digest of the arguments only; the new policy decides "billing.refund" allow or require_approval or deny depending on them',
    );
  });

  it("a digest-only record changes for sure when the tool is now denied whatever its arguments", async () => {
    const log = await recordRun(compilePolicy(spec(100, "digest")), [{ tool: "billing.refund", args: { amount: 50 } }]);
    const report = replayDecisions(log, compilePolicy(spec(100, "digest", 'deny: ["billing.*"]')));
    expect(report.groups).toEqual([
      { tool: "billing.refund", direction: "stricter", from: "allow", to: "deny", replay: "by-name", lines: [1] },
    ]);
  });

  it("a rejected approval was require_approval to decide(); budget denials compare only when the policy now denies", async () => {
    const policy = compilePolicy(spec(100, "full", "limits: { max_tool_calls: 1 }"));
    const log = await recordRun(
      policy,
      [{ tool: "read_order_status" }, { tool: "read_order_status" }, { tool: "billing.refund", args: { amount: 200 } }],
      false,
    );
    const same = replayDecisions(log, policy);
    expect(same).toMatchObject({ records: 3, unchanged: 1, changes: [] });
    expect(same.notCompared.map((n) => [n.line, n.reason])).toEqual([
      [2, "decided by the guard (budget) after the policy allowed or gated it"],
      [3, "decided by the guard (budget) after the policy allowed or gated it"],
    ]);
    const denied = replayDecisions(log, compilePolicy(spec(100, "full", "deny: [read_order_status]")));
    expect(denied.groups.map((g) => [g.tool, g.direction, g.from, g.to, g.lines])).toEqual([
      ["read_order_status", "stricter", "allow", "deny", [1]],
      ["read_order_status", "stricter", "allow or require_approval", "deny", [2]],
    ]);
  });

  it("reports hostile lines at their line and goes on; never throws", async () => {
    const policy = compilePolicy(spec(100, "full"));
    const good = await recordRun(policy, [{ tool: "read_order_status" }]);
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const lines = [
      good.trimEnd(),
      "not json",
      "[1, 2]",
      '{"tool": 5, "decision": "allow", "rule": "allowed"}',
      '{"tool": "x", "decision": "maybe", "rule": "allowed"}',
      '{"tool": "x", "decision": "deny", "rule": "allowed"}',
      '{"tool": "x", "decision": "allow", "rule": "allowed", "actor": {"__proto__": 1}}',
      `{"tool": "billing.refund", "decision": "allow", "rule": "allowed", "argsDigest": null, "args": ${deep}}`,
      '{"tool": "billing.refund", "decision": "allow", "rule": "allowed", "argsDigest": "sha256:00", "args": {"__proto__": {"amount": 1}}}',
      "",
      "\r",
    ];
    const report = replayDecisions(lines.join("\n"), policy);
    expect(report.problems.map((p) => [p.line, p.message.split(":")[0]])).toEqual([
      [2, "Not a JSON line"],
      [3, "Not a decision record"],
      [4, "Not a decision record"],
      [5, "Not a decision record"],
      [6, "Not a decision record"],
      [7, "Not a decision record"],
    ]);
    expect(report.problems[3]!.message).toBe('Not a decision record: "decision" must be allow, require_approval or deny');
    // The two hostile records that parse are replayed by name (their digests do not match their args).
    expect(report).toMatchObject({ records: 3, exact: 1, byName: 2 });
    expect(report.chain.ok).toBe(false);
  });
});
