// One contract for every state store: the memory store and the Redis store (against a real
// redis-server started here) must answer alike.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryStore } from "../../../src/runtime/store/memory.js";
import { redisStore } from "../../../src/runtime/store/redis.js";
import type { AdmitRequest, StateScope, StateStore, StoreLimits } from "../../../src/runtime/store/types.js";
import { hasRedisServer, reportMissingRedis, startRedisServer, type RedisServer } from "../../helpers/redis-server.js";

let server: RedisServer | undefined;
const stores: StateStore[] = [];

beforeAll(async () => {
  if (hasRedisServer) server = await startRedisServer();
}, 20_000);

afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await server?.dispose();
});

const kinds: [string, (leaseMs?: number) => StateStore][] = [
  ["memory", (leaseMs) => memoryStore({ leaseMs })],
  ["redis", (leaseMs) => redisStore({ url: server!.url, keyPrefix: `test-${randomUUID()}:`, leaseMs, timeoutMs: 2000 })],
];

reportMissingRedis("the Redis store contract");

describe.each(kinds)("the %s store", (kind, make) => {
  const skip = kind === "redis" && !hasRedisServer;
  const open = (leaseMs?: number) => {
    const store = make(leaseMs);
    stores.push(store);
    return store;
  };
  const scope = (overrides: Partial<StateScope> = {}): StateScope => ({ agent: `agent-${randomUUID()}`, run: "run-1", ...overrides });
  const ask = (scope: StateScope, limits: StoreLimits, overrides: Partial<AdmitRequest> = {}): AdmitRequest => ({
    scope,
    tool: "crm.lookup",
    now: Date.now(),
    costUsd: 0,
    limits,
    slot: false,
    commit: true,
    ...overrides,
  });
  const admitted = async (store: StateStore, requests: AdmitRequest[]) =>
    (await Promise.all(requests.map((r) => store.admit(r)))).filter((a) => a.ok).length;

  it.skipIf(skip)("counts a run's calls against max_tool_calls, each run apart", async () => {
    const store = open();
    const first = scope();
    const limits = { maxToolCalls: 2 };
    expect(await admitted(store, [ask(first, limits), ask(first, limits), ask(first, limits)])).toBe(2);
    expect(await store.admit(ask(first, limits))).toEqual({
      ok: false,
      exceeded: { budget: "max_tool_calls", used: 2, limit: 2 },
    });
    expect((await store.admit(ask({ ...first, run: "run-2" }, limits))).ok).toBe(true);
  });

  it.skipIf(skip)("counts a frozen scope and an equal plain one alike, and a changed plain scope as what it now says", async () => {
    const store = open();
    const limits = { maxToolCalls: 2 };
    const frozen = Object.freeze(scope());
    expect((await store.admit(ask(frozen, limits))).ok).toBe(true);
    expect((await store.admit(ask({ ...frozen }, limits))).ok).toBe(true);
    expect((await store.admit(ask(frozen, limits))).ok).toBe(false);
    // A plain scope object is read on every request, not remembered from its first.
    const changing = scope();
    expect((await store.admit(ask(changing, limits))).ok).toBe(true);
    expect((await store.admit(ask(changing, limits))).ok).toBe(true);
    changing.run = "run-2";
    expect((await store.admit(ask(changing, limits))).ok).toBe(true);
  });

  it.skipIf(skip)("admits exactly rate_per_minute of 200 calls made at once, per agent and per tenant", async () => {
    const store = open();
    const agent = scope();
    const limits = { ratePerMinute: 50 };
    const calls = Array.from({ length: 200 }, (_, i) => ask({ ...agent, run: `run-${i % 7}` }, limits));
    expect(await admitted(store, calls)).toBe(50);
    const denied = await store.admit(ask(agent, limits));
    expect(denied).toEqual({ ok: false, exceeded: { budget: "rate_per_minute", used: 50, limit: 50 } });
    // Another tenant of the same agent has its own window.
    expect(await admitted(store, [ask({ ...agent, tenant: "acme" }, limits)])).toBe(1);
  });

  it.skipIf(skip)("does not count a check (commit: false) and reports the budget it would break", async () => {
    const store = open();
    const run = scope();
    const limits = { maxToolCalls: 1 };
    for (let i = 0; i < 3; i++) expect((await store.admit(ask(run, limits, { commit: false }))).ok).toBe(true);
    expect((await store.admit(ask(run, limits))).ok).toBe(true);
    expect(await store.admit(ask(run, limits, { commit: false }))).toMatchObject({ ok: false, exceeded: { budget: "max_tool_calls" } });
  });

  it.skipIf(skip)(
    "holds concurrency slots as leases: released, or expired when not renewed",
    async () => {
      // Lease and waits leave 800 ms either side, for a loaded machine.
      const store = open(2000);
      const agent = scope();
      const limits = { maxConcurrency: 2 };
      const slot = (overrides: Partial<AdmitRequest> = {}) => ask(agent, limits, { slot: true, now: Date.now(), ...overrides });
      const a = await store.admit(slot());
      const b = await store.admit(slot());
      expect(a.ok && b.ok && a.lease && b.lease && a.lease !== b.lease).toBeTruthy();
      expect(await store.admit(slot())).toMatchObject({ ok: false, exceeded: { budget: "max_concurrency", used: 2, limit: 2 } });
      // A call not run through guard.run() takes no slot and is not held to the limit.
      expect((await store.admit(ask(agent, limits))).ok).toBe(true);
      if (!a.ok || !b.ok) return;
      await store.release(agent, a.lease!);
      const c = await store.admit(slot());
      expect(c.ok).toBe(true);
      // b is renewed while c is left to expire: after the lease, one slot is free again.
      await new Promise((resolve) => setTimeout(resolve, 1200));
      expect(await store.renew(agent, b.lease!, Date.now())).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 1200));
      expect((await store.admit(slot())).ok).toBe(true);
      expect(await store.admit(slot())).toMatchObject({ ok: false, exceeded: { budget: "max_concurrency" } });
      if (c.ok) expect(await store.renew(agent, c.lease!, Date.now())).toBe(false);
    },
    20_000,
  );

  it.skipIf(skip)("lets max_sessions_per_day runs start in a day; runs already started go on", async () => {
    const store = open();
    const agent = scope();
    const limits = { maxSessionsPerDay: 2 };
    expect((await store.admit(ask({ ...agent, run: "a" }, limits))).ok).toBe(true);
    expect((await store.admit(ask({ ...agent, run: "b" }, limits))).ok).toBe(true);
    expect(await store.admit(ask({ ...agent, run: "c" }, limits))).toEqual({
      ok: false,
      exceeded: { budget: "max_sessions_per_day", used: 2, limit: 2 },
    });
    expect((await store.admit(ask({ ...agent, run: "a" }, limits))).ok).toBe(true);
    // A denied call does not take a session: the third run is still refused.
    expect((await store.admit(ask({ ...agent, run: "c" }, limits))).ok).toBe(false);
    expect((await store.admit(ask({ ...agent, run: "c", tenant: "other" }, limits))).ok).toBe(true);
  });

  it.skipIf(skip)("escalates a tool once per run at the threshold, among denials counted at once", async () => {
    const store = open();
    const run = scope();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => store.recordDenial({ scope: run, tool: "email.send", escalateAfter: 3, now: Date.now() })),
    );
    expect(answers.filter((a) => a.escalatedNow)).toEqual([{ denials: 3, escalatedNow: true, alreadyEscalated: false }]);
    expect(answers.filter((a) => a.alreadyEscalated)).toHaveLength(7);
    expect(await store.admit(ask(run, {}, { tool: "email.send" }))).toEqual({ ok: false, escalated: 3 });
    expect((await store.admit(ask(run, {}, { tool: "crm.lookup" }))).ok).toBe(true);
    expect((await store.admit(ask({ ...run, run: "run-2" }, {}, { tool: "email.send" }))).ok).toBe(true);
  });

  it.skipIf(skip)("adds call costs and recorded costs to the run, denies past max_usd_per_loop, alerts once", async () => {
    const store = open();
    const run = scope();
    const limits = { maxUsdPerLoop: 0.3, alertUsd: 0.2 };
    expect(await store.admit(ask(run, limits, { costUsd: 0.1 }))).toEqual({ ok: true, spentUsd: 0.1, alert: false });
    expect(await store.addCost({ scope: run, usd: 0.05, alertUsd: 0.2, now: Date.now() })).toEqual({
      spentUsd: expect.closeTo(0.15, 9),
      alert: false,
    });
    const second = await store.admit(ask(run, limits, { costUsd: 0.05 }));
    expect(second).toMatchObject({ ok: true, alert: true });
    if (second.ok) expect(second.spentUsd).toBeCloseTo(0.2, 9);
    expect(await store.admit(ask(run, limits, { costUsd: 0.2 }))).toEqual({
      ok: false,
      exceeded: { budget: "max_usd_per_loop", used: expect.closeTo(0.2, 9), limit: 0.3, costUsd: 0.2 },
    });
    // Exactly up to the ceiling is allowed (0.1 + 0.2 is not above 0.3).
    const last = await store.admit(ask(run, limits, { costUsd: 0.1 }));
    expect(last).toMatchObject({ ok: true, alert: false });
    expect(await store.admit(ask(run, limits))).toMatchObject({ ok: false, exceeded: { budget: "max_usd_per_loop" } });
    // A cost recorded past the alert does not alert a second time.
    expect(await store.addCost({ scope: run, usd: 1, alertUsd: 0.2, now: Date.now() })).toMatchObject({ alert: false });
  });

  it.skipIf(skip)("alerts on a cost recorded outside calls, once per run", async () => {
    const store = open();
    const run = scope();
    const add = (usd: number) => store.addCost({ scope: run, usd, alertUsd: 0.5, now: Date.now() });
    const answers = await Promise.all([add(0.2), add(0.2), add(0.2), add(0.2)]);
    expect(answers.filter((a) => a.alert)).toHaveLength(1);
    expect(Math.max(...answers.map((a) => a.spentUsd))).toBeCloseTo(0.8, 9);
  });

  it.skipIf(skip)("rejects every request once closed", async () => {
    const store = open();
    await store.close();
    await expect(store.admit(ask(scope(), {}))).rejects.toThrow(/closed/);
  });
});
