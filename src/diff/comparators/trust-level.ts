/** trust-level-changed: the declared trust level, and the one computed from the tools (computeTrustLevel). */
import type { TrustLevel } from "../../model/index.js";
import { computeTrustLevel, trustLevelRank } from "../../tier/index.js";
import type { Comparator, DiffContext } from "../types.js";
import { NOT_DECIDED_PER_CALL } from "./messages.js";

export const trustLevel: Comparator = {
  id: "trust-level",
  description: "The declared and the computed trust level",
  compare(context) {
    const declaredBefore = context.oldSpec.declaredTrustLevel;
    const declaredAfter = context.newSpec.declaredTrustLevel;
    if (declaredBefore !== declaredAfter) report(context, "declared", declaredBefore, declaredAfter);
    const computedBefore = computeTrustLevel(context.oldSpec);
    const computedAfter = computeTrustLevel(context.newSpec);
    if (computedBefore.level !== computedAfter.level)
      report(context, "computed", computedBefore.level, computedAfter.level, computedAfter.explanation);
  },
};

function report(
  context: DiffContext,
  which: "declared" | "computed",
  before: TrustLevel | undefined,
  after: TrustLevel | undefined,
  why?: string,
): void {
  // No declared level ranks below A0: declaring one where there was none raises the claim.
  const rank = (level: TrustLevel | undefined) => (level === undefined ? -1 : trustLevelRank(level));
  const raised = rank(after) > rank(before);
  const located = context.newSpec.declaredTrustLevel !== undefined;
  context.report({
    kind: "trust-level-changed",
    direction: raised ? "widened" : "narrowed",
    pointer: located ? "/trust_level" : which === "declared" ? "/trust_level" : "/tools",
    side: which === "declared" && !located ? "old" : "new",
    message: `the ${which} trust level is ${after ?? "not declared"}, was ${before ?? "not declared"}${why ? ` (${why})` : ""}`,
    ...(raised ? { noWitness: NOT_DECIDED_PER_CALL.trust } : {}),
  });
}
