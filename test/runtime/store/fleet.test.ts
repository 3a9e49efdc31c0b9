// Guards in four real processes sharing budgets through a real redis-server: never more than a
// budget allows, slots of a killed process freed after their lease, Redis stopped and restarted.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Policy } from "../../../generated/policy.js";
import { createGuard } from "../../../src/runtime/guard.js";
import { redisStore } from "../../../src/runtime/store/redis.js";
import type { StateStore } from "../../../src/runtime/store/types.js";
import { bundleWorker } from "../../helpers/bundle-worker.js";
import { makePolicy } from "../../helpers/policy.js";
import { hasRedisServer, reportMissingRedis, startRedisServer, type RedisServer } from "../../helpers/redis-server.js";

const PROCESSES = 4;
const CALLS = 100;

function withBudgets(budgets: Policy["budgets"]): Policy {
  return makePolicy({
    agent: { id: `fleet-${randomUUID()}`, version: "1.0.0" },
    tools: { "crm.get": { effect: "read" } },
    deny: [{ pattern: "email.send" }],
    budgets,
  });
}

describe.skipIf(!hasRedisServer)("guards in four processes sharing a Redis store", () => {
  let server: RedisServer;
  let worker: string;
  const stores: StateStore[] = [];
  const children = new Set<ChildProcess>();

  beforeAll(async () => {
    [server, worker] = await Promise.all([startRedisServer(), bundleWorker("test/runtime/store/fleet-worker.ts")]);
  }, 60_000);
  afterAll(async () => {
    for (const child of children) child.kill("SIGKILL");
    await Promise.all(stores.map((s) => s.close()));
    await server?.dispose();
    if (worker) rmSync(worker, { force: true });
  });

  const job = (fields: Record<string, unknown>) => ({
    url: server.url,
    keyPrefix: `fleet-${randomUUID()}:`,
    calls: CALLS,
    call: { tool: "crm.get" },
    ...fields,
  });

  /** Starts a worker; resolves each line it prints, in order. */
  function start(fields: Record<string, unknown>) {
    const child = spawn(process.execPath, [worker, JSON.stringify(fields)], { stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const next = async (): Promise<Record<string, unknown>> => {
      const line = await lines.next();
      if (line.done) throw new Error(`the worker ended without an answer: ${stderr.trim()}`);
      return JSON.parse(line.value) as Record<string, unknown>;
    };
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => (children.delete(child), resolve(code))));
    return { child, next, exited };
  }

  const fleet = async (fields: Record<string, unknown>[]) => Promise.all(fields.map((f) => start(f).next()));
  const rules = (results: Record<string, unknown>[]) => results.flatMap((r) => r.rules as string[]);
  const count = (list: string[], rule: string) => list.filter((r) => r === rule).length;

  it("admit exactly rate_per_minute of 4 × 100 calls made at once", async () => {
    const shared = job({ mode: "burst", policy: withBudgets({ rate_per_minute: 150 }) });
    const all = rules(await fleet(Array.from({ length: PROCESSES }, () => shared)));
    expect(all).toHaveLength(PROCESSES * CALLS);
    expect(count(all, "allowed")).toBe(150);
    // Each process's third denial escalates the tool for its run: the rest are denied as escalated.
    expect(all.filter((r) => r !== "allowed").every((r) => r === "budget" || r === "escalation")).toBe(true);
  }, 60_000);

  it("admit exactly max_tool_calls and max_usd_per_loop of one run served by four processes", async () => {
    const calls = job({ mode: "burst", runId: "run-1", policy: withBudgets({ max_tool_calls: 120 }) });
    expect(count(rules(await fleet(Array.from({ length: PROCESSES }, () => calls))), "allowed")).toBe(120);
    const cost = job({
      mode: "burst",
      runId: "run-1",
      policy: withBudgets({ max_usd_per_loop: 1 }),
      call: { tool: "crm.get", costUsd: 0.01 },
    });
    expect(count(rules(await fleet(Array.from({ length: PROCESSES }, () => cost))), "allowed")).toBe(100);
  }, 60_000);

  it("never have more than max_concurrency calls running at once across the processes", async () => {
    const shared = job({
      mode: "concurrent",
      policy: withBudgets({ max_concurrency: 5 }),
      holdMs: 200,
      inflightKey: `inflight-${randomUUID()}`,
      calls: 50,
    });
    const results = await fleet(Array.from({ length: PROCESSES }, () => shared));
    expect(Math.max(...results.map((r) => r.maxSeen as number))).toBeLessThanOrEqual(5);
    expect(count(rules(results), "allowed")).toBeGreaterThanOrEqual(5);
  }, 60_000);

  it("escalate a tool of one run once, in one process, after the threshold counted across all", async () => {
    const shared = job({ mode: "burst", runId: "run-1", policy: withBudgets({}), call: { tool: "email.send" }, calls: 10 });
    const results = await fleet(Array.from({ length: PROCESSES }, () => shared));
    const all = rules(results);
    expect(results.reduce((n, r) => n + (r.escalations as number), 0)).toBe(1);
    expect(count(all, "deny-pattern")).toBe(2);
    expect(count(all, "escalation")).toBe(PROCESSES * 10 - 2);
  }, 60_000);

  it("let max_sessions_per_day runs start, of twelve runs in four processes", async () => {
    const shared = job({ mode: "sessions", policy: withBudgets({ max_sessions_per_day: 5 }) });
    const results = await fleet(Array.from({ length: PROCESSES }, (_, p) => ({ ...shared, runIds: [0, 1, 2].map((r) => `p${p}-r${r}`) })));
    expect(results.flatMap((r) => r.allowed as string[])).toHaveLength(5);
    expect(count(rules(results), "budget")).toBe(7);
  }, 60_000);

  it("free the slots of a process killed while holding them, once their leases expire", async () => {
    const leaseMs = 3000;
    const policy = withBudgets({ max_concurrency: 3 });
    const fields = job({ mode: "hold", policy, calls: 3, leaseMs });
    const holder = start(fields);
    expect(await holder.next()).toEqual({ holding: 3 });
    const store = redisStore({ url: server.url, keyPrefix: fields.keyPrefix, leaseMs, timeoutMs: 5000 });
    stores.push(store);
    // Its own denials must not escalate the tool while it waits.
    const guard = createGuard(policy, { store, escalateAfterDenials: 10_000 });
    const tryRun = () => guard.run({ tool: "crm.get" }, () => "ran");
    expect((await tryRun()).decision.reason).toBe('"crm.get" is denied: 3 calls in flight reach max_concurrency 3');
    holder.child.kill("SIGKILL");
    await holder.exited;
    const killedAt = Date.now();
    // Still taken: the leases were renewed a moment ago and outlive the process for a while.
    expect((await tryRun()).decision.rule).toBe("budget");
    let ran = await tryRun();
    while (ran.decision.decision !== "allow" && Date.now() - killedAt < leaseMs + 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      ran = await tryRun();
    }
    expect(ran).toMatchObject({ decision: { decision: "allow" }, result: "ran" });
  }, 60_000);

  it("deny the calls a process makes while Redis is down mid-run, and admit them again once it is back", async () => {
    const fields = job({
      mode: "stream",
      policy: withBudgets({ rate_per_minute: 1_000_000 }),
      calls: 8,
      timeoutMs: 300,
      untilMs: Date.now() + 45_000,
    });
    const worker = start(fields);
    expect(await worker.next()).toEqual({ started: true });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await server.stop();
    const stoppedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const restartAt = Date.now();
    await server.start();
    const { decisions } = (await worker.next()) as { decisions: { rule: string; start: number; end: number }[] };
    const down = decisions.filter((d) => d.start > stoppedAt && d.end < restartAt);
    expect(decisions.filter((d) => d.end < stoppedAt).some((d) => d.rule === "allowed")).toBe(true);
    // Asked after the server was gone and answered before it was started again: Redis cannot have admitted it.
    expect(down.length).toBeGreaterThan(0);
    expect(down.every((d) => d.rule === "state-unavailable")).toBe(true);
    expect(new Set(decisions.map((d) => d.rule))).toEqual(new Set(["allowed", "state-unavailable"]));
    expect(decisions.filter((d) => d.start > restartAt).some((d) => d.rule === "allowed")).toBe(true);
  }, 60_000);

  it("deny every call while Redis is stopped, and decide again once it is back", async () => {
    const store = redisStore({ url: server.url, keyPrefix: `fleet-${randomUUID()}:`, timeoutMs: 300 });
    stores.push(store);
    const guard = createGuard(withBudgets({ rate_per_minute: 1000 }), { store });
    expect((await guard.authorize({ tool: "crm.get" })).decision).toBe("allow");
    await server.stop();
    for (const tool of ["crm.get", "email.send"]) expect((await guard.authorize({ tool })).rule).toBe("state-unavailable");
    await server.start();
    const deadline = Date.now() + 15_000;
    let decision = await guard.authorize({ tool: "crm.get" });
    while (decision.rule === "state-unavailable" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      decision = await guard.authorize({ tool: "crm.get" });
    }
    expect(decision.decision).toBe("allow");
    expect((await guard.authorize({ tool: "email.send" })).rule).toBe("deny-pattern");
  }, 60_000);
});

reportMissingRedis("guards in four processes sharing a Redis store");
