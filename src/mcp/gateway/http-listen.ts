/**
 * The gateway's client side over Streamable HTTP (`--listen`), at path /mcp, on a loopback
 * address unless told otherwise. Each client session (an initialize without a session id) gets
 * its own server connection and the SDK's server transport, which keeps the session, its SSE
 * streams and the routing of answers to requests. Bodies are read and checked here (size, raw
 * keys, shape) before the transport sees them; Host and Origin are checked before anything is
 * started, so a web page cannot reach a loopback gateway by DNS rebinding.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { AgentspecError } from "../../errors.js";
import { INVALID_REQUEST, readMessageBytes, readShape, type JsonRpcError } from "./messages.js";
import { GatewaySession, PROTOCOL_VERSION_META_KEY, type SessionShared } from "./session.js";
import { describeExit, type Upstream } from "./upstream.js";

export interface ListenSpec {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 for any free port. */
  port: number;
  /** Host header values to accept besides host:port (a reverse proxy's name). */
  allowedHosts?: string[];
}

export interface HttpListener {
  /** The endpoint, http://host:port/mcp. */
  url: string;
  close(): Promise<void>;
}

interface ListenContext {
  shared: SessionShared;
  connect: (session: GatewaySession) => Upstream;
  log: (line: string) => void;
  onClosed: (message: string) => void;
}

interface SessionEntry {
  transport: StreamableHTTPServerTransport;
  session: GatewaySession;
  upstream: Upstream;
}

export const MCP_PATH = "/mcp";

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export async function listenHttp(spec: ListenSpec, context: ListenContext): Promise<HttpListener> {
  const host = spec.host ?? "127.0.0.1";
  const sessions = new Map<string, SessionEntry>();
  let allowedHosts: string[] = [];
  let allowedOrigins: string[] = [];
  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      context.log(`internal error on an HTTP request: ${error.message}`);
      if (!res.headersSent) sendError(res, 500, { code: -32603, message: "The gateway failed on this request" });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://gateway").pathname;
    if (path !== MCP_PATH) return sendPlain(res, 404, `Not found: the MCP endpoint is ${MCP_PATH}`);
    const hostHeader = req.headers.host ?? "";
    if (!allowedHosts.includes(hostHeader)) return sendError(res, 403, { code: -32000, message: `Invalid Host header: ${hostHeader}` });
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.includes(origin))
      return sendError(res, 403, { code: -32000, message: `Invalid Origin header: ${origin}` });
    const sessionId = req.headers["mcp-session-id"];
    const entry = typeof sessionId === "string" ? sessions.get(sessionId) : undefined;
    if (sessionId !== undefined && !entry) return sendError(res, 404, { code: -32001, message: "Session not found" });
    if (req.method !== "POST") {
      if (!entry) return sendError(res, 400, { code: -32000, message: "Bad Request: no session (send initialize first)" });
      return entry.transport.handleRequest(req, res);
    }
    const body = await readBody(req, context.shared.maxMessageBytes);
    if (body === undefined) {
      return sendError(res, 413, {
        code: INVALID_REQUEST,
        message: `The request body is over the gateway's limit of ${context.shared.maxMessageBytes} bytes`,
      });
    }
    const read = readMessageBytes(body, "client", { maxBytes: context.shared.maxMessageBytes });
    if (!read.ok) {
      context.log(`refused a client message: ${read.refusal.error.message}`);
      return sendError(res, 400, read.refusal.error, read.refusal.id);
    }
    if (entry) return entry.transport.handleRequest(req, res, read.read.message);
    const message = read.read.message;
    if (read.read.kind !== "request" || read.read.message.method !== "initialize") {
      const params = "params" in message ? message.params : undefined;
      const modern = req.headers["mcp-protocol-version"] === "2026-07-28" || hasModernEnvelope(params);
      const why = modern
        ? "Over HTTP the gateway serves protocol 2025-06-18 and 2025-11-25 (sessions); use stdio for 2026-07-28"
        : "Bad Request: no session (send initialize first)";
      return sendError(res, 400, { code: -32000, message: why }, "id" in message ? message.id : null);
    }
    const created = openSession();
    await created.transport.handleRequest(req, res, message);
  }

  function openSession(): SessionEntry {
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        sessions.set(id, entry);
      },
      enableDnsRebindingProtection: true,
      allowedHosts,
      allowedOrigins,
    });
    let upstream!: Upstream;
    const session = new GatewaySession(context.shared, {
      toClient: (message, _raw, related) => {
        transport
          .send(message as JSONRPCMessage, related !== undefined ? { relatedRequestId: related } : undefined)
          .catch((error: Error) => context.log(`could not send to the HTTP client: ${error.message}`));
      },
      toServer: (message, raw) => upstream.send(message, raw),
    });
    upstream = context.connect(session);
    const entry: SessionEntry = { transport, session, upstream };
    transport.onmessage = (message) => session.fromClientRead(readShape(message));
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
      void upstream.close();
    };
    void upstream.gone.then((exit) => {
      const why = describeExit(exit);
      if (session.pendingCount > 0 || exit.kind !== "closed") context.log(`session ${transport.sessionId ?? "(new)"}: ${why}`);
      session.upstreamClosed(why);
      void transport.close();
    });
    void transport.start();
    return entry;
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(new AgentspecError("BAD_ARGUMENT", `--listen ${host}:${spec.port}: cannot listen (${error.code ?? error.message})`)),
    );
    server.listen(spec.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const hostPart = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  const names = isLoopback(host)
    ? [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${hostPart}:${port}`]
    : [`${hostPart}:${port}`];
  allowedHosts = [...new Set([...names, ...(spec.allowedHosts ?? [])])];
  allowedOrigins = allowedHosts.flatMap((h) => [`http://${h}`, `https://${h}`]);
  const url = `http://${hostPart}:${port}${MCP_PATH}`;
  return {
    url,
    async close() {
      for (const entry of sessions.values()) await entry.transport.close().catch(() => {});
      await Promise.all([...sessions.values()].map((e) => e.upstream.close()));
      sessions.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      context.onClosed("the HTTP listener was closed");
    },
  };
}

function hasModernEnvelope(params: Record<string, unknown> | undefined): boolean {
  const meta = params?._meta as Record<string, unknown> | undefined;
  return typeof meta?.[PROTOCOL_VERSION_META_KEY] === "string";
}

/** The body, or undefined when it is over `max` bytes (then the rest is not kept). */
async function readBody(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > max) {
    req.resume();
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) {
      req.resume();
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size);
}

function sendError(res: ServerResponse, status: number, error: JsonRpcError, id: string | number | null = null): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", id, error }));
}

function sendPlain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(text + "\n");
}
