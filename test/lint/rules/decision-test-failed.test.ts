import { HEADER } from "../../helpers/lint-rule.js";
import { testRule } from "../../helpers/rule-tester.js";

const RULE = "decision-test-failed";
const refund = `${HEADER}tools:\n  billing.refund:\n    effect: irreversible\n    approval: { when: { arg: amount, gt: 100 } }\n    limits: { amount: { max: 500 } }\ndeny: ["payment.*"]\n`;
const chargeAllowed = `${refund}tests:\n  - { call: { tool: payment.charge }, expect: allow }\n`;

testRule(RULE, {
  valid: [
    {
      name: "cases the policy decides as expected",
      code: `${refund}tests:\n  - { call: { tool: billing.refund, args: { amount: 50 } }, expect: allow }\n  - { call: { tool: billing.refund, args: { amount: 150 } }, expect: require_approval }\n  - { call: { tool: billing.refund, args: { amount: 900 } }, expect: deny }\n  - { call: { tool: payment.charge }, expect: deny }\n  - { call: { tool: crm.delete }, expect: deny }\n`,
    },
    { name: "no tests", code: refund },
    {
      name: "a failure accepted by a suppression naming the called tool",
      code: `${chargeAllowed}suppressions:\n  - { rule: ${RULE}, tool: payment.charge, reason: charge rollout pending }\n`,
    },
  ],
  invalid: [
    {
      name: "an approval the condition does not ask for, at the case's expect",
      code: `${refund}tests:\n  - name: small refunds need approval\n    call: { tool: billing.refund, args: { amount: 50 } }\n    expect: require_approval\n`,
      errors: [
        {
          line: 12,
          column: 13,
          message: 'Test "small refunds need approval" expects require_approval, but the policy decides allow: "billing.refund" is allowed',
        },
      ],
    },
    {
      name: "an allow the hard limit denies, in an unnamed case",
      code: `${refund}tests:\n  - { call: { tool: billing.refund, args: { amount: 900 } }, expect: require_approval }\n`,
      errors: [
        {
          line: 10,
          column: 70,
          message:
            'Test 1 (billing.refund) expects require_approval, but the policy decides deny: "billing.refund": argument "amount" is 900, above the limit of 500',
        },
      ],
    },
    {
      name: "a denied tool expected to be allowed",
      code: `${refund}tests:\n  - { call: { tool: billing.refund, args: { amount: 10 } }, expect: allow }\n  - { call: { tool: payment.charge }, expect: allow }\n`,
      errors: [
        {
          line: 11,
          column: 47,
          message: 'Test 2 (payment.charge) expects allow, but the policy decides deny: "payment.charge" is denied by "payment.*"',
        },
      ],
    },
    {
      name: "a suppression naming another tool does not accept the failure",
      code: `${chargeAllowed}suppressions:\n  - { rule: ${RULE}, tool: billing.refund, reason: not this one }\n`,
      errors: [
        {
          line: 10,
          column: 47,
          message: 'Test 1 (payment.charge) expects allow, but the policy decides deny: "payment.charge" is denied by "payment.*"',
        },
        {
          ruleId: "unused-suppression",
          line: 12,
          column: 5,
          severity: "warning",
          message: `Suppression of "${RULE}" for "billing.refund" suppresses nothing: remove it`,
        },
      ],
    },
  ],
});
