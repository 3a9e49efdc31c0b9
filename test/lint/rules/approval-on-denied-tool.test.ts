import { agentaz, HEADER } from "../../helpers/lint-rule.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule("approval-on-denied-tool", {
  valid: [
    {
      name: "a gated tool no deny pattern matches",
      code: `${HEADER}tools:\n  crm.delete: { effect: irreversible, approval: true }\ndeny: ["crm.export*"]\n`,
    },
    {
      name: "a denied tool without a gate (deny-overlaps-allow's finding)",
      code: `${HEADER}tools:\n  crm.delete: { effect: irreversible }\ndeny: ["crm.*"]\n`,
    },
    {
      name: "a gated tool whose never_emits entry is another name",
      code: `${HEADER}tools:\n  crm.delete: { effect: irreversible, approval: true }\noutputs: { never_emits: [crm.export] }\n`,
    },
  ],
  invalid: [
    {
      name: "a gate on a tool a glob denies",
      code: `${HEADER}tools:\n  crm.delete:\n    effect: irreversible\n    approval: { channel: "slack:#ops" }\ndeny: ["crm.*"]\n`,
      errors: [
        {
          line: 6,
          column: 5,
          message:
            'Tool "crm.delete" has an approval gate but is denied by "crm.*" (line 7): the call is denied before anyone is asked to approve it',
        },
      ],
    },
    {
      name: "a gate on a tool never_emits forbids",
      code: `${HEADER}tools:\n  email.send: { effect: irreversible, approval: true }\noutputs:\n  never_emits: [email.send]\n`,
      errors: [
        {
          line: 4,
          column: 39,
          message:
            'Tool "email.send" needs approval but outputs.never_emits forbids it (line 6): remove the gate or the outputs.never_emits entry',
        },
      ],
    },
    {
      name: "an AgentAz approval_required tool its output boundary never emits, inside agentaz.json",
      file: "kits/x/agentaz.json",
      code: agentaz({
        trust_level: "A3",
        tool_boundary: { allowed_tools: ["read_alert"], approval_required_tools: ["quarantine_host"], execution_tools_absent: false },
        output_boundary: { never_emits: ["quarantine_host"] },
      }),
      errors: [
        {
          line: 13,
          column: 7,
          message:
            'Tool "quarantine_host" needs approval but output_boundary.never_emits forbids it (line 38): remove the gate or the output_boundary.never_emits entry',
        },
      ],
    },
  ],
});
