/** The MCP server as a child process spoken to over its stdin and stdout (MCP's stdio transport). */
import { spawn, type ChildProcess } from "node:child_process";
import { LineFramer } from "./framing.js";
import { oversizeRefusal, type JsonRpcMessage, type ReadResult } from "./messages.js";
import type { Upstream, UpstreamExit } from "./upstream.js";

export interface StdioUpstreamSpec {
  command: string;
  args?: string[];
  /** Added to the gateway's own environment. */
  env?: Record<string, string>;
  cwd?: string;
  /** Where the server's stderr goes (default: the gateway's stderr, where MCP clients show server logs). */
  stderr?: "inherit" | "ignore";
}

/** How long a server may take to exit after its stdin closes before it is sent SIGTERM, then SIGKILL. */
const EXIT_GRACE_MS = 3000;

export function spawnStdioUpstream(
  spec: StdioUpstreamSpec,
  maxBytes: number,
  onMessage: (bytes: Buffer) => void,
  onRefused: (read: ReadResult) => void,
): Upstream {
  let child: ChildProcess;
  let settle!: (exit: UpstreamExit) => void;
  const gone = new Promise<UpstreamExit>((resolve) => (settle = resolve));
  let exited = false;
  const done = (exit: UpstreamExit) => {
    if (exited) return;
    exited = true;
    settle(exit);
  };
  try {
    child = spawn(spec.command, spec.args ?? [], {
      stdio: ["pipe", "pipe", spec.stderr ?? "inherit"],
      env: spec.env ? { ...process.env, ...spec.env } : process.env,
      cwd: spec.cwd,
      windowsHide: true,
      // Its own process group, so stopping it also stops what a wrapper (npx, a shell script) started.
      detached: process.platform !== "win32",
    });
  } catch (error) {
    done({ kind: "failed", message: `cannot start ${JSON.stringify(spec.command)}: ${(error as Error).message}` });
    return { send() {}, pause() {}, resume() {}, async close() {}, gone, onDrain: () => false };
  }
  const framer = new LineFramer(maxBytes, onMessage, (size) => onRefused(oversizeRefusal(size, maxBytes)));
  child.stdout!.on("data", (chunk: Buffer) => framer.push(chunk));
  // A write to a server that already exited fails with EPIPE; its exit is reported by "close".
  child.stdin!.on("error", () => {});
  child.on("error", (error: NodeJS.ErrnoException) => {
    const why = error.code === "ENOENT" ? "no such command" : error.message;
    done({ kind: "failed", message: `cannot start ${JSON.stringify(spec.command)} (${why})` });
  });
  // "close" follows the end of its stdout, so every message it wrote has been handled first.
  child.on("close", (code, signal) => done({ kind: "exited", code, signal }));
  let killTimer: NodeJS.Timeout | undefined;
  return {
    send(message: JsonRpcMessage, raw?: string) {
      if (exited || !child.stdin!.writable) return;
      child.stdin!.write((raw ?? JSON.stringify(message)) + "\n");
    },
    pause: () => child.stdout!.pause(),
    resume: () => child.stdout!.resume(),
    onDrain(listener: () => void): boolean {
      if (!child.stdin!.writableNeedDrain) return false;
      child.stdin!.once("drain", listener);
      return true;
    },
    async close() {
      if (exited) return;
      child.stdin!.end();
      killTimer = setTimeout(() => {
        signal(child, "SIGTERM");
        killTimer = setTimeout(() => signal(child, "SIGKILL"), EXIT_GRACE_MS).unref();
      }, EXIT_GRACE_MS).unref();
      await gone;
      clearTimeout(killTimer);
    },
    gone,
  };
}

/** Signals the server's whole process group (its own, see spawn), or the process alone where groups do not exist. */
function signal(child: ChildProcess, name: NodeJS.Signals): void {
  try {
    if (process.platform !== "win32" && child.pid !== undefined) process.kill(-child.pid, name);
    else child.kill(name);
  } catch {
    // Already gone.
  }
}
