import { describe, expect, it } from "vitest";
import { findings, HEADER } from "../../helpers/lint-rule.js";

const RULE = "never-emits-allowed";

describe(RULE, () => {
  it.each([
    [
      "entries that name no tool",
      `${HEADER}tools:\n  send_customer_email: { effect: irreversible }\noutputs: { never_emits: [send, refund] }\n`,
    ],
    [
      "an entry naming a denied tool",
      `${HEADER}tools:\n  email.draft: { effect: draft }\ndeny: [email.send]\noutputs: { never_emits: [email.send] }\n`,
    ],
    [
      "an entry naming an always-gated tool",
      `${HEADER}tools:\n  email.send: { effect: irreversible, approval: true }\noutputs: { never_emits: [email.send] }\n`,
    ],
    [
      "a glob tool whose entry is denied",
      `${HEADER}tools:\n  "email.*": { effect: draft }\ndeny: [email.send]\noutputs: { never_emits: [email.send] }\n`,
    ],
  ])("passes %s", (_, text) => {
    expect(findings(RULE, text)).toEqual([]);
  });

  it.each([
    {
      name: "an entry naming an ungated tool",
      text: `${HEADER}tools:\n  email.send: { effect: irreversible }\noutputs:\n  never_emits: [email.draft, email.send]\n`,
      expected: [
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
      text: `${HEADER}tools:\n  billing.refund:\n    effect: irreversible\n    approval: { when: { arg: amount, gt: 100 } }\noutputs:\n  never_emits:\n    - "billing.*"\n`,
      expected: [
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
      text: `${HEADER}tools:\n  "crm.*": { effect: write }\noutputs:\n  never_emits: [crm.delete]\n`,
      expected: [
        {
          line: 6,
          column: 17,
          message:
            'outputs.never_emits lists "crm.delete", but the allowlisted tool "crm.*" (line 4) runs without approval: deny the tool or gate it',
        },
      ],
    },
  ])("reports $name", ({ text, expected }) => {
    expect(findings(RULE, text)).toEqual(expected.map((e) => ({ ruleId: RULE, severity: "error", ...e })));
  });
});
