/**
 * The gateway's defaults and what `--listen` is given, apart from the code that uses them: the
 * CLI's option table (read on every run, see src/cli/options.ts) and a gateway on stdio read these
 * without loading the listener (http-listen.ts, which loads the MCP SDK's HTTP server).
 */

/** 10 MiB: the 2.x SDK's stdio buffer limit, so no message a conforming peer sends is refused for size. */
export const DEFAULT_GATEWAY_MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
export const DEFAULT_APPROVAL_TIMEOUT_MS = 120_000;

export interface ListenSpec {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 for any free port. */
  port: number;
  /** Host header values to accept besides host:port (a reverse proxy's name). */
  allowedHosts?: string[];
  /**
   * Sessions (2025 revisions: one per initialize, each with a server connection — a process, in
   * front of a stdio server) open at once; an initialize past it is refused with HTTP 503 and
   * nothing is started. Default DEFAULT_MAX_SESSIONS (64).
   */
  maxSessions?: number;
  /**
   * A session no request has reached for this long, with no request of it pending at the server,
   * is closed with its server connection; its id then gets 404, as for any unknown session.
   * Default DEFAULT_SESSION_IDLE_TIMEOUT_MS (600 s).
   */
  sessionIdleTimeoutMs?: number;
}

/** Sessions open at once by default: enough for the clients of one machine, not a fork bomb. */
export const DEFAULT_MAX_SESSIONS = 64;
/** A session unused for 10 minutes is closed by default (a client that went away without DELETE). */
export const DEFAULT_SESSION_IDLE_TIMEOUT_MS = 600_000;
/** A session whose requests are still pending at its server is closed after this many idle timeouts of its client's silence. */
export const PENDING_HOLD_IDLE_TIMEOUTS = 6;

export const MCP_PATH = "/mcp";

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
