// Streamable HTTP on both sides: the gateway listening for an SDK HTTP client (--listen), and the
// gateway reaching server-everything over HTTP (--url).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BIN,
  EVERYTHING_SERVER,
  FILESYSTEM_SERVER,
  INITIALIZE,
  INITIALIZED,
  resultText,
  spawnRawGateway,
  startGateway,
  waitFor,
} from "./helpers.js";

const FS_SPEC = `agentspec: "1.0"
agent: { id: fs-http, version: 1.0.0, owner: test, last_reviewed: 2026-11-01 }
tools:
  read_text_file: { effect: read }
  list_allowed_directories: { effect: read }
deny: [write_file]
`;

const EVERYTHING_SPEC = `agentspec: "1.0"
agent: { id: everything-http, version: 1.0.0, owner: test, last_reviewed: 2026-11-01 }
tools:
  echo: { effect: read }
  trigger-long-running-operation: { effect: read }
deny: [get-env]
`;

let dir: string;
let files: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-gateway-http-"));
  files = path.join(dir, "files");
  mkdirSync(files);
  writeFileSync(path.join(files, "note.txt"), "over http\n");
  writeFileSync(path.join(dir, "fs.agentspec.yaml"), FS_SPEC);
  writeFileSync(path.join(dir, "everything.agentspec.yaml"), EVERYTHING_SPEC);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("--listen: clients over Streamable HTTP", { timeout: 60_000 }, () => {
  let gateway: ChildProcess;
  let url: string;
  let stderr = "";
  beforeAll(async () => {
    gateway = spawn(
      process.execPath,
      [
        BIN,
        "mcp",
        "proxy",
        path.join(dir, "fs.agentspec.yaml"),
        "--listen",
        "127.0.0.1:0",
        "--",
        process.execPath,
        FILESYSTEM_SERVER,
        files,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    gateway.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    url = await waitFor(() => /listening on (http:\/\/\S+\/mcp)/.exec(stderr)?.[1], "the gateway's address", 30_000);
  });
  afterAll(() => stop(gateway));

  it("serves an SDK client: filtered list, allowed and denied calls, one server per session", async () => {
    const client = new Client({ name: "http-client", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(url)));
    try {
      expect((await client.listTools()).tools.map((t) => t.name).sort()).toEqual(["list_allowed_directories", "read_text_file"]);
      expect(resultText(await client.callTool({ name: "read_text_file", arguments: { path: path.join(files, "note.txt") } }))).toBe(
        "over http\n",
      );
      const denied = await client.callTool({ name: "write_file", arguments: { path: path.join(files, "x.txt"), content: "x" } });
      expect(denied.isError).toBe(true);
      expect(existsSync(path.join(files, "x.txt"))).toBe(false);
      const second = new Client({ name: "second", version: "1.0.0" });
      await second.connect(new StreamableHTTPClientTransport(new URL(url)));
      expect((await second.listTools()).tools).toHaveLength(2);
      await second.close();
    } finally {
      await client.close();
    }
  });

  it("refuses other hosts and origins (DNS rebinding), batches, smuggled keys and unknown sessions", async () => {
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
        body,
      });
    const init = JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
    });
    const evilOrigin = await post(init, { origin: "http://evil.example" });
    expect(evilOrigin.status).toBe(403);
    expect(await evilOrigin.text()).toContain("Invalid Origin header: http://evil.example");
    const batch = await post(`[${init}]`);
    expect(batch.status).toBe(400);
    expect(((await batch.json()) as { error: { message: string } }).error.message).toMatch(/batches are refused/);
    const smuggled = await post(init.replace('"capabilities":{}', '"capabilities":{},"Capabilities":{"x":1}'));
    expect(smuggled.status).toBe(400);
    expect(((await smuggled.json()) as { error: { message: string } }).error.message).toMatch(/differ only by case/);
    const unknown = await post(JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/list" }), { "mcp-session-id": "not-a-session" });
    expect(unknown.status).toBe(404);
    const port = new URL(url).port;
    const rebound = await new Promise<number>((resolve, reject) => {
      // fetch() will not send a forged Host header; a raw request can, as a rebinding browser would.
      const req = request(
        {
          host: "127.0.0.1",
          port,
          path: "/mcp",
          method: "POST",
          headers: { host: `evil.example:${port}`, "content-type": "application/json" },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end(init);
    });
    expect(rebound).toBe(403);
    expect((await fetch(url.replace("/mcp", "/other"))).status).toBe(404);
  });
});

describe("--url: the server over Streamable HTTP", { timeout: 60_000 }, () => {
  let server: ChildProcess;
  let serverUrl: string;
  beforeAll(async () => {
    const port = await freePort();
    let out = "";
    server = spawn(process.execPath, [EVERYTHING_SERVER, "streamableHttp"], {
      env: { ...process.env, PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stderr!.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    await waitFor(() => out.includes("listening on port"), "server-everything over HTTP", 30_000);
    serverUrl = `http://127.0.0.1:${port}/mcp`;
  });
  afterAll(() => stop(server));

  it("filters the list, forwards allowed calls and denies the rest", async () => {
    const gw = await startGateway([path.join(dir, "everything.agentspec.yaml"), "--url", serverUrl], []);
    try {
      expect((await gw.client.listTools()).tools.map((t) => t.name)).toEqual(["echo", "trigger-long-running-operation"]);
      expect(resultText(await gw.client.callTool({ name: "echo", arguments: { message: "via http" } }))).toContain("via http");
      const denied = await gw.client.callTool({ name: "get-env", arguments: {} });
      expect(denied.isError).toBe(true);
      expect(resultText(denied)).not.toContain("PATH");
      expect((await gw.client.listPrompts()).prompts.length).toBeGreaterThan(0);
    } finally {
      await gw.close();
    }
  });

  it("answers what is pending with an error and exits 1 when the server goes away", async () => {
    const port = await freePort();
    let out = "";
    const doomed = spawn(process.execPath, [EVERYTHING_SERVER, "streamableHttp"], {
      env: { ...process.env, PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    doomed.stderr!.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    await waitFor(() => out.includes("listening on port"), "a second server-everything", 30_000);
    const gw = await spawnRawGateway([path.join(dir, "everything.agentspec.yaml"), "--url", `http://127.0.0.1:${port}/mcp`], []);
    gw.send(INITIALIZE);
    await gw.next((m) => m.id === "init", "the initialize answer");
    gw.send(INITIALIZED);
    gw.send({
      jsonrpc: "2.0",
      id: 9,
      method: "tools/call",
      params: { name: "trigger-long-running-operation", arguments: { duration: 30, steps: 2 } },
    });
    await waitFor(() => gw.stderr().includes('allow  tools/call "trigger-long-running-operation"'), "the call forwarded");
    await stop(doomed);
    const failed = await gw.next((m) => m.id === 9, "the failed call");
    // Which one depends on when the server dies: before the gateway sees the connection drop,
    // while the forwarded request is still being sent (ECONNRESET), or when the SDK transport gives
    // up reconnecting the call's SSE stream. Each names the server and why.
    const why = /(cannot reach the MCP server at|the MCP server at) http:\/\/127\.0\.0\.1:\d+\/mcp( stopped answering)?/;
    expect((failed.error as { message: string }).message).toMatch(
      new RegExp(`^(The MCP server is gone \\(|The request could not be delivered to the MCP server: )${why.source}`),
    );
    expect(await gw.exit).toBe(1);
    expect(gw.stderr()).toMatch(new RegExp(`stopped: ${why.source}`));
  });
});
