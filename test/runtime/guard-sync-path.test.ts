// The guard decides the common call (nothing recorded, enforcing, its memory store, a call
// decide() allows within every budget) without a promise per step. These tests hold that path to
// the general one: the same decisions, the same usage, call after call, and the same respect for a
// store the caller replaced.
import { context, INVALID_SPAN_CONTEXT, ROOT_CONTEXT, trace, type ContextManager } from "@opentelemetry/api";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { createGuard, type Guard, type GuardCall, type GuardDecision, type GuardOptions } from "../../src/runtime/guard.js";
import { markParsedArgs } from "../../src/runtime/guard-input.js";
import { memoryStore } from "../../src/runtime/store/memory.js";
import type { StateStore } from "../../src/runtime/store/types.js";
// @ts-expect-error: the benchmark's plain JS generators, without type declarations
import { seededRandom } from "../../bench/corpus.js";
import { makePolicy } from "../helpers/policy.js";

const POLICY = makePolicy({
  deny: [{ pattern: "shell.*" }],
  tools: {
    "crm.get": { effect: "read" },
    "crm.update": { effect: "write", limits: { amount: { max: 100 } } },
    "billing.refund": { effect: "irreversible", approval: { when: { arg: "amount", gt: 50 } } },
  },
  budgets: { max_tool_calls: 40, rate_per_minute: 12, max_concurrency: 2, max_turns: 6 },
  handoff: { escalate_after_denials: 4 },
});

/** The memory store behind an object of another kind: the guard can only ask it through StateStore. */
function throughInterface(store: StateStore): StateStore {
  return {
    description: store.description,
    leaseMs: store.leaseMs,
    admit: (request) => store.admit(request),
    addCost: (request) => store.addCost(request),
    recordDenial: (request) => store.recordDenial(request),
    renew: (scope, lease, now) => store.renew(scope, lease, now),
    release: (scope, lease) => store.release(scope, lease),
    close: () => store.close(),
  };
}

const CALLS: GuardCall[] = [
  { tool: "crm.get" },
  { tool: "CRM.Get" },
  { tool: "crm.update", args: { amount: 10 } },
  { tool: "crm.update", args: { amount: 500 } },
  { tool: "billing.refund", args: { amount: 20 } },
  { tool: "billing.refund", args: { amount: 80 } },
  { tool: "shell.exec" },
  { tool: "crm.get", costUsd: 0.01 },
  { tool: "crm.get", args: { n: [1, { deep: true }] } },
];

interface Held {
  decision: GuardDecision;
  finish: () => Promise<void>;
}

/** Starts run(call) whose tool keeps running until finish(); settles once the call is decided. */
function startRun(guard: Guard, call: GuardCall): Promise<Held> {
  return new Promise((resolve) => {
    let end!: () => void;
    const running = new Promise<void>((r) => (end = r));
    const done = guard.run(call, (decision) => {
      resolve({ decision, finish: async () => (end(), await done) as unknown as void });
      return running;
    });
    void done.then(({ decision }) => {
      if (decision.decision !== "allow") resolve({ decision, finish: async () => {} });
    });
  });
}

/** One run of steps on a guard: what each step decided, and the usage after it. */
async function play(seed: number, options: (clock: () => number) => GuardOptions): Promise<unknown[]> {
  const next = seededRandom(seed) as () => number;
  let now = Date.parse("2026-12-01T10:00:00.000Z");
  const guard = createGuard(POLICY, { approve: ({ call }) => ({ approved: (call.args?.amount as number) < 70 }), ...options(() => now) });
  const held: Held[] = [];
  const seen: unknown[] = [];
  for (let step = 0; step < 400; step++) {
    const pick = next();
    const call = CALLS[Math.floor(next() * CALLS.length)]!;
    if (pick < 0.4) {
      const { decision, rule, reason } = await guard.authorize(call);
      seen.push(["authorize", decision, rule, reason]);
    } else if (pick < 0.55) {
      const run = await startRun(guard, call);
      seen.push(["run", run.decision.decision, run.decision.rule, run.decision.reason]);
      if (run.decision.decision === "allow") held.push(run);
    } else if (pick < 0.65) {
      // admit(): run() for a caller that ends the call itself (the MCP gateway).
      const { decision, done } = await guard.admit(call);
      seen.push(["admit", decision.decision, decision.rule, decision.reason]);
      if (decision.decision === "allow") held.push({ decision, finish: async () => void (await done()) });
    } else if (pick < 0.8 && held.length > 0) {
      await held.splice(Math.floor(next() * held.length), 1)[0]!.finish();
      seen.push(["finished"]);
    } else if (pick < 0.9) {
      now += Math.floor(next() * 20_000);
      seen.push(["clock"]);
    } else if (pick < 0.95) {
      seen.push(["turn", guard.nextTurn()]);
    } else {
      guard.recordCost(0.02);
      seen.push(["cost"]);
    }
    const { runId: _run, ...usage } = guard.usage();
    seen.push(usage);
  }
  for (const run of held) await run.finish();
  return seen;
}

describe("the guard's synchronous path", () => {
  it("decides every call as the general path does, usage included, over 20 random runs of 400 steps", async () => {
    let allowedAtOnce = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const atOnce = await play(seed, (now) => ({ now, store: memoryStore() }));
      const general = await play(seed, (now) => ({ now, store: throughInterface(memoryStore()) }));
      expect(atOnce).toEqual(general);
      allowedAtOnce += atOnce.filter((step) => Array.isArray(step) && step[1] === "allow" && step[2] === "allowed").length;
      // Every kind of outcome the policy has is reached, so the comparison covers them.
      const rules = new Set(atOnce.filter(Array.isArray).map((step) => step[2]));
      if (seed === 1) for (const rule of ["allowed", "approval", "deny-pattern", "hard-limit", "budget"]) expect(rules).toContain(rule);
    }
    expect(allowedAtOnce).toBeGreaterThan(200);
  });

  it("takes an allowed call's decision without waiting a turn of the event loop", async () => {
    const guard = createGuard(POLICY);
    let settled = false;
    const decided = guard.authorize({ tool: "crm.get" }).then((d) => ((settled = true), d));
    await Promise.resolve();
    await Promise.resolve();
    expect(settled).toBe(true);
    expect((await decided).decision).toBe("allow");
  });

  it("admit() answers an allowed call at once, not as a promise, and holds its slot until done(), once", async () => {
    const guard = createGuard(makePolicy({ tools: { "crm.get": { effect: "read" } }, budgets: { max_concurrency: 1 } }));
    const first = guard.admit({ tool: "crm.get" });
    if ("then" in first) throw new Error("expected the admission at once");
    expect(first.decision.decision).toBe("allow");
    expect(first.call).toEqual({ tool: "crm.get" });
    expect(guard.usage().inFlight).toBe(1);
    // The slot is held: the next call waits for nothing and is denied by the budget.
    expect((await guard.admit({ tool: "crm.get" })).decision).toMatchObject({ decision: "deny", rule: "budget" });
    first.done();
    first.done();
    expect(guard.usage().inFlight).toBe(0);
    const second = await guard.admit({ tool: "crm.get" });
    expect(second.decision.decision).toBe("allow");
    expect(guard.usage().inFlight).toBe(1);
    // A denied call holds nothing: its done() gives back nobody's slot.
    const denied = await guard.admit({ tool: "shell.exec" });
    expect(denied.decision.decision).toBe("deny");
    expect(denied.call).toBeUndefined();
    denied.done();
    expect(guard.usage().inFlight).toBe(1);
  });

  it("asks a memory store whose admit or release was replaced through the replacement", async () => {
    const store = memoryStore();
    store.admit = async () => {
      throw new Error("admit is down");
    };
    const guard = createGuard(POLICY, { store });
    const denied = await guard.authorize({ tool: "crm.get" });
    expect([denied.decision, denied.rule]).toEqual(["deny", "state-unavailable"]);
    expect(denied.reason).toContain("admit is down");

    const released: string[] = [];
    const counting = memoryStore();
    const release = counting.release.bind(counting);
    counting.release = async (scope, lease) => {
      released.push(lease);
      return release(scope, lease);
    };
    const ran = await createGuard(POLICY, { store: counting }).run({ tool: "crm.get" }, () => "done");
    expect([ran.decision.decision, ran.result]).toEqual(["allow", "done"]);
    expect(released).toHaveLength(1);
  });

  it("denies a call to a closed memory store as the general path does", async () => {
    const store = memoryStore();
    await store.close();
    const denied = await createGuard(POLICY, { store }).authorize({ tool: "crm.get" });
    expect([denied.decision, denied.rule]).toEqual(["deny", "state-unavailable"]);
    expect(denied.reason).toContain("the memory store was closed");
  });

  it("keeps counting the last minute right past the pruning of its window", async () => {
    let now = Date.parse("2026-12-01T10:00:00.000Z");
    const guard = createGuard(makePolicy({ tools: { "crm.get": { effect: "read" } } }), { now: () => now });
    for (let i = 0; i < 5000; i++) {
      expect((await guard.authorize({ tool: "crm.get" })).decision).toBe("allow");
      now += 30; // 2,000 calls a minute
    }
    // Read 30 ms after the last call: the calls of the last 60,000 ms are the last 1,999.
    expect(guard.usage().callsLastMinute).toBe(1999);
    now += 60_000;
    expect(guard.usage().callsLastMinute).toBe(0);
    expect(guard.usage().toolCalls).toBe(5000);
  });
});

describe("what the synchronous path must not change (review attack5)", () => {
  const limited = makePolicy({ tools: { "crm.update": { effect: "write", limits: { amount: { max: 100 } } } } });

  it("a Proxy call that answers every key cannot claim args as parsed by the gateway: its getter args are still malformed", async () => {
    let phase = "deciding";
    const args = {
      get amount() {
        return phase === "deciding" ? 10 : 1_000_000;
      },
    };
    const call = new Proxy(
      { tool: "crm.update", args },
      { get: (target, key) => (typeof key === "symbol" ? true : Reflect.get(target, key)) },
    );
    const ran: unknown[] = [];
    const { decision } = await createGuard(limited).run(call as GuardCall, (_d, decided) => {
      phase = "executing";
      ran.push(decided.args?.amount);
    });
    expect([decision.decision, decision.rule]).toEqual(["deny", "malformed-call"]);
    expect(ran).toEqual([]);
  });

  it("args the gateway parsed itself are checked, not copied: what a copy refuses is still refused", async () => {
    const guard = createGuard(limited, { escalateAfterDenials: 10 });
    const parsed = (text: string) => {
      const args = JSON.parse(text) as Record<string, unknown>;
      markParsedArgs(args);
      return guard.authorize({ tool: "crm.update", args });
    };
    expect((await parsed('{"amount":1e400}')).rule).toBe("malformed-call");
    expect((await parsed(`{"amount":1,"deep":${"[".repeat(300)}${"]".repeat(300)}}`)).rule).toBe("malformed-call");
    expect((await parsed('{"amount":500}')).rule).toBe("hard-limit");
    expect((await parsed('{"amount":5}')).decision).toBe("allow");
    // Marked for the next call only, and only that very object.
    markParsedArgs({ amount: 5 });
    const getter = {
      get amount() {
        return 5;
      },
    };
    expect((await guard.authorize({ tool: "crm.update", args: getter })).rule).toBe("malformed-call");
  });

  it("a marked args object is still held to plain data, and a mark does not outlive the call it was for (attack5b)", async () => {
    const guard = createGuard(limited, { escalateAfterDenials: 100 });
    const getter = {
      get amount() {
        return 10;
      },
    };
    markParsedArgs(getter);
    expect((await guard.authorize({ tool: "crm.update", args: getter })).rule).toBe("malformed-call");
    const proxied = { order: new Proxy({ amount: 10 }, {}) };
    markParsedArgs(proxied);
    expect((await guard.authorize({ tool: "crm.update", args: proxied })).rule).toBe("malformed-call");
    // A call that returns early (not an object) takes the mark with it.
    const args = { amount: 10 };
    markParsedArgs(args);
    expect((await guard.authorize(null as never)).rule).toBe("malformed-call");
    Object.defineProperty(args, "amount", { get: () => 1_000_000, enumerable: true });
    expect((await guard.authorize({ tool: "crm.update", args })).rule).toBe("malformed-call");
  });

  it("a denial is emitted when the tracer provider is registered while it waits for its approver (attack5b)", async () => {
    let answer!: (approved: boolean) => void;
    const guard = createGuard(POLICY, { approve: () => new Promise((resolve) => (answer = (approved) => resolve({ approved }))) });
    const decided = guard.authorize({ tool: "billing.refund", args: { amount: 80 } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const exporter = new InMemorySpanExporter();
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    try {
      answer(false);
      expect((await decided).rule).toBe("approval");
      expect(exporter.getFinishedSpans().map((span) => [span.name, span.attributes["agentspec.decision"]])).toEqual([
        ["agentspec.decide", "deny"],
      ]);
      // An allowed call begun before any provider is registered is not traced afterwards.
      exporter.reset();
      trace.disable();
      const allowed = guard.authorize({ tool: "crm.get" });
      trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
      expect((await allowed).decision).toBe("allow");
      expect(exporter.getFinishedSpans()).toEqual([]);
    } finally {
      trace.disable();
    }
  });

  it("a context manager that throws does not keep the approver from being asked (attack5b)", async () => {
    const throwing: ContextManager = {
      active: () => ROOT_CONTEXT,
      with: () => {
        throw new Error("context manager down");
      },
      bind: (_context, target) => target,
      enable() {
        return this;
      },
      disable() {
        return this;
      },
    };
    trace.setGlobalTracerProvider(new BasicTracerProvider());
    context.setGlobalContextManager(throwing);
    try {
      let asked = 0;
      const guard = createGuard(POLICY, { approve: () => ((asked += 1), { approved: true }) });
      const decision = await guard.authorize({ tool: "billing.refund", args: { amount: 60 } });
      expect([decision.decision, decision.rule, asked]).toEqual(["allow", "approval", 1]);
    } finally {
      trace.disable();
      context.disable();
    }
  });

  it("a memory store whose admit or release was replaced on its prototype is asked through the replacement", async () => {
    const store = memoryStore();
    const prototype = Object.getPrototypeOf(store) as { admit: StateStore["admit"]; release: StateStore["release"] };
    const { admit, release } = prototype;
    const asked: string[] = [];
    prototype.admit = async function (this: StateStore, request) {
      asked.push("admit");
      return admit.call(this, request);
    };
    prototype.release = async function (this: StateStore, scope, lease) {
      asked.push("release");
      return release.call(this, scope, lease);
    };
    try {
      const ran = await createGuard(POLICY, { store }).run({ tool: "crm.get" }, () => "done");
      expect(ran.decision.decision).toBe("allow");
      expect(asked).toEqual(["admit", "release"]);
    } finally {
      prototype.admit = admit;
      prototype.release = release;
    }
  });

  it("a tracer that throws changes no decision: run() resolves and gives its slot back", async () => {
    const throwing = () => {
      throw new Error("exporter hook blew up");
    };
    const span = {
      isRecording: () => true,
      setAttributes: throwing,
      setStatus: throwing,
      end: throwing,
      spanContext: () => INVALID_SPAN_CONTEXT,
    };
    const policy = makePolicy({ tools: { "crm.get": { effect: "read" } }, budgets: { max_concurrency: 1 } });
    for (const provider of [
      { getTracer: () => ({ startSpan: () => span, startActiveSpan: throwing }) },
      { getTracer: () => ({ startSpan: throwing, startActiveSpan: throwing }) },
    ]) {
      trace.setGlobalTracerProvider(provider as never);
      try {
        const guard = createGuard(policy);
        for (const call of [{ tool: "crm.get" }, { tool: "crm.get" }, { tool: "shell.exec" }]) {
          const ran = await guard.run(call, () => "ran");
          expect(ran.decision.decision).toBe(call.tool === "crm.get" ? "allow" : "deny");
        }
        expect(guard.usage().inFlight).toBe(0);
      } finally {
        trace.disable();
      }
    }
  });

  it("reads the clock once a call: a clock that fails once denies that call (clock-failed), not a second reading", async () => {
    let reads = 0;
    const guard = createGuard(POLICY, {
      now: () => {
        reads += 1;
        if (reads === 1) throw new Error("clock down");
        return Date.parse("2026-12-01T10:00:00.000Z");
      },
    });
    const first = await guard.authorize({ tool: "crm.get" });
    expect([first.decision, first.rule, reads]).toEqual(["deny", "clock-failed", 1]);
    expect((await guard.authorize({ tool: "crm.get" })).decision).toBe("allow");
    expect(reads).toBe(2);
  });
});

describe("a guard closed while a call is decided (review attack6)", () => {
  it("denies a call approved after close(), and does not run it", async () => {
    let approveNow!: () => void;
    const guard = createGuard(POLICY, {
      approve: () => new Promise((resolve) => (approveNow = () => resolve({ approved: true, reviewer: "r" }))),
    });
    let ran = false;
    const running = guard.run({ tool: "billing.refund", args: { amount: 80 } }, () => void (ran = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    guard.close();
    approveNow();
    const { decision } = await running;
    expect(decision).toMatchObject({ decision: "deny", rule: "audit-failed" });
    expect(decision.reason).toMatch(/closed \(guard\.close\(\)\) while "billing\.refund" was being decided/);
    expect(ran).toBe(false);
    expect(guard.usage().inFlight).toBe(0);
  });
});

describe("callbacks get a copy of the call", () => {
  it("an approver that changes the call it is given does not change the call that runs", async () => {
    const guard = createGuard(POLICY, {
      approve: ({ call }) => {
        (call.args as Record<string, unknown>).amount = 5000;
        return { approved: true, reviewer: "ana" };
      },
    });
    const ran: unknown[] = [];
    const { decision } = await guard.run({ tool: "billing.refund", args: { amount: 60 } }, (_d, call) => ran.push(call.args));
    expect([decision.decision, decision.rule]).toEqual(["allow", "approval"]);
    expect(ran).toEqual([{ amount: 60 }]);
  });
});
