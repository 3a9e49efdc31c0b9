/**
 * A real redis-server for tests, on a free loopback port, with no persistence; stopped (and
 * restartable on the same port) by the test that started it. Tests skip with a visible reason
 * when redis-server is not installed (`apt-get install -y redis-server`; .ci/run installs it).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { it } from "vitest";

const probe = spawnSync("redis-server", ["--version"], { encoding: "utf8" });
export const hasRedisServer = probe.status === 0;
export const redisSkipReason = hasRedisServer ? "" : "redis-server is not installed (apt-get install -y redis-server)";

/**
 * Registers the visible trace of Redis tests that could not run: a skipped test naming the
 * reason, or in CI (where .ci/run installs redis-server) a failing one.
 */
export function reportMissingRedis(what: string): void {
  if (hasRedisServer) return;
  if (process.env.CI) {
    it(`${what}: ${redisSkipReason}, and CI must run them`, () => {
      throw new Error(`${redisSkipReason}: .ci/run should have installed it`);
    });
  } else it.skip(`${what}: skipped, ${redisSkipReason}`, () => {});
}

export interface RedisServer {
  url: string;
  port: number;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port (empty: nothing is persisted). */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  dispose(): Promise<void>;
}

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-redis-"));
  let child: ChildProcess | undefined;
  const server: RedisServer = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      child = spawn(
        "redis-server",
        ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--loglevel", "warning"],
        { stdio: ["ignore", "pipe", "pipe"] },
      );
      await waitForPing(port, child);
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
      running.kill("SIGTERM");
      const timer = setTimeout(() => running.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
    async dispose() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const listener = net.createServer();
    listener.once("error", reject);
    listener.listen(0, "127.0.0.1", () => {
      const { port } = listener.address() as net.AddressInfo;
      listener.close(() => resolve(port));
    });
  });
}

/** Resolves once the server answers PING (raw RESP over a socket), rejects if it exits or takes over 10 s. */
async function waitForPing(port: number, child: ChildProcess): Promise<void> {
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}): ${output.trim()}`);
    if (await pings(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill("SIGKILL");
  throw new Error(`redis-server did not answer on port ${port} within 10 s: ${output.trim()}`);
}

function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.setTimeout(500);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}
