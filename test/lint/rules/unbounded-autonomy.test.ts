import { describe, expect, it } from "vitest";
import { findings, HEADER } from "../../helpers/lint-rule.js";

const RULE = "unbounded-autonomy";
const bounded = "limits: { max_turns: 8, max_usd_per_loop: 0.5 }\naudit: { append_only: true }\n";

describe(RULE, () => {
  it.each([
    ["an ungated write tool inside all bounds", `${HEADER}tools:\n  crm.update: { effect: write }\n${bounded}`],
    ["an unbounded spec whose writes are always gated", `${HEADER}tools:\n  crm.update: { effect: write, approval: true }\n`],
    ["an unbounded spec that only reads and drafts", `${HEADER}tools:\n  crm.lookup: { effect: read }\n  email.draft: { effect: draft }\n`],
  ])("passes %s", (_, text) => {
    expect(findings(RULE, text)).toEqual([]);
  });

  it.each([
    {
      name: "an ungated write tool with no bounds at all",
      text: `${HEADER}tools:\n  crm.update: { effect: write }\n`,
      expected: [
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
      text: `${HEADER}tools:\n  billing.refund:\n    effect: irreversible\n    approval: { when: { arg: amount, gt: 100 } }\nlimits: { max_tool_calls: 10 }\naudit: { append_only: true }\n`,
      expected: [
        {
          line: 4,
          column: 3,
          message:
            '"billing.refund" (irreversible) needs approval only under a condition, but the spec has no cost bound: add them or gate the tool',
        },
      ],
    },
  ])("reports $name", ({ text, expected }) => {
    expect(findings(RULE, text)).toEqual(expected.map((e) => ({ ruleId: RULE, severity: "warning", ...e })));
  });
});
