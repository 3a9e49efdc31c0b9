import { joinPointer } from "../../load/index.js";
import { toolPointer, type Spec } from "../../model/index.js";
import { atLeast, effectiveLevel } from "../authority.js";
import { ruleDocs, SPEC_HEADER } from "../docs.js";
import { fieldName, hasNode } from "../spec-nodes.js";
import type { Rule } from "../types.js";

export const missingHandoffTriggers: Rule = {
  id: "missing-handoff-triggers",
  severity: "error",
  description: "Approval-gated tools, or a trust level of A3 or above, without human-handoff triggers",
  docs: ruleDocs({
    why: "An agent that needs a human's approval, or acts on state (A3 and above), must say when it stops and hands over. Without triggers nobody knows when a person is pulled in, and the approval queue has no escalation path.",
    fails: `${SPEC_HEADER}tools:\n  billing.refund: { effect: irreversible, approval: true }\nhandoff: { destination: support_agent }\n`,
    passes: `${SPEC_HEADER}tools:\n  billing.refund: { effect: irreversible, approval: true }\nhandoff: { triggers: [refund_request, low_confidence], destination: support_agent }\n`,
    fix: "List in `handoff.triggers` the situations in which the agent hands over to a human (for AgentAz: `human_handoff.triggers`).",
  }),
  check(spec, { report }) {
    if ((spec.handoff.triggers ?? []).length > 0) return;
    const gated = spec.tools.filter((t) => t.approval);
    const { level, source } = effectiveLevel(spec);
    if (gated.length === 0 && !atLeast(level, "A3")) return;
    const reason =
      gated.length > 0
        ? `${gated.length === 1 ? "Tool" : "Tools"} ${gated.map((t) => `"${t.name}"`).join(", ")} ${gated.length === 1 ? "needs" : "need"} approval`
        : `The ${source} trust level is ${level}`;
    const field = fieldName(spec, "/handoff/triggers");
    report({
      pointer: where(spec, gated[0]?.name),
      at: "key",
      message: `${reason}, but ${field} is empty: list when the agent hands over to a human`,
    });
  },
};

/** The handoff if the file has one, else what makes triggers necessary. */
function where(spec: Spec, gatedTool: string | undefined): string {
  if (hasNode(spec, "/handoff/triggers")) return "/handoff/triggers";
  if (hasNode(spec, "/handoff")) return "/handoff";
  if (gatedTool !== undefined) return joinPointer(toolPointer(gatedTool), "approval");
  return hasNode(spec, "/trust_level") ? "/trust_level" : "/tools";
}
