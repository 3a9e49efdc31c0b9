/** A guard's own view of its run (usage()), the policy's budgets as the state store counts them, and the reasons it gives. */
import type { Policy } from "../../generated/policy.js";
import { RATE_WINDOW_MS, USD_EPSILON, type BudgetExceeded, type StoreLimits } from "./store/types.js";

export interface RunUsage {
  /** Tool calls the guard allowed. */
  toolCalls: number;
  /** The current turn; a run starts in turn 1. */
  turn: number;
  spentUsd: number;
  /** Calls running inside guard.run(). */
  inFlight: number;
  /** When each allowed call of the last minute was allowed (ms), oldest first (and some older, until pruned). */
  recentCalls: number[];
  /** recentCalls is pruned when it grows to this length. */
  pruneAt: number;
}

/** recentCalls is first pruned at this length, and later at twice what the last pruning kept (amortized O(1) a call). */
const PRUNE_AT = 1024;

export function newUsage(): RunUsage {
  return { toolCalls: 0, turn: 1, spentUsd: 0, inFlight: 0, recentCalls: [], pruneAt: PRUNE_AT };
}

/** Drops calls older than the rate window. */
export function pruneRecent(usage: RunUsage, now: number): void {
  let stale = 0;
  while (stale < usage.recentCalls.length && usage.recentCalls[stale]! <= now - RATE_WINDOW_MS) stale++;
  if (stale > 0) usage.recentCalls.splice(0, stale);
}

/** Why the run's turn breaks max_turns (the one budget the guard keeps alone: turns are the process's own), or undefined. */
export function turnProblem(budgets: Policy["budgets"], usage: RunUsage): string | undefined {
  const { max_turns } = budgets;
  return max_turns !== undefined && usage.turn > max_turns ? `turn ${usage.turn} is past max_turns ${max_turns}` : undefined;
}

/** The budgets the state store counts, from the policy. */
export function storeLimits(budgets: Policy["budgets"]): StoreLimits {
  const limits: StoreLimits = {};
  if (budgets.max_tool_calls !== undefined) limits.maxToolCalls = budgets.max_tool_calls;
  if (budgets.max_usd_per_loop !== undefined) limits.maxUsdPerLoop = budgets.max_usd_per_loop;
  if (budgets.alert_usd !== undefined) limits.alertUsd = budgets.alert_usd;
  if (budgets.rate_per_minute !== undefined) limits.ratePerMinute = budgets.rate_per_minute;
  if (budgets.max_concurrency !== undefined) limits.maxConcurrency = budgets.max_concurrency;
  if (budgets.max_sessions_per_day !== undefined) limits.maxSessionsPerDay = budgets.max_sessions_per_day;
  return limits;
}

/** Why the store refused a call, in the guard's words; `tenant` when the agent's budget is counted per tenant. */
export function exceededReason(exceeded: BudgetExceeded, tenant: string | undefined): string {
  const of = tenant === undefined ? "" : ` for tenant "${tenant}"`;
  switch (exceeded.budget) {
    case "max_sessions_per_day":
      return `the agent has had ${plural(exceeded.used, "session")} today (UTC)${of}, all that max_sessions_per_day ${exceeded.limit} allows: a new run cannot start`;
    case "max_tool_calls":
      return `the run has made ${plural(exceeded.used, "tool call")}, all that max_tool_calls ${exceeded.limit} allows`;
    case "max_usd_per_loop":
      // Spent up to the ceiling: no further call, since any call may cost something.
      return exceeded.used >= exceeded.limit - USD_EPSILON
        ? `the run has spent $${round(exceeded.used)}, all of max_usd_per_loop $${exceeded.limit}`
        : `the call's cost $${round(exceeded.costUsd)} would take the run to $${round(exceeded.used + exceeded.costUsd)}, above max_usd_per_loop $${exceeded.limit}`;
    case "rate_per_minute":
      return `${plural(exceeded.used, "tool call")} in the last minute${of} reach rate_per_minute ${exceeded.limit}`;
    case "max_concurrency":
      return `${plural(exceeded.used, "call")} in flight${of} reach max_concurrency ${exceeded.limit}`;
  }
}

/** Counts an allowed call. */
export function countCall(usage: RunUsage, now: number, costUsd: number): void {
  usage.toolCalls += 1;
  usage.spentUsd += costUsd;
  usage.recentCalls.push(now);
  // Pruned as it grows, not only when usage() is read: a gateway that runs for weeks and never
  // reads it must keep a minute of calls, not every call it ever allowed.
  if (usage.recentCalls.length >= usage.pruneAt) {
    pruneRecent(usage, now);
    usage.pruneAt = Math.max(PRUNE_AT, 2 * usage.recentCalls.length);
  }
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function round(usd: number): number {
  return Math.round(usd * 1e6) / 1e6;
}
