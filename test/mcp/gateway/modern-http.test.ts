// 2026-07-28 over Streamable HTTP, towards a server that sends what the SDK's servers never do:
// the gateway (--listen, --url) in front of a raw HTTP server written here, spoken to with raw
// POSTs. What reaches the server is what the gateway decided, with headers derived from that body
// (the client's own standard headers are not passed on); an SSE answer split at any byte, CRLF
// included, arrives whole; an answer with a repeated key, over the size limit or not UTF-8 is
// refused and the request answered with the reason; a stream that ends without the answer fails it.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, waitFor } from "./helpers.js";

const MODERN = "2026-07-28";
const SPEC = `agentspec: "1.0"
agent: { id: modern-http, version: 1.0.0, owner: test, last_reviewed: 2026-11-01 }
tools:
  split: { effect: read }
  repeated: { effect: read }
  huge: { effect: read }
  latin1: { effect: read }
  cut: { effect: read }
  empties: { effect: read }
  slow: { effect: read }
  declared: { effect: read }
  ghost: { effect: read }
deny: [forbidden]
`;

interface Received {
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

let dir: string;
let upstream: Server;
let gateway: ChildProcess;
let url: string;
let upstreamUrl: string;
let stderr = "";
const received: Received[] = [];
/** The header `declared`'s region argument travels in (SEP-2243's x-mcp-header); a test changes it. */
let declaredHeader = "Region";
/** How the server answers tools/list: at once as JSON, or after a delay as an SSE stream it keeps open. */
let slowOpenListing = false;
const openListings: ServerResponse[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-gateway-modern-http-"));
  writeFileSync(path.join(dir, "modern.agentspec.yaml"), SPEC);
  upstream = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== "POST") return void res.writeHead(405).end();
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
    if (body.method === "initialize") {
      // A 2025 session's first answer, as one SSE event larger than the gateway reads (review finding G9).
      res.writeHead(200, { "content-type": "text/event-stream" });
      return void res.end(`event: message\ndata: ${"x".repeat(50_000)}\n\n`);
    }
    received.push({ headers: req.headers, body });
    const id = body.id as number;
    if (body.method === "tools/list") {
      const tool = (name: string, properties: Record<string, unknown> = {}) => ({ name, inputSchema: { type: "object", properties } });
      const tools = [
        ...["split", "repeated", "huge", "latin1", "cut", "empties", "slow"].map((name) => tool(name)),
        tool("declared", { region: { type: "string", "x-mcp-header": declaredHeader } }),
      ];
      const answer = JSON.stringify({ jsonrpc: "2.0", id, result: { tools } });
      if (!slowOpenListing) return res.writeHead(200, { "content-type": "application/json" }).end(answer);
      await new Promise((resolve) => setTimeout(resolve, 800));
      res.writeHead(200, { "content-type": "text/event-stream" });
      // The answer, then a stream that stays open (until the test ends): a reader waiting for its end waits for ever.
      openListings.push(res);
      return void res.write(`event: message\ndata: ${answer}\n\n`);
    }
    if ((body.params as { name?: string }).name === "declared") {
      // As a 2.x SDK server checks: the declared header must be there and say what the body says.
      const region = ((body.params as { arguments?: { region?: string } }).arguments ?? {}).region;
      const header = req.headers[`mcp-param-${declaredHeader.toLowerCase()}`];
      if (header !== region) {
        const error = {
          code: -32020,
          message: `the Mcp-Param-${declaredHeader} header (${String(header)}) differs from the body (${region})`,
        };
        return res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", id, error }));
      }
    }
    const name = (body.params as { name?: string }).name;
    const result = (text: string) =>
      JSON.stringify({ jsonrpc: "2.0", id, result: { content: [{ type: "text", text }], resultType: "complete" } });
    if (name === "split") {
      // A progress notification, then the answer, in CRLF, written a few bytes at a time: a chunk ends between CR and LF.
      const progress = JSON.stringify({ jsonrpc: "2.0", method: "notifications/progress", params: { progressToken: "p1", progress: 1 } });
      const text = `event: message\r\ndata: ${progress}\r\n\r\nevent: message\r\ndata: ${result("split whole")}\r\n\r\n`;
      res.writeHead(200, { "content-type": "text/event-stream" });
      for (let at = 0; at < text.length; at += 7) {
        res.write(text.slice(at, at + 7));
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      return res.end();
    }
    if (name === "repeated") {
      // Which "text" a client keeps depends on its decoder: refused.
      const text = `{"jsonrpc":"2.0","id":${id},"result":{"content":[{"type":"text","text":"first","text":"second"}]}}`;
      return res.writeHead(200, { "content-type": "application/json" }).end(text);
    }
    if (name === "huge") return res.writeHead(200, { "content-type": "application/json" }).end(result("x".repeat(20_000)));
    if (name === "latin1") return res.writeHead(200, { "content-type": "application/json" }).end(Buffer.from([0x7b, 0xe9, 0x7d]));
    if (name === "empties") {
      // Data lines without data, never a blank line: each counts toward the event's size.
      res.writeHead(200, { "content-type": "text/event-stream" });
      return res.end("data:\n".repeat(20_000));
    }
    if (name === "cut") {
      res.writeHead(200, { "content-type": "text/event-stream" });
      return res.end(
        `event: message\ndata: ${JSON.stringify({ jsonrpc: "2.0", method: "notifications/message", params: { level: "info", data: "x" } })}\n\n`,
      );
    }
    res.writeHead(200, { "content-type": "application/json" }).end(result("ran"));
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/mcp`;
  gateway = spawn(
    process.execPath,
    [
      BIN,
      "mcp",
      "proxy",
      path.join(dir, "modern.agentspec.yaml"),
      "--listen",
      "127.0.0.1:0",
      "--max-message-bytes",
      "10000",
      "--url",
      upstreamUrl,
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  gateway.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  url = await waitFor(() => /listening on (http:\/\/\S+\/mcp)/.exec(stderr)?.[1], "the gateway's address", 30_000);
});

afterAll(async () => {
  await new Promise<void>((resolve) => {
    if (gateway.exitCode !== null) return resolve();
    gateway.once("exit", () => resolve());
    gateway.kill("SIGTERM");
  });
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

let nextId = 1;
async function call(
  name: string,
  headers: Record<string, string> = {},
  target = url,
  args: Record<string, unknown> = {},
): Promise<{ status: number; type: string; text: string; id: number }> {
  const id = nextId++;
  const body = {
    jsonrpc: "2.0",
    id,
    method: "tools/call",
    params: { name, arguments: args, _meta: { progressToken: "p1", "io.modelcontextprotocol/protocolVersion": MODERN } },
  };
  const response = await fetch(target, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": MODERN,
      "mcp-method": "tools/call",
      "mcp-name": name,
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, type: response.headers.get("content-type") ?? "", text: await response.text(), id };
}

/** The JSON-RPC messages of an answer: one JSON body, or the data of each SSE event. */
function messages(answer: { type: string; text: string }): Record<string, unknown>[] {
  if (answer.type.startsWith("application/json")) return [JSON.parse(answer.text) as Record<string, unknown>];
  return [...answer.text.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
}

describe("2026-07-28 towards a raw HTTP server", { timeout: 60_000 }, () => {
  it("forwards the decided body with headers derived from it, not the client's own", async () => {
    const before = received.length;
    const answer = await call("split", { "mcp-param-region": "eu", "x-forwarded-for": "203.0.113.9" });
    expect(answer.status).toBe(200);
    // The first call of a tool the gateway has not seen listed: it lists the server's tools first (for their
    // Mcp-Param-* declarations), in the call's revision, with an id of its own.
    const [listing, ...seen] = received.slice(before);
    expect(listing!.body.method).toBe("tools/list");
    expect(String(listing!.body.id)).toMatch(/^agentspec-gateway:/);
    expect(listing!.headers["mcp-method"]).toBe("tools/list");
    expect((listing!.body.params as { _meta: Record<string, unknown> })._meta["io.modelcontextprotocol/protocolVersion"]).toBe(MODERN);
    expect(seen).toHaveLength(1);
    const { headers, body } = seen[0]!;
    expect(headers["mcp-protocol-version"]).toBe(MODERN);
    expect(headers["mcp-method"]).toBe("tools/call");
    expect(headers["mcp-name"]).toBe("split");
    expect(headers["mcp-param-region"]).toBeUndefined();
    expect(headers["x-forwarded-for"]).toBeUndefined();
    expect((body.params as { name: string }).name).toBe("split");
  });

  it("sends a declared argument's Mcp-Param-* header, and reads the tool's declaration again when the server refuses it", async () => {
    const before = received.length;
    expect(messages(await call("declared", {}, url, { region: "eu" }))[0]!.result).toBeDefined();
    const first = received.slice(before).filter((r) => r.body.method === "tools/call");
    expect(first[0]!.headers["mcp-param-region"]).toBe("eu");
    // The server's tool now declares another header: the gateway's knowledge is stale, the server refuses,
    // the client is told why, and the next call is sent with the header the server now declares.
    declaredHeader = "Zone";
    try {
      const refused = await call("declared", {}, url, { region: "ap" });
      expect((messages(refused)[0]!.error as { code: number }).code).toBe(-32020);
      const again = received.length;
      expect(messages(await call("declared", {}, url, { region: "ap" }))[0]!.result).toBeDefined();
      const [listing, retried] = received.slice(again);
      expect(listing!.body.method).toBe("tools/list");
      expect(retried!.headers["mcp-param-zone"]).toBe("ap");
      expect(retried!.headers["mcp-param-region"]).toBeUndefined();
    } finally {
      declaredHeader = "Region";
    }
  });

  it("lists for calls of several requests at once, whichever ends first, and not again for a name the server does not list nor per refused call", async () => {
    // A gateway of its own, which has listed nothing yet.
    const fresh = spawn(
      process.execPath,
      [BIN, "mcp", "proxy", path.join(dir, "modern.agentspec.yaml"), "--listen", "127.0.0.1:0", "--url", upstreamUrl],
      {
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let freshStderr = "";
    fresh.stderr!.on("data", (chunk: Buffer) => (freshStderr += chunk.toString("utf8")));
    try {
      const target = await waitFor(() => /listening on (http:\/\/\S+\/mcp)/.exec(freshStderr)?.[1], "the gateway's address", 30_000);
      slowOpenListing = true;
      const before = received.length;
      // The request that starts the listing goes away while it runs; another's call, waiting for the same listing, still gets its header.
      const first = new AbortController();
      const abandoned = fetch(target, {
        method: "POST",
        headers: { "content-type": "application/json", "mcp-protocol-version": MODERN, "mcp-method": "tools/call", "mcp-name": "declared" },
        body: JSON.stringify({
          jsonrpc: "2.0",
          id: 900,
          method: "tools/call",
          params: { name: "declared", arguments: { region: "gone" }, _meta: { "io.modelcontextprotocol/protocolVersion": MODERN } },
        }),
        signal: first.signal,
      }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const waiting = call("declared", {}, target, { region: "kept" });
      await new Promise((resolve) => setTimeout(resolve, 100));
      first.abort();
      await abandoned;
      const started = performance.now();
      expect(messages(await waiting)[0]!.result).toBeDefined();
      // The listing's answer came as a stream kept open: it was read up to the answer, not to the deadline.
      expect(performance.now() - started).toBeLessThan(10_000);
      slowOpenListing = false;
      // A name the server does not list, allowed by the policy: its calls wait for no listing and list nothing.
      expect(messages(await call("ghost", {}, target))[0]!.result).toBeDefined();
      expect(messages(await call("ghost", {}, target))[0]!.result).toBeDefined();
      // A client sending a value that can never match its header (a lone surrogate) is refused by the server each
      // time: the gateway lists again once, not per call, and other calls of the tool keep their header meanwhile.
      for (let round = 0; round < 2; round++) {
        expect((messages(await call("declared", {}, target, { region: "\ud800" }))[0]!.error as { code: number }).code).toBe(-32020);
        expect(messages(await call("declared", {}, target, { region: `after ${round}` }))[0]!.result).toBeDefined();
      }
      const seen = received.slice(before);
      expect(seen.filter((r) => r.body.method === "tools/list")).toHaveLength(2);
      expect(
        seen.find((r) => (r.body.params as { arguments?: { region?: string } }).arguments?.region === "kept")!.headers["mcp-param-region"],
      ).toBe("kept");
      expect(freshStderr).not.toContain("could not list");
    } finally {
      slowOpenListing = false;
      for (const open of openListings.splice(0)) open.end();
      await new Promise<void>((resolve) => {
        if (fresh.exitCode !== null) return resolve();
        fresh.once("exit", () => resolve());
        fresh.kill("SIGTERM");
      });
    }
  });

  it("an SSE answer split between CR and LF arrives whole, the notification before it, as a stream", async () => {
    const answer = await call("split");
    expect(answer.type).toMatch(/^text\/event-stream/);
    const sent = messages(answer);
    expect(sent.map((m) => m.method ?? `answer ${String(m.id)}`)).toEqual(["notifications/progress", `answer ${answer.id}`]);
    expect((sent[1]!.result as { content: { text: string }[] }).content[0]!.text).toBe("split whole");
  });

  it("refuses answers it cannot read one way only, and says why to the client", async () => {
    const cases: [string, RegExp][] = [
      ["repeated", /The MCP server's answer was refused: The key "text" appears twice/],
      ["huge", /over the gateway's limit of 10000 bytes/],
      ["latin1", /not valid UTF-8|not UTF-8/],
      ["cut", /ended without a response to the request/],
      ["empties", /over the gateway's limit of 10000 bytes/],
    ];
    for (const [name, reason] of cases) {
      const answer = await call(name);
      const final = messages(answer).find((m) => m.id === answer.id);
      expect(final, `${name}: ${answer.text}`).toBeDefined();
      expect((final!.error as { message: string }).message, name).toMatch(reason);
      expect(final!.result, name).toBeUndefined();
    }
  });

  it("a denied call reaches no server", async () => {
    const before = received.length;
    const answer = await call("forbidden");
    const final = messages(answer)[0]! as { result: { isError: boolean; resultType: string } };
    expect(final.result.isError).toBe(true);
    expect(final.result.resultType).toBe("complete");
    expect(received.length).toBe(before);
  });
});

// A stdio server that answers a call after a while, so requests overlap.
const SLOW_SERVER = `
let buffer = "";
process.stdin.on("data", (chunk) => {
  buffer += chunk;
  let newline;
  while ((newline = buffer.indexOf("\\n")) !== -1) {
    const message = JSON.parse(buffer.slice(0, newline));
    buffer = buffer.slice(newline + 1);
    if (message.method === "tools/call")
      setTimeout(() => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", id: message.id, result: { content: [{ type: "text", text: "slow" }] } }) + "\\n"), 1500);
  }
});
process.stdin.on("end", () => process.exit(0));
`;

describe("2025-11-25 towards a raw HTTP server (the SDK's client transport)", { timeout: 60_000 }, () => {
  it("an answer over --max-message-bytes fails the request with the reason, instead of being buffered whole", async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
      }),
    });
    const answer = { type: response.headers.get("content-type") ?? "", text: await response.text() };
    const final = messages(answer).find((m) => m.id === 1);
    expect(final, answer.text).toBeDefined();
    expect((final!.error as { message: string }).message).toMatch(/over the gateway's limit of 10000 bytes/);
  });
});

/**
 * A gateway listening for 2026-07-28 requests in front of a stdio server (`source`, a script):
 * `test` gets its address and what it logged so far; the gateway is stopped after.
 */
async function perRequestGateway(source: string, test: (target: string, log: () => string) => Promise<void>): Promise<void> {
  const server = path.join(dir, `server-${nextId++}.cjs`);
  writeFileSync(server, source);
  const perRequest = spawn(
    process.execPath,
    [BIN, "mcp", "proxy", path.join(dir, "modern.agentspec.yaml"), "--listen", "127.0.0.1:0", "--", process.execPath, server],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let log = "";
  perRequest.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString("utf8")));
  try {
    const target = await waitFor(() => /listening on (http:\/\/\S+\/mcp)/.exec(log)?.[1], "the gateway's address", 30_000);
    await test(target, () => log);
  } finally {
    await new Promise<void>((resolve) => {
      if (perRequest.exitCode !== null) return resolve();
      perRequest.once("exit", () => resolve());
      perRequest.kill("SIGTERM");
    });
  }
}

describe("2026-07-28 in front of a stdio server", { timeout: 60_000 }, () => {
  it("answers a request whose server exits without answering, with why (review attack6)", async () => {
    await perRequestGateway('process.stdin.once("data", () => process.exit(0));\n', async (target) => {
      const answer = await call("slow", {}, target);
      expect(answer.status).toBe(200);
      const [message] = messages(answer);
      expect((message!.error as { message: string }).message).toMatch(/^The MCP server is gone \(the MCP server exited with code 0/);
    });
  });

  it("runs at most 16 servers for requests at once, and answers the others 503 with the reason", async () => {
    await perRequestGateway(SLOW_SERVER, async (target, log) => {
      const answers = await Promise.all(Array.from({ length: 24 }, () => call("slow", {}, target)));
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(16);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
      const refused = answers.filter((a) => a.status === 503);
      expect(refused.length).toBeGreaterThanOrEqual(8);
      for (const a of refused)
        expect((JSON.parse(a.text) as { error: { message: string } }).error.message).toMatch(/already runs 16 servers/);
      expect(log()).toMatch(/refused a 2026-07-28 request: 16 servers already run/);
    });
  });
});
