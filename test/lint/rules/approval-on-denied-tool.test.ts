import { describe, expect, it } from "vitest";
import { agentaz, findings, HEADER } from "../../helpers/lint-rule.js";

const RULE = "approval-on-denied-tool";

describe(RULE, () => {
  it.each([
    [
      "a gated tool no deny pattern matches",
      `${HEADER}tools:\n  crm.delete: { effect: irreversible, approval: true }\ndeny: ["crm.export*"]\n`,
    ],
    [
      "a denied tool without a gate (deny-overlaps-allow's finding)",
      `${HEADER}tools:\n  crm.delete: { effect: irreversible }\ndeny: ["crm.*"]\n`,
    ],
    [
      "a gated tool whose never_emits entry is another name",
      `${HEADER}tools:\n  crm.delete: { effect: irreversible, approval: true }\noutputs: { never_emits: [crm.export] }\n`,
    ],
  ])("passes %s", (_, text) => {
    expect(findings(RULE, text)).toEqual([]);
  });

  it.each([
    {
      name: "a gate on a tool a glob denies",
      text: `${HEADER}tools:\n  crm.delete:\n    effect: irreversible\n    approval: { channel: "slack:#ops" }\ndeny: ["crm.*"]\n`,
      expected: [
        {
          line: 6,
          column: 5,
          message:
            'Tool "crm.delete" has an approval gate but is denied by "crm.*" (line 7): the call is denied before anyone is asked to approve it',
        },
      ],
    },
    {
      name: "a gate on a tool never_emits forbids",
      text: `${HEADER}tools:\n  email.send: { effect: irreversible, approval: true }\noutputs:\n  never_emits: [email.send]\n`,
      expected: [
        {
          line: 4,
          column: 39,
          message:
            'Tool "email.send" needs approval but outputs.never_emits forbids it (line 6): remove the gate or the outputs.never_emits entry',
        },
      ],
    },
  ])("reports $name", ({ text, expected }) => {
    expect(findings(RULE, text)).toEqual(expected.map((e) => ({ ruleId: RULE, severity: "error", ...e })));
  });

  it("reports an AgentAz approval_required tool its output boundary never emits, inside agentaz.json", () => {
    const text = agentaz({
      trust_level: "A3",
      tool_boundary: { allowed_tools: ["read_alert"], approval_required_tools: ["quarantine_host"], execution_tools_absent: false },
      output_boundary: { never_emits: ["quarantine_host"] },
    });
    expect(findings(RULE, text, "kits/x/agentaz.json")).toEqual([
      {
        ruleId: RULE,
        severity: "error",
        message:
          'Tool "quarantine_host" needs approval but output_boundary.never_emits forbids it (line 38): remove the gate or the output_boundary.never_emits entry',
        line: 13,
        column: 7,
      },
    ]);
  });
});
