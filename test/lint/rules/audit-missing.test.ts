import { describe, expect, it } from "vitest";
import { agentaz, findings, HEADER } from "../../helpers/lint-rule.js";

const RULE = "audit-missing";

describe(RULE, () => {
  it.each([
    ["read and draft tools without an audit", `${HEADER}tools:\n  crm.lookup: { effect: read }\n  email.draft: { effect: draft }\n`],
    ["a write tool with an append-only audit", `${HEADER}tools:\n  crm.update: { effect: write }\naudit: { append_only: true }\n`],
  ])("passes %s", (_, text) => {
    expect(findings(RULE, text)).toEqual([]);
  });

  it.each([
    {
      name: "append_only: false",
      text: `${HEADER}tools:\n  crm.update: { effect: write }\naudit:\n  append_only: false\n`,
      expected: [
        { line: 6, column: 3, message: 'Tool "crm.update" changes state, but there is no append-only audit: set audit.append_only: true' },
      ],
    },
    {
      name: "an audit without append_only",
      text: `${HEADER}tools:\n  crm.update: { effect: write }\n  email.send: { effect: irreversible, approval: true }\naudit:\n  logs: [decisions]\n`,
      expected: [
        {
          line: 6,
          column: 1,
          message: 'Tools "crm.update", "email.send" change state, but there is no append-only audit: set audit.append_only: true',
        },
      ],
    },
    {
      name: "no audit at all: the first acting tool",
      text: `${HEADER}tools:\n  crm.lookup: { effect: read }\n  crm.update: { effect: write }\n`,
      expected: [
        { line: 5, column: 3, message: 'Tool "crm.update" changes state, but there is no append-only audit: set audit.append_only: true' },
      ],
    },
  ])("reports $name", ({ text, expected }) => {
    expect(findings(RULE, text)).toEqual(expected.map((e) => ({ ruleId: RULE, severity: "error", ...e })));
  });

  it("reports an AgentAz spec with execution tools and append_only: false inside agentaz.json", () => {
    const text = agentaz({
      tool_boundary: { auto_executable_tools: ["restart_service"], execution_tools_absent: false },
      audit: { append_only: false },
    });
    expect(findings(RULE, text, "agentaz.json")).toEqual([
      {
        ruleId: RULE,
        severity: "error",
        line: 28,
        column: 5,
        message: 'Tool "restart_service" changes state, but there is no append-only audit: set audit.append_only: true',
      },
    ]);
  });
});
