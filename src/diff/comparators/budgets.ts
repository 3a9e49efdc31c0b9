/** budget-added, -raised, -lowered and -removed: the run's budgets, rate and concurrency limits and the cost alert (the spec's `limits`). */
import type { Policy } from "../../../generated/policy.js";
import type { Comparator } from "../types.js";
import { NOT_DECIDED_PER_CALL } from "./messages.js";

type Budget = keyof Policy["budgets"];

/** Every budget bounds from above: more is looser. alert_usd too (a later alert). */
const BUDGETS: readonly Budget[] = [
  "max_tool_calls",
  "max_turns",
  "max_usd_per_loop",
  "alert_usd",
  "max_tokens_per_session",
  "max_sessions_per_day",
  "max_model_calls_per_task",
  "rate_per_minute",
  "max_concurrency",
];

export const budgets: Comparator = {
  id: "budgets",
  description: "The run's budgets, rate and concurrency limits, and the cost alert",
  compare(context) {
    for (const budget of BUDGETS) {
      const before = context.old.policy.budgets[budget];
      const after = context.new.policy.budgets[budget];
      if (before === after) continue;
      const pointer = `/limits/${budget}`;
      if (after === undefined) {
        context.report({
          kind: "budget-removed",
          direction: "widened",
          pointer,
          side: "old",
          message: `limits.${budget} is removed (it was ${before}): the run is no longer bounded by it`,
          noWitness: NOT_DECIDED_PER_CALL.budget,
        });
      } else if (before === undefined) {
        context.report({
          kind: "budget-added",
          direction: "narrowed",
          pointer,
          side: "new",
          message: `limits.${budget} is set to ${after}`,
        });
      } else if (after > before) {
        context.report({
          kind: "budget-raised",
          direction: "widened",
          pointer,
          side: "new",
          message: `limits.${budget} is raised from ${before} to ${after}`,
          noWitness: NOT_DECIDED_PER_CALL.budget,
        });
      } else {
        context.report({
          kind: "budget-lowered",
          direction: "narrowed",
          pointer,
          side: "new",
          message: `limits.${budget} is lowered from ${before} to ${after}`,
        });
      }
    }
  },
};
