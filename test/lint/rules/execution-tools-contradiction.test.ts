import { describe, expect, it } from "vitest";
import { agentaz, findings, HEADER, kitOf } from "../../helpers/lint-rule.js";

const RULE = "execution-tools-contradiction";

describe(RULE, () => {
  it.each([
    [
      "read and draft tools with tools_absent",
      `${HEADER}execution: { tools_absent: true }\ntools:\n  crm.lookup: { effect: read }\n  email.draft: { effect: draft }\n`,
    ],
    ["write tools without the claim", `${HEADER}tools:\n  crm.update: { effect: write }\n`],
    ["write tools with tools_absent: false", `${HEADER}execution: { tools_absent: false }\ntools:\n  crm.update: { effect: write }\n`],
  ])("passes %s", (_, text) => {
    expect(findings(RULE, text)).toEqual([]);
  });

  it.each([
    {
      name: "each write or irreversible tool, at its key",
      text: `${HEADER}execution:\n  tools_absent: true\ntools:\n  crm.lookup: { effect: read }\n  crm.update: { effect: write, approval: true }\n  email.send: { effect: irreversible }\n`,
      expected: [
        {
          line: 7,
          column: 3,
          message: 'execution.tools_absent is true (line 4), but "crm.update" is a write tool: remove the tool or the claim',
        },
        {
          line: 8,
          column: 3,
          message: 'execution.tools_absent is true (line 4), but "email.send" is an irreversible tool: remove the tool or the claim',
        },
      ],
    },
    {
      name: "a declared A3 with no execution tools",
      text: `${HEADER}trust_level: A3\nexecution:\n  tools_absent: true\ntools:\n  email.draft: { effect: draft }\n`,
      expected: [
        {
          line: 5,
          column: 17,
          message:
            "execution.tools_absent is true, but the declared trust level A3 (line 3) is for agents that change state: without execution tools an agent is A2 at most",
        },
      ],
    },
  ])("reports $name", ({ text, expected }) => {
    expect(findings(RULE, text)).toEqual(expected.map((e) => ({ ruleId: RULE, severity: "error", ...e })));
  });

  it("reports an inferred AgentAz write tool at its entry in allowed_tools", () => {
    const text = agentaz({ tool_boundary: { allowed_tools: ["read_diff", "post_comment"], execution_tools_absent: true } });
    expect(findings(RULE, text, "agentaz.json")).toEqual([
      {
        ruleId: RULE,
        severity: "error",
        line: 11,
        column: 7,
        message:
          'tool_boundary.execution_tools_absent is true (line 13), but "post_comment" is a write tool (inferred from its name): remove the tool or the claim',
      },
    ]);
  });

  it("reports an AgentAz A3 declared with execution tools absent at execution_tools_absent", () => {
    const text = agentaz({
      trust_level: "A3",
      tool_boundary: { allowed_tools: ["read_request", "prepare_change"], execution_tools_absent: true },
    });
    expect(findings(RULE, text, "agentaz.json")).toEqual([
      {
        ruleId: RULE,
        severity: "error",
        line: 13,
        column: 31,
        message:
          "tool_boundary.execution_tools_absent is true, but the declared trust level A3 (line 4) is for agents that change state: without execution tools an agent is A2 at most",
      },
    ]);
  });

  it("reports a write or irreversible tool the kit.json ships but agentaz.json leaves out, at execution_tools_absent", () => {
    const kit = kitOf(["read_ticket", "lookup_order", "draft_reply", "process_refund", "post_comment"]);
    expect(findings(RULE, agentaz({}), "kits/demo/agentaz.json", {}, kit)).toEqual([
      {
        ruleId: RULE,
        severity: "error",
        line: 13,
        column: 31,
        message:
          'tool_boundary.execution_tools_absent is true, but kit.json ships "process_refund", an irreversible tool (inferred from its name): remove the tool from the kit or the claim',
      },
      {
        ruleId: RULE,
        severity: "error",
        line: 13,
        column: 31,
        message:
          'tool_boundary.execution_tools_absent is true, but kit.json ships "post_comment", a write tool (inferred from its name): remove the tool from the kit or the claim',
      },
    ]);
  });

  it.each([
    ["the kit ships only read and draft tools", agentaz({}), ["read_ticket", "lookup_order", "draft_reply"]],
    [
      "execution tools are not claimed absent",
      agentaz({ tool_boundary: { allowed_tools: ["read_ticket"], execution_tools_absent: false } }),
      ["process_refund"],
    ],
  ])("passes a kit.json when %s", (_, text, tools) => {
    expect(findings(RULE, text, "kits/demo/agentaz.json", {}, kitOf(tools))).toEqual([]);
  });
});
