import { agentaz, HEADER } from "../../helpers/lint-rule.js";
import { testRule } from "../../helpers/rule-tester.js";

const tools = `${HEADER}tools:\n  crm.lookup: { effect: read }\n`;
const cannotFire = "the alert cannot fire before the ceiling stops the loop";

testRule("cost-alert-above-ceiling", {
  valid: [
    { name: "an alert below the ceiling", code: `${tools}limits: { max_usd_per_loop: 0.2, alert_usd: 0.14 }\n` },
    { name: "an alert without a ceiling", code: `${tools}limits: { alert_usd: 0.14 }\n` },
    { name: "a ceiling without an alert", code: `${tools}limits: { max_usd_per_loop: 0.2 }\n` },
  ],
  invalid: [
    {
      name: "an alert above the ceiling",
      code: `${tools}limits:\n  max_usd_per_loop: 0.2\n  alert_usd: 0.25\n`,
      errors: [
        { line: 7, column: 14, message: `limits.alert_usd (0.25) is at or above limits.max_usd_per_loop (0.2, line 6): ${cannotFire}` },
      ],
    },
    {
      name: "an alert equal to the ceiling",
      code: `${tools}limits: { alert_usd: 0.5, max_usd_per_loop: 0.5 }\n`,
      errors: [
        { line: 5, column: 22, message: `limits.alert_usd (0.5) is at or above limits.max_usd_per_loop (0.5, line 5): ${cannotFire}` },
      ],
    },
    {
      name: "an AgentAz alert threshold above the trace-loop ceiling, inside agentaz.json",
      file: "agentaz.json",
      code: agentaz({ cost_boundary: { max_usd_per_trace_loop: 0.2, alert_threshold_usd: 0.3 } }),
      errors: [
        {
          line: 17,
          column: 28,
          message: `cost_boundary.alert_threshold_usd (0.3) is at or above cost_boundary.max_usd_per_trace_loop (0.2, line 16): ${cannotFire}`,
        },
      ],
    },
  ],
});
