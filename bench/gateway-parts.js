// The gateway's own work per tools/call, in-process, part by part: reading the client's request
// and the server's answer strictly (messages.ts), and guard.run() around a call that does
// nothing, next to decide() alone. No pipes, no streams: what the checks cost, apart from the
// I/O every proxy pays. `--before <other root>` measures another build's parts in the same run.
// Run: node bench/gateway-parts.js [--before <root of another build>] (after npm run build).
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const SPEC = `agentspec: "1.0"
agent: { id: bench-gateway, version: 1.0.0, owner: bench, last_reviewed: 2026-12-01 }
tools:
  echo: { effect: read }
deny: [shell.*]
`;
const REQUEST = Buffer.from(`{"method":"tools/call","params":{"name":"echo","arguments":{"text":"call 123"}},"jsonrpc":"2.0","id":123}`);
const RESPONSE = Buffer.from(`{"result":{"content":[{"type":"text","text":"call 123"}]},"jsonrpc":"2.0","id":123}`);

/** µs of CPU per operation of each part, for the build at `root`. */
export async function benchGatewayParts(root, { rounds = 100_000 } = {}) {
  const lib = await import(pathToFileURL(path.join(root, "dist/src/index.js")).href);
  const { readMessageBytes } = await import(pathToFileURL(path.join(root, "dist/src/mcp/gateway/messages.js")).href);
  const source = lib.parseSource("bench.agentspec.yaml", SPEC);
  const policy = lib.compilePolicy(lib.checkSource(source).spec);
  const guard = lib.createGuard(policy, {});
  const options = { maxBytes: 4 << 20 };
  const parts = {
    "read a tools/call request": () => readMessageBytes(REQUEST, "client", options),
    "read its answer": () => readMessageBytes(RESPONSE, "server", options),
    "decide()": (i) => lib.decide(policy, { tool: "echo", args: { text: `call ${i}` } }),
    "guard.run()": (i) => guard.run({ tool: "echo", args: { text: `call ${i}` } }, async () => 1),
  };
  const out = {};
  for (const [name, part] of Object.entries(parts)) {
    for (let i = 0; i < rounds / 5; i++) await part(i);
    const start = process.cpuUsage();
    for (let i = 0; i < rounds; i++) await part(i);
    const used = process.cpuUsage(start);
    out[name] = (used.user + used.system) / rounds;
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const before = argv.includes("--before") ? path.resolve(argv[argv.indexOf("--before") + 1]) : undefined;
  // Five rounds, the builds alternating, each part's best round kept: on a shared machine the
  // best of a few is what the code costs, a median mostly what the neighbours cost.
  const best = (runs) => Object.fromEntries(Object.keys(runs[0]).map((k) => [k, Math.min(...runs.map((r) => r[k]))]));
  const afterRuns = [];
  const beforeRuns = [];
  for (let round = 0; round < 5; round++) {
    afterRuns.push(await benchGatewayParts(path.resolve(here, ".."), { rounds: 40_000 }));
    if (before) beforeRuns.push(await benchGatewayParts(before, { rounds: 40_000 }));
  }
  const after = best(afterRuns);
  const earlier = before ? best(beforeRuns) : undefined;
  for (const [name, us] of Object.entries(after)) {
    const was = earlier?.[name];
    process.stdout.write(
      `${name.padEnd(28)} ${us.toFixed(2)} µs${was === undefined ? "" : `   before ${was.toFixed(2)} µs (${(us / was).toFixed(2)}×)`}\n`,
    );
  }
}
