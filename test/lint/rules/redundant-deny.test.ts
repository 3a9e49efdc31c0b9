import { HEADER } from "../../helpers/lint-rule.js";
import { testRule } from "../../helpers/rule-tester.js";

const tools = `${HEADER}tools:\n  crm.lookup: { effect: read }\n`;

testRule("redundant-deny", {
  valid: [
    { name: "disjoint patterns", code: `${tools}deny: ["payment.*", email.send, "admin.*"]\n` },
    { name: "prefixes neither of which covers the other", code: `${tools}deny: ["pay.*", "payment.*"]\n` },
    { name: "no deny list", code: tools },
  ],
  invalid: [
    {
      name: "a name under a glob",
      code: `${tools}deny:\n  - "payment.*"\n  - payment.refund\n`,
      errors: [{ line: 7, column: 5, message: 'Deny pattern "payment.refund" is already covered by "payment.*" (line 6): remove it' }],
    },
    {
      name: "a narrower glob listed before the broader one",
      code: `${tools}deny:\n  - { pattern: "payment.r*", reason: refunds }\n  - "payment.*"\n`,
      errors: [{ line: 6, column: 5, message: 'Deny pattern "payment.r*" is already covered by "payment.*" (line 7): remove it' }],
    },
    {
      name: "a dotted glob under an undotted one",
      code: `${tools}deny: ["payment.*", "payment*"]\n`,
      errors: [{ line: 5, column: 8, message: 'Deny pattern "payment.*" is already covered by "payment*" (line 5): remove it' }],
    },
    {
      name: "an exact duplicate, on its later copy",
      code: `${tools}deny:\n  - email.send\n  - secrets.read\n  - email.send\n`,
      errors: [{ line: 8, column: 5, message: 'Deny pattern "email.send" repeats the one on line 6: remove it' }],
    },
  ],
});
