/** The gateway's side towards the MCP server: one connection per client session. */
import type { JsonRpcMessage } from "./messages.js";

export type UpstreamExit =
  | { kind: "exited"; code: number | null; signal: NodeJS.Signals | null }
  /** It could not be started or reached at all. */
  | { kind: "failed"; message: string }
  /** It worked, then became unreachable. */
  | { kind: "lost"; message: string }
  | { kind: "closed"; message: string };

export interface Upstream {
  /** `raw` is the exact text to send, when the message is forwarded unchanged. */
  send(message: JsonRpcMessage, raw?: string): void;
  /** Stop and resume reading the server while the client cannot take more. */
  pause(): void;
  resume(): void;
  /** When the server cannot take more now: `listener` runs once it can, and true is returned. */
  onDrain(listener: () => void): boolean;
  /** Ends the connection (a child process gets its stdin closed, then signals) and waits for it to be gone. */
  close(): Promise<void>;
  /** Settles once, when the server is gone, with why. */
  readonly gone: Promise<UpstreamExit>;
}

export function describeExit(exit: UpstreamExit): string {
  if (exit.kind !== "exited") return exit.message;
  if (exit.signal) return `the MCP server was killed by ${exit.signal}`;
  return `the MCP server exited with code ${exit.code ?? "unknown"}`;
}
