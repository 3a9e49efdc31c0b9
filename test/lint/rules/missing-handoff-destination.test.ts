import { describe, expect, it } from "vitest";
import { agentaz, findings, HEADER } from "../../helpers/lint-rule.js";

const RULE = "missing-handoff-destination";

describe(RULE, () => {
  it.each([
    [
      "triggers with a destination",
      `${HEADER}tools:\n  crm.lookup: { effect: read }\nhandoff: { triggers: [low_confidence], destination: support_agent }\n`,
    ],
    ["no triggers", `${HEADER}tools:\n  crm.lookup: { effect: read }\nhandoff: { message: Summarize the case. }\n`],
  ])("passes %s", (_, text) => {
    expect(findings(RULE, text)).toEqual([]);
  });

  it.each([
    {
      name: "triggers without a destination",
      text: `${HEADER}tools:\n  crm.lookup: { effect: read }\nhandoff:\n  triggers: [low_confidence, vip_account]\n`,
      expected: [{ line: 6, column: 3, message: "Handoff has 2 triggers but no destination: name who takes over in handoff.destination" }],
    },
    {
      name: "a blank destination",
      text: `${HEADER}tools:\n  crm.lookup: { effect: read }\nhandoff:\n  destination: " "\n  triggers: [low_confidence]\n`,
      expected: [{ line: 7, column: 3, message: "Handoff has 1 trigger but no destination: name who takes over in handoff.destination" }],
    },
  ])("reports $name", ({ text, expected }) => {
    expect(findings(RULE, text)).toEqual(expected.map((e) => ({ ruleId: RULE, severity: "error", ...e })));
  });

  it("reports AgentAz human_handoff triggers without a destination inside agentaz.json", () => {
    const text = agentaz({ human_handoff: { triggers: ["policy_ambiguous"] } });
    expect(findings(RULE, text, "agentaz.json")).toEqual([
      {
        ruleId: RULE,
        severity: "error",
        message: "Handoff has 1 trigger but no destination: name who takes over in human_handoff.destination",
        line: 23,
        column: 5,
      },
    ]);
  });
});
