/** A run's usage against the policy's budgets: what the guard counts, and which budget a call would break. */
import type { Policy } from "../../generated/policy.js";

export const RATE_WINDOW_MS = 60_000;

/** Float sums (0.1 + 0.2) must not deny a call that lands exactly on the ceiling. */
const USD_EPSILON = 1e-9;

export interface RunUsage {
  /** Tool calls the guard allowed. */
  toolCalls: number;
  /** The current turn; a run starts in turn 1. */
  turn: number;
  spentUsd: number;
  /** Calls running inside guard.run(). */
  inFlight: number;
  /** When each allowed call of the last minute was allowed (ms), oldest first. */
  recentCalls: number[];
}

export function newUsage(): RunUsage {
  return { toolCalls: 0, turn: 1, spentUsd: 0, inFlight: 0, recentCalls: [] };
}

/** Drops calls older than the rate window. */
export function pruneRecent(usage: RunUsage, now: number): void {
  let stale = 0;
  while (stale < usage.recentCalls.length && usage.recentCalls[stale]! <= now - RATE_WINDOW_MS) stale++;
  if (stale > 0) usage.recentCalls.splice(0, stale);
}

/**
 * Why one more call of cost `costUsd` would break a budget, or undefined when it fits.
 * `inFlightMatters` is false for calls not run through guard.run(), which concurrency cannot see.
 */
export function budgetProblem(
  budgets: Policy["budgets"],
  usage: RunUsage,
  now: number,
  costUsd: number,
  inFlightMatters: boolean,
): string | undefined {
  const { max_tool_calls, max_turns, max_usd_per_loop, rate_per_minute, max_concurrency } = budgets;
  if (max_turns !== undefined && usage.turn > max_turns) return `turn ${usage.turn} is past max_turns ${max_turns}`;
  if (max_tool_calls !== undefined && usage.toolCalls >= max_tool_calls) {
    return `the run has made ${plural(usage.toolCalls, "tool call")}, all that max_tool_calls ${max_tool_calls} allows`;
  }
  if (max_usd_per_loop !== undefined) {
    // Spent up to the ceiling: no further call, since any call may cost something.
    if (usage.spentUsd >= max_usd_per_loop - USD_EPSILON) {
      return `the run has spent $${round(usage.spentUsd)}, all of max_usd_per_loop $${max_usd_per_loop}`;
    }
    if (usage.spentUsd + costUsd > max_usd_per_loop + USD_EPSILON) {
      return `the call's cost $${round(costUsd)} would take the run to $${round(usage.spentUsd + costUsd)}, above max_usd_per_loop $${max_usd_per_loop}`;
    }
  }
  if (rate_per_minute !== undefined) {
    pruneRecent(usage, now);
    if (usage.recentCalls.length >= rate_per_minute) {
      return `${plural(usage.recentCalls.length, "tool call")} in the last minute reach rate_per_minute ${rate_per_minute}`;
    }
  }
  if (inFlightMatters && max_concurrency !== undefined && usage.inFlight >= max_concurrency) {
    return `${plural(usage.inFlight, "call")} in flight reach max_concurrency ${max_concurrency}`;
  }
  return undefined;
}

/** Counts an allowed call. */
export function countCall(usage: RunUsage, now: number, costUsd: number): void {
  usage.toolCalls += 1;
  usage.spentUsd += costUsd;
  usage.recentCalls.push(now);
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function round(usd: number): number {
  return Math.round(usd * 1e6) / 1e6;
}
