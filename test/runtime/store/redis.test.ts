// The Redis store against a real redis-server: what happens when the server is away, slow, or
// back; what a key can hold; what a bad option says.
import { createHash, randomUUID } from "node:crypto";
import net from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AgentspecError } from "../../../src/errors.js";
import { redisStore } from "../../../src/runtime/store/redis.js";
import { StateUnavailableError, type AdmitRequest, type StateScope, type StateStore } from "../../../src/runtime/store/types.js";
import { hasRedisServer, reportMissingRedis, startRedisServer, type RedisServer } from "../../helpers/redis-server.js";

const ask = (scope: StateScope, overrides: Partial<AdmitRequest> = {}): AdmitRequest => ({
  scope,
  tool: "crm.lookup",
  now: Date.now(),
  costUsd: 0,
  limits: {},
  slot: false,
  commit: true,
  ...overrides,
});
const scope = (overrides: Partial<StateScope> = {}): StateScope => ({ agent: `agent-${randomUUID()}`, run: "run-1", ...overrides });

describe("redisStore options", () => {
  it.each([
    [{}, /needs a url/],
    [{ url: "not a url" }, /is not a URL/],
    [{ url: "http://127.0.0.1:6379" }, /must start with redis:\/\/ or rediss:\/\//],
    [{ url: "redis://127.0.0.1:6379", timeoutMs: -1 }, /timeoutMs must be a positive number/],
    [{ url: "redis://127.0.0.1:6379", leaseMs: Number.NaN }, /leaseMs must be a positive number/],
  ])("refuses %j with a BAD_ARGUMENT that says what to give", (options, message) => {
    let thrown: unknown;
    try {
      redisStore(options as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AgentspecError);
    expect((thrown as AgentspecError).code).toBe("BAD_ARGUMENT");
    expect((thrown as Error).message).toMatch(message);
  });

  it("names the server in messages without its password", async () => {
    const store = redisStore({ url: "redis://agent:s3cret@127.0.0.1:1", timeoutMs: 100 });
    expect(store.description).toBe("redis redis://127.0.0.1:1");
    const error = await store.admit(ask(scope())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StateUnavailableError);
    expect(String(error)).not.toContain("s3cret");
    await store.close();
  });
});

describe("a Redis store whose server cannot answer", () => {
  it("rejects every request when nothing listens, within its timeout", async () => {
    const port = await closedPort();
    const store = redisStore({ url: `redis://127.0.0.1:${port}`, timeoutMs: 150 });
    for (let i = 0; i < 3; i++) await expect(store.admit(ask(scope()))).rejects.toBeInstanceOf(StateUnavailableError);
    await expect(store.recordDenial({ scope: scope(), tool: "x", escalateAfter: 3, now: Date.now() })).rejects.toThrow(
      /could not count a denial/,
    );
    await store.close();
  });

  it("rejects when the server accepts the connection but never answers", async () => {
    const silent = net.createServer((socket) => socket.on("data", () => {}));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    const store = redisStore({ url: `redis://127.0.0.1:${port}`, timeoutMs: 150 });
    await expect(store.admit(ask(scope()))).rejects.toBeInstanceOf(StateUnavailableError);
    await store.close();
    await new Promise((resolve) => silent.close(resolve));
  });
});

describe.skipIf(!hasRedisServer)("a Redis store against redis-server", () => {
  let server: RedisServer;
  const stores: StateStore[] = [];
  const open = (options: { timeoutMs?: number } = {}) => {
    const store = redisStore({ url: server.url, keyPrefix: `test-${randomUUID()}:`, timeoutMs: 2000, ...options });
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    server = await startRedisServer();
  }, 20_000);
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await server?.dispose();
  });

  it("rejects while the server is stopped, and answers again once it is back", async () => {
    const store = open({ timeoutMs: 300 });
    const run = scope();
    expect((await store.admit(ask(run))).ok).toBe(true);
    await server.stop();
    await expect(store.admit(ask(run))).rejects.toBeInstanceOf(StateUnavailableError);
    await expect(store.admit(ask(run))).rejects.toThrow(/could not admit/);
    await server.start();
    // The client reconnects by itself; the restarted server has lost the scripts (NOSCRIPT is handled).
    const answer = await eventually(() => store.admit(ask(run)));
    expect(answer.ok).toBe(true);
  }, 30_000);

  it("rejects a request the server answers too slowly (a script holding the server)", async () => {
    const store = open({ timeoutMs: 200 });
    expect((await store.admit(ask(scope()))).ok).toBe(true);
    const blocker = new Redis(server.url, { maxRetriesPerRequest: 0 });
    const busy = blocker.eval(
      "local t = redis.call('TIME'); local stop = t[1] * 1000000 + t[2] + 800000\n" +
        "repeat local n = redis.call('TIME') until n[1] * 1000000 + n[2] >= stop\nreturn 1",
      0,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(store.admit(ask(scope()))).rejects.toThrow(/admit/);
    await busy;
    blocker.disconnect();
    expect((await eventually(() => store.admit(ask(scope())))).ok).toBe(true);
  }, 20_000);

  it("keeps tenants and runs apart whatever their names hold", async () => {
    const store = open();
    const agent = `agent-${randomUUID()}`;
    const limits = { ratePerMinute: 1, maxToolCalls: 1 };
    const long = "x".repeat(5000);
    // A tenant named as the key of a long tenant's hash would be, were the hash not marked.
    const lookalike = `sha256-${createHash("sha256").update(long).digest("hex")}`;
    const tenants = ["a", "a:t#", "a}:t=a", "#", "", long, lookalike];
    for (const tenant of tenants) expect((await store.admit(ask({ agent, tenant, run: tenant }, { limits }))).ok, tenant).toBe(true);
    expect((await store.admit(ask({ agent, run: "plain" }, { limits }))).ok).toBe(true);
    for (const tenant of tenants) expect((await store.admit(ask({ agent, tenant, run: `${tenant}-2` }, { limits }))).ok).toBe(false);
  });
});

async function eventually<T>(attempt: () => Promise<T>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const listener = net.createServer();
    listener.listen(0, "127.0.0.1", () => {
      const { port } = listener.address() as net.AddressInfo;
      listener.close(() => resolve(port));
    });
  });
}

reportMissingRedis("the Redis store against redis-server");
