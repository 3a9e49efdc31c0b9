// decide() throughput against the Cedar engine on the same authority: a policy with 1,000
// allowed tools and 100 deny globs, compiled from one spec to both agentspec's policy and Cedar.
import * as cedarEngine from "@cedar-policy/cedar-wasm/nodejs";
import { Bench } from "tinybench";
import { compilePolicy } from "../dist/src/policy/compile-policy.js";
import { cedar, cedarSubjects } from "../dist/src/compile/targets/cedar.js";
import { parseSource } from "../dist/src/load/index.js";
import { checkSource } from "../dist/src/model/index.js";
import { cedarRequest, fromCedarDecisions } from "../dist/src/compile/requests/cedar.js";
import { decide } from "../dist/src/policy/decide.js";
import { seededRandom } from "./corpus.js";

/** Calls per timed sample: one decide() is far below the timer's resolution. */
const BATCH = 1000;

/** The spec: 1,000 tools over 50 namespaces (a tenth gated or limited) and 100 deny globs of mixed shapes. */
export function largeSpec() {
  const tools = {};
  for (let i = 0; i < 1000; i++) {
    const name = `svc${i % 50}.op${i}`;
    const tool = { effect: i % 10 === 0 ? "irreversible" : "read" };
    if (i % 10 === 0) {
      tool.approval = { when: { arg: "amount", gt: 100 }, channel: "slack:#approvals" };
      tool.limits = { amount: { max: 5000 } };
    }
    tools[name] = tool;
  }
  const deny = [];
  for (let j = 0; j < 100; j++) {
    const shape = j % 4;
    deny.push(shape === 0 ? `danger${j}.*` : shape === 1 ? `svc${j % 50}.purge${j}*` : shape === 2 ? `*.wipe${j}` : `admin${j}.*.delete`);
  }
  return { agentspec: "1.0", agent: { id: "bench-large", version: "1.0.0" }, tools, deny };
}

/** A deterministic mix: 70% allowed (a tenth of them gated, with args), 20% denied by a glob, 10% unknown. */
export function callMix(seed, count) {
  const random = seededRandom(seed);
  const calls = [];
  for (let k = 0; k < count; k++) {
    const roll = random();
    const i = Math.floor(random() * 1000);
    const j = Math.floor(random() * 100);
    if (roll < 0.7)
      calls.push(
        i % 10 === 0 ? { tool: `svc${i % 50}.op${i}`, args: { amount: Math.floor(random() * 300) } } : { tool: `svc${i % 50}.op${i}` },
      );
    else if (roll < 0.9) {
      const shape = j % 4;
      calls.push({
        tool:
          shape === 0
            ? `danger${j}.run`
            : shape === 1
              ? `svc${j % 50}.purge${j}.all`
              : shape === 2
                ? `svc${j % 50}.wipe${j}`
                : `admin${j}.users.delete`,
      });
    } else calls.push({ tool: `unknown${i}.op${j}` });
  }
  return calls;
}

function compileLarge() {
  const checked = checkSource(parseSource("bench-large.agentspec.json", JSON.stringify(largeSpec())));
  if (!checked.spec) throw new Error(`the benchmark spec is invalid: ${JSON.stringify(checked.diagnostics.slice(0, 3))}`);
  return { spec: checked.spec, policy: compilePolicy(checked.spec) };
}

/** Cedar with the policy set and schema pre-parsed once, as a long-running authorizer holds them. */
function cedarAuthorizer(spec, policy) {
  const [policies, schema] = cedar.emit(spec, { report: () => {} });
  const id = "bench-large";
  if (cedarEngine.preparsePolicySet(id, { staticPolicies: policies.contents }).type !== "success")
    throw new Error("Cedar refused the policies");
  if (cedarEngine.preparseSchema(id, schema.contents).type !== "success") throw new Error("Cedar refused the schema");
  const subjects = cedarSubjects(policy);
  const ask = (call, approved) => {
    const request = cedarRequest(policy, call, approved, subjects);
    const answer = cedarEngine.statefulIsAuthorized({ ...request, preparsedPolicySetId: id, entities: [] });
    if (answer.type !== "success") throw new Error(JSON.stringify(answer.errors));
    return answer.response.decision;
  };
  // One isAuthorized per decision is timed (generous to Cedar: a denied call needs a second ask
  // to tell deny from require_approval); the full two-step mapping is used for the agreement check.
  return { askOnce: (call) => ask(call, false), decision: (call) => fromCedarDecisions(ask(call, false), ask(call, true)) };
}

/**
 * Decisions per second, median of tinybench samples: agentspec's decide() with the policy
 * indexed once, and Cedar's statefulIsAuthorized with policies pre-parsed. Also checks both
 * decide every call of the mix alike.
 */
export async function benchDecide({ time = 2000 } = {}) {
  const { spec, policy } = compileLarge();
  const calls = callMix(42, 4096);
  const authorizer = cedarAuthorizer(spec, policy);
  const disagreements = calls.slice(0, 500).filter((call) => decide(policy, call).decision !== authorizer.decision(call)).length;
  let cursor = 0;
  let sink = 0;
  const bench = new Bench({ time, warmup: true, warmupTime: 300 });
  bench.add("agentspec decide()", () => {
    for (let n = 0; n < BATCH; n++) {
      const call = calls[cursor];
      cursor = (cursor + 1) & 4095;
      if (decide(policy, call).decision === "allow") sink++;
    }
  });
  bench.add("Cedar statefulIsAuthorized", () => {
    const call = calls[cursor];
    cursor = (cursor + 1) & 4095;
    if (authorizer.askOnce(call) === "allow") sink++;
  });
  await bench.run();
  const [ours, theirs] = bench.tasks.map((task) => task.result);
  const perSecond = (result, batch) => (batch * 1000) / result.latency.p50;
  return {
    agentspec: perSecond(ours, BATCH),
    cedar: perSecond(theirs, 1),
    disagreements,
    checked: 500,
    sink,
  };
}

/** Decisions per second on names never seen before: every call misses the per-name cache. */
export function benchDecideUncached({ count = 200_000 } = {}) {
  const { policy } = compileLarge();
  const calls = callMix(7, count).map((call, k) => (k % 2 === 0 ? call : { ...call, tool: `${call.tool}.x${k}` }));
  decide(policy, calls[0]);
  const started = process.hrtime.bigint();
  let sink = 0;
  for (const call of calls) if (decide(policy, call).decision === "allow") sink++;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { perSecond: count / seconds, sink };
}
