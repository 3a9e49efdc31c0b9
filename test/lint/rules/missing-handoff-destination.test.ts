import { agentaz, HEADER } from "../../helpers/lint-rule.js";
import { testRule } from "../../helpers/rule-tester.js";

const tools = `${HEADER}tools:\n  crm.lookup: { effect: read }\n`;
const noDestination = (triggers: string, field = "handoff") =>
  `Handoff has ${triggers} but no destination: name who takes over in ${field}.destination`;

testRule("missing-handoff-destination", {
  valid: [
    { name: "triggers with a destination", code: `${tools}handoff: { triggers: [low_confidence], destination: support_agent }\n` },
    { name: "no triggers", code: `${tools}handoff: { message: Summarize the case. }\n` },
  ],
  invalid: [
    {
      name: "triggers without a destination",
      code: `${tools}handoff:\n  triggers: [low_confidence, vip_account]\n`,
      errors: [{ line: 6, column: 3, message: noDestination("2 triggers") }],
    },
    {
      name: "a blank destination",
      code: `${tools}handoff:\n  destination: " "\n  triggers: [low_confidence]\n`,
      errors: [{ line: 7, column: 3, message: noDestination("1 trigger") }],
    },
    {
      name: "AgentAz human_handoff triggers without a destination, inside agentaz.json",
      file: "agentaz.json",
      code: agentaz({ human_handoff: { triggers: ["policy_ambiguous"] } }),
      errors: [{ line: 23, column: 5, message: noDestination("1 trigger", "human_handoff") }],
    },
  ],
});
