import { HEADER } from "../../helpers/lint-rule.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule("tool-names-fold-together", {
  valid: [
    {
      name: "names that differ in more than case",
      code: `${HEADER}tools:\n  pay: { effect: irreversible, approval: true }\n  pay.status: { effect: read }\n`,
    },
    {
      name: "a name and a glob over it (wildcard-allow's concern)",
      code: `${HEADER}tools:\n  "billing.*": { effect: read }\n  billing.refund: { effect: write }\n`,
    },
  ],
  invalid: [
    {
      name: "two cases of one name (attack review F1 addendum)",
      code: `${HEADER}tools:\n  pay: { effect: irreversible, approval: true }\n  Pay: { effect: read }\n`,
      errors: [
        {
          line: 5,
          column: 3,
          message:
            'Tool "Pay" and "pay" (line 4) both read as "pay" to a dispatcher that folds case, width or invisible characters: keep one entry per tool',
        },
      ],
    },
    {
      name: "a fullwidth spelling and a zero-width space, each against the first entry",
      code: `${HEADER}tools:\n  billing.refund: { effect: irreversible }\n  "billing.ｒefund": { effect: read }\n  "billing.refund\\u200b": { effect: read }\n`,
      errors: [
        {
          line: 5,
          column: 3,
          message:
            'Tool "billing.\\uFF52efund" and "billing.refund" (line 4) both read as "billing.refund" to a dispatcher that folds case, width or invisible characters: keep one entry per tool',
        },
        {
          line: 6,
          column: 3,
          message:
            'Tool "billing.refund\\u200B" and "billing.refund" (line 4) both read as "billing.refund" to a dispatcher that folds case, width or invisible characters: keep one entry per tool',
        },
      ],
    },
    {
      name: "two globs that fold together",
      code: `${HEADER}tools:\n  "crm.*": { effect: read }\n  "CRM.*": { effect: write }\n`,
      errors: [
        {
          line: 5,
          column: 3,
          message:
            'Tool "CRM.*" and "crm.*" (line 4) both read as "crm.*" to a dispatcher that folds case, width or invisible characters: keep one entry per tool',
        },
      ],
    },
  ],
});
