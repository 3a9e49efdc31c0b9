import { describe, expect, it } from "vitest";
import { agentaz, findings, HEADER } from "../../helpers/lint-rule.js";

const RULE = "cost-alert-above-ceiling";

describe(RULE, () => {
  it.each([
    ["an alert below the ceiling", `${HEADER}tools:\n  crm.lookup: { effect: read }\nlimits: { max_usd_per_loop: 0.2, alert_usd: 0.14 }\n`],
    ["an alert without a ceiling", `${HEADER}tools:\n  crm.lookup: { effect: read }\nlimits: { alert_usd: 0.14 }\n`],
    ["a ceiling without an alert", `${HEADER}tools:\n  crm.lookup: { effect: read }\nlimits: { max_usd_per_loop: 0.2 }\n`],
  ])("passes %s", (_, text) => {
    expect(findings(RULE, text)).toEqual([]);
  });

  it.each([
    {
      name: "an alert above the ceiling",
      text: `${HEADER}tools:\n  crm.lookup: { effect: read }\nlimits:\n  max_usd_per_loop: 0.2\n  alert_usd: 0.25\n`,
      expected: [
        {
          line: 7,
          column: 14,
          message:
            "limits.alert_usd (0.25) is at or above limits.max_usd_per_loop (0.2, line 6): the alert cannot fire before the ceiling stops the loop",
        },
      ],
    },
    {
      name: "an alert equal to the ceiling",
      text: `${HEADER}tools:\n  crm.lookup: { effect: read }\nlimits: { alert_usd: 0.5, max_usd_per_loop: 0.5 }\n`,
      expected: [
        {
          line: 5,
          column: 22,
          message:
            "limits.alert_usd (0.5) is at or above limits.max_usd_per_loop (0.5, line 5): the alert cannot fire before the ceiling stops the loop",
        },
      ],
    },
  ])("reports $name", ({ text, expected }) => {
    expect(findings(RULE, text)).toEqual(expected.map((e) => ({ ruleId: RULE, severity: "error", ...e })));
  });

  it("reports an AgentAz alert threshold above the trace-loop ceiling inside agentaz.json", () => {
    const text = agentaz({ cost_boundary: { max_usd_per_trace_loop: 0.2, alert_threshold_usd: 0.3 } });
    expect(findings(RULE, text, "agentaz.json")).toEqual([
      {
        ruleId: RULE,
        severity: "error",
        line: 17,
        column: 28,
        message:
          "cost_boundary.alert_threshold_usd (0.3) is at or above cost_boundary.max_usd_per_trace_loop (0.2, line 16): the alert cannot fire before the ceiling stops the loop",
      },
    ]);
  });
});
