/**
 * The guard's state store: where the budgets that outlive one call are counted. Every operation
 * is one atomic step (a Lua script in Redis), so guards in several processes sharing a store
 * never admit more than a budget allows. A store that cannot answer rejects; the guard then
 * denies the call (rule state-unavailable).
 */

/** Whose state a call counts against. */
export interface StateScope {
  /** The policy's agent id: the rate window, concurrency slots and daily sessions are the agent's. */
  agent: string;
  /** The call's context.tenant, when it names one: the agent's rate, slots and sessions are then that tenant's. */
  tenant?: string;
  /** The run: its call count, its cost and its escalations (a guard's runId, shared by the processes serving one run). */
  run: string;
}

/** The policy's budgets a store enforces (absent: no limit). */
export interface StoreLimits {
  maxToolCalls?: number;
  maxUsdPerLoop?: number;
  alertUsd?: number;
  ratePerMinute?: number;
  maxConcurrency?: number;
  maxSessionsPerDay?: number;
}

export interface AdmitRequest {
  scope: StateScope;
  /** The tool's key for escalation: every spelling of one tool gives the same key. */
  tool: string;
  /** The guard's clock, in ms. The memory store counts on it; the Redis store on the server's clock, one for every process. */
  now: number;
  /** What the call costs (US dollars), counted when it is admitted. */
  costUsd: number;
  limits: StoreLimits;
  /** Take a concurrency slot (a call run through guard.run()): a lease that expires unless renewed. */
  slot: boolean;
  /** false: only check (before a reviewer is asked); nothing is counted. */
  commit: boolean;
}

/** Which budget a call would break, with the figures the guard's message gives. */
export type BudgetExceeded =
  | { budget: "max_sessions_per_day"; used: number; limit: number }
  | { budget: "max_tool_calls"; used: number; limit: number }
  | { budget: "max_usd_per_loop"; used: number; limit: number; costUsd: number }
  | { budget: "rate_per_minute"; used: number; limit: number }
  | { budget: "max_concurrency"; used: number; limit: number };

export type AdmitAnswer =
  | {
      ok: true;
      /** The concurrency lease taken (slot and commit): renew it while the call runs, release it after. */
      lease?: string;
      /** The run's cost after this call. */
      spentUsd: number;
      /** The run's cost has just reached alertUsd: true for exactly one answer per run. */
      alert: boolean;
    }
  | { ok: false; exceeded: BudgetExceeded }
  /** The tool was escalated in this run after `escalated` denied attempts: every further call to it is denied. */
  | { ok: false; escalated: number };

export interface DenialRequest {
  scope: StateScope;
  tool: string;
  /** Denied attempts at one tool in a run before it is escalated. */
  escalateAfter: number;
  now: number;
}

export interface DenialAnswer {
  /** Denied attempts at the tool in this run, this one included (not counted once escalated). */
  denials: number;
  /** This denial reached the threshold: true for exactly one answer per tool and run (the one that escalates). */
  escalatedNow: boolean;
  /** The tool had already been escalated before this denial. */
  alreadyEscalated: boolean;
}

/** Cost spent outside tool calls (guard.recordCost), added to the run. */
export interface CostRequest {
  scope: StateScope;
  usd: number;
  alertUsd?: number;
  now: number;
}

export interface CostAnswer {
  /** The run's cost after this one. */
  spentUsd: number;
  /** The run's cost has just reached alertUsd: true for exactly one answer per run. */
  alert: boolean;
}

export interface StateStore {
  /** A short name for messages ("memory", "redis redis://host:6379"), never holding a password. */
  readonly description: string;
  /**
   * How long a concurrency lease lasts unless renewed (ms): what a process that dies holding one
   * costs. Infinity for a store in the guard's own process (its holders cannot die without it).
   */
  readonly leaseMs: number;
  /** Checks every budget for one call and, when all fit and `commit`, counts it: one atomic step. */
  admit(request: AdmitRequest): Promise<AdmitAnswer>;
  /** Adds cost spent outside calls to the run: one atomic step. */
  addCost(request: CostRequest): Promise<CostAnswer>;
  /** Counts one denied attempt at a tool in a run, escalating it at the threshold: one atomic step. */
  recordDenial(request: DenialRequest): Promise<DenialAnswer>;
  /** Extends a lease by leaseMs from now; false when it had already expired. */
  renew(scope: StateScope, lease: string, now: number): Promise<boolean>;
  /** Frees a concurrency slot. */
  release(scope: StateScope, lease: string): Promise<void>;
  /** Closes connections; a closed store rejects every request. */
  close(): Promise<void>;
}

/** A store that did not answer, or not in time. */
export class StateUnavailableError extends Error {
  override readonly name = "StateUnavailableError";
}

export const RATE_WINDOW_MS = 60_000;
export const DAY_MS = 86_400_000;
/** Float sums (0.1 + 0.2) must not deny a call that lands exactly on the ceiling. */
export const USD_EPSILON = 1e-9;
/** The Redis store's lease. */
export const DEFAULT_LEASE_MS = 30_000;
/** How long a run's counts are kept after its last call. */
export const DEFAULT_RUN_TTL_MS = 24 * 60 * 60 * 1000;
