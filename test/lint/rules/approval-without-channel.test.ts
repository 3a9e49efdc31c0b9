import { agentaz, HEADER } from "../../helpers/lint-rule.js";
import { testRule } from "../../helpers/rule-tester.js";

const NO_CHANNEL = (tool: string) =>
  `Tool "${tool}" needs approval but no channel says where the request goes, and the handoff has no destination: set approval.channel or handoff.destination`;

testRule("approval-without-channel", {
  valid: [
    {
      name: "a gate with a channel",
      code: `${HEADER}tools:\n  crm.delete: { effect: irreversible, approval: { channel: "slack:#ops" } }\n`,
    },
    {
      name: "a gate without a channel, and a handoff destination",
      code: `${HEADER}tools:\n  crm.delete: { effect: irreversible, approval: true }\nhandoff: { triggers: [deletion], destination: ops_oncall }\n`,
    },
    { name: "no gate", code: `${HEADER}tools:\n  crm.delete: { effect: irreversible }\n` },
  ],
  invalid: [
    {
      name: "approval: true and no handoff",
      code: `${HEADER}tools:\n  crm.delete:\n    effect: irreversible\n    approval: true\n`,
      errors: [{ line: 6, column: 5, message: NO_CHANNEL("crm.delete") }],
    },
    {
      name: "a conditional gate without a channel",
      code: `${HEADER}tools:\n  billing.refund: { effect: irreversible, approval: { when: { arg: amount, gt: 10 } } }\nhandoff: { triggers: [refund] }\n`,
      errors: [{ line: 4, column: 43, message: NO_CHANNEL("billing.refund") }],
    },
    {
      name: "an AgentAz approval_required tool when human_handoff has no destination",
      file: "agentaz.json",
      code: agentaz({
        tool_boundary: { approval_required_tools: ["merge_pr"], execution_tools_absent: false },
        human_handoff: { triggers: ["tests_failing"] },
      }),
      errors: [
        {
          line: 10,
          column: 7,
          message:
            'Tool "merge_pr" needs approval but no channel says where the request goes, and the handoff has no destination: set human_handoff.destination',
        },
      ],
    },
  ],
});
