import { describe, expect, it } from "vitest";
import { findings, HEADER } from "../../helpers/lint-rule.js";

const RULE = "redaction-without-rules";

describe(RULE, () => {
  it.each([
    [
      "required redaction with rules",
      `${HEADER}tools:\n  tickets.read: { effect: read }\noutputs:\n  redaction: { required: true, rules: [{ type: pii, pattern: email }] }\n`,
    ],
    ["redaction not required", `${HEADER}tools:\n  tickets.read: { effect: read }\noutputs:\n  redaction: { required: false }\n`],
    ["no redaction", `${HEADER}tools:\n  tickets.read: { effect: read }\n`],
  ])("passes %s", (_, text) => {
    expect(findings(RULE, text)).toEqual([]);
  });

  it.each([
    {
      name: "required redaction without rules",
      text: `${HEADER}tools:\n  tickets.read: { effect: read }\noutputs:\n  redaction:\n    required: true\n    max_chars_to_model: 6000\n`,
      expected: [{ line: 7, column: 5 }],
    },
    {
      name: "required redaction with an empty rule list",
      text: `${HEADER}tools:\n  tickets.read: { effect: read }\noutputs:\n  redaction: { rules: [], required: true }\n`,
      expected: [{ line: 6, column: 27 }],
    },
  ])("reports $name", ({ text, expected }) => {
    const message =
      "outputs.redaction.required is true but no redaction rules are listed: add rules (type, pattern) or nothing is redacted";
    expect(findings(RULE, text)).toEqual(expected.map((e) => ({ ruleId: RULE, severity: "error", message, ...e })));
  });
});
