import { describe, expect, it } from "vitest";
import { findings, HEADER } from "../../helpers/lint-rule.js";

const RULE = "wildcard-allow";

describe(RULE, () => {
  it.each([
    ["tools listed by name", `${HEADER}tools:\n  crm.lookup: { effect: read }\n  crm.search: { effect: read }\n`],
    ["a wildcard only in the deny list", `${HEADER}tools:\n  crm.lookup: { effect: read }\ndeny: ["crm.*"]\n`],
  ])("passes %s", (_, text) => {
    expect(findings(RULE, text)).toEqual([]);
  });

  it.each([
    {
      name: "a star",
      text: `${HEADER}tools:\n  crm.lookup: { effect: read }\n  "tickets.*": { effect: read }\n`,
      expected: [
        {
          line: 5,
          column: 3,
          message: 'Allowlist entry "tickets.*" is a wildcard: list the tools by name, so a new tool is not allowed without review',
        },
      ],
    },
    {
      name: "a question mark",
      text: `${HEADER}tools:\n  report.v?: { effect: read }\n`,
      expected: [
        {
          line: 4,
          column: 3,
          message: 'Allowlist entry "report.v?" is a wildcard: list the tools by name, so a new tool is not allowed without review',
        },
      ],
    },
  ])("reports $name", ({ text, expected }) => {
    expect(findings(RULE, text)).toEqual(expected.map((e) => ({ ruleId: RULE, severity: "warning", ...e })));
  });
});
