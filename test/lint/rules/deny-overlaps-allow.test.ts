import { HEADER } from "../../helpers/lint-rule.js";
import { testRule } from "../../helpers/rule-tester.js";

const RULE = "deny-overlaps-allow";
const overlap = (tool: string, pattern: string, line: number) =>
  `Tool "${tool}" is in the allowlist but denied by "${pattern}" (line ${line}); deny wins, so remove one of them`;
const sends = `${HEADER}tools:\n  email.send: { effect: irreversible }\n  sms.send: { effect: irreversible }\ndeny: ["*.send"]\n`;

testRule(RULE, {
  valid: [
    {
      name: "a deny list that matches no listed tool",
      code: `${HEADER}tools:\n  email.draft: { effect: draft }\ndeny: [email.send, "payment.*"]\n`,
    },
    {
      name: "a glob allow entry narrowed by a deny of one name",
      code: `${HEADER}tools:\n  "email.*": { effect: draft }\ndeny: [email.send]\n`,
    },
    { name: "no deny list", code: `${HEADER}tools:\n  email.send: { effect: irreversible }\n` },
  ],
  invalid: [
    {
      name: "a tool denied by a glob",
      code: `${HEADER}tools:\n  crm.lookup: { effect: read }\n  email.send: { effect: irreversible }\ndeny:\n  - "email.*"\n`,
      errors: [{ line: 5, column: 3, message: overlap("email.send", "email.*", 7) }],
    },
    {
      name: "a tool denied by its own name, as an object entry",
      code: `${HEADER}tools:\n  payment.refund: { effect: irreversible }\ndeny:\n  - { pattern: payment.refund, reason: no money }\n`,
      errors: [{ line: 4, column: 3, message: overlap("payment.refund", "payment.refund", 6) }],
    },
    {
      name: "a glob allow entry inside a broader deny glob",
      code: `${HEADER}tools:\n  "payment.r*": { effect: irreversible }\ndeny: ["payment.*"]\n`,
      errors: [{ line: 4, column: 3, message: overlap("payment.r*", "payment.*", 5) }],
    },
    {
      name: "a tool denied by another spelling of its name, as decide() folds names for deny patterns",
      code: `${HEADER}tools:\n  Email.Send: { effect: irreversible }\n  "\uff43rm.export": { effect: write }\ndeny: [email.send, "crm.*"]\n`,
      errors: [
        { line: 4, column: 3, message: overlap("Email.Send", "email.send", 6) },
        { line: 5, column: 3, message: overlap("\uff43rm.export", "crm.*", 6) },
      ],
    },
    {
      name: "an allow glob and a deny glob that fold to one pattern (attack review F1 addendum: an allow and a deny)",
      code: `${HEADER}tools:\n  "billing.*": { effect: read }\ndeny: ["BILLING.*"]\n`,
      errors: [{ line: 4, column: 3, message: overlap("billing.*", "BILLING.*", 5) }],
    },
    {
      name: "a suppression for one tool leaves the other tool's finding",
      code: `${sends}suppressions:\n  - { rule: ${RULE}, tool: email.send, reason: migration in progress }\n`,
      errors: [{ line: 5, column: 3, message: overlap("sms.send", "*.send", 6) }],
    },
  ],
});
