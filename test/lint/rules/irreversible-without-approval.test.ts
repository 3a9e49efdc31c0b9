import { HEADER } from "../../helpers/lint-rule.js";
import { testRule } from "../../helpers/rule-tester.js";

const ungated = (tool: string) =>
  `Irreversible tool "${tool}" runs without an approval gate or argument limits: gate it or cap its arguments`;

testRule("irreversible-without-approval", {
  valid: [
    { name: "an irreversible tool behind a gate", code: `${HEADER}tools:\n  billing.refund: { effect: irreversible, approval: true }\n` },
    {
      name: "an irreversible tool behind a conditional gate",
      code: `${HEADER}tools:\n  billing.refund: { effect: irreversible, approval: { when: { arg: amount, gt: 100 } } }\n`,
    },
    {
      name: "an irreversible tool with hard limits",
      code: `${HEADER}tools:\n  billing.refund: { effect: irreversible, limits: { amount: { max: 50 } } }\n`,
    },
    { name: "an ungated write tool", code: `${HEADER}tools:\n  crm.update: { effect: write }\n` },
  ],
  invalid: [
    {
      name: "an irreversible tool with neither",
      code: `${HEADER}tools:\n  crm.lookup: { effect: read }\n  email.send:\n    effect: irreversible\n`,
      errors: [{ line: 5, column: 3, message: ungated("email.send") }],
    },
    {
      name: "approval: false and empty limits",
      code: `${HEADER}tools:\n  crm.delete: { effect: irreversible, approval: false, limits: {} }\n`,
      errors: [{ line: 4, column: 3, message: ungated("crm.delete") }],
    },
  ],
});
