/**
 * An MCP stdio client transport (the SDK's Transport interface) that a hostile or broken server
 * cannot use to exhaust memory or hang the caller. Why not the SDK's StdioClientTransport: its
 * buffer concatenates every chunk (quadratic on large messages) and stops at a fixed 10 MB, it
 * keeps no stderr, it ignores a line that is not JSON-RPC (so `-- cat` or a server printing
 * banners waits for the timeout), and its close() waits up to four seconds and kills only the
 * direct child (an `npx` wrapper's server lives on).
 *
 * API (the gateway builds on it):
 *   new StdioServerTransport(options) · start() · send(message) · close()
 *   onmessage / onerror / onclose as the SDK's Transport
 *   stderrTail()   the last lines the server wrote on stderr (bounded)
 *   exitStatus     how the process ended ("exit code 1", "signal SIGKILL"), once it has
 *   failure        the first fatal problem (not JSON-RPC, message too large, could not start)
 */
import { spawn, type ChildProcess } from "node:child_process";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { JSONRPCMessageSchema, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { excerpt, unicodeEscape } from "../diagnostics.js";

export interface StdioServerOptions {
  command: string;
  args?: readonly string[];
  /** The whole environment of the server process (nothing is inherited beyond it). */
  env: Record<string, string>;
  cwd?: string;
  /** A message (one line) longer than this closes the connection. */
  maxMessageBytes: number;
  /** How much of stderr is kept for error messages. */
  maxStderrBytes?: number;
}

/** Signals to the process group after stdin closes: a server that ignores EOF gets TERM, then KILL. */
const CLOSE_GRACE_MS = 300;
const KILL_GRACE_MS = 700;

export class StdioServerTransport implements Transport {
  onmessage?: Transport["onmessage"];
  onerror?: Transport["onerror"];
  onclose?: Transport["onclose"];

  /** The first fatal problem, kept for the error message. */
  failure?: string;
  exitStatus?: string;

  private process?: ChildProcess;
  private chunks: Buffer[] = [];
  private buffered = 0;
  private stderr = "";
  private closed = false;
  private exited: Promise<void> = Promise.resolve();

  constructor(private readonly options: StdioServerOptions) {}

  start(): Promise<void> {
    if (this.process) throw new Error("StdioServerTransport already started");
    const { command, args = [], env, cwd } = this.options;
    return new Promise((resolve, reject) => {
      const child = spawn(command, [...args], {
        env,
        cwd,
        stdio: ["pipe", "pipe", "pipe"],
        shell: false,
        windowsHide: true,
        // Its own process group, so close() also stops what a wrapper (npx, a shell script) started.
        detached: process.platform !== "win32",
      });
      this.process = child;
      track(child);
      this.exited = new Promise((done) => child.once("close", () => done()));
      child.once("error", (error: NodeJS.ErrnoException) => {
        const why = error.code === "ENOENT" ? "no such command" : error.code === "EACCES" ? "permission denied" : error.message;
        this.fail(`cannot start "${command}": ${why}`);
        reject(new Error(this.failure));
      });
      child.once("spawn", () => resolve());
      child.once("close", (code, signal) => {
        this.exitStatus = signal ? `signal ${signal}` : `exit code ${code}`;
        this.finish();
      });
      child.stdout!.on("data", (chunk: Buffer) => this.receive(chunk));
      child.stderr!.on("data", (chunk: Buffer) => this.keepStderr(chunk));
      // A server that exits while we write makes stdin fail with EPIPE; the close handler reports it.
      child.stdin!.on("error", () => {});
      child.stdout!.on("error", () => {});
      child.stderr!.on("error", () => {});
    });
  }

  async send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.process?.stdin;
    if (this.closed || !stdin || stdin.destroyed) throw new Error("the server's stdin is closed");
    if (!stdin.write(JSON.stringify(message) + "\n")) await new Promise<void>((resolve) => stdin.once("drain", resolve));
  }

  /** Ends stdin, then signals the whole process group until it is gone; resolves when it is. */
  async close(): Promise<void> {
    const child = this.process;
    this.closed = true;
    if (child) {
      if (this.exitStatus === undefined) {
        child.stdin?.end();
        if (!(await exitsWithin(this.exited, CLOSE_GRACE_MS))) {
          signalGroup(child, "SIGTERM");
          if (!(await exitsWithin(this.exited, KILL_GRACE_MS))) {
            signalGroup(child, "SIGKILL");
            await exitsWithin(this.exited, KILL_GRACE_MS);
          }
        }
      }
      // The group may outlive its leader (a wrapper that exited on EOF): stop the rest too.
      signalGroup(child, "SIGKILL");
      untrack(child);
      child.stdout?.destroy();
      child.stderr?.destroy();
    }
    this.finish();
  }

  /** The last lines of stderr, control characters shown as escapes. */
  stderrTail(lines = 12): string {
    return this.stderr
      .split(/\r?\n/)
      .filter((line) => line.trim() !== "")
      .slice(-lines)
      .map(printable)
      .join("\n");
  }

  private receive(chunk: Buffer): void {
    if (this.closed) return;
    let start = 0;
    for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, start)) {
      this.append(chunk.subarray(start, newline));
      if (this.closed) return;
      const line = Buffer.concat(this.chunks, this.buffered).toString("utf8").replace(/\r$/, "");
      this.chunks = [];
      this.buffered = 0;
      start = newline + 1;
      if (line.trim() !== "") this.deliver(line);
      if (this.closed) return;
    }
    this.append(chunk.subarray(start));
  }

  private append(part: Buffer): void {
    if (part.length === 0) return;
    this.buffered += part.length;
    if (this.buffered > this.options.maxMessageBytes) {
      this.chunks = [];
      this.buffered = 0;
      this.fatal(
        `sent a message larger than ${formatBytes(this.options.maxMessageBytes)}, which no tool list needs: agentspec stopped reading`,
      );
      return;
    }
    this.chunks.push(part);
  }

  private deliver(line: string): void {
    let message: JSONRPCMessage;
    try {
      message = JSONRPCMessageSchema.parse(JSON.parse(line));
    } catch {
      // stdout is the protocol channel: anything else there means this is not an MCP server (or it logs to stdout).
      this.fatal(
        `wrote a line on stdout that is not a JSON-RPC message: ${excerpt(line)} (an MCP server over stdio writes only JSON-RPC there; logs go to stderr)`,
      );
      return;
    }
    this.onmessage?.(message);
  }

  private keepStderr(chunk: Buffer): void {
    const max = this.options.maxStderrBytes ?? 16 * 1024;
    this.stderr = (this.stderr + chunk.toString("utf8")).slice(-max);
  }

  private fail(why: string): void {
    this.failure ??= why;
  }

  private fatal(why: string): void {
    this.fail(why);
    this.onerror?.(new Error(why));
    void this.close();
  }

  private finish(): void {
    if (this.onclose === undefined) return;
    const onclose = this.onclose;
    this.onclose = undefined;
    this.closed = true;
    onclose();
  }
}

/**
 * Servers still running, so they do not outlive agentspec: their own process group does not get
 * the terminal's Ctrl-C, and a server that ignores the end of its stdin would live on. At exit,
 * and on SIGINT, SIGTERM or SIGHUP when nothing else handles that signal, every group left is
 * killed and the signal raised again with its default action.
 */
const live = new Set<ChildProcess>();
const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
const hooked = new Map<NodeJS.Signals, () => void>();

function killAll(): void {
  for (const child of live) signalGroup(child, "SIGKILL");
  live.clear();
}

function track(child: ChildProcess): void {
  if (live.size === 0) {
    process.once("exit", killAll);
    for (const signal of SIGNALS) {
      if (process.listenerCount(signal) > 0) continue;
      const handler = () => {
        killAll();
        unhook();
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      };
      hooked.set(signal, handler);
      process.once(signal, handler);
    }
  }
  live.add(child);
}

function untrack(child: ChildProcess): void {
  live.delete(child);
  if (live.size === 0) unhook();
}

function unhook(): void {
  process.removeListener("exit", killAll);
  for (const [signal, handler] of hooked) process.removeListener(signal, handler);
  hooked.clear();
}

function exitsWithin(exited: Promise<void>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void exited.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (process.platform !== "win32" && child.pid !== undefined) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // Already gone.
  }
}

/** At most `max` characters, quoted, with what a terminal would interpret shown as escapes. */
/** Control and format characters as \u escapes: the output of an unknown program must not drive the terminal. */
export function printable(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, unicodeEscape);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}
