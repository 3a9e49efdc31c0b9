// One process of the fleet tests (fleet.test.ts): guards over one policy sharing a Redis store.
// Bundled from the sources by the test; the job comes as JSON in argv[2], the result goes to stdout.
import { Redis } from "ioredis";
import type { Policy } from "../../../generated/policy.js";
import { createGuard, type GuardCall } from "../../../src/runtime/guard.js";
import { redisStore } from "../../../src/runtime/store/redis.js";

interface Job {
  mode: "burst" | "concurrent" | "hold" | "sessions" | "stream";
  url: string;
  keyPrefix: string;
  policy: Policy;
  calls: number;
  call: GuardCall;
  runId?: string;
  /** Run ids, for "sessions": one guard each. */
  runIds?: string[];
  leaseMs?: number;
  timeoutMs?: number;
  holdMs?: number;
  /** A Redis key the "concurrent" mode counts calls in flight on, fleet-wide. */
  inflightKey?: string;
  /** For "stream": stop once a call is allowed after a denied one (recovered), or at this time. */
  untilMs?: number;
}

const job = JSON.parse(process.argv[2]!) as Job;
const store = redisStore({
  url: job.url,
  keyPrefix: job.keyPrefix,
  timeoutMs: job.timeoutMs ?? 5000,
  ...(job.leaseMs ? { leaseMs: job.leaseMs } : {}),
});
let escalations = 0;
const guard = createGuard(job.policy, { store, runId: job.runId, onEscalate: () => void escalations++ });
const counter = job.inflightKey ? new Redis(job.url) : undefined;

function print(result: unknown): void {
  process.stdout.write(JSON.stringify(result) + "\n");
}

switch (job.mode) {
  case "burst": {
    const decisions = await Promise.all(Array.from({ length: job.calls }, () => guard.authorize(job.call)));
    print({ rules: decisions.map((d) => d.rule), escalations });
    break;
  }
  case "concurrent": {
    let maxSeen = 0;
    const runs = await Promise.all(
      Array.from({ length: job.calls }, () =>
        guard.run(job.call, async () => {
          maxSeen = Math.max(maxSeen, await counter!.incr(job.inflightKey!));
          await new Promise((resolve) => setTimeout(resolve, job.holdMs ?? 100));
          await counter!.decr(job.inflightKey!);
        }),
      ),
    );
    print({ rules: runs.map((r) => r.decision.rule), maxSeen });
    break;
  }
  case "hold": {
    // Calls that never finish: their slots stay taken (their leases renewed) until the process dies.
    let allowed = 0;
    for (let i = 0; i < job.calls; i++) {
      void guard
        .run(job.call, () => new Promise<never>(() => {}))
        .then(({ decision }) => {
          if (decision.decision !== "allow") print({ error: decision.reason });
        });
    }
    const poll = setInterval(() => {
      allowed = guard.usage().inFlight;
      if (allowed === job.calls) {
        clearInterval(poll);
        print({ holding: allowed });
      }
    }, 20);
    // Alive until killed: what the test does to it.
    setInterval(() => {}, 1 << 30);
    await new Promise<never>(() => {});
    break;
  }
  case "stream": {
    // `calls` loops, each calling again as soon as its call is decided, across a Redis outage the
    // test makes; every decision with when it was asked and answered (this host's clock).
    const decisions: { rule: string; start: number; end: number }[] = [];
    let recovered = false;
    const loop = async () => {
      while (!recovered && Date.now() < job.untilMs!) {
        const start = Date.now();
        const { rule } = await guard.authorize(job.call);
        decisions.push({ rule, start, end: Date.now() });
        if (rule === "allowed" && decisions.some((d) => d.rule !== "allowed")) recovered = true;
        if (rule !== "allowed") await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    print({ started: true });
    await Promise.all(Array.from({ length: job.calls }, loop));
    print({ decisions });
    break;
  }
  case "sessions": {
    const guards = job.runIds!.map((runId) => createGuard(job.policy, { store, runId }));
    const decisions = await Promise.all(guards.map((g) => g.authorize(job.call)));
    print({ allowed: job.runIds!.filter((_, i) => decisions[i]!.decision === "allow"), rules: decisions.map((d) => d.rule) });
    break;
  }
}
counter?.disconnect();
await store.close();
