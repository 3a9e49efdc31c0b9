/**
 * The MCP server over Streamable HTTP on protocol 2026-07-28: no session, every message one POST
 * of its own. The body sent is what the gateway decided on (re-serialized for tools/call), and
 * the standard headers (SEP-2243: MCP-Protocol-Version, Mcp-Method, Mcp-Name) are derived from
 * that body, never copied from the client, so a server or router reading the headers reads the
 * same call the gateway decided. The answer (one JSON message, or an SSE stream of messages
 * ending with the answer) is read with the same raw-text checks as stdio: size, UTF-8, repeated
 * and hidden keys.
 */
import { readMessageText, type JsonRpcMessage, type RequestId } from "./messages.js";
import { PROTOCOL_VERSION_META_KEY, type GatewaySession } from "./session.js";
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

const BASE64_PREFIX = "=?base64?";
const BASE64_SUFFIX = "?=";

/** A header value as SEP-2243 writes it: as is when it is plain printable ASCII, else `=?base64?…?=` of its UTF-8. */
export function encodeHeaderValue(value: string): string {
  let plain = value.length > 0 && value === value.trim() && !(value.startsWith(BASE64_PREFIX) && value.endsWith(BASE64_SUFFIX));
  for (let i = 0; plain && i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!(c === 9 || (c >= 32 && c <= 126))) plain = false;
  }
  return plain ? value : `${BASE64_PREFIX}${Buffer.from(value, "utf8").toString("base64")}${BASE64_SUFFIX}`;
}

export function connectModernHttpUpstream(spec: HttpUpstreamSpec, session: GatewaySession, maxBytes: number): Upstream {
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
  const deliver = (text: string) => session.fromServerRead(readMessageText(text, "server", { maxBytes }));

  async function post(message: JsonRpcMessage, raw: string | undefined): Promise<void> {
    const id = "method" in message && "id" in message ? (message.id as RequestId) : undefined;
    const abort = new AbortController();
    inFlight.add(abort);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          ...spec.headers,
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          ...standardHeaders(message),
        },
        body: raw ?? JSON.stringify(message),
        signal: abort.signal,
        redirect: "error",
      });
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
      // A request the server's answer did not settle (a stream that ended early) fails now, not never.
      if (id !== undefined) session.failRequest(id, "the MCP server's answer ended without a response to the request");
    } catch (error) {
      if (id !== undefined && !gone) session.failRequest(id, `the MCP server at ${url.href} failed: ${describe(error)}`);
    } finally {
      inFlight.delete(abort);
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

/** Reads an SSE body: each event's data lines, joined, are one message. An event over the limit ends the stream. */
async function readEvents(body: ReadableStream<Uint8Array>, maxBytes: number, deliver: (text: string) => void): Promise<void> {
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
          if (data.length > 0) deliver(data.join("\n"));
          data = [];
          size = 0;
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
