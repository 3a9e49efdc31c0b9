import { compileUnhashedPolicy } from "../../policy/compile-policy.js";
import { decide } from "../../policy/decide.js";
import { ruleDocs, SPEC_HEADER } from "../docs.js";
import type { Rule } from "../types.js";

/** Runs every `tests` case through decide() on the compiled policy, as the runtime would decide. */
export const decisionTestFailed: Rule = {
  id: "decision-test-failed",
  severity: "error",
  description: "A decision test expects another decision than the compiled policy gives",
  docs: ruleDocs({
    why: "Decision tests are the spec's executable examples: the policy compiled from it must allow, deny or ask for approval exactly as they say. A failing case means the spec does not do what its author believes.",
    fails: `${SPEC_HEADER}tools:\n  billing.refund: { effect: irreversible, approval: { when: { arg: amount, gt: 100 } } }\ntests:\n  - { call: { tool: billing.refund, args: { amount: 50 } }, expect: require_approval }\n`,
    passes: `${SPEC_HEADER}tools:\n  billing.refund: { effect: irreversible, approval: { when: { arg: amount, gt: 100 } } }\ntests:\n  - { call: { tool: billing.refund, args: { amount: 150 } }, expect: require_approval }\n`,
    fix: "Read the reason in the message: fix the spec (tools, deny, approval conditions, limits) if the policy is wrong, or the test's `expect` if the test is.",
  }),
  check(spec, { report }) {
    if (spec.tests.length === 0) return;
    // Unhashed: the decisions do not depend on the hash, and hashing costs more than deciding.
    const policy = compileUnhashedPolicy(spec);
    spec.tests.forEach((test, index) => {
      const actual = decide(policy, test.call);
      if (actual.decision === test.expect) return;
      const label = test.name !== undefined ? `Test "${test.name}"` : `Test ${index + 1} (${test.call.tool})`;
      report({
        pointer: `/tests/${index}/expect`,
        tool: test.call.tool,
        message: `${label} expects ${test.expect}, but the policy decides ${actual.decision}: ${actual.reason}`,
      });
    });
  },
};
