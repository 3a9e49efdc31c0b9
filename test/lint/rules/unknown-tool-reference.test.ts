import { agentaz, HEADER } from "../../helpers/lint-rule.js";
import { testRule } from "../../helpers/rule-tester.js";

const base = `${HEADER}tools:\n  crm.lookup: { effect: read }\n  "tickets.*": { effect: read }\ndeny: [email.send, "payment.*"]\n`;

testRule("unknown-tool-reference", {
  valid: [
    {
      name: "tests calling declared, glob-declared and denied tools",
      code: `${base}tests:\n  - { call: { tool: crm.lookup }, expect: allow }\n  - { call: { tool: tickets.read }, expect: allow }\n  - { call: { tool: payment.refund }, expect: deny }\n`,
    },
    {
      name: "a deny test probing an unrelated unknown name (default deny)",
      code: `${base}tests:\n  - { name: unknown tools are denied, call: { tool: crm.delete }, expect: deny }\n`,
    },
    { name: "situation-word triggers", code: `${base}handoff: { triggers: [low_confidence, refund_request, vip], destination: ops }\n` },
    { name: "a tool-name trigger that is declared", code: `${base}handoff: { triggers: [crm.lookup], destination: ops }\n` },
  ],
  invalid: [
    {
      name: "a misspelt tool in a deny test",
      code: `${base}tests:\n  - name: sending is denied\n    call: { tool: emial.send }\n    expect: deny\n`,
      errors: [
        {
          line: 9,
          column: 19,
          message: 'Test "sending is denied" calls "emial.send", which is neither in the allowlist nor denied: did you mean "email.send"?',
        },
      ],
    },
    {
      name: "an unknown tool expected to be allowed",
      code: `${base}tests:\n  - { call: { tool: crm.search }, expect: allow }\n`,
      errors: [
        {
          line: 8,
          column: 21,
          message: 'Test 1 calls "crm.search", which is neither in the allowlist nor denied: the policy can only deny it',
        },
      ],
    },
    {
      name: "a dotted trigger naming no tool",
      code: `${base}handoff:\n  triggers: [low_confidence, crm.lokup, billing.dispute]\n  destination: ops\n`,
      errors: [
        {
          line: 8,
          column: 30,
          message:
            'Handoff trigger "crm.lokup" looks like a tool name but is neither in the allowlist nor denied: did you mean "crm.lookup"?',
        },
        {
          line: 8,
          column: 41,
          message: 'Handoff trigger "billing.dispute" looks like a tool name but is neither in the allowlist nor denied',
        },
      ],
    },
    {
      name: "an AgentAz never_without_approval entry tool_boundary does not declare, inside agentaz.json",
      file: "agentaz.json",
      code: agentaz({
        tool_boundary: { auto_executable_tools: ["read_issue"], approval_required_tools: ["merge_pr"] },
        output_boundary: { never_without_approval: ["merge_pr", "force_push", "merge_prs"] },
      }),
      errors: [
        {
          line: 38,
          column: 7,
          message:
            'output_boundary.never_without_approval names "force_push", which tool_boundary does not declare: declare it in approval_required_tools or remove the entry',
        },
        {
          line: 39,
          column: 7,
          message:
            'output_boundary.never_without_approval names "merge_prs", which tool_boundary does not declare: did you mean "merge_pr"?',
        },
      ],
    },
  ],
});
