import { agentaz, HEADER } from "../../helpers/lint-rule.js";
import { testRule } from "../../helpers/rule-tester.js";

const mode = "failure_modes:\n  - { mode: Wrong update., detection: Diff review., mitigation: Approval., recovery: Restore. }\n";
const missing = (level: string) =>
  `The ${level}, but no failure modes are documented: add failure_modes (mode, detection, mitigation, recovery)`;
const gatedAgentaz = agentaz({ trust_level: "A3", tool_boundary: { approval_required_tools: ["quarantine_host"] } });
const kitWith = (failureModes: unknown[]) => JSON.stringify({ tools: [], failureModes });

testRule("failure-modes-missing", {
  valid: [
    { name: "an A2 spec without failure modes", code: `${HEADER}trust_level: A2\ntools:\n  email.draft: { effect: draft }\n` },
    {
      name: "an A3 spec with failure modes",
      code: `${HEADER}trust_level: A3\ntools:\n  crm.update: { effect: write, approval: true }\n${mode}`,
    },
    {
      name: "an AgentAz A4 spec: its format has no place for failure modes",
      file: "agentaz.json",
      code: agentaz({ trust_level: "A4", tool_boundary: { auto_executable_tools: ["restart_service"] } }),
    },
    {
      name: "an AgentAz A3 spec whose kit.json documents failure modes",
      file: "agentaz.json",
      code: gatedAgentaz,
      kit: kitWith([
        { mode: "Quarantines the wrong host.", detection: "Approver check.", mitigation: "Approval.", recovery: "Release the host." },
      ]),
    },
  ],
  invalid: [
    {
      name: "a computed A3 without failure modes, at the tools",
      code: `${HEADER}tools:\n  crm.update: { effect: write, approval: true }\n`,
      errors: [{ line: 3, column: 1, message: missing("computed trust level is A3") }],
    },
    {
      name: "a declared A4 above a computed A2, at trust_level",
      code: `${HEADER}trust_level: A4\ntools:\n  email.draft: { effect: draft }\n`,
      errors: [{ line: 3, column: 1, message: missing("declared trust level is A4") }],
    },
    {
      name: "an empty failure_modes list",
      code: `${HEADER}trust_level: A3\ntools:\n  crm.update: { effect: write, approval: true }\nfailure_modes: []\n`,
      errors: [{ line: 6, column: 1, message: missing("computed trust level is A3") }],
    },
    {
      name: "an AgentAz A3 spec whose kit.json has no failure modes",
      file: "agentaz.json",
      code: gatedAgentaz,
      kit: kitWith([]),
      errors: [
        {
          line: 4,
          column: 3,
          message:
            "The computed trust level is A3, but no failure modes are documented: add failureModes to kit.json (mode, detection, mitigation, recovery)",
        },
      ],
    },
  ],
});
