import { closestName } from "../../diagnostics.js";
import { isPattern } from "../../policy/glob.js";
import type { Spec } from "../../model/index.js";
import { isDeclared, isDenied } from "../authority.js";
import { ruleDocs, SPEC_HEADER } from "../docs.js";
import type { Rule } from "../types.js";

/**
 * Tool names in decision tests and handoff triggers that are neither in the allowlist nor denied.
 * - A test that expects deny for an unknown name is a deliberate probe of default-deny
 *   ("unknown tools are denied") and is reported only when the name is one or two edits from a
 *   known one: then it is a typo that makes the test pass for the wrong reason.
 * - A handoff trigger is taken as a tool name only when it contains a "." (crm.delete): triggers
 *   are mostly situations (low_confidence, refund_request) that no name test can tell from an
 *   underscore-named tool, and a plain situation word must never be reported.
 * - AgentAz approvals: an output_boundary.never_without_approval entry names a tool that must
 *   wait for a human; one tool_boundary does not declare is a gate on nothing (approval-gated
 *   agentspec tools are declared by construction, so only AgentAz has this case).
 */
export const unknownToolReference: Rule = {
  id: "unknown-tool-reference",
  severity: "warning",
  description: "A test or handoff trigger names a tool that is neither declared nor denied",
  docs: ruleDocs({
    why: "A misspelt tool name in a decision test makes the test check the default deny instead of the tool it was written for; in a handoff trigger it names a call that can never happen. Tests that expect `deny` for a made-up name (to check that unknown tools are denied) are left alone unless the name is one or two edits away from a real one.",
    fails: `${SPEC_HEADER}tools:\n  crm.lookup: { effect: read }\ndeny: [email.send]\ntests:\n  - { call: { tool: emial.send }, expect: deny }\n`,
    passes: `${SPEC_HEADER}tools:\n  crm.lookup: { effect: read }\ndeny: [email.send]\ntests:\n  - { call: { tool: email.send }, expect: deny }\n  - { call: { tool: crm.delete }, expect: deny }\n`,
    fix: "Correct the name, add the tool to the allowlist or the deny list, or suppress the finding for that tool with a reason.",
  }),
  check(spec, { report }) {
    const known = knownNames(spec);
    spec.tests.forEach((test, index) => {
      const name = test.call.tool;
      if (isKnown(spec, name)) return;
      const near = closestName(name, known);
      if (test.expect === "deny" && near === undefined) return;
      const label = test.name !== undefined ? `Test "${test.name}"` : `Test ${index + 1}`;
      const hint = near !== undefined ? `: did you mean "${near}"?` : ": the policy can only deny it";
      report({
        pointer: `/tests/${index}/call/tool`,
        tool: name,
        message: `${label} calls "${name}", which is neither in the allowlist nor denied${hint}`,
      });
    });
    neverWithoutApproval(spec).forEach((name, index) => {
      if (isKnown(spec, name)) return;
      const near = closestName(name, known);
      const hint = near !== undefined ? `: did you mean "${near}"?` : ": declare it in approval_required_tools or remove the entry";
      // The model has no field for it: the pointer is the AgentAz file's own, which pointerFor keeps.
      report({
        pointer: `/output_boundary/never_without_approval/${index}`,
        tool: name,
        message: `output_boundary.never_without_approval names "${name}", which tool_boundary does not declare${hint}`,
      });
    });
    (spec.handoff.triggers ?? []).forEach((trigger, index) => {
      if (!trigger.includes(".") || isKnown(spec, trigger)) return;
      const near = closestName(trigger, known);
      const hint = near !== undefined ? `: did you mean "${near}"?` : "";
      report({
        pointer: `/handoff/triggers/${index}`,
        tool: trigger,
        message: `Handoff trigger "${trigger}" looks like a tool name but is neither in the allowlist nor denied${hint}`,
      });
    });
  },
};

/** AgentAz output_boundary.never_without_approval, kept by the model among the unmapped fields. */
function neverWithoutApproval(spec: Spec): string[] {
  const boundary = spec.extensions.agentaz?.output_boundary as { never_without_approval?: unknown } | undefined;
  const names = boundary?.never_without_approval;
  return Array.isArray(names) ? names.filter((n): n is string => typeof n === "string") : [];
}

function isKnown(spec: Spec, name: string): boolean {
  return isDeclared(spec, name) || isDenied(spec, name);
}

function knownNames(spec: Spec): string[] {
  return [...spec.tools.map((t) => t.name), ...spec.deny.map((d) => d.pattern)].filter((n) => !isPattern(n));
}
