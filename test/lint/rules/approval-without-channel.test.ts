import { describe, expect, it } from "vitest";
import { agentaz, findings, HEADER } from "../../helpers/lint-rule.js";

const RULE = "approval-without-channel";

describe(RULE, () => {
  it.each([
    ["a gate with a channel", `${HEADER}tools:\n  crm.delete: { effect: irreversible, approval: { channel: "slack:#ops" } }\n`],
    [
      "a gate without a channel, and a handoff destination",
      `${HEADER}tools:\n  crm.delete: { effect: irreversible, approval: true }\nhandoff: { triggers: [deletion], destination: ops_oncall }\n`,
    ],
    ["no gate", `${HEADER}tools:\n  crm.delete: { effect: irreversible }\n`],
  ])("passes %s", (_, text) => {
    expect(findings(RULE, text)).toEqual([]);
  });

  it.each([
    {
      name: "approval: true and no handoff",
      text: `${HEADER}tools:\n  crm.delete:\n    effect: irreversible\n    approval: true\n`,
      expected: [
        {
          line: 6,
          column: 5,
          message:
            'Tool "crm.delete" needs approval but no channel says where the request goes, and the handoff has no destination: set approval.channel or handoff.destination',
        },
      ],
    },
    {
      name: "a conditional gate without a channel",
      text: `${HEADER}tools:\n  billing.refund: { effect: irreversible, approval: { when: { arg: amount, gt: 10 } } }\nhandoff: { triggers: [refund] }\n`,
      expected: [
        {
          line: 4,
          column: 43,
          message:
            'Tool "billing.refund" needs approval but no channel says where the request goes, and the handoff has no destination: set approval.channel or handoff.destination',
        },
      ],
    },
  ])("reports $name", ({ text, expected }) => {
    expect(findings(RULE, text)).toEqual(expected.map((e) => ({ ruleId: RULE, severity: "warning", ...e })));
  });

  it("reports an AgentAz approval_required tool when human_handoff has no destination", () => {
    const text = agentaz({
      tool_boundary: { approval_required_tools: ["merge_pr"], execution_tools_absent: false },
      human_handoff: { triggers: ["tests_failing"] },
    });
    expect(findings(RULE, text, "agentaz.json")).toEqual([
      {
        ruleId: RULE,
        severity: "warning",
        line: 10,
        column: 7,
        message:
          'Tool "merge_pr" needs approval but no channel says where the request goes, and the handoff has no destination: set human_handoff.destination',
      },
    ]);
  });
});
