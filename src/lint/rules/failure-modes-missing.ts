import { atLeast, effectiveLevel } from "../authority.js";
import { ruleDocs, SPEC_HEADER } from "../docs.js";
import { firstExisting } from "../spec-nodes.js";
import type { Rule } from "../types.js";

/**
 * An AgentAz spec is checked only with its kit.json: agentaz.json has no place for failure modes
 * (the kit's failureModes hold them), so without a kit the finding would be on every A3+ AgentAz
 * spec and fixable in none.
 */
export const failureModesMissing: Rule = {
  id: "failure-modes-missing",
  severity: "warning",
  description: "Trust level A3 or above with no failure modes documented",
  docs: ruleDocs({
    why: 'An agent that changes state (A3 and above) needs a written answer to "what if it goes wrong": how a failure is detected, contained and recovered. Reviewers read the failure-mode table instead of the prompt.',
    fails: `${SPEC_HEADER}trust_level: A3\ntools:\n  crm.update: { effect: write, approval: true }\n`,
    passes: `${SPEC_HEADER}trust_level: A3\ntools:\n  crm.update: { effect: write, approval: true }\nfailure_modes:\n  - { mode: Updates the wrong record., detection: Approver sees the diff., mitigation: Every update is approved., recovery: Restore from the audit log. }\n`,
    fix: "Add `failure_modes` entries, each with `mode`, `detection`, `mitigation` and `recovery`.",
  }),
  check(spec, { report }) {
    if (spec.failureModes.length > 0 || (spec.format === "agentaz" && spec.kit === undefined)) return;
    const { level, source } = effectiveLevel(spec);
    if (!atLeast(level, "A3")) return;
    report({
      pointer: firstExisting(spec, "/failure_modes", "/trust_level", "/tools"),
      at: "key",
      message: `The ${source} trust level is ${level}, but no failure modes are documented: add ${spec.format === "agentaz" ? "failureModes to kit.json" : "failure_modes"} (mode, detection, mitigation, recovery)`,
    });
  },
};
