import { describe, expect, it } from "vitest";
import { agentaz, findings, HEADER } from "../../helpers/lint-rule.js";

const RULE = "missing-handoff-triggers";
const bounded = "limits: { max_tool_calls: 10, max_usd_per_loop: 0.5 }\naudit: { append_only: true }\n";

describe(RULE, () => {
  it.each([
    ["a read-only agent without a handoff", `${HEADER}tools:\n  crm.lookup: { effect: read }\n`],
    [
      "a gated tool with triggers",
      `${HEADER}tools:\n  crm.delete: { effect: irreversible, approval: true }\nhandoff: { triggers: [deletion_request] }\n`,
    ],
    ["a declared A2 without gates", `${HEADER}trust_level: A2\ntools:\n  email.draft: { effect: draft }\n`],
  ])("passes %s", (_, text) => {
    expect(findings(RULE, text)).toEqual([]);
  });

  it.each([
    {
      name: "a gated tool and a handoff without triggers",
      text: `${HEADER}tools:\n  crm.delete: { effect: irreversible, approval: true }\nhandoff:\n  destination: support_agent\n`,
      expected: [
        {
          line: 5,
          column: 1,
          message: 'Tool "crm.delete" needs approval, but handoff.triggers is empty: list when the agent hands over to a human',
        },
      ],
    },
    {
      name: "two gated tools, an empty trigger list",
      text: `${HEADER}tools:\n  crm.delete: { effect: irreversible, approval: true }\n  crm.merge: { effect: write, approval: true }\nhandoff:\n  triggers: []\n`,
      expected: [
        {
          line: 7,
          column: 3,
          message:
            'Tools "crm.delete", "crm.merge" need approval, but handoff.triggers is empty: list when the agent hands over to a human',
        },
      ],
    },
    {
      name: "a gated tool and no handoff at all: the gate",
      text: `${HEADER}tools:\n  crm.delete:\n    effect: irreversible\n    approval: true\n`,
      expected: [
        {
          line: 6,
          column: 5,
          message: 'Tool "crm.delete" needs approval, but handoff.triggers is empty: list when the agent hands over to a human',
        },
      ],
    },
    {
      name: "a computed A4 without a handoff",
      text: `${HEADER}tools:\n  crm.update: { effect: write }\n${bounded}`,
      expected: [
        {
          line: 3,
          column: 1,
          message: "The computed trust level is A4, but handoff.triggers is empty: list when the agent hands over to a human",
        },
      ],
    },
    {
      name: "a declared A3 without a handoff",
      text: `${HEADER}trust_level: A3\ntools:\n  email.draft: { effect: draft }\n`,
      expected: [
        {
          line: 3,
          column: 1,
          message: "The declared trust level is A3, but handoff.triggers is empty: list when the agent hands over to a human",
        },
      ],
    },
  ])("reports $name", ({ text, expected }) => {
    expect(findings(RULE, text)).toEqual(expected.map((e) => ({ ruleId: RULE, severity: "error", ...e })));
  });

  it("reports an AgentAz A3 spec without triggers at human_handoff in agentaz.json", () => {
    const text = agentaz({ trust_level: "A3", human_handoff: { destination: "access_owner" } });
    expect(findings(RULE, text, "agentaz.json")).toEqual([
      {
        ruleId: RULE,
        severity: "error",
        message: "The declared trust level is A3, but human_handoff.triggers is empty: list when the agent hands over to a human",
        line: 22,
        column: 3,
      },
    ]);
  });
});
