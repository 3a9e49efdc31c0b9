// A spec server's `prefix` (mcp.servers.<name>.prefix): the spec names the server's read_file as
// fs.read_file. The gateway in front of that server decides each call and listed tool under the
// spec's name, while the client and the server keep the server's names: the client is shown and
// calls read_file, the server runs read_file, the decision and the record say fs.read_file. A name
// the client sends is always prefixed before it is decided, so no call is decided unprefixed.
// The SDK client, the built CLI, a real SDK server, pinned to the spec's lock.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSource } from "../../../src/load/index.js";
import { TOOL_PREFIX } from "../../../src/mcp/gateway/gateway.js";
import { checkSource } from "../../../src/model/index.js";
import { compilePolicy, serializePolicy } from "../../../src/policy/index.js";
import { SDK_SERVER } from "../helpers.js";
import { BIN, resultText, startGateway, cli } from "./helpers.js";

const TOOLS = [
  { name: "read_file", description: "Read a file.", inputSchema: { type: "object", properties: { path: { type: "string" } } } },
  { name: "write_file", description: "Write a file.", inputSchema: { type: "object", properties: { path: { type: "string" } } } },
  { name: "list_dir", description: "List a folder.", inputSchema: { type: "object" } },
];

function specText(toolsFile: string, servers = ""): string {
  return `agentspec: "1.0"
agent: { id: prefixed, version: 1.0.0, owner: test, last_reviewed: 2026-11-01 }
tools:
  fs.read_file: { effect: read }
  fs.write_file: { effect: write }
  list_dir: { effect: read }
deny: ["fs.write_*"]
mcp:
  servers:
    files:
      command: ${JSON.stringify(process.execPath)}
      args: [${JSON.stringify(SDK_SERVER)}, stdio, ${JSON.stringify(toolsFile)}]
      prefix: fs.
${servers}`;
}

/** The tool names the server ran, from its --call-log. */
function servedNames(callLog: string): string[] {
  return readFileSync(callLog, "utf8")
    .trim()
    .split("\n")
    .map((l) => (JSON.parse(l) as { name: string }).name);
}

function decisionOf(result: unknown): { rule: string; reason: string } {
  return (result as { _meta: Record<string, { rule: string; reason: string }> })._meta["agentspec/decision"]!;
}

let dir: string;
let toolsFile: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-gateway-prefix-"));
  toolsFile = path.join(dir, "tools.json");
  writeFileSync(toolsFile, JSON.stringify({ tools: TOOLS }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a prefixed spec server behind the gateway", { timeout: 60_000 }, () => {
  it("lists and calls by the server's names, decides and records by the spec's", async () => {
    const sub = mkdtempSync(path.join(dir, "cli-"));
    const spec = path.join(sub, "prefixed.agentspec.yaml");
    writeFileSync(spec, specText(toolsFile));
    expect(cli(["mcp", "lock", spec], sub).status).toBe(0);
    const callLog = path.join(sub, "calls.jsonl");
    const record = path.join(sub, "decisions.jsonl");
    const gw = await startGateway([spec, "--record", record], [process.execPath, SDK_SERVER, "stdio", toolsFile, "--call-log", callLog]);
    try {
      // fs.write_file is denied by fs.write_*; list_dir is the spec's, unprefixed: the policy knows this server's as fs.list_dir.
      expect((await gw.client.listTools()).tools.map((t) => t.name)).toEqual(["read_file"]);
      expect(resultText(await gw.client.callTool({ name: "read_file", arguments: { path: "a" } }))).toBe("called read_file");
      const write = await gw.client.callTool({ name: "write_file", arguments: { path: "b" } });
      expect(decisionOf(write)).toMatchObject({ rule: "deny-pattern" });
      expect(decisionOf(write).reason).toContain('"fs.write_file"');
      // The spec's name sent by the client is prefixed again (fs.fs.read_file): outside the allowlist, never stripped.
      expect(decisionOf(await gw.client.callTool({ name: "fs.read_file", arguments: {} })).rule).toBe("not-allowed");
      // An unprefixed spec tool of another server is not this server's: fs.list_dir is not allowed.
      expect(decisionOf(await gw.client.callTool({ name: "list_dir", arguments: {} })).rule).toBe("not-allowed");
      expect(gw.stderr()).toContain(`the policy names this server's tools with the prefix "fs." (its read_file is fs.read_file)`);
      expect(gw.stderr()).toContain('allow  tools/call "fs.read_file"');
      // Pinned by the server's names, as the lock holds them.
      expect(gw.stderr()).toMatch(/tool definitions pinned to \S+prefixed\.mcp-lock\.json \(3 tools of server "files"\)/);
    } finally {
      await gw.close();
    }
    expect(servedNames(callLog)).toEqual(["read_file"]);
    const recorded = readFileSync(record, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { tool: string; rule: string });
    expect(recorded.map((r) => `${r.rule} ${r.tool}`)).toEqual([
      "allowed fs.read_file",
      "deny-pattern fs.write_file",
      "not-allowed fs.fs.read_file",
      "not-allowed fs.list_dir",
    ]);
  });
});

describe("the prefix, chosen and checked at start", { timeout: 60_000 }, () => {
  it("a compiled policy: --server without --prefix exits 2 (its spec's prefixes are not in it); without --server it says so", () => {
    const sub = mkdtempSync(path.join(dir, "compiled-"));
    // Compiled as `agentspec compile --target policy` would (its lint findings aside): no mcp section.
    const policy = path.join(sub, "prefixed.policy.json");
    writeFileSync(policy, serializePolicy(compilePolicy(checkSource(parseSource("prefixed.agentspec.yaml", specText(toolsFile))).spec!)));
    const callLog = path.join(sub, "calls.jsonl");
    const server = ["--", process.execPath, SDK_SERVER, "stdio", toolsFile, "--call-log", callLog];
    const refused = cli(["mcp", "proxy", policy, "--server", "files", ...server], sub);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("is a compiled policy, which does not keep the prefixes its spec gives its servers");
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(callLog)).toBe(false);
    // Without --server it starts (most policies have no prefix), saying how its names are read.
    const started = cli(["mcp", "proxy", policy, ...server], sub);
    expect(started.stderr).toContain("a compiled policy keeps no server prefixes, so calls are decided under the server's own tool names");
  });

  it("a compiled policy with --prefix: each call is decided under the spec's name, and --pin covers the policy", async () => {
    const sub = mkdtempSync(path.join(dir, "compiled-prefix-"));
    const compiled = compilePolicy(checkSource(parseSource("prefixed.agentspec.yaml", specText(toolsFile))).spec!);
    const policy = path.join(sub, "prefixed.policy.json");
    writeFileSync(policy, serializePolicy(compiled));
    const callLog = path.join(sub, "calls.jsonl");
    const gw = await startGateway(
      [policy, "--pin", compiled.hash, "--prefix", "fs."],
      [process.execPath, SDK_SERVER, "stdio", toolsFile, "--call-log", callLog],
    );
    try {
      expect((await gw.client.listTools()).tools.map((t) => t.name)).toEqual(["read_file"]);
      expect(resultText(await gw.client.callTool({ name: "read_file", arguments: { path: "a" } }))).toBe("called read_file");
      const write = await gw.client.callTool({ name: "write_file", arguments: { path: "b" } });
      expect(decisionOf(write)).toMatchObject({ rule: "deny-pattern" });
      expect(decisionOf(write).reason).toContain('"fs.write_file"');
      expect(gw.stderr()).toContain(`the policy names this server's tools with the prefix "fs." (its read_file is fs.read_file)`);
    } finally {
      await gw.close();
    }
    expect(servedNames(callLog)).toEqual(["read_file"]);
  });

  it("--pin on a spec: the prefix, which the pinned policy does not hold, must be given with --prefix, and a spec whose prefix changed stops the start", () => {
    const sub = mkdtempSync(path.join(dir, "pinned-"));
    const spec = path.join(sub, "prefixed.agentspec.yaml");
    writeFileSync(spec, specText(toolsFile));
    const pin = compilePolicy(checkSource(parseSource(spec, specText(toolsFile))).spec!).hash;
    const callLog = path.join(sub, "calls.jsonl");
    const server = ["--", process.execPath, SDK_SERVER, "stdio", toolsFile, "--call-log", callLog];
    const unpinned = cli(["mcp", "proxy", spec, "--pin", pin, ...server], sub);
    expect(unpinned.status).toBe(2);
    expect(unpinned.stderr).toContain(`--pin pins the policy compiled from ${spec}, which does not hold the prefix "fs." the spec gives`);
    expect(unpinned.stderr).not.toMatch(/\n\s+at /);
    const started = cli(["mcp", "proxy", spec, "--pin", pin, "--prefix", "fs.", ...server], sub);
    expect(started.stderr).toContain(`enforcing prefixed ${pin}`);
    // The same policy under another prefix (only the spec's mcp section edited): the pin still matches, the prefix does not.
    writeFileSync(spec, specText(toolsFile).replace("prefix: fs.", "prefix: sandbox."));
    const edited = cli(["mcp", "proxy", spec, "--pin", pin, "--prefix", "fs.", ...server], sub);
    expect(edited.status).toBe(2);
    expect(edited.stderr).toContain('--prefix "fs." differs from the prefix');
    expect(existsSync(callLog)).toBe(false);
  });

  it("the pattern is the schema's", () => {
    const schema = JSON.parse(readFileSync(path.join(BIN, "../../schema/agentspec.schema.json"), "utf8")) as {
      $defs?: Record<string, { properties?: Record<string, { pattern?: string }> }>;
      definitions?: Record<string, { properties?: Record<string, { pattern?: string }> }>;
    };
    const defs = { ...schema.definitions, ...schema.$defs };
    const patterns = Object.values(defs).flatMap((d) => (d.properties?.prefix?.pattern ? [d.properties.prefix.pattern] : []));
    expect(patterns).toEqual([TOOL_PREFIX.source]);
  });

  it.each([
    [["--prefix", "fs prefix"], "", '--prefix "fs prefix" is not a tool prefix'],
    [["--prefix", "tickets."], "", '--prefix "tickets." differs from the prefix'],
    [["--prefix", "a.", "--prefix", "a."], "", "--prefix is given 2 times: give it once"],
    [
      [],
      `    tickets:\n      url: https://mcp.example/mcp\n      prefix: tickets.\n`,
      'its MCP servers have different prefixes ("fs." for "files", "tickets." for "tickets"): name the one this gateway fronts with --server <name>',
    ],
    [["--server", "nope"], `    tickets:\n      url: https://mcp.example/mcp\n      prefix: tickets.\n`, '--server "nope": '],
  ])("%j exits 2", (options, servers, message) => {
    const sub = mkdtempSync(path.join(dir, "bad-"));
    const spec = path.join(sub, "prefixed.agentspec.yaml");
    writeFileSync(spec, specText(toolsFile, servers));
    const callLog = path.join(sub, "calls.jsonl");
    const run = cli(["mcp", "proxy", spec, ...options, "--", process.execPath, SDK_SERVER, "stdio", toolsFile, "--call-log", callLog], sub);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(callLog)).toBe(false);
  });
});
