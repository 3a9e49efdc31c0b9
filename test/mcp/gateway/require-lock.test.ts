// --require-lock: a gateway that cannot pin tool definitions does not start. Without it a spec
// whose lock was deleted starts unpinned with only a note on stderr; with it the start stops
// (exit 2) naming the lock and how to write it, before any server is started. The built CLI, a
// real SDK server.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSource } from "../../../src/load/index.js";
import { checkSource } from "../../../src/model/index.js";
import { compilePolicy, serializePolicy } from "../../../src/policy/index.js";
import { SDK_SERVER } from "../helpers.js";
import { startGateway, cli } from "./helpers.js";

const LOOKUP = { name: "lookup", description: "Look up an order by its id.", inputSchema: { type: "object" } };
const REFUND = { name: "refund", description: "Refund an order.", inputSchema: { type: "object" } };

function specText(toolsFile: string): string {
  return `agentspec: "1.0"
agent: { id: orders, version: 1.0.0, owner: test, last_reviewed: 2026-11-01 }
tools:
  lookup: { effect: read }
  refund: { effect: write }
mcp:
  servers:
    files:
      command: ${JSON.stringify(process.execPath)}
      args: [${JSON.stringify(SDK_SERVER)}, stdio, ${JSON.stringify(toolsFile)}]
`;
}

let dir: string;
let toolsFile: string;
/** A "server" that only leaves a mark that it was started. */
let marking: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-gateway-require-lock-"));
  toolsFile = path.join(dir, "tools.json");
  writeFileSync(toolsFile, JSON.stringify({ tools: [LOOKUP, REFUND] }));
  marking = path.join(dir, "marking-server.mjs");
  writeFileSync(marking, 'import { appendFileSync } from "node:fs";\nappendFileSync(process.argv[2], "started\\n");\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("--require-lock", { timeout: 60_000 }, () => {
  it("a spec without its lock: exit 2 naming the lock and how to write it, no server started", () => {
    const sub = mkdtempSync(path.join(dir, "missing-"));
    writeFileSync(path.join(sub, "orders.agentspec.yaml"), specText(toolsFile));
    const mark = path.join(sub, "started");
    const refused = cli(["mcp", "proxy", "orders.agentspec.yaml", "--require-lock", "--", process.execPath, marking, mark], sub);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(
      "agentspec: --require-lock: there is no MCP lock orders.mcp-lock.json beside orders.agentspec.yaml, so tool definitions could not be pinned: write it with agentspec mcp lock orders.agentspec.yaml, review it and commit it beside the spec\n",
    );
    expect(existsSync(mark)).toBe(false);
    // Without it the same command starts the server, unpinned, and only says so.
    const unpinned = cli(["mcp", "proxy", "orders.agentspec.yaml", "--", process.execPath, marking, mark], sub);
    expect(existsSync(mark)).toBe(true);
    expect(unpinned.stderr).not.toContain("--require-lock");
  });

  it("a spec with its lock: starts and pins (a tool changed since the lock is hidden)", async () => {
    const sub = mkdtempSync(path.join(dir, "locked-"));
    const tools = path.join(sub, "tools.json");
    writeFileSync(tools, JSON.stringify({ tools: [LOOKUP, REFUND] }));
    const spec = path.join(sub, "orders.agentspec.yaml");
    writeFileSync(spec, specText(tools));
    expect(cli(["mcp", "lock", "orders.agentspec.yaml"], sub).status).toBe(0);
    writeFileSync(tools, JSON.stringify({ tools: [LOOKUP, { ...REFUND, description: "Refund every order." }] }));
    const gw = await startGateway([spec, "--require-lock"], [process.execPath, SDK_SERVER, "stdio", tools]);
    try {
      expect((await gw.client.listTools()).tools.map((t) => t.name)).toEqual(["lookup"]);
      expect(gw.stderr()).toMatch(/tool definitions pinned to \S*orders\.mcp-lock\.json \(2 tools of server "files"\)/);
    } finally {
      await gw.close();
    }
  });

  it("a compiled policy without --lock: exit 2, no server started; with --lock it starts pinned", () => {
    const sub = mkdtempSync(path.join(dir, "compiled-"));
    writeFileSync(path.join(sub, "orders.agentspec.yaml"), specText(toolsFile));
    expect(cli(["mcp", "lock", "orders.agentspec.yaml"], sub).status).toBe(0);
    const policy = path.join(sub, "orders.policy.json");
    writeFileSync(policy, serializePolicy(compilePolicy(checkSource(parseSource("orders.agentspec.yaml", specText(toolsFile))).spec!)));
    const mark = path.join(sub, "started");
    const refused = cli(["mcp", "proxy", policy, "--require-lock", "--", process.execPath, marking, mark], sub);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(
      `--require-lock: ${policy} is a compiled policy, which has no MCP lock beside it, so tool definitions could not be pinned: give the lock with --lock <file.mcp-lock.json> (written by agentspec mcp lock <spec>)`,
    );
    expect(existsSync(mark)).toBe(false);
    const pinned = cli(
      ["mcp", "proxy", policy, "--require-lock", "--lock", "orders.mcp-lock.json", "--", process.execPath, SDK_SERVER, "stdio", toolsFile],
      sub,
    );
    expect(pinned.stderr).toContain('tool definitions pinned to orders.mcp-lock.json (2 tools of server "files")');
  });

  it.each(["--lock", "--pub", "--record", "--aex-events"])("an empty %s is refused by name (it would be read as the folder)", (option) => {
    const sub = mkdtempSync(path.join(dir, "empty-"));
    writeFileSync(path.join(sub, "orders.agentspec.yaml"), specText(toolsFile));
    const mark = path.join(sub, "started");
    const refused = cli(["mcp", "proxy", "orders.agentspec.yaml", option, "", "--", process.execPath, marking, mark], sub);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`agentspec: ${option} takes a file name, not an empty value\n`);
    expect(existsSync(mark)).toBe(false);
  });
});
