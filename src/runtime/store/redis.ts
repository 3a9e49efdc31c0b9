/**
 * redisStore: the guard's state in Redis, shared by every process that points at the same server
 * and key prefix. Every operation is one Lua script (atomic on the server). A request that gets
 * no answer within timeoutMs, or any while the connection is down, rejects with
 * StateUnavailableError, which the guard turns into a denial (rule state-unavailable); the client
 * reconnects by itself, and calls are decided again as soon as the server answers.
 *
 * The client is ioredis, loaded only when a Redis store is created (an optional peer dependency).
 */
import { createHash, randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import type { Redis as RedisClient, RedisOptions } from "ioredis";
import { AgentspecError } from "../../errors.js";
import { ADMIT_SCRIPT, COST_SCRIPT, DENIAL_SCRIPT, RENEW_SCRIPT } from "./redis-scripts.js";
import {
  DEFAULT_LEASE_MS,
  DEFAULT_RUN_TTL_MS,
  StateUnavailableError,
  type AdmitAnswer,
  type AdmitRequest,
  type BudgetExceeded,
  type CostAnswer,
  type CostRequest,
  type DenialAnswer,
  type DenialRequest,
  type StateScope,
  type StateStore,
} from "./types.js";

export interface RedisStoreOptions {
  /** redis://[user:password@]host:port[/db], or rediss:// for TLS. */
  url: string;
  /** Put before every key (default "agentspec:"): separates deployments sharing one server. */
  keyPrefix?: string;
  /** How long one request may take before the call is denied (ms, default 250). */
  timeoutMs?: number;
  /** How long a concurrency lease lasts unless renewed (ms, default 30,000): what a process that dies holding a slot costs. */
  leaseMs?: number;
  /** How long a run's counts are kept after its last call (ms, default 24 hours). */
  runTtlMs?: number;
  /** The longest wait between two reconnection attempts (ms, default 1,000). */
  reconnectMaxMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 250;

interface ScriptedClient extends RedisClient {
  agentspecAdmit(...args: string[]): Promise<string[]>;
  agentspecDenial(...args: string[]): Promise<string[]>;
  agentspecCost(...args: string[]): Promise<string[]>;
  agentspecRenew(...args: string[]): Promise<number>;
}

let ioredis: typeof import("ioredis") | undefined;

function loadIoredis(): typeof import("ioredis") {
  if (ioredis) return ioredis;
  try {
    ioredis = createRequire(import.meta.url)("ioredis") as typeof import("ioredis");
    return ioredis;
  } catch {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      "redisStore needs the ioredis package, which is not installed: run `npm install ioredis` (version 6) in your project",
    );
  }
}

export function redisStore(options: RedisStoreOptions): StateStore {
  return new RedisStore(options);
}

class RedisStore implements StateStore {
  readonly description: string;
  readonly leaseMs: number;
  readonly #timeoutMs: number;
  readonly #runTtlMs: number;
  readonly #prefix: string;
  readonly #client: ScriptedClient;
  #everReady = false;
  /** Settles when the client is first ready: requests made before it wait for it, within their time. */
  readonly #firstReady: Promise<void>;
  #lastError: string | undefined;
  #closed = false;

  constructor(options: RedisStoreOptions) {
    const url = parseUrl(options?.url);
    this.description = `redis ${url.protocol}//${url.host}`;
    this.#timeoutMs = positive("timeoutMs", options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    this.leaseMs = positive("leaseMs", options.leaseMs ?? DEFAULT_LEASE_MS);
    this.#runTtlMs = positive("runTtlMs", options.runTtlMs ?? DEFAULT_RUN_TTL_MS);
    const reconnectMaxMs = positive("reconnectMaxMs", options.reconnectMaxMs ?? 1000);
    if (options.keyPrefix !== undefined && typeof options.keyPrefix !== "string")
      throw new AgentspecError("BAD_ARGUMENT", "redisStore: keyPrefix must be a string");
    this.#prefix = options.keyPrefix ?? "agentspec:";
    const { Redis } = loadIoredis();
    const clientOptions: RedisOptions = {
      // Fail fast instead of queueing while the connection is down: a queued call would wait
      // for an unknown time, then count against budgets other processes already moved on from.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: this.#timeoutMs,
      connectTimeout: Math.max(this.#timeoutMs, 1000),
      retryStrategy: (times) => Math.min(50 * times, reconnectMaxMs),
      // Calls decided at once share one write to the socket.
      enableAutoPipelining: true,
      // RESP2: understood by every Redis since 2.6 and by managed services that refuse HELLO.
      protocol: 2,
    };
    const client = new Redis(url.href, clientOptions) as ScriptedClient;
    // Without a listener, a connection error would be thrown as an unhandled 'error' event.
    client.on("error", (error: Error) => (this.#lastError = error.message));
    this.#firstReady = new Promise<void>((resolve) =>
      client.on("ready", () => {
        this.#everReady = true;
        this.#lastError = undefined;
        resolve();
      }),
    );
    client.defineCommand("agentspecAdmit", { numberOfKeys: 4, lua: ADMIT_SCRIPT });
    client.defineCommand("agentspecDenial", { numberOfKeys: 1, lua: DENIAL_SCRIPT });
    client.defineCommand("agentspecCost", { numberOfKeys: 1, lua: COST_SCRIPT });
    client.defineCommand("agentspecRenew", { numberOfKeys: 1, lua: RENEW_SCRIPT });
    this.#client = client;
  }

  async admit(request: AdmitRequest): Promise<AdmitAnswer> {
    const { scope, limits } = request;
    const keys = this.#keys(scope);
    const id = randomUUID();
    const reply = await this.#ask("admit", () =>
      this.#client.agentspecAdmit(
        keys.rate,
        keys.slots,
        keys.sessions,
        keys.run,
        request.tool,
        String(request.costUsd),
        limit(limits.maxToolCalls),
        limit(limits.maxUsdPerLoop),
        limit(limits.alertUsd),
        limit(limits.ratePerMinute),
        limit(limits.maxConcurrency),
        limit(limits.maxSessionsPerDay),
        request.slot ? "1" : "0",
        request.commit ? "1" : "0",
        id,
        String(this.leaseMs),
        String(this.#runTtlMs),
        scope.run,
      ),
    );
    if (!Array.isArray(reply) || reply.length !== 4) throw new StateUnavailableError(`${this.description} gave an unexpected answer`);
    const [kind, figure, alertFlag, lease] = reply.map(String) as [string, string, string, string];
    const used = Number(figure);
    if (kind === "ok") return { ok: true, ...(lease ? { lease } : {}), spentUsd: used, alert: alertFlag === "1" };
    if (kind === "escalated") return { ok: false, escalated: used };
    const exceeded = exceededOf(kind, used, request);
    if (!exceeded) throw new StateUnavailableError(`${this.description} gave an unexpected answer ("${kind}")`);
    return { ok: false, exceeded };
  }

  async addCost(request: CostRequest): Promise<CostAnswer> {
    const keys = this.#keys(request.scope);
    const reply = await this.#ask("add a cost", () =>
      this.#client.agentspecCost(keys.run, String(request.usd), limit(request.alertUsd), String(this.#runTtlMs)),
    );
    if (!Array.isArray(reply) || reply.length !== 2) throw new StateUnavailableError(`${this.description} gave an unexpected answer`);
    return { spentUsd: Number(reply[0]), alert: String(reply[1]) === "1" };
  }

  async recordDenial(request: DenialRequest): Promise<DenialAnswer> {
    const keys = this.#keys(request.scope);
    const reply = await this.#ask("count a denial", () =>
      this.#client.agentspecDenial(keys.run, request.tool, String(request.escalateAfter), String(this.#runTtlMs)),
    );
    if (!Array.isArray(reply) || reply.length !== 3) throw new StateUnavailableError(`${this.description} gave an unexpected answer`);
    const [denials, now, already] = reply.map(String) as [string, string, string];
    return { denials: Number(denials), escalatedNow: now === "1", alreadyEscalated: already === "1" };
  }

  async renew(scope: StateScope, lease: string): Promise<boolean> {
    const keys = this.#keys(scope);
    return (await this.#ask("renew a lease", () => this.#client.agentspecRenew(keys.slots, lease, String(this.leaseMs)))) === 1;
  }

  async release(scope: StateScope, lease: string): Promise<void> {
    const keys = this.#keys(scope);
    await this.#ask("release a lease", () => this.#client.zrem(keys.slots, lease));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await withTimeout(this.#client.quit(), this.#timeoutMs, "close");
    } catch {
      // The server is gone or slow: drop the connection instead.
    }
    this.#client.disconnect();
  }

  /** One request, answered within timeoutMs or rejected with StateUnavailableError. */
  async #ask<T>(what: string, send: () => Promise<T>): Promise<T> {
    if (this.#closed) throw new StateUnavailableError(`${this.description} was closed`);
    const deadline = Date.now() + this.#timeoutMs;
    if (this.#client.status !== "ready") {
      // Before the first connection, wait for it (within the request's time); after one was
      // lost, fail at once rather than hold every call while the client reconnects.
      if (this.#everReady) throw this.#unavailable(what, "the connection is down");
      await withTimeout(this.#firstReady, deadline - Date.now(), what, () =>
        this.#unavailable(what, this.#lastError ?? `no connection within ${this.#timeoutMs} ms`),
      );
    }
    try {
      return await withTimeout(send(), deadline - Date.now(), what);
    } catch (error) {
      if (error instanceof StateUnavailableError) throw error;
      throw this.#unavailable(what, error instanceof Error ? error.message : String(error));
    }
  }

  #unavailable(what: string, why: string): StateUnavailableError {
    return new StateUnavailableError(`${this.description} could not ${what}: ${why}`);
  }

  #keys(scope: StateScope): { rate: string; slots: string; sessions: string; run: string } {
    // One hash tag per agent: every key a script touches is in one cluster slot.
    const agent = `${this.#prefix}{${component(scope.agent)}}`;
    const tenant = scope.tenant === undefined ? "#" : `=${component(scope.tenant)}`;
    return {
      rate: `${agent}:t${tenant}:rate`,
      slots: `${agent}:t${tenant}:slots`,
      sessions: `${agent}:t${tenant}:sessions`,
      run: `${agent}:run:${component(scope.run)}`,
    };
  }
}

/**
 * A key component that cannot break the key's structure (no ":", "{", "}" or "#" survive
 * encodeURIComponent) and stays short: a long tenant or run id is replaced by its hash. The
 * hash's form starts with "%s", which encodeURIComponent never writes (its "%" is always
 * followed by two hex digits), so a tenant named like a hash cannot share another's counters.
 */
function component(value: string): string {
  const encoded = encodeURIComponent(value);
  return encoded.length <= 128 ? encoded : `%sha256-${createHash("sha256").update(value).digest("hex")}`;
}

function exceededOf(kind: string, used: number, request: AdmitRequest): BudgetExceeded | undefined {
  const { limits } = request;
  switch (kind) {
    case "max_sessions_per_day":
      return { budget: kind, used, limit: limits.maxSessionsPerDay! };
    case "max_tool_calls":
      return { budget: kind, used, limit: limits.maxToolCalls! };
    case "max_usd_per_loop":
      return { budget: kind, used, limit: limits.maxUsdPerLoop!, costUsd: request.costUsd };
    case "rate_per_minute":
      return { budget: kind, used, limit: limits.ratePerMinute! };
    case "max_concurrency":
      return { budget: kind, used, limit: limits.maxConcurrency! };
    default:
      return undefined;
  }
}

function limit(value: number | undefined): string {
  return value === undefined ? "" : String(value);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string, onTimeout?: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(onTimeout?.() ?? new StateUnavailableError(`no answer to ${what} within the time allowed`)),
      Math.max(0, ms),
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function parseUrl(value: unknown): URL {
  if (typeof value !== "string" || value === "")
    throw new AgentspecError("BAD_ARGUMENT", "redisStore needs a url: redisStore({ url: 'redis://host:6379' })");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AgentspecError("BAD_ARGUMENT", `redisStore: "${redact(value)}" is not a URL; expected redis://host:port`);
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:")
    throw new AgentspecError("BAD_ARGUMENT", `redisStore: the url must start with redis:// or rediss://, not ${url.protocol}//`);
  return url;
}

/** A URL-like text without what could be a password. */
function redact(value: string): string {
  return value.replace(/\/\/[^@/]*@/, "//…@");
}

function positive(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0)
    throw new AgentspecError("BAD_ARGUMENT", `redisStore: ${name} must be a positive number of milliseconds, not ${String(value)}`);
  return value;
}
