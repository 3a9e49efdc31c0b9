import { HEADER } from "../../helpers/lint-rule.js";
import { testRule } from "../../helpers/rule-tester.js";

const tools = `${HEADER}tools:\n  tickets.read: { effect: read }\n`;
const message = "outputs.redaction.required is true but no redaction rules are listed: add rules (type, pattern) or nothing is redacted";

testRule("redaction-without-rules", {
  valid: [
    {
      name: "required redaction with rules",
      code: `${tools}outputs:\n  redaction: { required: true, rules: [{ type: pii, pattern: email }] }\n`,
    },
    { name: "redaction not required", code: `${tools}outputs:\n  redaction: { required: false }\n` },
    { name: "no redaction", code: tools },
  ],
  invalid: [
    {
      name: "required redaction without rules",
      code: `${tools}outputs:\n  redaction:\n    required: true\n    max_chars_to_model: 6000\n`,
      errors: [{ line: 7, column: 5, message }],
    },
    {
      name: "required redaction with an empty rule list",
      code: `${tools}outputs:\n  redaction: { rules: [], required: true }\n`,
      errors: [{ line: 6, column: 27, message }],
    },
  ],
});
