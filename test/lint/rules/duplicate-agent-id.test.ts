import { agentaz } from "../../helpers/lint-rule.js";
import { testRule } from "../../helpers/rule-tester.js";

const spec = (id: string) => `agentspec: "1.0"\nagent: { id: ${id}, version: 1.0.0 }\ntools:\n  crm.lookup: { effect: read }\n`;

testRule("duplicate-agent-id", {
  valid: [
    { name: "alone: nothing to compare with", code: spec("order-support") },
    { name: "other ids in the run", code: spec("order-support"), earlier: [spec("order-support-eu"), spec("billing")] },
    {
      name: "one file named twice is one spec",
      code: spec("order-support"),
      earlier: [{ code: spec("order-support"), file: "spec.agentspec.yaml" }],
    },
  ],
  invalid: [
    {
      name: "the second spec with an id, naming the first's file and line",
      code: spec("order-support"),
      earlier: [spec("billing"), spec("order-support")],
      errors: [
        {
          line: 2,
          column: 14,
          message: 'Agent id "order-support" is already the id of earlier-2.agentspec.yaml:2: give each agent its own id',
        },
      ],
    },
    {
      name: "ids that differ only in case (an AgentAz id may hold capitals; output files collide on case-insensitive file systems)",
      code: `# the second\n${spec("order-support")}`,
      earlier: [{ code: agentaz({ agent_id: "Order-Support" }), file: "agents/a/agentaz.json" }],
      errors: [
        {
          line: 3,
          column: 14,
          message:
            'Agent id "order-support" is already the id of agents/a/agentaz.json:2 (as "Order-Support", which differs only in case): give each agent its own id',
        },
      ],
    },
    {
      name: "an agentaz.json and an agentspec file",
      code: agentaz({ agent_id: "order-support" }),
      file: "agents/order/agentaz.json",
      earlier: [spec("order-support")],
      errors: [
        {
          line: 2,
          column: 15,
          message: 'Agent id "order-support" is already the id of earlier-1.agentspec.yaml:2: give each agent its own id',
        },
      ],
    },
  ],
});
