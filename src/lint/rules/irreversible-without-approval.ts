import { toolPointer } from "../../model/index.js";
import { ruleDocs, SPEC_HEADER } from "../docs.js";
import type { Rule } from "../types.js";

export const irreversibleWithoutApproval: Rule = {
  id: "irreversible-without-approval",
  severity: "warning",
  description: "An irreversible tool with neither an approval gate nor argument limits",
  docs: ruleDocs({
    why: "An irreversible action (a payment, a deletion, a sent message) cannot be undone by recovery. If no human approves it and no hard limit caps its arguments, the worst case is whatever the model chooses.",
    fails: `${SPEC_HEADER}tools:\n  billing.refund: { effect: irreversible }\n`,
    passes: `${SPEC_HEADER}tools:\n  billing.refund:\n    effect: irreversible\n    approval: { when: { arg: amount, gt: 100 } }\n    limits: { amount: { max: 500, required: true } }\n`,
    fix: "Add an `approval` gate (unconditional, or with a condition), or `limits` that cap the arguments (an amount, a recipient count), or both.",
  }),
  check(spec, { report }) {
    for (const tool of spec.tools) {
      if (tool.effect !== "irreversible" || tool.approval || Object.keys(tool.limits).length > 0) continue;
      report({
        pointer: toolPointer(tool.name),
        at: "key",
        tool: tool.name,
        message: `Irreversible tool "${tool.name}" runs without an approval gate or argument limits: gate it or cap its arguments`,
      });
    }
  },
};
