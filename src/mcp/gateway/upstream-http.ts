/**
 * The MCP server reached over Streamable HTTP, through the SDK's client transport (sessions, SSE
 * streams, resumption). The transport parses what the server sends, so the raw-text checks of
 * stdio cannot run here; every message is still checked for shape and always re-serialized, so
 * the client receives exactly what the gateway read.
 */
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { readShape, type JsonRpcMessage, type RequestId } from "./messages.js";
import type { GatewaySession } from "./session.js";
import type { Upstream, UpstreamExit } from "./upstream.js";

export interface HttpUpstreamSpec {
  url: string | URL;
  /** Headers sent with every request (e.g. Authorization). */
  headers?: Record<string, string>;
}

export function connectHttpUpstream(spec: HttpUpstreamSpec, session: GatewaySession, maxBytes: number): Upstream {
  const url = new URL(spec.url);
  const transport = new StreamableHTTPClientTransport(url, {
    requestInit: spec.headers ? { headers: spec.headers } : undefined,
    // The SDK transport buffers an answer of any size: the gateway's limit is applied to the bytes it reads.
    fetch: boundedFetch(maxBytes, (sent, why) => {
      for (const id of requestIds(sent)) session.failRequest(id, why);
    }),
  });
  let settle!: (exit: UpstreamExit) => void;
  let gone = false;
  /** Whether the server answered once: failing later means it was lost, not that it could not be reached. */
  let reached = false;
  const exited = new Promise<UpstreamExit>((resolve) => (settle = resolve));
  const done = (exit: UpstreamExit) => {
    if (gone) return;
    gone = true;
    settle(exit);
    void transport.close().catch(() => {});
  };
  transport.onmessage = (message) => session.fromServerRead(readShape(message));
  transport.onerror = (error) => {
    // A failed POST is reported by its send(); a broken SSE stream is retried by the transport, and only
    // when it gives up is the server gone (the requests waiting on that stream would otherwise hang).
    if (/Maximum reconnection attempts|Failed to reconnect/.test(error.message)) {
      done({ kind: reached ? "lost" : "failed", message: `the MCP server at ${url.href} stopped answering (${error.message})` });
    }
  };
  session.onNegotiated = (version) => transport.setProtocolVersion(version);
  const started = transport
    .start()
    .catch((error: Error) => done({ kind: "failed", message: `cannot reach ${url.href} (${error.message})` }));
  // Notifications and initialize keep their order (a server may require initialized before other requests);
  // requests start after them but do not wait for each other's answers.
  let ordered: Promise<unknown> = started;
  const post = (message: JsonRpcMessage) =>
    transport.send(message as JSONRPCMessage).then(
      () => void (reached = true),
      (error: Error & { code?: number }) => {
        const why = describeHttpFailure(url, error);
        if (why.fatal) done({ kind: reached ? "lost" : "failed", message: why.message });
        const id = (message as { id?: RequestId }).id;
        if ("method" in message && id !== undefined) session.failRequest(id, why.message);
      },
    );
  return {
    send(message) {
      if (gone) return;
      const keepsOrder = !("id" in message) || (message as { method?: string }).method === "initialize";
      if (keepsOrder) ordered = ordered.then(() => post(message));
      else void ordered.then(() => post(message));
    },
    pause() {},
    resume() {},
    onDrain: () => false,
    async close() {
      if (gone) return;
      await transport.terminateSession().catch(() => {});
      done({ kind: "closed", message: "the connection to the MCP server was closed" });
    },
    gone: exited,
  };
}

/** Whether a failed POST means the server is gone (unreachable, or it lost the session) and what to say. */
function describeHttpFailure(url: URL, error: Error & { code?: number; cause?: unknown }): { fatal: boolean; message: string } {
  // An answer refused for its size fails its request (boundedFetch), not the connection.
  if (error.message.includes("over the gateway's limit")) return { fatal: false, message: error.message };
  const status = typeof error.code === "number" && error.code > 0 ? error.code : undefined;
  if (status === 404) return { fatal: true, message: `the MCP server at ${url.href} no longer knows this session (HTTP 404)` };
  if (status !== undefined) return { fatal: false, message: `the MCP server at ${url.href} answered HTTP ${status}` };
  const cause = error.cause as { code?: string } | undefined;
  return { fatal: true, message: `cannot reach the MCP server at ${url.href} (${cause?.code ?? error.message})` };
}

/**
 * fetch with --max-message-bytes on every answer: a JSON body over the limit, or an SSE event
 * (the bytes between blank lines) over it, ends the body with an error, and the requests the POST
 * carried are failed with the reason (the SDK would otherwise wait for an answer it can no longer get).
 */
export function boundedFetch(maxBytes: number, onOversize: (sent: unknown, why: string) => void): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!response.body || [101, 204, 205, 304].includes(response.status)) return response;
    const sse = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase() === "text/event-stream";
    const why = `an answer of the MCP server is over the gateway's limit of ${maxBytes} bytes (--max-message-bytes)`;
    let size = 0;
    let lineLength = 0;
    const limited = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          let over = false;
          if (!sse) over = (size += chunk.length) > maxBytes;
          else {
            // Checked at each byte: the event's end may come later in the same chunk.
            for (let i = 0; i < chunk.length && !over; i++) {
              const byte = chunk[i];
              if (byte === 0x0a) {
                if (lineLength === 0) size = 0; // a blank line ends the event
                lineLength = 0;
              } else if (byte !== 0x0d) {
                lineLength++;
                over = ++size > maxBytes;
              }
            }
          }
          if (over) {
            onOversize(init?.body, why);
            controller.error(new Error(why));
            return;
          }
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(limited, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** The ids of the requests a POST body the gateway sent carries (its own serialization, so plain JSON). */
function requestIds(sent: unknown): RequestId[] {
  if (typeof sent !== "string") return [];
  try {
    const parsed = JSON.parse(sent) as unknown;
    const messages = Array.isArray(parsed) ? parsed : [parsed];
    return messages
      .filter((m): m is { id: RequestId; method: string } => m !== null && typeof m === "object" && "method" in m && "id" in m)
      .map((m) => m.id);
  } catch {
    return [];
  }
}
