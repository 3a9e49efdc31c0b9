// What `agentspec mcp proxy` adds to a tools/call: the SDK's client calls one fast echo server
// (bench/gateway-echo-server.js) directly and through the gateway, call by call in alternation
// from one process after a warm-up, so a burst of load on a shared machine hits every path
// alike; over stdio the same is done through aex's real MCP proxy (../shared/peers/aex-cli.mjs)
// with an equivalent policy, and through a proxy that only copies lines (bench/gateway-null-proxy.js,
// the floor: what one more process costs). Reports p50 and p99 of each path, the added latency (gateway
// percentile minus direct percentile) and the CPU each proxy process used per call (utime +
// stime of all its threads, from /proc/<pid>/stat, over the measured calls).
// Run alone: node bench/gateway.js [--calls N] [--before <other build>/bin/agentspec.cjs] (after npm run build).
import { spawn } from "node:child_process";
import { setMaxListeners } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const ECHO_SERVER = path.join(here, "gateway-echo-server.js");
const NULL_PROXY = path.join(here, "gateway-null-proxy.js");

/** The same policy for both gateways: `echo` allowed, a deny glob to check against, nothing else. */
const SPEC = `agentspec: "1.0"
agent: { id: bench-gateway, version: 1.0.0, owner: bench, last_reviewed: 2026-12-01 }
tools:
  echo: { effect: read }
deny: [shell.*]
`;
const AEX_POLICY = `policy bench v1\ngoal "Benchmark the MCP proxy."\nallow echo\ndeny shell.*\n`;

/**
 * Calls each path makes before it is measured. A long-lived proxy spends its life in the state
 * its JIT reaches after a few thousand calls (the CPU per call of every path here, the servers
 * too, falls 3 to 8 times over the first 2,000), so the targets are measured there; what the
 * first calls cost is reported apart (`firstCpuUsPerCall`, over the first FIRST_CALLS calls).
 */
export const WARMUP = 2000;
export const FIRST_CALLS = 1000;
/**
 * The stdio paths are measured once more after this many calls in all: V8 optimizes a function
 * after it has run enough of its own code, so a proxy of many small functions (this gateway) is
 * still tiering up at WARMUP when one of few large ones (aex's) has settled. Reported apart.
 */
export const SETTLED_AFTER = 10_000;

/**
 * `beforeBin`: another build's bin/agentspec.cjs (e.g. main's, before a change), measured as a
 * fourth path in the same rounds, for before/after ratios from one run.
 */
export async function benchGateway({ root, calls = 2000, warmup = WARMUP, beforeBin }) {
  // The SDK's HTTP client transport adds a listener to its connection's abort signal per request,
  // and this bench makes thousands: without a limit, Node warns of a leak that is the client's.
  setMaxListeners(0);
  const sdk = async (file) => import(pathToFileURL(require.resolve(`@modelcontextprotocol/sdk/${file}`, { paths: [root] })).href);
  const { Client } = await sdk("client/index.js");
  const { StdioClientTransport } = await sdk("client/stdio.js");
  const { StreamableHTTPClientTransport } = await sdk("client/streamableHttp.js");
  const node = process.execPath;
  const bin = path.join(root, "bin/agentspec.cjs");
  const aexCli = path.join(root, "../shared/peers/aex-cli.mjs");
  const dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-bench-gateway-"));
  const children = [];
  const clients = [];
  try {
    const spec = path.join(dir, "bench.agentspec.yaml");
    writeFileSync(spec, SPEC);
    const aexPolicy = path.join(dir, "bench.aex");
    writeFileSync(aexPolicy, AEX_POLICY);
    const connect = async (transport) => {
      const client = new Client({ name: "bench-gateway", version: "1.0.0" });
      await client.connect(transport);
      clients.push(client);
      return client;
    };
    const stdio = (command, args) => new StdioClientTransport({ command, args, stderr: "ignore" });

    // ---- stdio: the start, until the initialize is answered (what a client waits for) ---------
    const starters = [
      { name: "direct", args: [ECHO_SERVER] },
      { name: "gateway", args: [bin, "mcp", "proxy", spec, "--", node, ECHO_SERVER] },
      ...(beforeBin ? [{ name: "before", args: [beforeBin, "mcp", "proxy", spec, "--", node, ECHO_SERVER] }] : []),
      ...(existsSync(aexCli) ? [{ name: "aex", args: [aexCli, "proxy", "--policy", aexPolicy, "--", node, ECHO_SERVER] }] : []),
      { name: "floor", args: [NULL_PROXY, node, ECHO_SERVER] },
    ];
    const starts = await measureStarts(starters, (args) => stdio(node, args), Client, START_ROUNDS);

    // ---- stdio: direct, through the gateway, through aex --------------------------------------
    const stdioPaths = [];
    const direct = stdio(node, [ECHO_SERVER]);
    stdioPaths.push({ name: "direct", client: await connect(direct), pid: () => direct.pid });
    // BENCH_GATEWAY_PROFILE=<dir>: the stdio gateway writes a V8 CPU profile there (node --cpu-prof).
    const profile = process.env.BENCH_GATEWAY_PROFILE ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_GATEWAY_PROFILE] : [];
    const gateway = stdio(node, [...profile, bin, "mcp", "proxy", spec, "--", node, ECHO_SERVER]);
    stdioPaths.push({ name: "gateway", client: await connect(gateway), pid: () => gateway.pid });
    if (beforeBin) {
      const before = stdio(node, [beforeBin, "mcp", "proxy", spec, "--", node, ECHO_SERVER]);
      stdioPaths.push({ name: "before", client: await connect(before), pid: () => before.pid });
    }
    let aexSkipped;
    if (existsSync(aexCli)) {
      const aex = stdio(node, [aexCli, "proxy", "--policy", aexPolicy, "--", node, ECHO_SERVER]);
      stdioPaths.push({ name: "aex", client: await connect(aex), pid: () => aex.pid });
    } else aexSkipped = `../shared/peers/aex-cli.mjs is absent (${aexCli})`;
    // The floor: one more process that only copies lines (what any stdio proxy adds here, before it reads a message).
    const floor = stdio(node, [NULL_PROXY, node, ECHO_SERVER]);
    stdioPaths.push({ name: "floor", client: await connect(floor), pid: () => floor.pid });
    const stdioResult = await measure(stdioPaths, { calls, warmup, settledAfter: SETTLED_AFTER });
    // The same calls with LARGE_RESULT_CHARS characters of text in the argument and so in the
    // echoed result (a file written, a page read): what reading each message strictly costs as
    // messages grow. After the rounds above, so every path has settled.
    const large = await measure(stdioPaths, { calls: LARGE_CALLS, warmup: 0, pad: LARGE_TEXT });

    // ---- Streamable HTTP: direct, through the gateway listening (--listen) ------------------
    // A failure here (the SDK's HTTP stack has reset a connection on a loaded machine) is reported
    // in place of the HTTP rows; the stdio figures, measured already, are kept.
    let httpResult;
    let httpFailed;
    try {
      const server = spawn(node, [ECHO_SERVER, "http"], { stdio: ["ignore", "ignore", "pipe"] });
      children.push(server);
      const serverUrl = await lineFrom(server, /listening on (http:\/\/\S+)/, "the echo server's address");
      const listening = spawn(node, [bin, "mcp", "proxy", spec, "--listen", "127.0.0.1:0", "--url", serverUrl], {
        stdio: ["ignore", "ignore", "pipe"],
      });
      children.push(listening);
      const gatewayUrl = await lineFrom(listening, /listening on (http:\/\/\S+\/mcp)/, "the gateway's address");
      const httpPaths = [
        { name: "direct", client: await connect(new StreamableHTTPClientTransport(new URL(serverUrl))), pid: () => server.pid },
        { name: "gateway", client: await connect(new StreamableHTTPClientTransport(new URL(gatewayUrl))), pid: () => listening.pid },
      ];
      if (beforeBin) {
        const before = spawn(node, [beforeBin, "mcp", "proxy", spec, "--listen", "127.0.0.1:0", "--url", serverUrl], {
          stdio: ["ignore", "ignore", "pipe"],
        });
        children.push(before);
        const beforeUrl = await lineFrom(before, /listening on (http:\/\/\S+\/mcp)/, "the earlier gateway's address");
        httpPaths.push({
          name: "before",
          client: await connect(new StreamableHTTPClientTransport(new URL(beforeUrl))),
          pid: () => before.pid,
        });
      }
      httpResult = await measure(httpPaths, { calls, warmup });
    } catch (error) {
      httpFailed = error instanceof Error ? error.message : String(error);
    }
    return { calls, warmup, starts, stdio: stdioResult, large, http: httpResult, httpFailed, aexSkipped };
  } finally {
    for (const client of clients) await client.close().catch(() => {});
    // Waited for, so the bench never returns (and the next one starts) while its servers still run.
    await Promise.all(children.map((child) => stopChild(child)));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The large calls: their text (16 KB of prose, argument and result), and how many are measured per path. */
export const LARGE_RESULT_CHARS = 16_384;
const LARGE_TEXT = " " + "An agent reads a file: its lines, their words and colons: ".repeat(300).slice(0, LARGE_RESULT_CHARS - 1);
const LARGE_CALLS = 1000;

/** Starts of each stdio path measured, in rotation; the median is reported. */
export const START_ROUNDS = 7;

/**
 * Each path started `rounds` times, in an order that rotates: the time from spawning its process
 * to the answer of the client's initialize (a proxy starts its server, so this holds the server's
 * start too), and the CPU its process used by then. Medians, per path.
 */
async function measureStarts(starters, transportFor, Client, rounds) {
  const samples = new Map(starters.map((s) => [s.name, { ms: [], cpuMs: [] }]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < starters.length; k++) {
      const starter = starters[(round + k) % starters.length];
      const transport = transportFor(starter.args);
      const client = new Client({ name: "bench-gateway-start", version: "1.0.0" });
      const started = performance.now();
      try {
        await client.connect(transport);
        const ms = performance.now() - started;
        const ticks = cpuTicks(transport.pid);
        samples.get(starter.name).ms.push(ms);
        samples.get(starter.name).cpuMs.push((ticks * 1000) / CLOCK_TICKS);
      } finally {
        // Closed whatever happened, so a failed start leaves no process behind.
        await client.close().catch(() => {});
      }
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return Object.fromEntries([...samples].map(([name, { ms, cpuMs }]) => [name, { ms: median(ms), cpuMs: median(cpuMs) }]));
}

/**
 * `warmup` then `calls` rounds; each round calls every path once, in an order that rotates, so
 * no path always follows another. Every answer is checked (an echo that did not come back would
 * measure an error path).
 */
async function measure(paths, { calls, warmup, settledAfter = 0, pad = "" }) {
  const samples = new Map(paths.map((p) => [p.name, []]));
  let cpuStart;
  const firstStart = new Map(paths.map((p) => [p.name, cpuTicks(p.pid())]));
  const first = new Map();
  const firstCalls = Math.min(FIRST_CALLS, warmup);
  for (let round = -warmup; round < calls; round++) {
    if (round === -warmup + firstCalls) for (const p of paths) first.set(p.name, cpuTicks(p.pid()) - firstStart.get(p.name));
    if (round === 0) cpuStart = new Map(paths.map((p) => [p.name, cpuTicks(p.pid())]));
    for (let k = 0; k < paths.length; k++) {
      const p = paths[(round + warmup + k) % paths.length];
      const text = `call ${round}${pad}`;
      const started = performance.now();
      const result = await p.client.callTool({ name: "echo", arguments: { text } });
      const ms = performance.now() - started;
      if (result.isError || result.content?.[0]?.text !== text) {
        throw new Error(`bench: the ${p.name} path answered ${JSON.stringify(result).slice(0, 300)} to an echo of ${text}`);
      }
      if (round >= 0) samples.get(p.name).push(ms);
    }
  }
  const measuredTicks = new Map(paths.map((p) => [p.name, cpuTicks(p.pid()) - cpuStart.get(p.name)]));
  // The same calls again once every path has served settledAfter calls (CPU only).
  const settled = new Map();
  if (settledAfter > warmup + calls) {
    for (let round = warmup + calls; round < settledAfter; round++) await callEach(paths, round);
    const start = new Map(paths.map((p) => [p.name, cpuTicks(p.pid())]));
    for (let round = 0; round < calls; round++) await callEach(paths, settledAfter + round);
    for (const p of paths) settled.set(p.name, cpuTicks(p.pid()) - start.get(p.name));
  }
  const out = {};
  for (const p of paths) {
    const sorted = samples.get(p.name).sort((a, b) => a - b);
    const ticks = measuredTicks.get(p.name);
    out[p.name] = {
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      // Clock ticks to microseconds per call.
      cpuUsPerCall: (ticks * (1e6 / CLOCK_TICKS)) / calls,
      // The first calls after the connection (the JIT still compiling): NaN without a warm-up that long.
      firstCpuUsPerCall: first.has(p.name) ? (first.get(p.name) * (1e6 / CLOCK_TICKS)) / firstCalls : NaN,
      // After settledAfter calls: NaN when not measured.
      settledCpuUsPerCall: settled.has(p.name) ? (settled.get(p.name) * (1e6 / CLOCK_TICKS)) / calls : NaN,
    };
  }
  return out;
}

/** One round without timing: every path called once, in rotation, each answer checked. */
async function callEach(paths, round) {
  for (let k = 0; k < paths.length; k++) {
    const p = paths[(round + k) % paths.length];
    const text = `call ${round}`;
    const result = await p.client.callTool({ name: "echo", arguments: { text } });
    if (result.isError || result.content?.[0]?.text !== text) {
      throw new Error(`bench: the ${p.name} path answered ${JSON.stringify(result).slice(0, 300)} to an echo of ${text}`);
    }
  }
}

function percentile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** The kernel's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks (100 on Linux). */
const CLOCK_TICKS = 100;

/** utime + stime of every thread of the process, in clock ticks. */
function cpuTicks(pid) {
  if (pid === undefined || pid === null) return NaN;
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) is in parentheses and may hold spaces: count fields after its end.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * The first match of `pattern` on the child's stderr (its first group). Rejects when the child
 * ends first or `ms` pass; in every outcome the timer is cleared and the listeners removed (the
 * stream is then only drained: the proxy logs a line per call), so nothing keeps the bench alive.
 */
function lineFrom(child, pattern, what, ms = 30_000) {
  return new Promise((resolve, reject) => {
    let text = "";
    const settle = (done, value) => {
      clearTimeout(timer);
      child.stderr.off("data", read);
      child.off("close", closed);
      child.stderr.resume();
      done(value);
    };
    const read = (chunk) => {
      text += chunk.toString("utf8");
      const match = pattern.exec(text);
      if (match) settle(resolve, match[1]);
    };
    // "close", not "exit": the line may still be in the pipe when the process is gone.
    const closed = (code, signal) => settle(reject, new Error(`bench: ${what}: the process exited (${code ?? signal}); stderr: ${text}`));
    const timer = setTimeout(() => settle(reject, new Error(`bench: waited ${ms} ms for ${what}; stderr: ${text}`)), ms);
    child.stderr.on("data", read);
    child.once("close", closed);
  });
}

/** SIGTERM, and SIGKILL when the child has not exited `ms` later; resolves once it has exited (or, unkillable, `ms` after that). */
async function stopChild(child, ms = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", () => resolve(true)));
  const within = async (wait) => {
    let timer;
    const late = new Promise((resolve) => (timer = setTimeout(resolve, wait, false)));
    const gone = await Promise.race([exited, late]);
    clearTimeout(timer);
    return gone;
  };
  child.kill("SIGTERM");
  if (await within(ms)) return;
  child.kill("SIGKILL");
  await within(ms);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const calls = Number(option("--calls") ?? 2000);
  const beforeBin = option("--before") ? path.resolve(option("--before")) : undefined;
  const result = await benchGateway({ root: path.resolve(here, ".."), calls, beforeBin });
  process.stdout.write(JSON.stringify(result, null, 2) + "\n");
}
