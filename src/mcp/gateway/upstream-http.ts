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

export function connectHttpUpstream(spec: HttpUpstreamSpec, session: GatewaySession, _maxBytes: number): Upstream {
  const url = new URL(spec.url);
  const transport = new StreamableHTTPClientTransport(url, {
    requestInit: spec.headers ? { headers: spec.headers } : undefined,
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
  const status = typeof error.code === "number" && error.code > 0 ? error.code : undefined;
  if (status === 404) return { fatal: true, message: `the MCP server at ${url.href} no longer knows this session (HTTP 404)` };
  if (status !== undefined) return { fatal: false, message: `the MCP server at ${url.href} answered HTTP ${status}` };
  const cause = error.cause as { code?: string } | undefined;
  return { fatal: true, message: `cannot reach the MCP server at ${url.href} (${cause?.code ?? error.message})` };
}
