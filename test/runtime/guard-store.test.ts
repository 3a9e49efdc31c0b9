// The guard over a state store: budgets shared by guards that share a store, per tenant and per
// run, and every call denied (state-unavailable) while the store cannot answer.
import { randomUUID } from "node:crypto";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Policy } from "../../generated/policy.js";
import { AgentspecError } from "../../src/errors.js";
import { createGuard, type EscalationEvent } from "../../src/runtime/guard.js";
import { memoryStore } from "../../src/runtime/store/memory.js";
import { redisStore } from "../../src/runtime/store/redis.js";
import type { StateStore } from "../../src/runtime/store/types.js";
import { makePolicy } from "../helpers/policy.js";
import { hasRedisServer, reportMissingRedis, startRedisServer, type RedisServer } from "../helpers/redis-server.js";

function withBudgets(budgets: Policy["budgets"], extra: Partial<Policy> = {}): Policy {
  return makePolicy({ tools: { "crm.get": { effect: "read" } }, deny: [{ pattern: "email.send" }], budgets, ...extra });
}

const closing: StateStore[] = [];
afterAll(async () => {
  await Promise.all(closing.map((s) => s.close()));
});

describe("guards sharing a store", () => {
  it("with tenantBudgets, share the agent's rate window; another tenant has its own, and the reason names it", async () => {
    const store = memoryStore();
    const policy = withBudgets({ rate_per_minute: 3 });
    const [a, b] = [createGuard(policy, { store, tenantBudgets: true }), createGuard(policy, { store, tenantBudgets: true })];
    const decisions = await Promise.all([a, b, a, b, a].map((g) => g.authorize({ tool: "crm.get" })));
    expect(decisions.map((d) => d.decision).sort()).toEqual(["allow", "allow", "allow", "deny", "deny"]);
    expect(decisions.find((d) => d.decision === "deny")?.reason).toBe(
      '"crm.get" is denied: 3 tool calls in the last minute reach rate_per_minute 3',
    );
    const acme = { tool: "crm.get", context: { tenant: "acme" } };
    for (let i = 0; i < 3; i++) expect((await b.authorize(acme)).decision).toBe("allow");
    expect((await a.authorize(acme)).reason).toBe(
      '"crm.get" is denied: 3 tool calls in the last minute for tenant "acme" reach rate_per_minute 3',
    );
  });

  it("count a run's calls and cost together when they share its runId, and apart when they do not", async () => {
    const store = memoryStore();
    const policy = withBudgets({ max_tool_calls: 2 });
    const one = createGuard(policy, { store, runId: "run-1" });
    const same = createGuard(policy, { store, runId: "run-1" });
    const other = createGuard(policy, { store });
    expect((await one.authorize({ tool: "crm.get" })).decision).toBe("allow");
    expect((await same.authorize({ tool: "crm.get" })).decision).toBe("allow");
    expect((await one.authorize({ tool: "crm.get" })).reason).toBe(
      '"crm.get" is denied: the run has made 2 tool calls, all that max_tool_calls 2 allows',
    );
    expect((await other.authorize({ tool: "crm.get" })).decision).toBe("allow");
    expect(one.runId).toBe("run-1");
    expect(other.runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(other.usage().runId).toBe(other.runId);
  });

  it("escalate a tool once for the run, in the guard whose denial reached the threshold; the others deny it too", async () => {
    const store = memoryStore();
    const escalations: EscalationEvent[] = [];
    const policy = withBudgets({});
    const guards = [0, 1, 2].map(() =>
      createGuard(policy, { store, runId: "run-1", escalateAfterDenials: 3, onEscalate: (e) => void escalations.push(e) }),
    );
    const decisions = await Promise.all(guards.flatMap((g) => [g.authorize({ tool: "email.send" }), g.authorize({ tool: "email.Send" })]));
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({ tool: "email.send", denials: 3 });
    expect(decisions.map((d) => d.rule).filter((r) => r === "escalation")).toHaveLength(4);
    // A guard that had not seen it learns it from the store, even for a call decide() would allow.
    const late = createGuard(withBudgets({}, { tools: { "email.*": { effect: "read" } }, deny: [] }), { store, runId: "run-1" });
    expect(await late.authorize({ tool: "email.send" })).toMatchObject({ decision: "deny", rule: "escalation" });
  });

  it("let max_sessions_per_day runs start a day; a run that has started goes on", async () => {
    const store = memoryStore();
    const policy = withBudgets({ max_sessions_per_day: 2 });
    const runs = ["a", "b", "c"].map((runId) => createGuard(policy, { store, runId }));
    expect((await runs[0]!.authorize({ tool: "crm.get" })).decision).toBe("allow");
    expect((await runs[1]!.authorize({ tool: "crm.get" })).decision).toBe("allow");
    expect(await runs[2]!.authorize({ tool: "crm.get" })).toMatchObject({
      decision: "deny",
      rule: "budget",
      reason:
        '"crm.get" is denied: the agent has had 2 sessions today (UTC), all that max_sessions_per_day 2 allows: a new run cannot start',
      entries: ["/budgets"],
    });
    expect((await runs[0]!.authorize({ tool: "crm.get" })).decision).toBe("allow");
  });

  it("alert once per run on cost recorded in any of them, and deny past the ceiling in all", async () => {
    const store = memoryStore();
    const alerts: unknown[] = [];
    const policy = withBudgets({ max_usd_per_loop: 1, alert_usd: 0.5 });
    const [a, b] = [0, 1].map(() => createGuard(policy, { store, runId: "run-1", onCostAlert: (e) => void alerts.push(e) }));
    a!.recordCost(0.3);
    b!.recordCost(0.3);
    expect((await a!.authorize({ tool: "crm.get", costUsd: 0.2 })).decision).toBe("allow");
    expect(alerts).toEqual([{ spentUsd: expect.closeTo(0.6, 9), alertUsd: 0.5 }]);
    expect((await b!.authorize({ tool: "crm.get", costUsd: 0.3 })).reason).toBe(
      '"crm.get" is denied: the call\'s cost $0.3 would take the run to $1.1, above max_usd_per_loop $1',
    );
    expect(b!.usage().spentUsd).toBeCloseTo(0.8, 9);
    expect(alerts).toHaveLength(1);
  });
});

describe("a store that cannot answer", () => {
  it("denies every call with rule state-unavailable, naming the store, and records the denial", async () => {
    const port = await closedPort();
    const store = redisStore({ url: `redis://user:hunter2@127.0.0.1:${port}`, timeoutMs: 100 });
    closing.push(store);
    const lines: string[] = [];
    const guard = createGuard(withBudgets({ rate_per_minute: 10 }), { store, record: (line) => void lines.push(line) });
    for (const tool of ["crm.get", "email.send", "unknown.tool"]) {
      const decision = await guard.authorize({ tool });
      expect(decision).toMatchObject({ decision: "deny", rule: "state-unavailable", entries: [] });
      expect(decision.reason).toContain(`the guard's state store (redis redis://127.0.0.1:${port}) did not answer`);
      expect(decision.reason).not.toContain("hunter2");
    }
    expect(lines.map((l) => JSON.parse(l).rule)).toEqual(["state-unavailable", "state-unavailable", "state-unavailable"]);
    const run = await guard.run({ tool: "crm.get" }, () => "ran");
    expect(run).toEqual({ decision: expect.objectContaining({ rule: "state-unavailable" }) });
    expect(guard.usage().inFlight).toBe(0);
  });

  it("denies calls while cost recorded with recordCost cannot be counted, and never throws from recordCost", async () => {
    const port = await closedPort();
    const store = redisStore({ url: `redis://127.0.0.1:${port}`, timeoutMs: 100 });
    closing.push(store);
    const guard = createGuard(withBudgets({ max_usd_per_loop: 1 }), { store });
    expect(() => guard.recordCost(0.5)).not.toThrow();
    const decision = await guard.authorize({ tool: "crm.get" });
    expect(decision.rule).toBe("state-unavailable");
    expect(decision.reason).toContain("the cost recorded with recordCost cannot be counted");
    expect(guard.usage().spentUsd).toBe(0.5);
  });
});

describe("store options", () => {
  it.each([
    [{ store: {} }, /options.store must be a state store .* it has no admit, recordDenial, addCost, renew, release/],
    [{ store: { ...memoryStore(), leaseMs: 0 } }, /options.store must be a state store/],
    [{ runId: "" }, /options.runId must be a string of 1 to 1,024 characters/],
    [{ runId: 7 }, /options.runId must be a string/],
  ])("refuses %j", (options, message) => {
    expect(() => createGuard(withBudgets({}), options as never)).toThrow(AgentspecError);
    expect(() => createGuard(withBudgets({}), options as never)).toThrow(message);
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const listener = net.createServer();
    listener.listen(0, "127.0.0.1", () => {
      const { port } = listener.address() as net.AddressInfo;
      listener.close(() => resolve(port));
    });
  });
}

describe("a caller that names its own tenant gets no more than the agent's budgets (memory and a real Redis)", () => {
  let server: RedisServer | undefined;
  beforeAll(async () => {
    if (hasRedisServer) server = await startRedisServer();
  }, 20_000);
  afterAll(async () => {
    await server?.dispose();
  });
  reportMissingRedis("tenant budgets over Redis");
  const kinds: [string, () => StateStore][] = [
    ["memory", () => memoryStore()],
    ["redis", () => redisStore({ url: server!.url, keyPrefix: `tenants-${randomUUID()}:`, timeoutMs: 2000 })],
  ];
  const tenants = ["a", "b", "A", "\u0000", "", "acme"];

  it.each(kinds)("%s: by default every tenant shares the agent's rate and concurrency", async (kind, make) => {
    if (kind === "redis" && !hasRedisServer) return;
    const store = make();
    closing.push(store);
    const guard = createGuard(withBudgets({ rate_per_minute: 2, max_concurrency: 1 }), { store });
    const decisions = [];
    for (const tenant of tenants) decisions.push(await guard.authorize({ tool: "crm.get", context: { tenant } }));
    expect(decisions.map((d) => d.decision)).toEqual(["allow", "allow", "deny", "deny", "deny", "deny"]);
    expect(decisions[2]!.reason).toBe('"crm.get" is denied: 2 tool calls in the last minute reach rate_per_minute 2');
    // A slot held for tenant "x" is the agent's one slot.
    const slotGuard = createGuard(withBudgets({ max_concurrency: 1 }), { store });
    let release!: () => void;
    const held = slotGuard.run({ tool: "crm.get", context: { tenant: "x" } }, () => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 20));
    expect((await slotGuard.run({ tool: "crm.get", context: { tenant: "y" } }, () => "ran")).decision.rule).toBe("budget");
    release();
    await held;
  });

  it.each(kinds)("%s: with tenantBudgets (trusted tenants) each tenant has the policy's budgets", async (kind, make) => {
    if (kind === "redis" && !hasRedisServer) return;
    const store = make();
    closing.push(store);
    const guard = createGuard(withBudgets({ rate_per_minute: 1 }), { store, tenantBudgets: true });
    for (const tenant of tenants) expect((await guard.authorize({ tool: "crm.get", context: { tenant } })).decision).toBe("allow");
    expect((await guard.authorize({ tool: "crm.get", context: { tenant: "a" } })).reason).toBe(
      '"crm.get" is denied: 1 tool call in the last minute for tenant "a" reach rate_per_minute 1',
    );
  });

  it("refuses a tenantBudgets that is not a boolean", () => {
    expect(() => createGuard(withBudgets({}), { tenantBudgets: "yes" as never })).toThrow(
      'options.tenantBudgets must be true or false, not "yes"',
    );
  });
});
