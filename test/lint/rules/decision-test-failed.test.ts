import { describe, expect, it } from "vitest";
import { findings, HEADER } from "../../helpers/lint-rule.js";
import { lintText } from "../../helpers/lint-text.js";

const RULE = "decision-test-failed";
const refund = `${HEADER}tools:\n  billing.refund:\n    effect: irreversible\n    approval: { when: { arg: amount, gt: 100 } }\n    limits: { amount: { max: 500 } }\ndeny: ["payment.*"]\n`;

describe(RULE, () => {
  it.each([
    [
      "cases the policy decides as expected",
      `${refund}tests:\n  - { call: { tool: billing.refund, args: { amount: 50 } }, expect: allow }\n  - { call: { tool: billing.refund, args: { amount: 150 } }, expect: require_approval }\n  - { call: { tool: billing.refund, args: { amount: 900 } }, expect: deny }\n  - { call: { tool: payment.charge }, expect: deny }\n  - { call: { tool: crm.delete }, expect: deny }\n`,
    ],
    ["no tests", refund],
  ])("passes %s", (_, text) => {
    expect(findings(RULE, text)).toEqual([]);
  });

  it.each([
    {
      name: "an approval the condition does not ask for, at the case's expect",
      text: `${refund}tests:\n  - name: small refunds need approval\n    call: { tool: billing.refund, args: { amount: 50 } }\n    expect: require_approval\n`,
      expected: [
        {
          line: 12,
          column: 13,
          message: 'Test "small refunds need approval" expects require_approval, but the policy decides allow: "billing.refund" is allowed',
        },
      ],
    },
    {
      name: "an allow the hard limit denies, in an unnamed case",
      text: `${refund}tests:\n  - { call: { tool: billing.refund, args: { amount: 900 } }, expect: require_approval }\n`,
      expected: [
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
      text: `${refund}tests:\n  - { call: { tool: billing.refund, args: { amount: 10 } }, expect: allow }\n  - { call: { tool: payment.charge }, expect: allow }\n`,
      expected: [
        {
          line: 11,
          column: 47,
          message: 'Test 2 (payment.charge) expects allow, but the policy decides deny: "payment.charge" is denied by "payment.*"',
        },
      ],
    },
  ])("reports $name", ({ text, expected }) => {
    expect(findings(RULE, text)).toEqual(expected.map((e) => ({ ruleId: RULE, severity: "error", ...e })));
  });

  it("names the called tool, so a suppression for that tool accepts the failure", () => {
    const text = `${refund}tests:\n  - { call: { tool: payment.charge }, expect: allow }\nsuppressions:\n  - { rule: ${RULE}, tool: payment.charge, reason: charge rollout pending }\n`;
    expect(lintText(text).filter((d) => d.ruleId === RULE || d.ruleId === "unused-suppression")).toEqual([]);
    const unsuppressed = text.slice(0, text.indexOf("suppressions:"));
    expect(
      lintText(unsuppressed)
        .filter((d) => d.ruleId === RULE)
        .map((d) => d.line),
    ).toEqual([10]);
  });
});
