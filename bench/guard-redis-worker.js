// One process of the two-process Redis benchmark (bench/guard-redis.js): from startAt, for
// `seconds`, keeps `inflight` guard.authorize() calls going against a shared Redis store.
import { pathToFileURL } from "node:url";
import { checkSource, compilePolicy, createGuard, parseSource, redisStore } from "../dist/src/index.js";

/** An allowed tool under budgets the store counts on every call (a rate window, a run's call count), none of them reached. */
export function benchPolicy() {
  const spec = {
    agentspec: "1.0",
    agent: { id: "bench-redis", version: "1.0.0" },
    tools: { "crm.get": { effect: "read" } },
    limits: { rate_per_minute: 100_000_000, max_tool_calls: 100_000_000 },
  };
  const checked = checkSource(parseSource("bench-redis.agentspec.json", JSON.stringify(spec)));
  if (!checked.spec) throw new Error("the Redis benchmark spec is invalid");
  return compilePolicy(checked.spec);
}

// Run as a worker only when started as one: bench/run.js imports this module for benchPolicy, and
// its own argv (--quick, --only …) is no job.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { url, keyPrefix, seconds, inflight, startAt, runId } = JSON.parse(process.argv[2]);
  const store = redisStore({ url, keyPrefix, timeoutMs: 2000 });
  const guard = createGuard(benchPolicy(), { store, runId });
  // Connect and load the scripts before the clock starts.
  await guard.authorize({ tool: "crm.get" });
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
  const end = Date.now() + seconds * 1000;
  let allowed = 0;
  let denied = 0;
  let reason;
  const loop = async () => {
    while (Date.now() < end) {
      const decision = await guard.authorize({ tool: "crm.get" });
      if (decision.decision === "allow") allowed++;
      else {
        denied++;
        reason ??= decision.reason;
      }
    }
  };
  await Promise.all(Array.from({ length: inflight }, loop));
  await store.close();
  process.stdout.write(JSON.stringify({ allowed, denied, reason }));
}
