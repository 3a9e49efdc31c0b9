import { describe, expect, it } from "vitest";
import { findings, HEADER } from "../../helpers/lint-rule.js";
import { lintText } from "../../helpers/lint-text.js";

const RULE = "deny-overlaps-allow";

describe(RULE, () => {
  it.each([
    ["a deny list that matches no listed tool", `${HEADER}tools:\n  email.draft: { effect: draft }\ndeny: [email.send, "payment.*"]\n`],
    ["a glob allow entry narrowed by a deny of one name", `${HEADER}tools:\n  "email.*": { effect: draft }\ndeny: [email.send]\n`],
    ["no deny list", `${HEADER}tools:\n  email.send: { effect: irreversible }\n`],
  ])("passes %s", (_, text) => {
    expect(findings(RULE, text)).toEqual([]);
  });

  it.each([
    {
      name: "a tool denied by a glob",
      text: `${HEADER}tools:\n  crm.lookup: { effect: read }\n  email.send: { effect: irreversible }\ndeny:\n  - "email.*"\n`,
      expected: [
        {
          line: 5,
          column: 3,
          message: 'Tool "email.send" is in the allowlist but denied by "email.*" (line 7); deny wins, so remove one of them',
        },
      ],
    },
    {
      name: "a tool denied by its own name, as an object entry",
      text: `${HEADER}tools:\n  payment.refund: { effect: irreversible }\ndeny:\n  - { pattern: payment.refund, reason: no money }\n`,
      expected: [
        {
          line: 4,
          column: 3,
          message: 'Tool "payment.refund" is in the allowlist but denied by "payment.refund" (line 6); deny wins, so remove one of them',
        },
      ],
    },
    {
      name: "a glob allow entry inside a broader deny glob",
      text: `${HEADER}tools:\n  "payment.r*": { effect: irreversible }\ndeny: ["payment.*"]\n`,
      expected: [
        {
          line: 4,
          column: 3,
          message: 'Tool "payment.r*" is in the allowlist but denied by "payment.*" (line 5); deny wins, so remove one of them',
        },
      ],
    },
  ])("reports $name", ({ text, expected }) => {
    expect(findings(RULE, text)).toEqual(expected.map((e) => ({ ruleId: RULE, severity: "error", ...e })));
  });

  it("can be suppressed for one tool in the spec", () => {
    const text = `${HEADER}tools:\n  email.send: { effect: irreversible }\n  sms.send: { effect: irreversible }\ndeny: ["*.send"]\nsuppressions:\n  - { rule: ${RULE}, tool: email.send, reason: migration in progress }\n`;
    const ours = lintText(text).filter((d) => d.ruleId === RULE);
    expect(ours.map((d) => [d.line, d.column, d.message])).toEqual([
      [5, 3, 'Tool "sms.send" is in the allowlist but denied by "*.send" (line 6); deny wins, so remove one of them'],
    ]);
  });
});
