/**
 * The in-memory state store: a guard's default (each guard its own), or one store shared by the
 * guards of one process. Counts on the guard's clock. Same semantics as the Redis store.
 */
import { AgentspecError } from "../../errors.js";
import {
  DAY_MS,
  DEFAULT_RUN_TTL_MS,
  RATE_WINDOW_MS,
  StateUnavailableError,
  USD_EPSILON,
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

export interface MemoryStoreOptions {
  /**
   * How long a concurrency lease lasts unless renewed (ms). Infinity by default: a slot's holder
   * runs in this process, so it cannot die and leave the slot taken.
   */
  leaseMs?: number;
  /** How long a run's counts are kept after its last call (ms, default 24 hours). */
  runTtlMs?: number;
}

interface ScopeState {
  /** When each admitted call of the last minute was admitted, oldest first. */
  recent: number[];
  /** Lease id → expiry (ms). */
  slots: Map<string, number>;
  sessionDay: number;
  sessionRuns: Set<string>;
}

interface RunState {
  calls: number;
  usd: number;
  alerted: boolean;
  denials: Map<string, number>;
  escalated: Set<string>;
  touched: number;
}

/** Runs are swept for expiry every this many requests. */
const SWEEP_EVERY = 1024;

export function memoryStore(options: MemoryStoreOptions = {}): StateStore {
  return new MemoryStore(options);
}

/**
 * The memory store itself, when `store` is one whose admit and release are its own (not replaced
 * on the object or on the prototype): the guard then takes its answers synchronously, without a
 * promise per call.
 * Anything else (another store, a wrapped or patched memory store) is asked through StateStore.
 */
export function syncMemoryStore(store: StateStore): MemoryStore | undefined {
  return store instanceof MemoryStore && store.admit === OWN_ADMIT && store.release === OWN_RELEASE ? store : undefined;
}

export class MemoryStore implements StateStore {
  readonly description = "memory";
  readonly leaseMs: number;
  readonly #runTtlMs: number;
  readonly #scopes = new Map<string, ScopeState>();
  readonly #runs = new Map<string, RunState>();
  #leases = 0;
  #requests = 0;
  #closed = false;

  constructor(options: MemoryStoreOptions) {
    this.leaseMs = options.leaseMs === undefined || options.leaseMs === Infinity ? Infinity : positive("leaseMs", options.leaseMs);
    this.#runTtlMs = positive("runTtlMs", options.runTtlMs ?? DEFAULT_RUN_TTL_MS);
  }

  async admit(request: AdmitRequest): Promise<AdmitAnswer> {
    return this.admitNow(request);
  }

  /** admit(), answered at once (the guard's synchronous path; see syncMemoryStore). */
  admitNow(request: AdmitRequest): AdmitAnswer {
    this.#open();
    const { scope, now, limits } = request;
    const run = this.#run(scope, now);
    const state = this.#scope(scope, now);
    if (run.escalated.has(request.tool)) return { ok: false, escalated: run.denials.get(request.tool) ?? 0 };
    const exceeded = this.#exceeded(request, run, state);
    if (exceeded) return { ok: false, exceeded };
    if (!request.commit) return { ok: true, spentUsd: run.usd, alert: false };
    state.sessionRuns.add(scope.run);
    run.calls += 1;
    run.usd += request.costUsd;
    if (limits.ratePerMinute !== undefined) state.recent.push(now);
    let lease: string | undefined;
    if (request.slot) {
      lease = `lease-${++this.#leases}`;
      state.slots.set(lease, now + this.leaseMs);
    }
    const alert = this.#alert(run, limits.alertUsd);
    // Two literals, not a spread: a call's answer is made without adding a property (and without a lease key when none was taken, as Redis answers).
    return lease === undefined ? { ok: true, spentUsd: run.usd, alert } : { ok: true, lease, spentUsd: run.usd, alert };
  }

  async addCost(request: CostRequest): Promise<CostAnswer> {
    this.#open();
    const run = this.#run(request.scope, request.now);
    run.usd += request.usd;
    return { spentUsd: run.usd, alert: this.#alert(run, request.alertUsd) };
  }

  #exceeded(request: AdmitRequest, run: RunState, state: ScopeState): BudgetExceeded | undefined {
    const { limits, now, costUsd } = request;
    const sessions = limits.maxSessionsPerDay;
    if (sessions !== undefined && !state.sessionRuns.has(request.scope.run) && state.sessionRuns.size >= sessions)
      return { budget: "max_sessions_per_day", used: state.sessionRuns.size, limit: sessions };
    if (limits.maxToolCalls !== undefined && run.calls >= limits.maxToolCalls)
      return { budget: "max_tool_calls", used: run.calls, limit: limits.maxToolCalls };
    const usd = limits.maxUsdPerLoop;
    if (usd !== undefined && (run.usd >= usd - USD_EPSILON || run.usd + costUsd > usd + USD_EPSILON))
      return { budget: "max_usd_per_loop", used: run.usd, limit: usd, costUsd };
    let stale = 0;
    while (stale < state.recent.length && state.recent[stale]! <= now - RATE_WINDOW_MS) stale++;
    if (stale > 0) state.recent.splice(0, stale);
    if (limits.ratePerMinute !== undefined && state.recent.length >= limits.ratePerMinute)
      return { budget: "rate_per_minute", used: state.recent.length, limit: limits.ratePerMinute };
    for (const [lease, expires] of state.slots) if (expires <= now) state.slots.delete(lease);
    if (request.slot && limits.maxConcurrency !== undefined && state.slots.size >= limits.maxConcurrency)
      return { budget: "max_concurrency", used: state.slots.size, limit: limits.maxConcurrency };
    return undefined;
  }

  async recordDenial(request: DenialRequest): Promise<DenialAnswer> {
    this.#open();
    const run = this.#run(request.scope, request.now);
    const counted = run.denials.get(request.tool) ?? 0;
    if (run.escalated.has(request.tool)) return { denials: counted, escalatedNow: false, alreadyEscalated: true };
    const denials = counted + 1;
    run.denials.set(request.tool, denials);
    const escalatedNow = denials >= request.escalateAfter;
    if (escalatedNow) run.escalated.add(request.tool);
    return { denials, escalatedNow, alreadyEscalated: false };
  }

  async renew(scope: StateScope, lease: string, now: number): Promise<boolean> {
    this.#open();
    const slots = this.#scopes.get(keysOf(scope).scope)?.slots;
    const expires = slots?.get(lease);
    if (slots === undefined || expires === undefined || expires <= now) return false;
    slots.set(lease, now + this.leaseMs);
    return true;
  }

  async release(scope: StateScope, lease: string): Promise<void> {
    this.releaseNow(scope, lease);
  }

  /** release(), at once. */
  releaseNow(scope: StateScope, lease: string): void {
    this.#open();
    this.#scopes.get(keysOf(scope).scope)?.slots.delete(lease);
  }

  async close(): Promise<void> {
    this.#closed = true;
  }

  #open(): void {
    if (this.#closed) throw new StateUnavailableError("the memory store was closed");
  }

  #alert(run: RunState, alertUsd: number | undefined): boolean {
    if (run.alerted || alertUsd === undefined || run.usd < alertUsd - USD_EPSILON) return false;
    run.alerted = true;
    return true;
  }

  #scope(scope: StateScope, now: number): ScopeState {
    const key = keysOf(scope).scope;
    let state = this.#scopes.get(key);
    if (!state) this.#scopes.set(key, (state = { recent: [], slots: new Map(), sessionDay: dayOf(now), sessionRuns: new Set() }));
    if (state.sessionDay !== dayOf(now)) {
      state.sessionDay = dayOf(now);
      state.sessionRuns = new Set();
    }
    return state;
  }

  #run(scope: StateScope, now: number): RunState {
    if (++this.#requests % SWEEP_EVERY === 0) this.#sweep(now);
    const key = keysOf(scope).run;
    let run = this.#runs.get(key);
    if (!run) this.#runs.set(key, (run = { calls: 0, usd: 0, alerted: false, denials: new Map(), escalated: new Set(), touched: now }));
    run.touched = now;
    return run;
  }

  /** Forgets runs idle for runTtlMs and scopes with nothing left to count, as Redis expires their keys. */
  #sweep(now: number): void {
    for (const [key, run] of this.#runs) if (run.touched <= now - this.#runTtlMs) this.#runs.delete(key);
    for (const [key, state] of this.#scopes) {
      const idle = state.recent.every((t) => t <= now - RATE_WINDOW_MS) && [...state.slots.values()].every((e) => e <= now);
      if (idle && state.sessionDay !== dayOf(now)) this.#scopes.delete(key);
    }
  }
}

interface ScopeKeys {
  /** The agent's (and tenant's) budgets. */
  scope: string;
  /** The run's counts. */
  run: string;
}

/**
 * A frozen scope's map keys, made once: a guard passes one frozen scope object with every call it
 * makes without a tenant, so most calls look their keys up rather than build them. A scope that
 * is not frozen could change between calls, so its keys are built each time.
 */
const frozenKeys = new WeakMap<StateScope, ScopeKeys>();

function keysOf(scope: StateScope): ScopeKeys {
  if (!Object.isFrozen(scope)) return buildKeys(scope);
  let keys = frozenKeys.get(scope);
  if (keys === undefined) frozenKeys.set(scope, (keys = buildKeys(scope)));
  return keys;
}

function buildKeys(scope: StateScope): ScopeKeys {
  return { scope: JSON.stringify([scope.agent, scope.tenant ?? null]), run: JSON.stringify([scope.agent, scope.run]) };
}

function dayOf(now: number): number {
  return Math.floor(now / DAY_MS);
}

function positive(name: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0)
    throw new AgentspecError("BAD_ARGUMENT", `memoryStore: ${name} must be a positive number of milliseconds, not ${String(value)}`);
  return value;
}

/** The memory store's own admit and release, as the module defined them (a later patch of the prototype is not them). */
const OWN_ADMIT = MemoryStore.prototype.admit;
const OWN_RELEASE = MemoryStore.prototype.release;
