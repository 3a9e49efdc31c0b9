import { describe, expect, it } from "vitest";
import { parseSource } from "../../../src/load/index.js";
import { agentaz, findings, HEADER, lintRule } from "../../helpers/lint-rule.js";

const RULE = "failure-modes-missing";
const mode = "failure_modes:\n  - { mode: Wrong update., detection: Diff review., mitigation: Approval., recovery: Restore. }\n";

describe(RULE, () => {
  it.each([
    ["an A2 spec without failure modes", `${HEADER}trust_level: A2\ntools:\n  email.draft: { effect: draft }\n`],
    ["an A3 spec with failure modes", `${HEADER}trust_level: A3\ntools:\n  crm.update: { effect: write, approval: true }\n${mode}`],
    [
      "an AgentAz A4 spec: its format has no place for failure modes",
      agentaz({ trust_level: "A4", tool_boundary: { auto_executable_tools: ["restart_service"] } }),
    ],
  ])("passes %s", (_, text) => {
    const file = text.startsWith("{") ? "agentaz.json" : undefined;
    expect(findings(RULE, text, file)).toEqual([]);
  });

  it.each([
    {
      name: "a computed A3 without failure modes, at the tools",
      text: `${HEADER}tools:\n  crm.update: { effect: write, approval: true }\n`,
      expected: [
        {
          line: 3,
          column: 1,
          message:
            "The computed trust level is A3, but no failure modes are documented: add failure_modes (mode, detection, mitigation, recovery)",
        },
      ],
    },
    {
      name: "a declared A4 above a computed A2, at trust_level",
      text: `${HEADER}trust_level: A4\ntools:\n  email.draft: { effect: draft }\n`,
      expected: [
        {
          line: 3,
          column: 1,
          message:
            "The declared trust level is A4, but no failure modes are documented: add failure_modes (mode, detection, mitigation, recovery)",
        },
      ],
    },
    {
      name: "an empty failure_modes list",
      text: `${HEADER}trust_level: A3\ntools:\n  crm.update: { effect: write, approval: true }\nfailure_modes: []\n`,
      expected: [
        {
          line: 6,
          column: 1,
          message:
            "The computed trust level is A3, but no failure modes are documented: add failure_modes (mode, detection, mitigation, recovery)",
        },
      ],
    },
  ])("reports $name", ({ text, expected }) => {
    expect(findings(RULE, text)).toEqual(expected.map((e) => ({ ruleId: RULE, severity: "warning", ...e })));
  });

  it("checks an AgentAz spec with its kit.json, whose failureModes count", () => {
    const text = agentaz({ trust_level: "A3", tool_boundary: { approval_required_tools: ["quarantine_host"] } });
    const kit = (failureModes: unknown[]) => ({ kit: parseSource("kit.json", JSON.stringify({ tools: [], failureModes })) });
    const withMode = kit([
      { mode: "Quarantines the wrong host.", detection: "Approver check.", mitigation: "Approval.", recovery: "Release the host." },
    ]);
    expect(lintRule(RULE, text, "agentaz.json", {}, withMode)).toEqual([]);
    expect(lintRule(RULE, text, "agentaz.json", {}, kit([])).map((d) => [d.line, d.column, d.message])).toEqual([
      [
        4,
        3,
        "The computed trust level is A3, but no failure modes are documented: add failureModes to kit.json (mode, detection, mitigation, recovery)",
      ],
    ]);
  });
});
