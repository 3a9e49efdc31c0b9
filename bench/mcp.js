// Cold timings of `agentspec mcp init` and `agentspec mcp check` on the real server-filesystem
// (14 tools), each a fresh process that starts the server, lists it and stops it, beside the
// same work done by the SDK's own client in a minimal script (connect, tools/list, close): the
// ratio is what agentspec adds to talking to the server. Run alone: node bench/mcp.js [--runs N] [--hostile].
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { medianTimes, runOnce } from "./harness.js";

const require = createRequire(import.meta.url);

/** The SDK client alone: what any MCP client pays to list server-filesystem's tools. */
const sdkClient = (root) => {
  const sdk = (file) => pathToFileURL(require.resolve(`@modelcontextprotocol/sdk/${file}`, { paths: [root] })).href;
  return `
import { Client } from "${sdk("client/index.js")}";
import { StdioClientTransport } from "${sdk("client/stdio.js")}";
const [command, ...args] = process.argv.slice(2);
const client = new Client({ name: "bench", version: "0" });
await client.connect(new StdioClientTransport({ command, args }));
await client.listTools();
await client.close();
`;
};

export function benchMcp({ root, runs = 9 }) {
  const node = process.execPath;
  const bin = path.join(root, "bin/agentspec.cjs");
  const manifest = require.resolve("@modelcontextprotocol/server-filesystem/package.json", { paths: [root] });
  const server = path.join(path.dirname(manifest), Object.values(require(manifest).bin)[0]);
  const dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-bench-mcp-"));
  try {
    mkdirSync(path.join(dir, "data"));
    const client = path.join(dir, "sdk-client.mjs");
    writeFileSync(client, sdkClient(root));
    const spec = path.join(dir, "fs.agentspec.yaml");
    const init = [node, bin, "mcp", "init", "-o", spec, "--force", "--", node, server, "./data"];
    for (const argv of [init, [node, bin, "mcp", "lock", spec]]) {
      const { status } = runOnce(argv, { cwd: dir });
      if (status !== 0) throw new Error(`${argv.slice(2, 4).join(" ")} exited ${status}`);
    }
    const times = medianTimes(
      [
        { name: "sdk", argv: [node, client, node, server, "./data"] },
        { name: "init", argv: init },
        { name: "check", argv: [node, bin, "mcp", "check", spec] },
        { name: "node", argv: [node, "-e", "0"] },
      ],
      { runs, cwd: dir },
    );
    return times;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The hostile case: a server listing 100,000 tools in one page (the tests' raw fixture), which
 * agentspec cuts at 10,000 (an error, so init, lock and check exit 1). What it costs beside the SDK
 * client listing the same server: the bound is on memory and time, and this row shows the time.
 */
export function benchMcpHostile({ root, runs = 3 }) {
  const node = process.execPath;
  const bin = path.join(root, "bin/agentspec.cjs");
  const server = path.join(root, "test/mcp/fixtures/raw-server.mjs");
  const dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-bench-mcp-hostile-"));
  try {
    const client = path.join(dir, "sdk-client.mjs");
    writeFileSync(client, sdkClient(root));
    const spec = path.join(dir, "many.agentspec.yaml");
    const init = [node, bin, "mcp", "init", "-o", spec, "--force", "--timeout", "120", "--", node, server, "many-tools"];
    for (const argv of [init, [node, bin, "mcp", "lock", spec, "--timeout", "120"]]) {
      const { status } = runOnce(argv, { cwd: dir });
      if (status !== 1) throw new Error(`${argv.slice(2, 4).join(" ")} exited ${status}, not 1 (the list is cut: an error)`);
    }
    return medianTimes(
      [
        { name: "sdk", argv: [node, client, node, server, "many-tools"] },
        { name: "init", argv: init },
        { name: "check", argv: [node, bin, "mcp", "check", spec, "--timeout", "120"] },
      ],
      { runs, cwd: dir },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const runsAt = process.argv.indexOf("--runs");
  const times = benchMcp({ root, runs: runsAt === -1 ? 9 : Number(process.argv[runsAt + 1]) });
  const hostile = process.argv.includes("--hostile") ? benchMcpHostile({ root, runs: 3 }) : undefined;
  const line = (name, t) => `${name.padEnd(48)} ${Math.round(t.ms).toString().padStart(6)} ms  (exit ${t.status})`;
  process.stdout.write(
    [
      `Node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model} · load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
      line("node -e 0", times.node),
      line("SDK client: connect, tools/list, close", times.sdk),
      line("agentspec mcp init -o fs.agentspec.yaml -- …", times.init),
      line("agentspec mcp check fs.agentspec.yaml", times.check),
      `mcp init / SDK client: ${(times.init.ms / times.sdk.ms).toFixed(2)}×   mcp check / SDK client: ${(times.check.ms / times.sdk.ms).toFixed(2)}×`,
      ...(hostile
        ? [
            line("hostile (100,000 tools): SDK client", hostile.sdk),
            line("hostile: agentspec mcp init (cut at 10,000)", hostile.init),
            line("hostile: agentspec mcp check (10,000-tool spec)", hostile.check),
            `hostile init / SDK client: ${(hostile.init.ms / hostile.sdk.ms).toFixed(2)}×   check / SDK client: ${(hostile.check.ms / hostile.sdk.ms).toFixed(2)}×`,
          ]
        : []),
      "",
    ].join("\n"),
  );
}
