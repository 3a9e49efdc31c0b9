// The server the gateway fronts, against the one the spec gives: a command after -- (or --url)
// other than the spec server's is warned about on start, naming both, since its tools are decided
// (and pinned) as that spec server's; a command that differs only as a legitimate spelling of the
// same one (an absolute path, a relative argument from another directory, ${env:NAME}) is not.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSource } from "../../../src/load/index.js";
import { startsSpecServer, type GivenServer } from "../../../src/mcp/server-target.js";
import { checkSource } from "../../../src/model/index.js";
import { SDK_SERVER } from "../helpers.js";
import { BIN, startGateway, cli } from "./helpers.js";

const LOOKUP = { name: "lookup", description: "Look up an order by its id.", inputSchema: { type: "object" } };
const WIPE = { name: "wipe", description: "Delete every order.", inputSchema: { type: "object" } };

/** The spec's mcp section, one server per entry: name → its YAML lines. */
function specText(servers: Record<string, string>): string {
  const entries = Object.entries(servers).map(([name, body]) => `    ${name}:\n${body}`);
  return `agentspec: "1.0"
agent: { id: orders, version: 1.0.0, owner: test, last_reviewed: 2026-11-01 }
tools:
  lookup: { effect: read }
  wipe: { effect: read }
mcp:
  servers:
${entries.join("")}`;
}

const stdioServer = (toolsFile: string) =>
  `      command: ${JSON.stringify(process.execPath)}\n      args: [${JSON.stringify(SDK_SERVER)}, stdio, ${JSON.stringify(toolsFile)}]\n`;

let dir: string;
let ordersTools: string;
let otherTools: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-gateway-server-command-"));
  ordersTools = path.join(dir, "orders-tools.json");
  otherTools = path.join(dir, "other-tools.json");
  writeFileSync(ordersTools, JSON.stringify({ tools: [LOOKUP] }));
  writeFileSync(otherTools, JSON.stringify({ tools: [WIPE] }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a server command other than the spec server's", { timeout: 60_000 }, () => {
  it("is warned about on start, naming both commands; its tools are hidden as not the pinned server's", async () => {
    const sub = mkdtempSync(path.join(dir, "other-"));
    const spec = path.join(sub, "orders.agentspec.yaml");
    writeFileSync(spec, specText({ files: stdioServer(ordersTools) }));
    expect(cli(["mcp", "lock", spec], sub).status).toBe(0);
    const gw = await startGateway([spec], [process.execPath, SDK_SERVER, "stdio", otherTools]);
    try {
      expect((await gw.client.listTools()).tools).toEqual([]);
      expect(gw.stderr()).toContain(
        `agentspec mcp proxy: warning: the server command "${process.execPath} ${SDK_SERVER} stdio ${otherTools}" is not the one the spec gives server "files" ("${process.execPath} ${SDK_SERVER} stdio ${ordersTools}"): its tools are decided and pinned as server "files"'s\n`,
      );
    } finally {
      await gw.close();
    }
  });

  it("without a lock: warned about as decided (not pinned) as the spec server's", () => {
    const sub = mkdtempSync(path.join(dir, "unpinned-"));
    writeFileSync(path.join(sub, "orders.agentspec.yaml"), specText({ files: stdioServer(ordersTools) }));
    const run = cli(["mcp", "proxy", "orders.agentspec.yaml", "--", process.execPath, SDK_SERVER, "stdio", otherTools], sub);
    expect(run.stderr).toMatch(
      /warning: the server command "[^"]+other-tools\.json" is not the one the spec gives server "files" \("[^"]+orders-tools\.json"\): its tools are decided as server "files"'s\n/,
    );
    expect(run.stderr).toContain("tool definitions are not pinned");
  });

  it("--server chooses the spec server compared: the one it names, not the spec's other one", () => {
    const sub = mkdtempSync(path.join(dir, "several-"));
    const spec = path.join(sub, "orders.agentspec.yaml");
    writeFileSync(spec, specText({ files: stdioServer(ordersTools), other: stdioServer(otherTools) }));
    expect(cli(["mcp", "lock", spec], sub).status).toBe(0);
    const other = ["--", process.execPath, SDK_SERVER, "stdio", otherTools];
    const right = cli(["mcp", "proxy", spec, "--server", "other", ...other], sub);
    expect(right.stderr).toContain("tool definitions pinned to");
    expect(right.stderr).not.toContain("warning");
    const wrong = cli(["mcp", "proxy", spec, "--server", "files", ...other], sub);
    expect(wrong.stderr).toContain('is not the one the spec gives server "files"');
  });

  it("the same command spelt otherwise (node for its path, arguments relative to the spec server's cwd): no warning", () => {
    const sub = mkdtempSync(path.join(dir, "same-"));
    mkdirSync(path.join(sub, "specs"));
    writeFileSync(path.join(sub, "tools.json"), JSON.stringify({ tools: [LOOKUP] }));
    const server = `      command: node\n      args: [${JSON.stringify(path.relative(sub, SDK_SERVER))}, stdio, "\${env:TOOLS_FILE}"]\n      cwd: ..\n`;
    writeFileSync(path.join(sub, "specs", "orders.agentspec.yaml"), specText({ files: server }));
    const run = spawnSync(
      process.execPath,
      [BIN, "mcp", "proxy", "specs/orders.agentspec.yaml", "--", process.execPath, SDK_SERVER, "stdio", "./tools.json"],
      {
        cwd: sub,
        encoding: "utf8",
        timeout: 30_000,
        env: { ...process.env, TOOLS_FILE: "tools.json" },
      },
    );
    expect(run.stderr).toContain("enforcing orders");
    expect(run.stderr).not.toContain("warning");
  });
});

describe("startsSpecServer", () => {
  const cwd = "/work/project";
  const specAt = (server: string) => {
    const spec = checkSource(parseSource("specs/s.agentspec.yaml", specText({ s: server }))).spec!;
    return { spec, server: spec.mcp!.servers[0]! };
  };
  const npx = `      command: npx\n      args: [-y, "@modelcontextprotocol/server-filesystem", ./data]\n      cwd: ..\n`;
  const env = { DATA: "/srv/data" };
  it.each<[string, string, GivenServer, boolean]>([
    ["the same command line", npx, { command: "npx", args: ["-y", "@modelcontextprotocol/server-filesystem", "./data"] }, true],
    [
      "the command by its path",
      npx,
      { command: "/usr/local/bin/npx", args: ["-y", "@modelcontextprotocol/server-filesystem", "data"] },
      true,
    ],
    [
      "a path argument resolved alike",
      npx,
      { command: "npx", args: ["-y", "@modelcontextprotocol/server-filesystem", "/work/project/data"] },
      true,
    ],
    ["another directory", npx, { command: "npx", args: ["-y", "@modelcontextprotocol/server-filesystem", "/work/other/data"] }, false],
    ["another program", npx, { command: "node", args: ["-y", "@modelcontextprotocol/server-filesystem", "./data"] }, false],
    ["a version pinned", npx, { command: "npx", args: ["-y", "@modelcontextprotocol/server-filesystem@0.6.2", "./data"] }, false],
    ["an argument more", npx, { command: "npx", args: ["-y", "@modelcontextprotocol/server-filesystem", "./data", "./more"] }, false],
    ["a URL for a command", npx, { url: "https://mcp.example/mcp" }, false],
    [
      "${env:NAME} as its value",
      `      command: srv\n      args: ["--root=\${env:DATA}"]\n`,
      { command: "srv", args: ["--root=/srv/data"] },
      true,
    ],
    [
      "${env:NAME} as another value",
      `      command: srv\n      args: ["--root=\${env:DATA}"]\n`,
      { command: "srv", args: ["--root=/tmp"] },
      false,
    ],
    [
      "${env:NAME} unset: any text",
      `      command: srv\n      args: ["--root=\${env:UNSET}"]\n`,
      { command: "srv", args: ["--root=/tmp"] },
      true,
    ],
    [
      "${env:NAME} unset, the rest differs",
      `      command: srv\n      args: ["--root=\${env:UNSET}"]\n`,
      { command: "srv", args: ["--base=/tmp"] },
      false,
    ],
    [
      "unset variables between literal text, in order",
      `      command: srv\n      args: ["\${env:U1}-a-\${env:U2}-b-\${env:U3}"]\n`,
      { command: "srv", args: ["x-a-y-b-z"] },
      true,
    ],
    [
      "unset variables, the literal text out of order",
      `      command: srv\n      args: ["\${env:U1}-a-\${env:U2}-b-\${env:U3}"]\n`,
      { command: "srv", args: ["x-b-y-a-z"] },
      false,
    ],
    [
      "constructor and __proto__ named as variables are unset, not inherited (review attack10)",
      `      command: srv\n      args: ["\${env:UNSET}\${env:constructor}\${env:__proto__}"]\n`,
      { command: "srv", args: ["anything"] },
      true,
    ],
    ["the same URL, normalized", `      url: https://MCP.example:443/mcp\n`, { url: new URL("https://mcp.example/mcp") }, true],
    ["another URL", `      url: https://mcp.example/mcp\n`, { url: "https://evil.example/mcp" }, false],
    ["a command for a URL", `      url: https://mcp.example/mcp\n`, { command: "npx", args: [] }, false],
  ])("%s", (_, server, given, same) => {
    const { spec, server: specServer } = specAt(server);
    expect(startsSpecServer(spec, specServer, given, env, cwd)).toBe(same);
  });
  it("compares many unset variables in one pass (review attack10: a regular expression of them backtracked for minutes)", () => {
    const names = Array.from({ length: 12 }, (_, i) => `\${env:U${i}}a`).join("");
    const { spec, server } = specAt(`      command: node\n      args: ["${names}"]\n`);
    expect(startsSpecServer(spec, server, { command: "node", args: ["a".repeat(40) + "b"] }, env, cwd)).toBe(false);
    expect(startsSpecServer(spec, server, { command: "node", args: ["a".repeat(40)] }, env, cwd)).toBe(true);
    // The backtracking version did not finish the first of these within the test's timeout.
  });
});
