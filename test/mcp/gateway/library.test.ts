// createMcpGateway embedded in a TypeScript program: the gateway in this process, the SDK client
// over HTTP, server-filesystem as a child.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMcpGateway } from "../../../src/index.js";
import { compilePolicy } from "../../../src/policy/compile-policy.js";
import { parseSource } from "../../../src/load/index.js";
import { checkSource } from "../../../src/model/index.js";
import { PassThrough } from "node:stream";
import { startHttpServer, writeToolsFile } from "../helpers.js";
import { FILESYSTEM_SERVER, resultText } from "./helpers.js";

const SPEC = `agentspec: "1.0"
agent: { id: embedded, version: 1.0.0 }
tools:
  read_text_file: { effect: read }
limits: { max_tool_calls: 2 }
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-gateway-lib-"));
  mkdirSync(path.join(dir, "files"));
  writeFileSync(path.join(dir, "files", "a.txt"), "embedded\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("createMcpGateway", { timeout: 30_000 }, () => {
  it("enforces a policy object for an embedding program, its guard counting the run", async () => {
    const lines: string[] = [];
    const gateway = createMcpGateway({
      policy: compilePolicy(checkSource(parseSource("embedded.agentspec.yaml", SPEC)).spec!),
      upstream: { command: process.execPath, args: [FILESYSTEM_SERVER, path.join(dir, "files")], stderr: "ignore" },
      downstream: { listen: { port: 0 } },
      log: (line) => lines.push(line),
    });
    const { url } = await gateway.start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const client = new Client({ name: "embedder", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(url!)));
    try {
      const read = () => client.callTool({ name: "read_text_file", arguments: { path: path.join(dir, "files", "a.txt") } });
      expect(resultText(await read())).toBe("embedded\n");
      expect(resultText(await read())).toBe("embedded\n");
      const third = await read();
      expect(third.isError).toBe(true);
      expect(resultText(third)).toMatch(/\(budget\): "read_text_file" is denied: .*max_tool_calls 2/);
      expect(gateway.guard.usage().toolCalls).toBe(2);
      expect(lines.filter((l) => l.startsWith("allow"))).toHaveLength(2);
      expect(existsSync(path.join(dir, "files", "a.txt"))).toBe(true);
    } finally {
      await client.close();
      await gateway.close();
    }
    expect(await gateway.closed).toMatchObject({ reason: "closed" });
  });

  it("serves nothing when closed while it starts (review attack10: the HTTP parts load after start() is called)", async () => {
    const tools = writeToolsFile(dir, { tools: [{ name: "read_text_file", inputSchema: { type: "object" } }] }, "close-tools.json");
    const server = await startHttpServer(tools);
    const policy = compilePolicy(checkSource(parseSource("embedded.agentspec.yaml", SPEC)).spec!);
    try {
      const input = new PassThrough();
      const output = new PassThrough();
      let written = "";
      output.on("data", (chunk: Buffer) => (written += chunk.toString("utf8")));
      const overStdio = createMcpGateway({ policy, upstream: { url: server.url }, downstream: { input, output }, log: null });
      const starting = overStdio.start();
      await overStdio.close();
      await starting;
      input.write(
        JSON.stringify({
          jsonrpc: "2.0",
          id: 1,
          method: "initialize",
          params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "x", version: "1" } },
        }) + "\n",
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(written).toBe("");

      const listening = createMcpGateway({ policy, upstream: { url: server.url }, downstream: { listen: { port: 0 } }, log: null });
      const started = listening.start();
      await listening.close();
      const { url } = await started;
      if (url !== undefined) await expect(fetch(url, { method: "POST", body: "{}" })).rejects.toThrow();
      expect(await listening.closed).toMatchObject({ reason: "closed" });
    } finally {
      await server.stop();
    }
  });

  it("starts once, and not after close(); a request during close() starts no session and holds nothing open (review attack11)", async () => {
    const policy = compilePolicy(checkSource(parseSource("embedded.agentspec.yaml", SPEC)).spec!);
    const gateway = createMcpGateway({
      policy,
      upstream: { command: process.execPath, args: [FILESYSTEM_SERVER, path.join(dir, "files")], stderr: "ignore" },
      downstream: { listen: { port: 0 } },
      log: null,
    });
    const first = gateway.start();
    expect(gateway.start()).toBe(first);
    const { url } = await first;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const post = (body: unknown) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(
          url!,
          {
            method: "POST",
            agent,
            headers: {
              "content-type": "application/json",
              accept: "application/json, text/event-stream",
              "mcp-protocol-version": "2025-06-18",
            },
          },
          (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode!));
          },
        );
        req.on("error", reject);
        req.end(JSON.stringify(body));
      });
    const initialize = {
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "x", version: "1" } },
    };
    try {
      expect(await post(initialize)).toBe(200);
      const closing = gateway.close();
      // Refused (503) or its connection closed: either way no session is opened.
      const during = await post(initialize).catch(() => "refused");
      expect([503, "refused"]).toContain(during);
      await closing;
      expect(await gateway.closed).toMatchObject({ reason: "closed" });
      await expect(gateway.start()).rejects.toThrow(/the gateway was closed/);
    } finally {
      agent.destroy();
    }
  });

  it("refuses options it cannot honour, naming them", () => {
    const upstream = { command: "node" };
    expect(() => createMcpGateway({ upstream })).toThrow(/needs a policy/);
    expect(() => createMcpGateway({ policy: {}, upstream, maxMessageBytes: 10 })).toThrow(/at least 1024/);
  });

  it("denies everything, and says so, when the policy does not load", async () => {
    const lines: string[] = [];
    const gateway = createMcpGateway({
      policy: { format: "agentspec-policy/1", hash: "sha256:bad" },
      upstream: { command: process.execPath, args: [FILESYSTEM_SERVER, path.join(dir, "files")], stderr: "ignore" },
      downstream: { listen: { port: 0 } },
      log: (line) => lines.push(line),
    });
    const { url } = await gateway.start();
    const client = new Client({ name: "embedder", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(url!)));
    try {
      expect((await client.listTools()).tools).toEqual([]);
      const result = await client.callTool({ name: "read_text_file", arguments: { path: path.join(dir, "files", "a.txt") } });
      expect(result.isError).toBe(true);
      expect(lines[0]).toMatch(/^the policy could not load, so every call is denied: /);
    } finally {
      await client.close();
      await gateway.close();
    }
  });
});
