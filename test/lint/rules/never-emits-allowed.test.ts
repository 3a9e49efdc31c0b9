import { HEADER } from "../../helpers/lint-rule.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule("never-emits-allowed", {
  valid: [
    {
      name: "entries that name no tool",
      code: `${HEADER}tools:\n  send_customer_email: { effect: irreversible }\noutputs: { never_emits: [send, refund] }\n`,
    },
    {
      name: "an entry naming a denied tool",
      code: `${HEADER}tools:\n  email.draft: { effect: draft }\ndeny: [email.send]\noutputs: { never_emits: [email.send] }\n`,
    },
    {
      name: "an entry naming an always-gated tool",
      code: `${HEADER}tools:\n  email.send: { effect: irreversible, approval: true }\noutputs: { never_emits: [email.send] }\n`,
    },
    {
      name: "a glob tool whose entry is denied",
      code: `${HEADER}tools:\n  "email.*": { effect: draft }\ndeny: [email.send]\noutputs: { never_emits: [email.send] }\n`,
    },
  ],
  invalid: [
    {
      name: "an entry naming an ungated tool",
      code: `${HEADER}tools:\n  email.send: { effect: irreversible }\noutputs:\n  never_emits: [email.draft, email.send]\n`,
      errors: [
        {
          line: 6,
          column: 30,
          message:
            'outputs.never_emits lists "email.send", but the allowlisted tool "email.send" (line 4) runs without approval: deny the tool or gate it',
        },
      ],
    },
    {
      name: "a pattern entry matching a conditionally gated tool",
      code: `${HEADER}tools:\n  billing.refund:\n    effect: irreversible\n    approval: { when: { arg: amount, gt: 100 } }\noutputs:\n  never_emits:\n    - "billing.*"\n`,
      errors: [
        {
          line: 9,
          column: 7,
          message:
            'outputs.never_emits lists "billing.*", but the allowlisted tool "billing.refund" (line 4) needs approval only under a condition: deny the tool or gate it',
        },
      ],
    },
    {
      name: "an entry a glob allowlist entry covers",
      code: `${HEADER}tools:\n  "crm.*": { effect: write }\noutputs:\n  never_emits: [crm.delete]\n`,
      errors: [
        {
          line: 6,
          column: 17,
          message:
            'outputs.never_emits lists "crm.delete", but the allowlisted tool "crm.*" (line 4) runs without approval: deny the tool or gate it',
        },
      ],
    },
  ],
});
