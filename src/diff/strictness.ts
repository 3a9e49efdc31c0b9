/** How strict a decision is, so two can be compared: deny 2, require_approval 1, allow 0. */
import type { Decision } from "../policy/index.js";

export function strictness(decision: Pick<Decision, "decision">): number {
  return decision.decision === "deny" ? 2 : decision.decision === "require_approval" ? 1 : 0;
}

export type Direction = "widened" | "narrowed" | "neutral";
