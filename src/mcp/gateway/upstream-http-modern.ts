/**
 * The MCP server over Streamable HTTP on protocol 2026-07-28: no session, every message one POST
 * of its own. The body sent is what the gateway decided on (re-serialized for tools/call), and
 * the standard headers (SEP-2243: MCP-Protocol-Version, Mcp-Method, Mcp-Name, and the
 * Mcp-Param-* headers a tool declares, see param-headers.ts) are derived from that body, never
 * copied from the client, so a server or router reading the headers reads the same call the
 * gateway decided. The answer (one JSON message, or an SSE stream of messages ending with the
 * answer) is read with the same raw-text checks as stdio: size, UTF-8, repeated and hidden keys.
 */
import { GATEWAY_ID_PREFIX, readMessageText, type JsonRpcMessage, type RequestId } from "./messages.js";
import { encodeHeaderValue, paramHeaders, type ParamHeaderBook } from "./param-headers.js";
import {
  CLIENT_CAPABILITIES_META_KEY,
  PIN_LIST_DEADLINE_MS,
  PIN_LIST_MAX_PAGES,
  PROTOCOL_VERSION_META_KEY,
  type GatewaySession,
} from "./session.js";
import type { Upstream, UpstreamExit } from "./upstream.js";
import type { HttpUpstreamSpec } from "./upstream-http.js";

/** The methods whose Mcp-Name header mirrors a body field (SEP-2243's table, with SEP-2663's tasks rows). */
const MCP_NAME_SOURCE: Record<string, string> = {
  "tools/call": "name",
  "prompts/get": "name",
  "resources/read": "uri",
  "tasks/get": "taskId",
  "tasks/update": "taskId",
  "tasks/cancel": "taskId",
};

/** The standard headers of one 2026-07-28 message, from its body. */
export function standardHeaders(message: JsonRpcMessage): Record<string, string> {
  const params = "params" in message ? message.params : undefined;
  const meta = params?._meta as Record<string, unknown> | undefined;
  const version = meta?.[PROTOCOL_VERSION_META_KEY];
  const headers: Record<string, string> = {};
  if (typeof version === "string") headers["mcp-protocol-version"] = version;
  if ("method" in message && "id" in message) {
    headers["mcp-method"] = message.method;
    const field = Object.hasOwn(MCP_NAME_SOURCE, message.method) ? MCP_NAME_SOURCE[message.method]! : undefined;
    const value = field === undefined ? undefined : params?.[field];
    if (typeof value === "string") headers["mcp-name"] = encodeHeaderValue(value);
  }
  return headers;
}

export function connectModernHttpUpstream(
  spec: HttpUpstreamSpec,
  session: GatewaySession,
  maxBytes: number,
  book: ParamHeaderBook,
  log: (line: string) => void,
): Upstream {
  const url = new URL(spec.url);
  let settle!: (exit: UpstreamExit) => void;
  let gone = false;
  const exited = new Promise<UpstreamExit>((resolve) => (settle = resolve));
  const inFlight = new Set<AbortController>();
  const done = (exit: UpstreamExit) => {
    if (gone) return;
    gone = true;
    for (const abort of inFlight) abort.abort();
    settle(exit);
  };

  /** One POST of a message, with the headers derived from it (and `extra`, a call's Mcp-Param-* headers). */
  const send = (message: JsonRpcMessage, body: string, signal: AbortSignal, extra: Record<string, string> = {}) =>
    fetch(url, {
      method: "POST",
      headers: {
        ...spec.headers,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        ...standardHeaders(message),
        ...extra,
      },
      body,
      signal,
      redirect: "error",
    });

  async function post(message: JsonRpcMessage, raw: string | undefined): Promise<void> {
    const id = "method" in message && "id" in message ? (message.id as RequestId) : undefined;
    const method = "method" in message ? message.method : undefined;
    const abort = new AbortController();
    inFlight.add(abort);
    try {
      const name = method === "tools/call" ? (message as { params?: { name?: unknown } }).params?.name : undefined;
      const extra = typeof name === "string" ? await paramHeadersOf(message, name, abort.signal) : {};
      const deliver = (text: string) => {
        const read = readMessageText(text, "server", { maxBytes });
        // What the server answers the client's own listings, and a refusal of a call's headers, keep the book current.
        if (read.ok && read.read.kind === "response" && read.read.message.id === id) {
          const answer = read.read.message;
          if (method === "tools/list") book.learn(answer.result?.tools);
          if (typeof name === "string" && answer.error?.code === HEADER_MISMATCH) book.refused(name);
        }
        session.fromServerRead(read);
      };
      const response = await send(message, raw ?? JSON.stringify(message), abort.signal, extra);
      await readAnswer(response, id, deliver);
      // A request the server's answer did not settle (a stream that ended early) fails now, not never.
      if (id !== undefined) session.failRequest(id, "the MCP server's answer ended without a response to the request");
    } catch (error) {
      if (id !== undefined && !gone) session.failRequest(id, `the MCP server at ${url.href} failed: ${describe(error)}`);
    } finally {
      inFlight.delete(abort);
    }
  }

  /** Reads one POST's answer: JSON, an SSE stream of messages, or nothing (202 to a notification). */
  async function readAnswer(response: Response, id: RequestId | undefined, deliver: (text: string) => boolean | void): Promise<void> {
    const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (type === "text/event-stream" && response.body) await readEvents(response.body, maxBytes, deliver);
    else if (type === "application/json") {
      const text = await readLimited(response, maxBytes);
      if (text === undefined) throw new Error(`its answer is over the gateway's limit of ${maxBytes} bytes`);
      if (text.trim() !== "") deliver(text);
    } else if (!response.ok || id !== undefined) {
      await response.body?.cancel().catch(() => {});
      if (response.status !== 202 || id !== undefined) throw new Error(`it answered HTTP ${response.status}${type ? ` (${type})` : ""}`);
    }
  }

  /** The call's Mcp-Param-* headers, from its tool's declarations (listed first when the tool is not yet known). */
  async function paramHeadersOf(call: JsonRpcMessage, name: string, signal: AbortSignal): Promise<Record<string, string>> {
    if (book.needsListing(name)) {
      const listing = book.listingFor(name, () => listTools(call));
      if (listing) await Promise.race([listing, abortion(signal)]);
      if (signal.aborted) return {};
      book.settle(name);
    }
    const known = book.get(name);
    return known === undefined ? {} : paramHeaders(known.declarations, (call as { params?: { arguments?: unknown } }).params?.arguments);
  }

  /**
   * The gateway's own tools/list, every page, under one deadline, in the call's revision: what it
   * learns goes in the book. It belongs to the gateway, not to the request that started it: the
   * calls of other requests may be waiting for it too, so it stops only at its deadline or when
   * the gateway closes. A listing that fails is logged; the calls go without the headers (a server
   * that needs them refuses them, saying why).
   */
  async function listTools(call: JsonRpcMessage): Promise<void> {
    const callMeta = ("params" in call ? call.params?._meta : undefined) as Record<string, unknown> | undefined;
    const meta: Record<string, unknown> = {};
    for (const key of [PROTOCOL_VERSION_META_KEY, CLIENT_CAPABILITIES_META_KEY])
      if (callMeta?.[key] !== undefined) meta[key] = callMeta[key];
    const deadline = AbortSignal.timeout(PIN_LIST_DEADLINE_MS);
    const signal = AbortSignal.any([deadline, book.signal]);
    const cursors = new Set<string>();
    try {
      let cursor: unknown;
      for (let page = 1; page <= PIN_LIST_MAX_PAGES; page++) {
        const id = `${GATEWAY_ID_PREFIX}tools-${page}`;
        const request: JsonRpcMessage = {
          jsonrpc: "2.0",
          id,
          method: "tools/list",
          params: { ...(cursor !== undefined ? { cursor } : {}), _meta: meta },
        };
        let answer: Record<string, unknown> | undefined;
        const response = await send(request, JSON.stringify(request), signal);
        await readAnswer(response, id, (text) => {
          const read = readMessageText(text, "server", { maxBytes });
          if (!read.ok || read.read.kind !== "response" || read.read.message.id !== id) return false;
          const message = read.read.message;
          if (message.error) throw new Error(`it answered tools/list with an error (${message.error.message})`);
          answer = message.result;
          // The answer is in: a stream kept open after it is not read further.
          return true;
        });
        if (answer === undefined) throw new Error("its answer to tools/list held no result");
        book.learn(answer.tools);
        cursor = answer.nextCursor;
        if (typeof cursor !== "string") return;
        if (cursors.has(cursor)) throw new Error("its tool list gives a cursor it gave before");
        cursors.add(cursor);
      }
      throw new Error(`its tool list has more than ${PIN_LIST_MAX_PAGES} pages`);
    } catch (error) {
      if (book.signal.aborted) return;
      const why = deadline.aborted ? `no whole list within ${PIN_LIST_DEADLINE_MS / 1000} s` : describe(error);
      log(`could not list the MCP server's tools to send a call's Mcp-Param-* headers (${why}): calls are sent without them`);
    }
  }

  return {
    send(message, raw) {
      if (gone) return;
      void post(message, raw);
    },
    pause() {},
    resume() {},
    onDrain: () => false,
    async close() {
      done({ kind: "closed", message: "the exchange with the MCP server was closed" });
    },
    gone: exited,
  };
}

/** SEP-2243's error code for headers that disagree with the body (HTTP 400). */
const HEADER_MISMATCH = -32020;

/** Settles (never rejects) when the signal aborts. */
function abortion(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener("abort", () => resolve(), { once: true });
  });
}

/**
 * Reads an SSE body: each event's data lines, joined, are one message. An event over the limit
 * ends the stream, and so does `deliver` answering true (the message it waited for has come).
 */
async function readEvents(body: ReadableStream<Uint8Array>, maxBytes: number, deliver: (text: string) => boolean | void): Promise<void> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let buffer = "";
  let data: string[] = [];
  let size = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let newline: number;
      // A CR that ends what has arrived may be the first half of a CRLF: wait for the next chunk to tell.
      while ((newline = buffer.search(/\r\n|\r(?!$)|\n/)) !== -1 || (done && (newline = buffer.indexOf("\r")) !== -1)) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith("\r\n", newline) ? 2 : 1));
        if (line === "") {
          const enough = data.length > 0 && deliver(data.join("\n")) === true;
          data = [];
          size = 0;
          if (enough) {
            await reader.cancel().catch(() => {});
            return;
          }
        } else if (line.startsWith("data:")) {
          const piece = line.slice(line.startsWith("data: ") ? 6 : 5);
          // Each line counts with the newline the join puts after it, so empty data lines cannot pile up for free.
          size += Buffer.byteLength(piece, "utf8") + 1;
          if (size > maxBytes) throw new Error(`an event of its stream is over the gateway's limit of ${maxBytes} bytes`);
          data.push(piece);
        }
        // id:, event:, retry: and comments carry no message.
      }
      if (buffer.length > maxBytes) throw new Error(`an event of its stream is over the gateway's limit of ${maxBytes} bytes`);
      if (done) break;
    }
    if (data.length > 0) deliver(data.join("\n"));
  } finally {
    reader.releaseLock();
  }
}

/** The body as text, or undefined when it is over `max` bytes (then the rest is not read). */
async function readLimited(response: Response, max: number): Promise<string | undefined> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel().catch(() => {});
    return undefined;
  }
  if (!response.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = Buffer.concat(chunks, size);
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

function describe(error: unknown): string {
  const e = error as Error & { cause?: { code?: string } };
  if (e?.name === "AbortError") return "the exchange was closed";
  if (e?.name === "TypeError" && e.cause?.code) return `cannot reach it (${e.cause.code})`;
  if (e instanceof TypeError && /encoded data was not valid/.test(e.message)) return "its answer is not valid UTF-8";
  return e instanceof Error ? e.message : String(error);
}
