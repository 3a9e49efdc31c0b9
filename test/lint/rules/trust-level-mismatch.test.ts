import { agentaz, HEADER } from "../../helpers/lint-rule.js";
import { testRule } from "../../helpers/rule-tester.js";

const RULE = "trust-level-mismatch";
const bounded = "limits: { max_tool_calls: 10, max_usd_per_loop: 0.5 }\naudit: { append_only: true }\n";

testRule(RULE, {
  valid: [
    { name: "a declared level equal to the computed one", code: `${HEADER}trust_level: A2\ntools:\n  email.draft: { effect: draft }\n` },
    { name: "no declared level", code: `${HEADER}tools:\n  crm.update: { effect: write }\n` },
    { name: "a declared A3 for gated writes", code: `${HEADER}trust_level: A3\ntools:\n  crm.update: { effect: write, approval: true }\n` },
    {
      name: "A1 against A2 when AgentAz effects are inferred: that band is advisory",
      file: "agentaz.json",
      code: agentaz({ tool_boundary: { allowed_tools: ["read_evidence", "check_control"], execution_tools_absent: true } }),
    },
  ],
  invalid: [
    {
      name: "a declared level below the computed one, as an error",
      code: `${HEADER}trust_level: A2\ntools:\n  tickets.respond: { effect: write }\n${bounded}`,
      errors: [
        {
          severity: "error",
          line: 3,
          column: 14,
          message:
            "Declared trust level A2 is lower than the computed A4: tickets.respond (write, no approval) can act without approval, within a call/turn bound, a cost bound and an append-only audit",
        },
      ],
    },
    {
      name: "a declared level above the computed one, as a warning",
      code: `${HEADER}trust_level: A3\ntools:\n  crm.lookup: { effect: read }\n  email.draft: { effect: draft }\n`,
      errors: [
        {
          severity: "warning",
          line: 3,
          column: 14,
          message: "Declared trust level A3 is higher than the computed A2: tools read or draft only (drafting: email.draft)",
        },
      ],
    },
    {
      name: "a declared A4 where bounds are missing (A5)",
      code: `${HEADER}trust_level: A4\ntools:\n  crm.update: { effect: write }\n`,
      errors: [
        {
          severity: "error",
          line: 3,
          column: 14,
          message:
            "Declared trust level A4 is lower than the computed A5: crm.update (write, no approval) can act without approval, and the spec has no call or turn bound, no cost bound, no append-only audit",
        },
      ],
    },
    {
      name: "an AgentAz spec that declares A2 but posts without approval, at trust_level in agentaz.json",
      file: "agentaz.json",
      code: agentaz({ tool_boundary: { allowed_tools: ["read_diff", "post_comment"], execution_tools_absent: false } }),
      errors: [
        {
          severity: "error",
          line: 4,
          column: 18,
          message:
            "Declared trust level A2 is lower than the computed A4: post_comment (write, no approval) can act without approval, within a call/turn bound, a cost bound and an append-only audit (effects inferred from tool names: AgentAz tools declare none)",
        },
      ],
    },
    {
      name: "A1 against A2 when the effects are declared",
      code: `${HEADER}trust_level: A1\ntools:\n  email.draft: { effect: draft }\n`,
      errors: [
        {
          severity: "error",
          line: 3,
          column: 14,
          message: "Declared trust level A1 is lower than the computed A2: tools read or draft only (drafting: email.draft)",
        },
      ],
    },
  ],
});
