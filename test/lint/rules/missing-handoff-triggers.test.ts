import { agentaz, HEADER } from "../../helpers/lint-rule.js";
import { testRule } from "../../helpers/rule-tester.js";

const bounded = "limits: { max_tool_calls: 10, max_usd_per_loop: 0.5 }\naudit: { append_only: true }\n";
const empty = (who: string, field = "handoff") => `${who}, but ${field}.triggers is empty: list when the agent hands over to a human`;

testRule("missing-handoff-triggers", {
  valid: [
    { name: "a read-only agent without a handoff", code: `${HEADER}tools:\n  crm.lookup: { effect: read }\n` },
    {
      name: "a gated tool with triggers",
      code: `${HEADER}tools:\n  crm.delete: { effect: irreversible, approval: true }\nhandoff: { triggers: [deletion_request] }\n`,
    },
    { name: "a declared A2 without gates", code: `${HEADER}trust_level: A2\ntools:\n  email.draft: { effect: draft }\n` },
  ],
  invalid: [
    {
      name: "a gated tool and a handoff without triggers",
      code: `${HEADER}tools:\n  crm.delete: { effect: irreversible, approval: true }\nhandoff:\n  destination: support_agent\n`,
      errors: [{ line: 5, column: 1, message: empty('Tool "crm.delete" needs approval') }],
    },
    {
      name: "two gated tools, an empty trigger list",
      code: `${HEADER}tools:\n  crm.delete: { effect: irreversible, approval: true }\n  crm.merge: { effect: write, approval: true }\nhandoff:\n  triggers: []\n`,
      errors: [{ line: 7, column: 3, message: empty('Tools "crm.delete", "crm.merge" need approval') }],
    },
    {
      name: "a gated tool and no handoff at all: the gate",
      code: `${HEADER}tools:\n  crm.delete:\n    effect: irreversible\n    approval: true\n`,
      errors: [{ line: 6, column: 5, message: empty('Tool "crm.delete" needs approval') }],
    },
    {
      name: "a computed A4 without a handoff",
      code: `${HEADER}tools:\n  crm.update: { effect: write }\n${bounded}`,
      errors: [{ line: 3, column: 1, message: empty("The computed trust level is A4") }],
    },
    {
      name: "a declared A3 without a handoff",
      code: `${HEADER}trust_level: A3\ntools:\n  email.draft: { effect: draft }\n`,
      errors: [{ line: 3, column: 1, message: empty("The declared trust level is A3") }],
    },
    {
      name: "an AgentAz A3 spec without triggers, at human_handoff in agentaz.json",
      file: "agentaz.json",
      code: agentaz({ trust_level: "A3", human_handoff: { destination: "access_owner" } }),
      errors: [{ line: 22, column: 3, message: empty("The declared trust level is A3", "human_handoff") }],
    },
  ],
});
