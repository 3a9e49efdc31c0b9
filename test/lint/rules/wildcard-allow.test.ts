import { HEADER } from "../../helpers/lint-rule.js";
import { testRule } from "../../helpers/rule-tester.js";

const wildcard = (entry: string) =>
  `Allowlist entry "${entry}" is a wildcard: list the tools by name, so a new tool is not allowed without review`;

testRule("wildcard-allow", {
  valid: [
    { name: "tools listed by name", code: `${HEADER}tools:\n  crm.lookup: { effect: read }\n  crm.search: { effect: read }\n` },
    { name: "a wildcard only in the deny list", code: `${HEADER}tools:\n  crm.lookup: { effect: read }\ndeny: ["crm.*"]\n` },
  ],
  invalid: [
    {
      name: "a star",
      code: `${HEADER}tools:\n  crm.lookup: { effect: read }\n  "tickets.*": { effect: read }\n`,
      errors: [{ line: 5, column: 3, message: wildcard("tickets.*") }],
    },
    {
      name: "a question mark",
      code: `${HEADER}tools:\n  report.v?: { effect: read }\n`,
      errors: [{ line: 4, column: 3, message: wildcard("report.v?") }],
    },
  ],
});
