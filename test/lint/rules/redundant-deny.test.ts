import { describe, expect, it } from "vitest";
import { findings, HEADER } from "../../helpers/lint-rule.js";

const RULE = "redundant-deny";
const tools = `${HEADER}tools:\n  crm.lookup: { effect: read }\n`;

describe(RULE, () => {
  it.each([
    ["disjoint patterns", `${tools}deny: ["payment.*", email.send, "admin.*"]\n`],
    ["prefixes neither of which covers the other", `${tools}deny: ["pay.*", "payment.*"]\n`],
    ["no deny list", tools],
  ])("passes %s", (_, text) => {
    expect(findings(RULE, text)).toEqual([]);
  });

  it.each([
    {
      name: "a name under a glob",
      text: `${tools}deny:\n  - "payment.*"\n  - payment.refund\n`,
      expected: [{ line: 7, column: 5, message: 'Deny pattern "payment.refund" is already covered by "payment.*" (line 6): remove it' }],
    },
    {
      name: "a narrower glob listed before the broader one",
      text: `${tools}deny:\n  - { pattern: "payment.r*", reason: refunds }\n  - "payment.*"\n`,
      expected: [{ line: 6, column: 5, message: 'Deny pattern "payment.r*" is already covered by "payment.*" (line 7): remove it' }],
    },
    {
      name: "a dotted glob under an undotted one",
      text: `${tools}deny: ["payment.*", "payment*"]\n`,
      expected: [{ line: 5, column: 8, message: 'Deny pattern "payment.*" is already covered by "payment*" (line 5): remove it' }],
    },
    {
      name: "an exact duplicate, on its later copy",
      text: `${tools}deny:\n  - email.send\n  - secrets.read\n  - email.send\n`,
      expected: [{ line: 8, column: 5, message: 'Deny pattern "email.send" repeats the one on line 6: remove it' }],
    },
  ])("reports $name", ({ text, expected }) => {
    expect(findings(RULE, text)).toEqual(expected.map((e) => ({ ruleId: RULE, severity: "warning", ...e })));
  });
});
