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
import { INVALID_REQUEST, readMessageBytes, readShape, type JsonRpcError, type ReadMessage } from "./messages.js";
import { GatewaySession, PROTOCOL_VERSION_META_KEY, type SessionShared } from "./session.js";
import { describeExit, type Upstream } from "./upstream.js";
import { standardHeaders } from "./upstream-http-modern.js";
import {
  DEFAULT_MAX_SESSIONS,
  DEFAULT_SESSION_IDLE_TIMEOUT_MS,
  isLoopback,
  MCP_PATH,
  PENDING_HOLD_IDLE_TIMEOUTS,
  type ListenSpec,
} from "./settings.js";

export interface HttpListener {
  /** The endpoint, http://host:port/mcp. */
  url: string;
  close(): Promise<void>;
}

interface ListenContext {
  shared: SessionShared;
  /** `modern`: a 2026-07-28 exchange of one request, with no session (an HTTP server is reached the same way). */
  connect: (session: GatewaySession, options?: { modern: boolean }) => Upstream;
  /** Whether a 2026-07-28 notification can reach the server (over HTTP); a server started per request cannot use one. */
  forwardsNotifications: boolean;
  log: (line: string) => void;
  onClosed: (message: string) => void;
}

interface SessionEntry {
  transport: StreamableHTTPServerTransport;
  session: GatewaySession;
  upstream: Upstream;
  /** When a request of the client last reached it, or last ended (performance.now()). */
  lastSeen: number;
  /** The client's POST requests still open: a client waiting on one for its answer is not silent. */
  waiting: number;
  idleTimer: NodeJS.Timeout | undefined;
  /** Ends the session and its server connection. */
  end: () => void;
}

export async function listenHttp(spec: ListenSpec, context: ListenContext): Promise<HttpListener> {
  const host = spec.host ?? "127.0.0.1";
  const sessions = new Map<string, SessionEntry>();
  /** Every session opened and not yet closed, initialized or not (its server runs from the start). */
  const open = new Set<SessionEntry>();
  const maxSessions = spec.maxSessions ?? DEFAULT_MAX_SESSIONS;
  const idleTimeoutMs = spec.sessionIdleTimeoutMs ?? DEFAULT_SESSION_IDLE_TIMEOUT_MS;
  checkLimits(maxSessions, idleTimeoutMs);
  /** The 2026-07-28 versions requests have named, each said once on stderr (bounded: the client picks them). */
  const modernVersionsSeen = new Set<string>();
  /** Server processes started for 2026-07-28 requests (a stdio upstream) and not yet gone. */
  let modernServersRunning = 0;
  let allowedHosts: string[] = [];
  let allowedOrigins: string[] = [];
  let closing = false;
  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      context.log(`internal error on an HTTP request: ${error.message}`);
      if (!res.headersSent) sendError(res, 500, { code: -32603, message: "The gateway failed on this request" });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Closing: nothing new is started, and no request reaches a session being closed.
    if (closing) return sendError(res, 503, { code: -32000, message: "The gateway is closing" });
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
    if (entry) {
      entry.lastSeen = performance.now();
      if (req.method === "POST") {
        // Held open until answered (a long tool call): the client is there while it waits; its silence counts from the end.
        entry.waiting++;
        res.once("close", () => {
          entry.waiting--;
          entry.lastSeen = performance.now();
        });
      }
    }
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
    const id = "id" in message ? message.id : null;
    const params = "params" in message ? message.params : undefined;
    const claim = envelopeVersion(params);
    const headerVersion = req.headers["mcp-protocol-version"];
    if (claim !== undefined || (typeof headerVersion === "string" && headerVersion >= MODERN_VERSION)) {
      const mismatch = headerMismatch(req, read.read.message, claim);
      if (mismatch) {
        context.log(`refused a client message: ${mismatch}`);
        return sendError(res, 400, { code: HEADER_MISMATCH, message: mismatch }, id);
      }
      return serveModern(req, res, read.read);
    }
    if (read.read.kind !== "request" || read.read.message.method !== "initialize") {
      return sendError(res, 400, { code: -32000, message: "Bad Request: no session (send initialize first)" }, id);
    }
    if (open.size >= maxSessions) {
      context.log(`refused an initialize: ${maxSessions} sessions are open (--max-sessions)`);
      res.writeHead(503, { "content-type": "application/json", "retry-after": "5" }).end(
        JSON.stringify({
          jsonrpc: "2.0",
          id,
          error: {
            code: -32000,
            message: `The gateway already serves ${maxSessions} sessions, its limit (--max-sessions): end one (DELETE its Mcp-Session-Id) or retry later`,
          },
        }),
      );
      return;
    }
    const created = openSession();
    // Its silence counts from the initialize's answer, not from before its server started.
    res.once("close", () => (created.lastSeen = performance.now()));
    await created.transport.handleRequest(req, res, message);
    // An initialize the transport refused (a bad Accept header, bad params) opened no session: its
    // server goes now, or refused initializes would hold places under --max-sessions until idle.
    if (created.transport.sessionId === undefined) created.end();
  }

  /**
   * One 2026-07-28 message: no session, so it gets a session of its own (the guard, and with it
   * budgets and escalation, is shared by all) and its own exchange with the server. A request is
   * answered in the POST's response: one JSON message, or an SSE stream when the server sends
   * notifications (progress, logging) before its answer. A client that closes the request
   * cancels it: a call still being decided is not forwarded, a forwarded one's exchange with
   * the server is closed (on this revision, closing the stream is the cancellation).
   */
  function serveModern(req: IncomingMessage, res: ServerResponse, read: ReadMessage): void {
    const id = read.kind === "request" ? read.message.id : undefined;
    const acceptsStream = /\btext\/event-stream\b/.test(req.headers.accept ?? "");
    let streaming = false;
    let finished = false;
    let upstream: Upstream | undefined;
    const end = () => {
      finished = true;
      void upstream?.close();
    };
    const session = new GatewaySession(
      context.shared,
      {
        toClient: (message) => {
          if (finished) return;
          const text = JSON.stringify(message);
          if (id !== undefined && "id" in message && message.id === id && !("method" in message)) {
            if (streaming) res.end(`event: message\ndata: ${text}\n\n`);
            else res.writeHead(200, { "content-type": "application/json" }).end(text);
            return end();
          }
          if (id === undefined || !acceptsStream) {
            const what = "method" in message ? message.method : "a response";
            return context.log(`dropped ${what} from the server: the client's request takes no stream`);
          }
          if (!streaming) {
            streaming = true;
            res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
          }
          res.write(`event: message\ndata: ${text}\n\n`);
        },
        toServer: (message, raw) => upstream?.send(message, raw),
      },
      { logsVersion: false },
    );
    const version = envelopeVersion("params" in read.message ? read.message.params : undefined);
    if (version !== undefined && !modernVersionsSeen.has(version) && modernVersionsSeen.size < 16) {
      modernVersionsSeen.add(version);
      context.log(
        `protocol ${JSON.stringify(version)}, named by the request (${JSON.stringify("method" in read.message ? read.message.method : "a response")}; no session: each request is served on its own)`,
      );
    }
    if (id === undefined && !context.forwardsNotifications) {
      // A server started for one request has no state a notification could change.
      const what = "method" in read.message ? `${read.message.method} notification` : "response";
      context.log(`dropped a 2026-07-28 ${what}: each request reaches a server of its own`);
      res.writeHead(202).end();
      return;
    }
    if (!context.forwardsNotifications) {
      // In front of a stdio server each 2026-07-28 request runs a server process of its own: bounded,
      // or any client that reaches the listener makes the gateway fork without end.
      if (modernServersRunning >= MAX_MODERN_SERVERS) {
        context.log(`refused a 2026-07-28 request: ${MAX_MODERN_SERVERS} servers already run for other requests`);
        res.writeHead(503, { "content-type": "application/json", "retry-after": "1" }).end(
          JSON.stringify({
            jsonrpc: "2.0",
            id: id ?? null,
            error: {
              code: -32000,
              message: `The gateway already runs ${MAX_MODERN_SERVERS} servers for 2026-07-28 requests in progress (each request starts its own): retry when one ends`,
            },
          }),
        );
        return;
      }
      modernServersRunning++;
    }
    upstream = context.connect(session, { modern: true });
    void upstream.gone.then((exit) => {
      // Counted until the process is gone, not when the answer is sent: a server that ignores the end of its input still runs.
      if (!context.forwardsNotifications) modernServersRunning--;
      // A server that went away without answering: the request is answered with why (and its call's slot given back).
      session.upstreamClosed(describeExit(exit));
    });
    res.on("close", () => {
      if (finished) return;
      finished = true;
      session.upstreamClosed("the client closed the request");
      void upstream!.close();
    });
    session.fromClientRead({ ok: true, read });
    if (id === undefined) {
      finished = true;
      res.writeHead(202).end();
    }
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
    const entry: SessionEntry = {
      transport,
      session,
      upstream,
      lastSeen: performance.now(),
      waiting: 0,
      idleTimer: undefined,
      end: () => {
        forget();
        void transport.close();
        void upstream.close();
      },
    };
    open.add(entry);
    const forget = () => {
      open.delete(entry);
      clearTimeout(entry.idleTimer);
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    // Closed when unused: a client that went away without DELETE would keep its server running for
    // the gateway's life. A client waiting on an open request keeps it (a long tool call); a request
    // still pending at the server after its client stopped waiting keeps it longer (the client may
    // come back for the answer), but not for ever: a server that never answers, behind clients that
    // gave up, would otherwise hold every place under --max-sessions.
    const checkIdle = () => {
      const idle = performance.now() - entry.lastSeen;
      const pending = session.pendingCount;
      const limit = pending > 0 ? idleTimeoutMs * PENDING_HOLD_IDLE_TIMEOUTS : idleTimeoutMs;
      if (entry.waiting > 0 || idle < limit) {
        // Looked at again within one timeout: once nothing is pending, the plain limit applies.
        entry.idleTimer = setTimeout(checkIdle, Math.max(Math.ceil(Math.min(limit - idle, idleTimeoutMs)), 1)).unref();
        return;
      }
      const why = pending > 0 ? `, ×${PENDING_HOLD_IDLE_TIMEOUTS} while requests are pending` : "";
      const failed = pending > 0 ? ` and the ${pending === 1 ? "request" : `${pending} requests`} pending there failed` : "";
      const closed = `closed after ${Math.round(idle / 1000)} s without a request (--session-idle-timeout${why})`;
      context.log(`session ${transport.sessionId ?? "(not initialized)"}: ${closed}; its server stopped${failed}`);
      // The pending requests are failed while the session can still carry the errors; then it ends.
      session.upstreamClosed(`the session was ${closed}`);
      entry.end();
    };
    entry.idleTimer = setTimeout(checkIdle, idleTimeoutMs).unref();
    transport.onmessage = (message) => session.fromClientRead(readShape(message));
    transport.onclose = () => {
      forget();
      void upstream.close();
    };
    void upstream.gone.then((exit) => {
      forget();
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
      // New requests are refused and connections closed first, so no session opens while the
      // open ones close and no client's keep-alive connection holds the close (review attack11).
      closing = true;
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      const entries = [...open];
      for (const entry of entries) clearTimeout(entry.idleTimer);
      for (const entry of entries) await entry.transport.close().catch(() => {});
      await Promise.all(entries.map((e) => e.upstream.close()));
      sessions.clear();
      open.clear();
      await serverClosed;
      context.onClosed("the HTTP listener was closed");
    },
  };
}

/** Refuses limits that cannot be honoured (the CLI checks its options first, with their names). */
function checkLimits(maxSessions: number, idleTimeoutMs: number): void {
  if (!Number.isSafeInteger(maxSessions) || maxSessions < 1) {
    throw new AgentspecError("BAD_ARGUMENT", `maxSessions must be a whole number of at least 1, not ${maxSessions}`);
  }
  if (!Number.isInteger(idleTimeoutMs) || idleTimeoutMs < 1 || idleTimeoutMs > 2 ** 31 - 1) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `sessionIdleTimeoutMs must be a whole number of milliseconds from 1 to 2^31 - 1, not ${idleTimeoutMs}`,
    );
  }
}

/** How many 2026-07-28 requests may each run their own stdio server at once; more are answered 503. */
const MAX_MODERN_SERVERS = 16;

/** The first revision without initialize or sessions: every message says its version in its `_meta`. */
const MODERN_VERSION = "2026-07-28";
/** SEP-2243's HeaderMismatch: the headers say one thing, the body another (HTTP 400). */
const HEADER_MISMATCH = -32020;

function envelopeVersion(params: Record<string, unknown> | undefined): string | undefined {
  const meta = params?._meta as Record<string, unknown> | undefined;
  const version = meta?.[PROTOCOL_VERSION_META_KEY];
  return typeof version === "string" ? version : undefined;
}

/**
 * Whether the standard headers contradict the body. The gateway decides on the body and sends
 * the server headers derived from it, but a client whose headers and body disagree is either
 * broken or probing for a reader that trusts the headers: refused, as the 2.x SDK's servers do.
 */
function headerMismatch(req: IncomingMessage, message: ReadMessage["message"], claim: string | undefined): string | undefined {
  const version = req.headers["mcp-protocol-version"];
  if (claim === undefined)
    return `The MCP-Protocol-Version header says ${JSON.stringify(version)} but the body has no protocol version in its _meta`;
  if (version !== undefined && version !== claim)
    return `The MCP-Protocol-Version header (${JSON.stringify(version)}) differs from the body's protocol version (${JSON.stringify(claim)})`;
  const expected = standardHeaders(message);
  for (const name of ["mcp-method", "mcp-name"] as const) {
    const sent = req.headers[name];
    if (sent !== undefined && sent !== expected[name]) {
      return `The ${name === "mcp-method" ? "Mcp-Method" : "Mcp-Name"} header (${JSON.stringify(sent)}) differs from the body (${JSON.stringify(expected[name] ?? null)})`;
    }
  }
  return undefined;
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
