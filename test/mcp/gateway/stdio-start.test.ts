// What a gateway on stdio in front of a stdio server loads: MCP clients start every server they
// are configured with when they start, so the gateway's own start is paid each time. Its stdio
// path is agentspec's own JSON-RPC code; the MCP SDK (its HTTP client and server, zod) is loaded
// only for --url or --listen. Checked on the built CLI, started as a client starts it, with a
// preload that lists every module the gateway process loaded (and not its server's).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SDK_SERVER } from "../helpers.js";
import { startGateway } from "./helpers.js";

let dir: string;
let tools: string;
let spec: string;
let preload: string;
let loaded: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-gateway-stdio-start-"));
  tools = path.join(dir, "tools.json");
  writeFileSync(tools, JSON.stringify({ tools: [{ name: "lookup", description: "Look up an order.", inputSchema: { type: "object" } }] }));
  spec = path.join(dir, "orders.agentspec.yaml");
  writeFileSync(
    spec,
    'agentspec: "1.0"\nagent: { id: orders, version: 1.0.0, owner: test, last_reviewed: 2026-11-01 }\ntools:\n  lookup: { effect: read }\n',
  );
  loaded = path.join(dir, "loaded.txt");
  preload = path.join(dir, "list-loaded.cjs");
  writeFileSync(
    preload,
    `const Module = require("node:module");
const fs = require("node:fs");
if (process.argv[1] && process.argv[1].endsWith("agentspec.cjs")) {
  const seen = new Set();
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    try { seen.add(Module._resolveFilename(request, parent, isMain)); } catch {}
    return load.apply(this, arguments);
  };
  process.on("exit", () => fs.writeFileSync(${JSON.stringify(loaded)}, [...seen].join("\\n")));
}
`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("mcp proxy on stdio", { timeout: 60_000 }, () => {
  it("decides and forwards calls without loading the MCP SDK or zod", async () => {
    const gateway = await startGateway([spec, "--quiet"], [process.execPath, SDK_SERVER, "stdio", tools], {
      env: { NODE_OPTIONS: `--require ${preload}` },
    });
    try {
      const listed = await gateway.client.listTools();
      expect(listed.tools.map((t) => t.name)).toEqual(["lookup"]);
      const denied = await gateway.client.callTool({ name: "refund", arguments: {} });
      expect(denied.isError).toBe(true);
    } finally {
      await gateway.close();
    }
    const modules = readFileSync(loaded, "utf8").split("\n");
    // The preload saw the gateway's own modules (it works) ...
    expect(modules.some((m) => m.endsWith(path.join("dist", "cli", "mcp-proxy.cjs")))).toBe(true);
    // ... and nothing of the SDK or zod.
    expect(
      modules.filter((m) => m.includes(`${path.sep}@modelcontextprotocol${path.sep}`) || m.includes(`${path.sep}zod${path.sep}`)),
    ).toEqual([]);
  });
});
