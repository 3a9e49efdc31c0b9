#!/usr/bin/env node
// `npm run bench`: every performance figure of the README's Performance section, each with the
// baseline it is compared with (measured in the same run) and the ratio. Uses the built CLI in
// dist/ (npm run bench builds first). Options: --quick (fewer runs, 2,000-spec corpus),
// --seed N (the corpus seed, default 1), --json (machine-readable output), --only a,b (only
// those sections: cold, corpus, decide, deny, diff, mcp, gateway, redis; ratios are within a section).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { targets } from "../dist/src/compile/targets/index.js";
import { writeCorpus } from "./corpus.js";
import { benchDecide, benchDecideUncached } from "./decide.js";
import { benchDenyScaling } from "./deny-scaling.js";
import { benchDiff } from "./diff.js";
import { benchMcp, benchMcpHostile } from "./mcp.js";
import {
  benchGateway,
  FIRST_CALLS as FIRST_GATEWAY_CALLS,
  SETTLED_AFTER as SETTLED_GATEWAY_CALLS,
  LARGE_RESULT_CHARS,
  START_ROUNDS,
  WARMUP as GATEWAY_WARMUP,
} from "./gateway.js";
import { benchGuardRedis } from "./guard-redis.js";
import { medianTimes, peakRssMb } from "./harness.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const quick = argv.includes("--quick");
const asJson = argv.includes("--json");
const seed = Number(argv[argv.indexOf("--seed") + 1] || 1) || 1;
const SECTIONS = ["cold", "corpus", "decide", "deny", "diff", "mcp", "gateway", "redis"];
const only = argv.includes("--only") ? (argv[argv.indexOf("--only") + 1] ?? "").split(",") : SECTIONS;
const unknown = only.filter((s) => !SECTIONS.includes(s));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown section ${unknown.join(", ")} after --only (sections: ${SECTIONS.join(", ")})\n`);
  process.exit(2);
}
const wants = (section) => only.includes(section);
const statuses = {};
let decideAgreement;
const SMALL_RUNS = quick ? 5 : 15;
const CORPUS_RUNS = quick ? 1 : 3;
const LARGE = quick ? 2000 : 10_000;
const node = process.execPath;
const bin = path.join(root, "bin/agentspec.cjs");
const ajvCli = path.join(root, "node_modules/ajv-cli/dist/index.js");
const spectralCli = path.join(root, "node_modules/@stoplight/spectral-cli/dist/index.js");
const ruleset = path.join(root, "bench/spectral.ruleset.yaml");

const log = (text) => process.stderr.write(`${text}\n`);
const rows = [];
const row = (figure, value, baselineName, baseline, ratio, target, met) =>
  rows.push({ figure, value, baselineName, baseline, ratio, target, met });

const out = mkdtempSync(path.join(os.tmpdir(), "agentspec-bench-out-"));

const lint = (dir) => [node, bin, "lint", dir];
const ajv = (files) => [
  node,
  ajvCli,
  "validate",
  "--spec=draft7",
  "-s",
  "schema/agentspec.schema.json",
  "-d",
  files,
  "-c",
  "ajv-formats",
  "--strict=false",
  "--all-errors",
  "--errors=no",
];
const spectral = (files) => [node, spectralCli, "lint", files, "-r", ruleset, "--quiet"];
const allTargets = targets.map((t) => t.id).join(",");

if (wants("cold")) {
  log(`cold start and compile: ${SMALL_RUNS} interleaved runs each`);
  const cold = medianTimes(
    [
      { name: "node", argv: [node, "-e", "0"] },
      { name: "lint", argv: lint("specs/") },
      { name: "uncached", argv: lint("specs/"), env: { AGENTSPEC_DISABLE_CODE_CACHE: "1", NODE_DISABLE_COMPILE_CACHE: "1" } },
      { name: "compile", argv: [node, bin, "compile", "specs/", "--target", allTargets, "--out", out] },
      { name: "ajv", argv: ajv("specs/*.agentspec.yaml") },
      { name: "spectral", argv: spectral("specs/*.agentspec.yaml") },
    ],
    { runs: SMALL_RUNS, cwd: root },
  );
  row(
    "Cold start: `agentspec lint specs/` (5 specs)",
    ms(cold.lint),
    "`node -e 0`",
    ms(cold.node),
    cold.lint.ms / cold.node.ms,
    "≤ 1.5×",
    cold.lint.ms / cold.node.ms <= 1.5,
  );
  row(
    "Cold start without the code cache (a first run after a build)",
    ms(cold.uncached),
    "`node -e 0`",
    ms(cold.node),
    cold.uncached.ms / cold.node.ms,
    "(info)",
  );
  row(
    `Compile the 5 specs to every target (${targets.length})`,
    ms(cold.compile),
    "cold start (above)",
    ms(cold.lint),
    cold.compile.ms / cold.lint.ms,
    "≤ 1.5×",
    cold.compile.ms / cold.lint.ms <= 1.5,
  );
  row(
    "5 specs: agentspec lint vs ajv-cli (schema only)",
    ms(cold.lint),
    "ajv-cli validate",
    ms(cold.ajv),
    cold.lint.ms / cold.ajv.ms,
    "(comparison)",
  );
  row(
    "5 specs: agentspec lint vs Spectral (one rule)",
    ms(cold.lint),
    "spectral lint",
    ms(cold.spectral),
    cold.lint.ms / cold.spectral.ms,
    "(comparison)",
  );

  statuses.lint = cold.lint.status;
  statuses.compile = cold.compile.status;
  statuses.ajv = cold.ajv.status;
  statuses.spectral = cold.spectral.status;
}

if (wants("corpus")) {
  const corpusRoot = path.join(os.tmpdir(), `agentspec-bench-corpus-${seed}`);
  log(`corpus: ${corpusRoot}`);
  const small = await writeCorpus(path.join(corpusRoot, "1000"), { count: 1000, seed });
  const large = await writeCorpus(path.join(corpusRoot, String(LARGE)), { count: LARGE, seed });
  log(`corpus lint: ${CORPUS_RUNS} interleaved runs each`);
  const corpus = medianTimes(
    [
      { name: "small", argv: lint(small.dir) },
      { name: "large", argv: lint(large.dir) },
      { name: "ajv", argv: ajv(`${small.dir}/*.agentspec.{yaml,json}`) },
      { name: "spectral", argv: spectral(`${small.dir}/*.agentspec.{yaml,json}`) },
    ],
    { runs: CORPUS_RUNS, cwd: root },
  );
  const largeRss = peakRssMb([bin, "lint", large.dir], { cwd: root });
  const scale = corpus.large.ms / corpus.small.ms;
  const per = LARGE / 1000;
  row(
    `Lint ${LARGE.toLocaleString("en")} generated specs (${large.planted.toLocaleString("en")} with findings)`,
    ms(corpus.large),
    "target",
    "5,000 ms",
    corpus.large.ms / 5000,
    "< 1× (< 5 s)",
    corpus.large.ms < 5000,
  );
  row(
    `Peak memory, ${LARGE.toLocaleString("en")} specs`,
    `${largeRss.toFixed(0)} MB`,
    "target",
    "400 MB",
    largeRss / 400,
    "< 1×",
    largeRss < 400,
  );
  row(
    `Scaling: ${LARGE.toLocaleString("en")} specs vs 1,000`,
    ms(corpus.large),
    "1,000 specs",
    ms(corpus.small),
    scale,
    `≤ ${(per * 1.2).toFixed(0)}× (linear: ${per}×)`,
    scale <= per * 1.2,
  );
  row(
    "1,000 specs: agentspec lint vs ajv-cli (schema only)",
    ms(corpus.small),
    "ajv-cli validate",
    ms(corpus.ajv),
    corpus.small.ms / corpus.ajv.ms,
    "(comparison)",
  );
  row(
    "1,000 specs: agentspec lint vs Spectral (one rule)",
    ms(corpus.small),
    "spectral lint",
    ms(corpus.spectral),
    corpus.small.ms / corpus.spectral.ms,
    "(comparison)",
  );

  statuses.corpus = corpus.large.status;
}

if (wants("decide")) {
  log("decide(): tinybench");
  const decided = await benchDecide({ time: quick ? 1000 : 3000 });
  const uncached = benchDecideUncached();
  row(
    "decide(), 1,000 tools + 100 deny globs, one core",
    perSecond(decided.agentspec),
    "target",
    "5M/s",
    decided.agentspec / 5e6,
    "≥ 1×",
    decided.agentspec >= 5e6,
  );
  row(
    "decide() vs Cedar (cedar-wasm, policies pre-parsed)",
    perSecond(decided.agentspec),
    "Cedar isAuthorized",
    perSecond(decided.cedar),
    decided.agentspec / decided.cedar,
    "≥ 1,000×",
    decided.agentspec / decided.cedar >= 1000,
  );
  row(
    "decide(), every name new (cache misses)",
    perSecond(uncached.perSecond),
    "cached decide()",
    perSecond(decided.agentspec),
    uncached.perSecond / decided.agentspec,
    "(info)",
  );

  decideAgreement = `${decided.checked - decided.disagreements}/${decided.checked}`;
}

if (wants("deny")) {
  const DENY_GLOBS = quick ? 3000 : 10_000;
  log(
    `deny-list scaling: ${DENY_GLOBS.toLocaleString("en")} and ${(DENY_GLOBS * 3).toLocaleString("en")} deny globs, ${CORPUS_RUNS} interleaved runs`,
  );
  const deny = benchDenyScaling({ root, small: DENY_GLOBS, runs: CORPUS_RUNS });
  const denyLabel = (n) => `${n.toLocaleString("en")} deny globs`;
  row(
    `Lint one spec: 1,000 tools + ${denyLabel(deny.small)} \`*.purge_<n>_*\``,
    ms(deny.cli.lintSmall),
    "target",
    "2,000 ms",
    deny.cli.lintSmall.ms / 2000,
    "< 1× (< 2 s)",
    deny.cli.lintSmall.ms < 2000,
  );
  const scalingRow = (figure, large, small, value = ms(large), baseline = ms(small)) => {
    const ratio = large.ms / small.ms;
    row(figure, value, denyLabel(deny.small), baseline, ratio, "≤ 4× (linear: 3×)", ratio <= 4);
  };
  scalingRow(`Lint scaling: ${denyLabel(deny.large)} vs ${deny.small.toLocaleString("en")}`, deny.cli.lintLarge, deny.cli.lintSmall);
  scalingRow(
    `Compile scaling (every target): ${denyLabel(deny.large)} vs ${deny.small.toLocaleString("en")}`,
    deny.cli.compileLarge,
    deny.cli.compileSmall,
  );
  scalingRow(
    `decide() indexing a policy: ${denyLabel(deny.large)} vs ${deny.small.toLocaleString("en")}`,
    { ms: deny.inProcess.large.indexMs },
    { ms: deny.inProcess.small.indexMs },
    `${deny.inProcess.large.indexMs.toFixed(1)} ms`,
    `${deny.inProcess.small.indexMs.toFixed(1)} ms`,
  );
  scalingRow(
    `decide() on new names (cache misses): ${denyLabel(deny.large)} vs ${deny.small.toLocaleString("en")}`,
    { ms: deny.inProcess.large.perDecisionUs },
    { ms: deny.inProcess.small.perDecisionUs },
    `${deny.inProcess.large.perDecisionUs.toFixed(2)} µs`,
    `${deny.inProcess.small.perDecisionUs.toFixed(2)} µs`,
  );
}

if (wants("diff")) {
  log(`agentspec diff: ${quick ? 3 : 7} interleaved runs each`);
  const diffed = benchDiff({ node, bin, runs: quick ? 3 : 7, seed });
  row(
    "`agentspec diff` of two 1,000-tool specs (230 changes, 200 widenings with witnesses)",
    ms(diffed.pair),
    "target",
    "1,000 ms",
    diffed.pair.ms / 1000,
    "< 1× (< 1 s)",
    diffed.pair.ms < 1000,
  );
  row(
    "`agentspec diff --base` over 100 changed specs (git repository)",
    ms(diffed.base),
    "target",
    "5,000 ms",
    diffed.base.ms / 5000,
    "< 1× (< 5 s)",
    diffed.base.ms < 5000,
  );
  row(
    "`agentspec diff` of two 1,000-tool specs vs node's start",
    ms(diffed.pair),
    "`node -e 0`",
    ms(diffed.node),
    diffed.pair.ms / diffed.node.ms,
    "(info)",
  );

  statuses.diff = diffed.pair.status;
  statuses.diffBase = diffed.base.status;
}

if (wants("mcp")) {
  log(`MCP: mcp init and mcp check on server-filesystem, ${SMALL_RUNS} interleaved runs each`);
  const mcp = benchMcp({ root, runs: SMALL_RUNS });
  const sdkClient = "SDK client: connect, tools/list, close";
  row(
    "Cold `agentspec mcp init` on server-filesystem (14 tools)",
    ms(mcp.init),
    sdkClient,
    ms(mcp.sdk),
    mcp.init.ms / mcp.sdk.ms,
    "(info)",
  );
  row(
    "Cold `agentspec mcp check` on server-filesystem, with its lock",
    ms(mcp.check),
    sdkClient,
    ms(mcp.sdk),
    mcp.check.ms / mcp.sdk.ms,
    "(info)",
  );
  log(`MCP: a hostile server listing 100,000 tools, ${quick ? 1 : 3} interleaved runs each`);
  const hostile = benchMcpHostile({ root, runs: quick ? 1 : 3 });
  const sdkHostile = "SDK client listing the same 100,000 tools";
  row(
    "Cold `agentspec mcp init` on a server listing 100,000 tools (cut at 10,000, exit 1)",
    ms(hostile.init),
    sdkHostile,
    ms(hostile.sdk),
    hostile.init.ms / hostile.sdk.ms,
    "(info)",
  );
  row(
    "Cold `agentspec mcp check` of the 10,000-tool spec it wrote, with its lock",
    ms(hostile.check),
    sdkHostile,
    ms(hostile.sdk),
    hostile.check.ms / hostile.sdk.ms,
    "(info)",
  );
}

if (wants("gateway")) {
  const calls = quick ? 1000 : 2000;
  log(
    `MCP gateway: ${calls.toLocaleString("en")} interleaved tools/call per path (after ${GATEWAY_WARMUP.toLocaleString("en")} each to warm up), stdio and Streamable HTTP; over stdio, the CPU again after ${SETTLED_GATEWAY_CALLS.toLocaleString("en")} calls`,
  );
  const gw = await benchGateway({ root, calls });
  // Added latency: a percentile through the proxy minus the same percentile of the direct calls of the same rounds.
  const added = (t, path, p) => gw[t][path][p] - gw[t].direct[p];
  const msf = (v) => `${v.toFixed(2)} ms`;
  const us = (v) => `${Math.round(v).toLocaleString("en")} µs`;
  for (const p of ["p50", "p99"]) {
    const target = p === "p50" ? 0.3 : 1;
    const value = added("stdio", "gateway", p);
    row(
      `MCP gateway over stdio: latency added per tools/call, ${p}`,
      msf(value),
      "target",
      `${target} ms`,
      value / target,
      "≤ 1×",
      value <= target,
    );
  }
  const s = gw.stdio;
  /** The stdio gateway's added p50 and p99 beside another proxy's, measured in the same rounds. */
  const addedVs = (other, what, baselineName, target) => {
    for (const p of ["p50", "p99"]) {
      const ours = added("stdio", "gateway", p);
      const theirs = added("stdio", other, p);
      // No ratio when the other adds nothing (its percentile at or under the direct calls': noise).
      row(`MCP gateway over stdio: added ${p} vs ${what}`, msf(ours), baselineName, msf(theirs), theirs > 0 ? ours / theirs : NaN, target);
    }
  };
  row(
    "MCP gateway over stdio: p50 of a tools/call through it",
    msf(s.gateway.p50),
    "direct SDK client p50",
    msf(s.direct.p50),
    s.gateway.p50 / s.direct.p50,
    "(info)",
  );
  if (s.aex) {
    addedVs("aex", "aex's MCP proxy (`aex proxy`), same policy", "aex proxy, added", "(comparison)");
    row(
      "MCP gateway over stdio: CPU per tools/call of the proxy process",
      us(s.gateway.cpuUsPerCall),
      "aex proxy process",
      us(s.aex.cpuUsPerCall),
      s.gateway.cpuUsPerCall / s.aex.cpuUsPerCall,
      "≤ 1×",
      s.gateway.cpuUsPerCall <= s.aex.cpuUsPerCall,
    );
    row(
      `MCP gateway over stdio: CPU per tools/call over its first ${FIRST_GATEWAY_CALLS.toLocaleString("en")} calls (JIT warming up)`,
      us(s.gateway.firstCpuUsPerCall),
      "aex proxy process, same calls",
      us(s.aex.firstCpuUsPerCall),
      s.gateway.firstCpuUsPerCall / s.aex.firstCpuUsPerCall,
      "(info)",
    );
    if (Number.isFinite(s.gateway.settledCpuUsPerCall)) {
      row(
        `MCP gateway over stdio: CPU per tools/call after its first ${SETTLED_GATEWAY_CALLS.toLocaleString("en")} calls (JIT settled)`,
        us(s.gateway.settledCpuUsPerCall),
        "aex proxy process, same calls",
        us(s.aex.settledCpuUsPerCall),
        s.gateway.settledCpuUsPerCall / s.aex.settledCpuUsPerCall,
        "(info)",
      );
    }
  } else {
    row("MCP gateway vs aex's MCP proxy", "skipped", gw.aexSkipped, "", NaN, "(comparison)");
    row(
      "MCP gateway over stdio: CPU per tools/call of the proxy process",
      us(s.gateway.cpuUsPerCall),
      "the echo server's process",
      us(s.direct.cpuUsPerCall),
      s.gateway.cpuUsPerCall / s.direct.cpuUsPerCall,
      "(info)",
    );
  }
  addedVs("floor", "a proxy that only copies lines (the floor of any stdio proxy here)", "line-copying proxy, added", "(info)");
  row(
    "MCP gateway over stdio: CPU per tools/call vs a proxy that only copies lines",
    us(s.gateway.cpuUsPerCall),
    "line-copying proxy process",
    us(s.floor.cpuUsPerCall),
    s.gateway.cpuUsPerCall / s.floor.cpuUsPerCall,
    "(info)",
  );
  if (gw.large.aex) {
    row(
      `MCP gateway over stdio: CPU per tools/call with ${(LARGE_RESULT_CHARS / 1024).toFixed(0)} KB of text each way (argument and result; after the rounds above)`,
      us(gw.large.gateway.cpuUsPerCall),
      "aex proxy process, same calls",
      us(gw.large.aex.cpuUsPerCall),
      gw.large.gateway.cpuUsPerCall / gw.large.aex.cpuUsPerCall,
      "(comparison)",
    );
  }
  row(
    `MCP gateway over stdio: added p50 with ${(LARGE_RESULT_CHARS / 1024).toFixed(0)} KB of text each way`,
    msf(gw.large.gateway.p50 - gw.large.direct.p50),
    "line-copying proxy, added",
    msf(gw.large.floor.p50 - gw.large.direct.p50),
    gw.large.floor.p50 > gw.large.direct.p50
      ? (gw.large.gateway.p50 - gw.large.direct.p50) / (gw.large.floor.p50 - gw.large.direct.p50)
      : NaN,
    "(info)",
  );
  // The start: what a client (which starts every server it is configured with) waits for, the server's own start included.
  const st = gw.starts;
  row(
    `MCP gateway over stdio: start until the initialize is answered (median of ${START_ROUNDS})`,
    `${Math.round(st.gateway.ms)} ms`,
    "the server alone",
    `${Math.round(st.direct.ms)} ms`,
    st.gateway.ms / st.direct.ms,
    "(info)",
  );
  if (st.aex) {
    row(
      "MCP gateway over stdio: start, vs aex's proxy",
      `${Math.round(st.gateway.ms)} ms`,
      "aex proxy",
      `${Math.round(st.aex.ms)} ms`,
      st.gateway.ms / st.aex.ms,
      "(comparison)",
    );
    row(
      "MCP gateway over stdio: CPU of the proxy process by the initialize answer",
      `${Math.round(st.gateway.cpuMs)} ms`,
      "aex proxy process",
      `${Math.round(st.aex.cpuMs)} ms`,
      st.gateway.cpuMs / st.aex.cpuMs,
      "(comparison)",
    );
  }
  const h = gw.http;
  if (!h) row("MCP gateway over Streamable HTTP", "failed", gw.httpFailed, "", NaN, "(info)");
  else {
    for (const p of ["p50", "p99"]) {
      row(
        `MCP gateway over Streamable HTTP (\`--listen\`, \`--url\`): latency added, ${p}`,
        msf(added("http", "gateway", p)),
        `direct SDK client ${p}`,
        msf(h.direct[p]),
        h.gateway[p] / h.direct[p],
        "(info: ratio through / direct)",
      );
    }
    row(
      "MCP gateway over Streamable HTTP: CPU per tools/call of the gateway process",
      us(h.gateway.cpuUsPerCall),
      "the SDK echo server's process",
      us(h.direct.cpuUsPerCall),
      h.gateway.cpuUsPerCall / h.direct.cpuUsPerCall,
      "(info)",
    );
  }
}

if (wants("redis")) {
  log("guard with the Redis store: a redis-server on loopback");
  const redis = await benchGuardRedis({ seconds: quick ? 2 : 5, rounds: quick ? 3 : 10 });
  if (redis.skipped) row("Guard with the Redis store", "skipped", redis.skipped, "", NaN, "(info)");
  else {
    const { memory, redis: viaRedis } = redis.latency;
    const added = (p) => viaRedis[p] - memory[p];
    const us = (v) => (v >= 1000 ? `${(v / 1000).toFixed(2)} ms` : `${v.toFixed(0)} µs`);
    row(
      "Guard + Redis store: decisions/s, 2 processes × 64 calls in flight (pipelined)",
      perSecond(redis.fleet.perSecond),
      "memory store, 1 process × 64",
      perSecond(redis.memoryPerSecond),
      redis.fleet.perSecond / redis.memoryPerSecond,
      "(info)",
    );
    row(
      "Latency the Redis store adds per decision, p99 (loopback, one call at a time)",
      us(added("p99")),
      "target",
      "1 ms",
      added("p99") / 1000,
      "≤ 1×",
      added("p99") <= 1000,
    );
    row(
      "Latency the Redis store adds per decision, p50",
      us(added("p50")),
      "memory store p50",
      us(memory.p50),
      viaRedis.p50 / memory.p50,
      "(info)",
    );
  }
}
rmSync(out, { recursive: true, force: true });

const meta = {
  date: new Date().toISOString().slice(0, 10),
  node: process.version,
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model,
  load: os.loadavg().map((l) => l.toFixed(2)),
  seed,
  statuses,
  decideAgreement,
  sections: only,
};
if (asJson) process.stdout.write(JSON.stringify({ meta, rows }, null, 2) + "\n");
else process.stdout.write(table(rows, meta));

function ms(result) {
  return `${Math.round(result.ms).toLocaleString("en")} ms`;
}

function perSecond(value) {
  return value >= 1e6 ? `${(value / 1e6).toFixed(2)}M/s` : value >= 1e3 ? `${(value / 1e3).toFixed(1)}k/s` : `${value.toFixed(0)}/s`;
}

function table(rows, meta) {
  const lines = [
    `Node ${meta.node} · ${meta.cpus} × ${meta.cpu} · ${meta.date} · load average ${meta.load.join(" ")} · corpus seed ${meta.seed}`,
    "",
    "| figure | agentspec | baseline | baseline value | ratio | target | met |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      (r) =>
        `| ${r.figure} | ${r.value} | ${r.baselineName} | ${r.baseline} | ${Number.isNaN(r.ratio) ? "" : r.ratio >= 100 ? `${Math.round(r.ratio).toLocaleString("en")}×` : `${r.ratio.toFixed(2)}×`} | ${r.target} | ${r.met === undefined ? "" : r.met ? "yes" : "no"} |`,
    ),
    "",
    footer(meta),
    "",
  ];
  return lines.join("\n");
}

/** The exit codes of the sections that ran, and whether decide() and Cedar agreed. */
function footer(meta) {
  const s = meta.statuses;
  const codes = [];
  if (s.lint !== undefined) codes.push(`lint ${s.lint}, compile ${s.compile}, ajv-cli ${s.ajv}, spectral ${s.spectral}`);
  if (s.corpus !== undefined) codes.push(`corpus lint ${s.corpus} (1: findings, expected)`);
  if (s.diff !== undefined) codes.push(`diff ${s.diff}, diff --base ${s.diffBase}`);
  const parts = [];
  if (codes.length > 0) parts.push(`Exit codes: ${codes.join(", ")}.`);
  if (meta.decideAgreement !== undefined) parts.push(`decide() and Cedar agree on ${meta.decideAgreement} calls.`);
  if (meta.sections.length < SECTIONS.length) parts.push(`Sections run: ${meta.sections.join(", ")} (--only).`);
  return parts.join(" ");
}
