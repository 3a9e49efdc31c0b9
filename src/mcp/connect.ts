/**
 * Reaching one MCP server with the official SDK client, over stdio or Streamable HTTP, within a
 * deadline, with bounded messages; every failure becomes one AgentspecError (MCP_SERVER) that
 * says what went wrong and shows the last lines of the server's stderr.
 *
 * API (the gateway builds on it):
 *   connectMcpServer(target, options) → McpConnection: the SDK Client, connected and initialized,
 *       the server's identity and protocol version, within(promise, what) to run more requests
 *       under the same deadline with the same error messages, stderrTail(), close().
 *   openMcpTransport(target, options) → the SDK Transport alone (not started), for a caller
 *       that speaks the protocol itself; describeFailure(target, transport, error, what) turns
 *       what it throws into the same messages.
 *   McpServerTarget: how to reach a server, with every value resolved (resolve a spec's server
 *       with resolveServerTarget in server-target.ts, a client config's with client-config.ts).
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { getDefaultEnvironment } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport, StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { FetchLike, Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { AgentspecError } from "../errors.js";
import { excerpt } from "../diagnostics.js";
import { formatBytes, printable, StdioServerTransport } from "./stdio-transport.js";
import type { McpServerInfo } from "./types.js";

/** How to reach one server: a command to start (stdio) or a URL (Streamable HTTP), values resolved. */
export interface McpServerTarget {
  /** Its name in the spec's mcp section or the client config; "server" for a command line. */
  name: string;
  command?: string;
  args?: string[];
  /** Variables added to the minimal environment the server starts with (HOME, PATH, …). */
  env?: Record<string, string>;
  cwd?: string;
  url?: string;
  /** HTTP headers sent with every request (values resolved from the environment). */
  headers?: Record<string, string>;
}

export interface ConnectOptions {
  /** For connecting and every request made through within(); 10 s by default. */
  timeoutMs?: number;
  /** The largest message (stdio line or HTTP body) accepted; 32 MiB by default. */
  maxMessageBytes?: number;
  /** How agentspec introduces itself in initialize. */
  clientInfo?: { name: string; version: string };
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

export interface McpConnection {
  target: McpServerTarget;
  client: Client;
  server: McpServerInfo;
  /** Runs a request under the connection's deadline; a failure becomes an AgentspecError naming `what`. */
  within<T>(request: (timeoutMs: number) => Promise<T>, what: string): Promise<T>;
  stderrTail(): string;
  close(): Promise<void>;
}

/** The transport of a target, not yet started; `fetchFailure` holds what the bounded HTTP fetch refused. */
export function openMcpTransport(target: McpServerTarget, options: ConnectOptions = {}): Transport {
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  if (target.command !== undefined) {
    return new StdioServerTransport({
      command: target.command,
      args: target.args,
      env: { ...getDefaultEnvironment(), ...target.env },
      cwd: target.cwd,
      maxMessageBytes,
    });
  }
  if (target.url === undefined) throw new AgentspecError("BAD_ARGUMENT", `MCP server "${target.name}" has neither a command nor a url`);
  const url = checkedUrl(target);
  const refused: { why?: string } = {};
  const transport = new StreamableHTTPClientTransport(url, {
    requestInit: { headers: { ...target.headers } },
    fetch: boundedFetch(maxMessageBytes, refused),
    reconnectionOptions: { maxRetries: 0, initialReconnectionDelay: 1000, maxReconnectionDelay: 1000, reconnectionDelayGrowFactor: 1 },
  });
  return Object.assign(transport, { fetchFailure: refused });
}

function checkedUrl(target: McpServerTarget): URL {
  let url: URL;
  try {
    url = new URL(target.url!);
  } catch {
    throw new AgentspecError("BAD_ARGUMENT", `MCP server "${target.name}": ${excerpt(target.url!)} is not a URL: give http(s)://host/path`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `MCP server "${target.name}": ${url.protocol} URLs are not Streamable HTTP: use http:// or https://`,
    );
  }
  if (url.username !== "" || url.password !== "") {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `MCP server "${target.name}": the URL holds credentials: send them in a header whose value comes from an environment variable`,
    );
  }
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol === "http:" && !loopback && Object.keys(target.headers ?? {}).length > 0) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `MCP server "${target.name}": headers would be sent in clear text to ${url.host}: use https:// (http:// is for loopback only)`,
    );
  }
  return url;
}

/** fetch whose response bodies stop at maxBytes, so a server cannot stream an endless answer into memory. */
function boundedFetch(maxBytes: number, refused: { why?: string }): FetchLike {
  return async (url, init) => {
    const response = await fetch(url, init);
    if (!response.body || [101, 204, 205, 304].includes(response.status)) return response;
    let seen = 0;
    const limited = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen <= maxBytes) return controller.enqueue(chunk);
          refused.why ??= `sent a response larger than ${formatBytes(maxBytes)}, which no tool list needs: agentspec stopped reading`;
          controller.error(new Error(refused.why));
        },
      }),
    );
    return new Response(limited, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

export async function connectMcpServer(target: McpServerTarget, options: ConnectOptions = {}): Promise<McpConnection> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  const transport = openMcpTransport(target, options);
  const client = new Client(options.clientInfo ?? { name: "agentspec", version: "0" }, { capabilities: {} });
  let protocolVersion: string | undefined;
  const setProtocolVersion = transport.setProtocolVersion?.bind(transport);
  transport.setProtocolVersion = (version) => {
    protocolVersion = version;
    setProtocolVersion?.(version);
  };
  const close = async () => {
    await client.close().catch(() => {});
    await transport.close().catch(() => {});
  };
  const within = async <T>(request: (timeoutMs: number) => Promise<T>, what: string): Promise<T> => {
    const left = deadline - Date.now();
    if (left <= 0) throw timedOut(target, transport, what, timeoutMs);
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(timedOut(target, transport, what, timeoutMs)), left);
    });
    try {
      return await Promise.race([request(left), expired]);
    } catch (error) {
      // Described before closing: close() ends the process, which would read as "it exited".
      const described = error instanceof AgentspecError ? error : describeFailure(target, transport, error, what, timeoutMs);
      await close();
      throw described;
    } finally {
      clearTimeout(timer);
    }
  };
  await within((left) => client.connect(transport, { timeout: left, maxTotalTimeout: left }), "initialize");
  const info = client.getServerVersion();
  const server: McpServerInfo = {
    name: info?.name ?? "",
    version: info?.version ?? "",
    ...(info?.title === undefined ? {} : { title: info.title }),
    protocolVersion: protocolVersion ?? "",
  };
  return { target, client, server, within, stderrTail: () => stderrTail(transport), close };
}

/** What a command line or URL reads as in a message. */
export function describeTarget(target: McpServerTarget): string {
  const how = target.command !== undefined ? [target.command, ...(target.args ?? [])].join(" ") : (target.url ?? "");
  return `MCP server "${target.name}" (${printable(how.length > 100 ? how.slice(0, 100) + "…" : how)})`;
}

function timedOut(target: McpServerTarget, transport: Transport, what: string, timeoutMs: number): AgentspecError {
  return failure(target, transport, `did not answer ${what} within ${seconds(timeoutMs)}: raise --timeout if it starts slowly`);
}

/** The one message for everything that can go wrong while talking to a server. */
export function describeFailure(
  target: McpServerTarget,
  transport: Transport,
  error: unknown,
  what: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): AgentspecError {
  const stdio = transport instanceof StdioServerTransport ? transport : undefined;
  const refused = (transport as { fetchFailure?: { why?: string } }).fetchFailure?.why;
  if (stdio?.failure) return failure(target, transport, stdio.failure);
  if (refused) return failure(target, transport, refused);
  if (error instanceof McpError && error.code === ErrorCode.RequestTimeout) return timedOut(target, transport, what, timeoutMs);
  if (stdio?.exitStatus !== undefined || (error instanceof McpError && error.code === ErrorCode.ConnectionClosed)) {
    const how = stdio?.exitStatus ? `exited (${stdio.exitStatus})` : "closed the connection";
    return failure(target, transport, `${how} before answering ${what}`);
  }
  if (error instanceof McpError) {
    return failure(target, transport, `answered ${what} with an error (${printable(error.message)}): is it an MCP server?`);
  }
  if (error instanceof StreamableHTTPError) {
    const status = typeof error.code === "number" && error.code >= 100 ? error.code : undefined;
    // The SDK gives -1 (or nothing) for an answer that is not Streamable HTTP at all: an HTML page, a proxy's error.
    if (status === undefined) {
      return failure(
        target,
        transport,
        `answered ${what} with something that is not MCP over Streamable HTTP (${short(error.message)}): is the URL the server's MCP endpoint?`,
      );
    }
    return failure(target, transport, `answered ${what} with HTTP ${status} (${short(error.message)})${httpHint(status)}`);
  }
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code) return failure(target, transport, `cannot be reached (${printable(cause.code)})`);
  const why = cause?.message ?? (error as Error)?.message ?? String(error);
  return failure(target, transport, `failed during ${what}: ${printable(why)}`);
}

/** An HTTP error's text, which holds the body the server sent (often a whole HTML page), cut to a line. */
function short(message: string): string {
  const text = printable(message.replace(/\s+/g, " "));
  return text.length > 160 ? text.slice(0, 160) + "…" : text;
}

/** What to change for the HTTP statuses a user meets first. */
function httpHint(status: number): string {
  if (status === 401 || status === 403)
    return ": the server wants credentials: give them in a header whose value an environment variable holds (the mcp section's headers)";
  if (status === 404 || status === 405) return ": is the URL the server's MCP endpoint (often ending in /mcp)?";
  return "";
}

function failure(target: McpServerTarget, transport: Transport, what: string): AgentspecError {
  const tail = stderrTail(transport);
  const stderr = tail === "" ? "" : `\n  its stderr ended with:\n${tail.replace(/^/gm, "    ")}`;
  return new AgentspecError("MCP_SERVER", `${describeTarget(target)} ${what}${stderr}`);
}

function stderrTail(transport: Transport): string {
  return transport instanceof StdioServerTransport ? transport.stderrTail() : "";
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
