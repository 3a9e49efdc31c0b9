import { HEADER } from "../../helpers/lint-rule.js";
import { testRule } from "../../helpers/rule-tester.js";

const bounded = "limits: { max_turns: 8, max_usd_per_loop: 0.5 }\naudit: { append_only: true }\n";

testRule("unbounded-autonomy", {
  valid: [
    { name: "an ungated write tool inside all bounds", code: `${HEADER}tools:\n  crm.update: { effect: write }\n${bounded}` },
    { name: "an unbounded spec whose writes are always gated", code: `${HEADER}tools:\n  crm.update: { effect: write, approval: true }\n` },
    {
      name: "an unbounded spec that only reads and drafts",
      code: `${HEADER}tools:\n  crm.lookup: { effect: read }\n  email.draft: { effect: draft }\n`,
    },
  ],
  invalid: [
    {
      name: "an ungated write tool with no bounds at all",
      code: `${HEADER}tools:\n  crm.update: { effect: write }\n`,
      errors: [
        {
          line: 4,
          column: 3,
          message:
            '"crm.update" (write) runs without approval, but the spec has no call or turn bound, no cost bound, no append-only audit: add them or gate the tool',
        },
      ],
    },
    {
      name: "a conditionally gated irreversible tool without a cost bound",
      code: `${HEADER}tools:\n  billing.refund:\n    effect: irreversible\n    approval: { when: { arg: amount, gt: 100 } }\nlimits: { max_tool_calls: 10 }\naudit: { append_only: true }\n`,
      errors: [
        {
          line: 4,
          column: 3,
          message:
            '"billing.refund" (irreversible) needs approval only under a condition, but the spec has no cost bound: add them or gate the tool',
        },
      ],
    },
  ],
});
