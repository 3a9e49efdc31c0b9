import { ruleDocs, SPEC_HEADER } from "../docs.js";
import { fieldName } from "../spec-nodes.js";
import type { Rule } from "../types.js";

export const missingHandoffDestination: Rule = {
  id: "missing-handoff-destination",
  severity: "error",
  description: "Human-handoff triggers without a destination",
  docs: ruleDocs({
    why: "Triggers say when the agent stops; the destination says who takes over. Triggers without one stop the agent and leave the case with nobody.",
    fails: `${SPEC_HEADER}tools:\n  crm.lookup: { effect: read }\nhandoff: { triggers: [low_confidence] }\n`,
    passes: `${SPEC_HEADER}tools:\n  crm.lookup: { effect: read }\nhandoff: { triggers: [low_confidence], destination: support_agent }\n`,
    fix: "Set `handoff.destination` (AgentAz: `human_handoff.destination`) to the person, team or channel that takes over.",
  }),
  check(spec, { report }) {
    const triggers = spec.handoff.triggers ?? [];
    if (triggers.length === 0 || (spec.handoff.destination ?? "").trim() !== "") return;
    const count = triggers.length === 1 ? "1 trigger" : `${triggers.length} triggers`;
    report({
      pointer: "/handoff/triggers",
      at: "key",
      message: `Handoff has ${count} but no destination: name who takes over in ${fieldName(spec, "/handoff/destination")}`,
    });
  },
};
