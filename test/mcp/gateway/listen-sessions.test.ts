// --listen with a stdio server (2025 revisions): each initialize opens a session with a server
// process of its own. --max-sessions bounds how many are open (an initialize past it is refused
// with HTTP 503 and starts nothing); --session-idle-timeout closes a session no request reached,
// and stops its server (its id then gets 404). The built CLI, the SDK's HTTP client, a real SDK
// server that writes its process id when it starts.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, cli, INITIALIZE, resultText, waitFor } from "./helpers.js";

const PAGED_SERVER = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/paged-server.mjs");
const SPEC = `agentspec: "1.0"
agent: { id: sessions, version: 1.0.0, owner: test, last_reviewed: 2026-11-01 }
tools:
  "t.*": { effect: read }
`;

let dir: string;
let spec: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-gateway-sessions-"));
  spec = path.join(dir, "sessions.agentspec.yaml");
  writeFileSync(spec, SPEC);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Listening {
  child: ChildProcess;
  url: string;
  stderr(): string;
  /** The server processes started so far, by process id. */
  pids(): number[];
}

async function listen(options: string[], name: string): Promise<Listening> {
  const pidLog = path.join(dir, `${name}.pids`);
  const child = spawn(
    process.execPath,
    [
      BIN,
      "mcp",
      "proxy",
      spec,
      "--listen",
      "127.0.0.1:0",
      ...options,
      "--",
      process.execPath,
      PAGED_SERVER,
      "1",
      "3",
      path.join(dir, `${name}.list`),
      "--pid-log",
      pidLog,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const url = await waitFor(() => /listening on (http:\/\/\S+\/mcp)/.exec(stderr)?.[1], "the gateway's address", 30_000);
  const pids = () => (existsSync(pidLog) ? readFileSync(pidLog, "utf8").split("\n").filter(Boolean).map(Number) : []);
  return { child, url, stderr: () => stderr, pids };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** An initialize as a raw client POSTs it. */
function postInitialize(url: string, id: number, accept: string): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept },
    body: JSON.stringify({ ...INITIALIZE, id }),
  });
}

async function connect(url: string): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> {
  const client = new Client({ name: "sessions-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(url));
  await client.connect(transport);
  return { client, transport };
}

describe("--max-sessions", { timeout: 60_000 }, () => {
  it("refuses an initialize past the cap with 503, starting no server; a session ended makes room", async () => {
    const gw = await listen(["--max-sessions", "2"], "cap");
    try {
      // An initialize the transport refuses (it must accept SSE too) opens no session: its server goes at once, and takes no place.
      const refused = await postInitialize(gw.url, 1, "application/json");
      expect(refused.status).toBe(406);
      const [refusedPid] = await waitFor(() => gw.pids().length === 1 && gw.pids(), "the refused initialize's server");
      await waitFor(() => !running(refusedPid!), "the refused initialize's server to exit");
      const a = await connect(gw.url);
      const b = await connect(gw.url);
      expect(resultText(await a.client.callTool({ name: "t.0", arguments: {} }))).toBe("called t.0");
      expect(gw.pids()).toHaveLength(3);
      const third = new Client({ name: "third", version: "1.0.0" });
      await expect(third.connect(new StreamableHTTPClientTransport(new URL(gw.url)))).rejects.toMatchObject({
        code: 503,
        message: expect.stringContaining("already serves 2 sessions"),
      });
      // The refusal a raw client reads: a JSON-RPC error naming the limit.
      const raw = await postInitialize(gw.url, 7, "application/json, text/event-stream");
      expect(raw.status).toBe(503);
      expect(await raw.json()).toEqual({
        jsonrpc: "2.0",
        id: 7,
        error: {
          code: -32000,
          message: "The gateway already serves 2 sessions, its limit (--max-sessions): end one (DELETE its Mcp-Session-Id) or retry later",
        },
      });
      expect(gw.pids()).toHaveLength(3);
      expect(gw.stderr()).toContain("refused an initialize: 2 sessions are open (--max-sessions)");
      // A DELETE ends a session and its server: a new client gets in.
      const firstPid = gw.pids()[1];
      await a.transport.terminateSession();
      await a.client.close();
      await waitFor(() => !running(firstPid!), "the ended session's server to exit");
      const c = await connect(gw.url);
      expect(resultText(await c.client.callTool({ name: "t.1", arguments: {} }))).toBe("called t.1");
      expect(gw.pids()).toHaveLength(4);
      await Promise.all([b.client.close(), c.client.close()]);
    } finally {
      await stop(gw.child);
    }
  });
});

describe("--session-idle-timeout", { timeout: 60_000 }, () => {
  it("closes a session no request reached, and stops its server; its id then gets 404", async () => {
    // Long enough for a connect on a loaded machine (initialize, then its notification) to finish first.
    const gw = await listen(["--session-idle-timeout", "2"], "idle");
    try {
      const { client, transport } = await connect(gw.url);
      expect(resultText(await client.callTool({ name: "t.2", arguments: {} }))).toBe("called t.2");
      const [pid] = gw.pids();
      expect(running(pid!)).toBe(true);
      const sessionId = transport.sessionId!;
      await waitFor(() => gw.stderr().includes(`session ${sessionId}: closed after`), "the idle close line");
      expect(gw.stderr()).toMatch(/closed after \d+ s without a request \(--session-idle-timeout\); its server stopped/);
      await waitFor(() => !running(pid!), "the idle session's server to exit");
      await expect(client.callTool({ name: "t.2", arguments: {} })).rejects.toMatchObject({
        code: 404,
        message: expect.stringContaining("Session not found"),
      });
      const raw = await fetch(gw.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-session-id": sessionId },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
      });
      expect(raw.status).toBe(404);
      await client.close().catch(() => {});
    } finally {
      await stop(gw.child);
    }
  });
});

describe("--session-idle-timeout with a request pending at the server", { timeout: 60_000 }, () => {
  it("keeps the session while its client waits for a long call's answer, however long", async () => {
    // The call takes 4 s, past six timeouts (3 s): the client is waiting on it all along.
    const gw = await listen(["--session-idle-timeout", "0.5"], "slow");
    try {
      const { client } = await connect(gw.url);
      expect(resultText(await client.callTool({ name: "t.slow", arguments: {} }))).toBe("called t.slow");
      expect(gw.stderr()).not.toContain("closed after");
      await client.close();
    } finally {
      await stop(gw.child);
    }
  });

  it("closes a session whose client stopped waiting, after six timeouts of its silence: the request fails, its server stops", async () => {
    const gw = await listen(["--session-idle-timeout", "1"], "stuck");
    try {
      const { client, transport } = await connect(gw.url);
      const sessionId = transport.sessionId!;
      const [pid] = gw.pids();
      const call = client.callTool({ name: "t.hang", arguments: {} }).catch((error: Error) => error);
      await waitFor(() => gw.stderr().includes('allow  tools/call "t.hang"'), "the call forwarded");
      // The client goes away without DELETE (its open request aborted); the server never answers.
      await client.close();
      const left = performance.now();
      await call;
      await waitFor(() => gw.stderr().includes(`session ${sessionId}: closed after`), "the close line", 20_000);
      // Not at the plain timeout (1 s): after six of them of the client's silence.
      expect(performance.now() - left).toBeGreaterThanOrEqual(5_900);
      expect(gw.stderr()).toMatch(
        /closed after \d+ s without a request \(--session-idle-timeout, ×6 while requests are pending\); its server stopped and the request pending there failed/,
      );
      // Its own line, written just after the close line: it may come in a later chunk of stderr.
      await waitFor(() => gw.stderr().includes(`failed tools/call "t.hang": the session was closed after`), "the call's failure line");
      await waitFor(() => !running(pid!), "the stuck session's server to exit");
    } finally {
      await stop(gw.child);
    }
  });
});

describe("the session options, checked", { timeout: 60_000 }, () => {
  it.each([
    [["--listen", "0", "--max-sessions", "0"], "--max-sessions takes a whole number from 1 to 100000, not 0"],
    [["--listen", "0", "--max-sessions", "2.5"], "--max-sessions takes a whole number from 1 to 100000, not 2.5"],
    [["--listen", "0", "--max-sessions", "3", "--max-sessions", "4"], "--max-sessions is given 2 times: give it once"],
    [["--listen", "0", "--session-idle-timeout", "abc"], "--session-idle-timeout takes a number of seconds from 0.1 to 2000000, not NaN"],
    [["--listen", "0", "--session-idle-timeout", "0"], "--session-idle-timeout takes a number of seconds from 0.1 to 2000000, not 0"],
    [["--max-sessions", "3"], "--max-sessions applies to --listen only (a stdio gateway serves one session)"],
    [["--session-idle-timeout", "60"], "--session-idle-timeout applies to --listen only (a stdio gateway serves one session)"],
  ])("%j exits 2", (options, message) => {
    const run = cli(["mcp", "proxy", spec, ...options, "--", process.execPath, PAGED_SERVER, "1", "1", "x"], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
