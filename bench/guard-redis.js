// The Redis store's cost: guard.authorize() with the Redis store against a real redis-server on
// loopback, next to the same guard with the memory store; and the decisions per second of two
// processes sharing one Redis store, each keeping many calls in flight (ioredis pipelines the
// scripts of calls made at once). Needs redis-server; the rows say so when it is missing.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createGuard, redisStore } from "../dist/src/index.js";
import { benchPolicy } from "./guard-redis-worker.js";
import { hasRedisServer, startRedisServer } from "./redis-server.js";

const WORKER = fileURLToPath(new URL("./guard-redis-worker.js", import.meta.url));

export async function benchGuardRedis({ seconds = 3, rounds = 10 } = {}) {
  if (!hasRedisServer()) return { skipped: "redis-server is not installed (apt-get install -y redis-server)" };
  const server = await startRedisServer();
  try {
    const latency = await latencies(server.url, rounds);
    const fleet = await twoProcesses(server.url, seconds);
    const memory = await inFlight(createGuard(benchPolicy()), seconds);
    return { latency, fleet, memoryPerSecond: memory };
  } finally {
    await server.stop();
  }
}

/** Per-decision latency (µs) of one call at a time, memory and Redis stores interleaved in blocks. */
async function latencies(url, rounds) {
  const policy = benchPolicy();
  const store = redisStore({ url, keyPrefix: "bench-latency:", timeoutMs: 2000 });
  const guards = { memory: createGuard(policy), redis: createGuard(policy, { store }) };
  const samples = { memory: [], redis: [] };
  for (let round = -1; round < rounds; round++) {
    for (const kind of ["memory", "redis"]) {
      for (let i = 0; i < 1000; i++) {
        const started = process.hrtime.bigint();
        const decision = await guards[kind].authorize({ tool: "crm.get" });
        const us = Number(process.hrtime.bigint() - started) / 1e3;
        if (decision.decision !== "allow") throw new Error(`the ${kind} guard denied a benchmark call: ${decision.reason}`);
        if (round >= 0) samples[kind].push(us);
      }
    }
  }
  await store.close();
  const summary = (values) => {
    const sorted = values.sort((a, b) => a - b);
    return { p50: sorted[Math.floor(sorted.length * 0.5)], p99: sorted[Math.floor(sorted.length * 0.99)] };
  };
  return { memory: summary(samples.memory), redis: summary(samples.redis) };
}

/** Allowed decisions per second of two processes sharing the store for `seconds`, 64 calls in flight each. */
async function twoProcesses(url, seconds) {
  const startAt = Date.now() + 1500;
  const job = (n) => JSON.stringify({ url, keyPrefix: "bench-fleet:", seconds, inflight: 64, startAt, runId: `bench-${n}` });
  const results = await Promise.all([0, 1].map((n) => runWorker(job(n))));
  const allowed = results.reduce((sum, r) => sum + r.allowed, 0);
  const denied = results.reduce((sum, r) => sum + r.denied, 0);
  if (denied > 0) throw new Error(`${denied} benchmark calls were denied: ${results.map((r) => r.reason).find(Boolean)}`);
  return { perSecond: allowed / seconds, processes: results };
}

/** Allowed decisions per second of one guard keeping 64 calls in flight for `seconds`. */
async function inFlight(guard, seconds) {
  const end = Date.now() + seconds * 1000;
  let allowed = 0;
  const loop = async () => {
    while (Date.now() < end) if ((await guard.authorize({ tool: "crm.get" })).decision === "allow") allowed++;
  };
  await Promise.all(Array.from({ length: 64 }, loop));
  return allowed / seconds;
}

function runWorker(job) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER, job], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.once("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`a benchmark worker exited ${code}`))));
  });
}
