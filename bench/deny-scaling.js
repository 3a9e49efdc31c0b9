// How lint, compile and decide() grow with the deny list: one spec with 1,000 tools and N deny
// globs of the form `*.purge_<n>_*` (a shape no literal first segment can index), at N and 3N.
// Linear growth is 3× the time for 3× the globs; the target allows 4×.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkSource, compilePolicy, decide, parseSource } from "../dist/src/index.js";
import { targets } from "../dist/src/compile/targets/index.js";
import { median, medianTimes } from "./harness.js";

/** The spec: 1,000 tools over 50 namespaces, none of them denied, and `globs` deny globs. */
export function denyScalingSpec(globs) {
  const tools = {};
  for (let i = 0; i < 1000; i++) tools[`svc${i % 50}.op${i}`] = { effect: "read" };
  const deny = Array.from({ length: globs }, (_, n) => `*.purge_${n}_*`);
  return { agentspec: "1.0", agent: { id: "deny-scaling", version: "1.0.0" }, tools, deny };
}

/**
 * Wall times (median of interleaved runs) of `agentspec lint` and `agentspec compile` (every
 * target) on the spec with `small` and 3 × `small` globs, and in process: indexing the policy
 * (its first decide()) and decide() on names never seen before (every one a cache miss).
 */
export function benchDenyScaling({ root, small = 10_000, runs = 3 }) {
  const large = small * 3;
  const dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-bench-deny-"));
  try {
    const files = {};
    for (const globs of [small, large]) {
      files[globs] = path.join(dir, `deny-${globs}.agentspec.json`);
      writeFileSync(files[globs], JSON.stringify(denyScalingSpec(globs)));
    }
    const node = process.execPath;
    const bin = path.join(root, "bin/agentspec.cjs");
    const every = targets.map((t) => t.id).join(",");
    const cli = medianTimes(
      [
        { name: "lintSmall", argv: [node, bin, "lint", files[small]] },
        { name: "lintLarge", argv: [node, bin, "lint", files[large]] },
        { name: "compileSmall", argv: [node, bin, "compile", files[small], "--target", every, "--out", path.join(dir, "out-s")] },
        { name: "compileLarge", argv: [node, bin, "compile", files[large], "--target", every, "--out", path.join(dir, "out-l")] },
      ],
      { runs, cwd: root },
    );
    for (const [name, result] of Object.entries(cli))
      if (result.status !== 0) throw new Error(`the deny-scaling ${name} run exited ${result.status}: it timed a failure`);
    const inProcess = { small: decideScaling(small), large: decideScaling(large) };
    return { small, large, cli, inProcess };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Median ms to index the policy (compiled once, then its first decide()) and µs per decision on new names. */
function decideScaling(globs) {
  const checked = checkSource(parseSource("deny.agentspec.json", JSON.stringify(denyScalingSpec(globs))));
  if (!checked.spec) throw new Error("the deny-scaling spec is invalid");
  const indexMs = [];
  const perDecisionUs = [];
  for (let round = 0; round < 5; round++) {
    // A fresh policy object each round: decide() indexes a policy object once.
    const policy = compilePolicy(checked.spec);
    let started = process.hrtime.bigint();
    decide(policy, { tool: "svc0.op0" });
    indexMs.push(Number(process.hrtime.bigint() - started) / 1e6);
    const count = 20_000;
    started = process.hrtime.bigint();
    let allowed = 0;
    for (let k = 0; k < count; k++) {
      // Every name new; a third hit a deny glob, the rest match nothing.
      const tool = k % 3 === 0 ? `svc${k % 50}.purge_${(k * 7919) % globs}_${round}.${k}` : `svc${k % 50}.op${k % 1000}.r${round}.${k}`;
      if (decide(policy, { tool }).decision === "allow") allowed++;
    }
    perDecisionUs.push(Number(process.hrtime.bigint() - started) / 1e3 / count);
    if (allowed !== 0) throw new Error("no generated name is in the allowlist: the benchmark's names are wrong");
  }
  return { indexMs: median(indexMs), perDecisionUs: median(perDecisionUs) };
}
