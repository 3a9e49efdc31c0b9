import { describe, expect, it } from "vitest";
import { findings, HEADER } from "../../helpers/lint-rule.js";

const RULE = "irreversible-without-approval";

describe(RULE, () => {
  it.each([
    ["an irreversible tool behind a gate", `${HEADER}tools:\n  billing.refund: { effect: irreversible, approval: true }\n`],
    [
      "an irreversible tool behind a conditional gate",
      `${HEADER}tools:\n  billing.refund: { effect: irreversible, approval: { when: { arg: amount, gt: 100 } } }\n`,
    ],
    [
      "an irreversible tool with hard limits",
      `${HEADER}tools:\n  billing.refund: { effect: irreversible, limits: { amount: { max: 50 } } }\n`,
    ],
    ["an ungated write tool", `${HEADER}tools:\n  crm.update: { effect: write }\n`],
  ])("passes %s", (_, text) => {
    expect(findings(RULE, text)).toEqual([]);
  });

  it.each([
    {
      name: "an irreversible tool with neither",
      text: `${HEADER}tools:\n  crm.lookup: { effect: read }\n  email.send:\n    effect: irreversible\n`,
      expected: [
        {
          line: 5,
          column: 3,
          message: 'Irreversible tool "email.send" runs without an approval gate or argument limits: gate it or cap its arguments',
        },
      ],
    },
    {
      name: "approval: false and empty limits",
      text: `${HEADER}tools:\n  crm.delete: { effect: irreversible, approval: false, limits: {} }\n`,
      expected: [
        {
          line: 4,
          column: 3,
          message: 'Irreversible tool "crm.delete" runs without an approval gate or argument limits: gate it or cap its arguments',
        },
      ],
    },
  ])("reports $name", ({ text, expected }) => {
    expect(findings(RULE, text)).toEqual(expected.map((e) => ({ ruleId: RULE, severity: "warning", ...e })));
  });
});
