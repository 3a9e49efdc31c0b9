import { agentaz, HEADER, kitJson } from "../../helpers/lint-rule.js";
import { testRule } from "../../helpers/rule-tester.js";

const KIT_SPEC = "kits/demo/agentaz.json";
const A3_WITHOUT_TOOLS = "is for agents that change state: without execution tools an agent is A2 at most";

testRule("execution-tools-contradiction", {
  valid: [
    {
      name: "read and draft tools with tools_absent",
      code: `${HEADER}execution: { tools_absent: true }\ntools:\n  crm.lookup: { effect: read }\n  email.draft: { effect: draft }\n`,
    },
    { name: "write tools without the claim", code: `${HEADER}tools:\n  crm.update: { effect: write }\n` },
    {
      name: "write tools with tools_absent: false",
      code: `${HEADER}execution: { tools_absent: false }\ntools:\n  crm.update: { effect: write }\n`,
    },
    {
      name: "a kit.json that ships only read and draft tools",
      file: KIT_SPEC,
      code: agentaz({}),
      kit: kitJson(["read_ticket", "lookup_order", "draft_reply"]),
    },
    {
      name: "a kit.json with a write tool, when execution tools are not claimed absent",
      file: KIT_SPEC,
      code: agentaz({ tool_boundary: { allowed_tools: ["read_ticket"], execution_tools_absent: false } }),
      kit: kitJson(["process_refund"]),
    },
  ],
  invalid: [
    {
      name: "each write or irreversible tool, at its key",
      code: `${HEADER}execution:\n  tools_absent: true\ntools:\n  crm.lookup: { effect: read }\n  crm.update: { effect: write, approval: true }\n  email.send: { effect: irreversible }\n`,
      errors: [
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
      code: `${HEADER}trust_level: A3\nexecution:\n  tools_absent: true\ntools:\n  email.draft: { effect: draft }\n`,
      errors: [
        { line: 5, column: 17, message: `execution.tools_absent is true, but the declared trust level A3 (line 3) ${A3_WITHOUT_TOOLS}` },
      ],
    },
    {
      name: "an inferred AgentAz write tool, at its entry in allowed_tools",
      file: "agentaz.json",
      code: agentaz({ tool_boundary: { allowed_tools: ["read_diff", "post_comment"], execution_tools_absent: true } }),
      errors: [
        {
          line: 11,
          column: 7,
          message:
            'tool_boundary.execution_tools_absent is true (line 13), but "post_comment" is a write tool (inferred from its name): remove the tool or the claim',
        },
      ],
    },
    {
      name: "an AgentAz A3 declared with execution tools absent, at execution_tools_absent",
      file: "agentaz.json",
      code: agentaz({
        trust_level: "A3",
        tool_boundary: { allowed_tools: ["read_request", "prepare_change"], execution_tools_absent: true },
      }),
      errors: [
        {
          line: 13,
          column: 31,
          message: `tool_boundary.execution_tools_absent is true, but the declared trust level A3 (line 4) ${A3_WITHOUT_TOOLS}`,
        },
      ],
    },
    {
      name: "a write or irreversible tool the kit.json ships but agentaz.json leaves out, at execution_tools_absent",
      file: KIT_SPEC,
      code: agentaz({}),
      kit: kitJson(["read_ticket", "lookup_order", "draft_reply", "process_refund", "post_comment"]),
      errors: [
        {
          line: 13,
          column: 31,
          message:
            'tool_boundary.execution_tools_absent is true, but kit.json ships "process_refund", an irreversible tool (inferred from its name): remove the tool from the kit or the claim',
        },
        {
          line: 13,
          column: 31,
          message:
            'tool_boundary.execution_tools_absent is true, but kit.json ships "post_comment", a write tool (inferred from its name): remove the tool from the kit or the claim',
        },
      ],
    },
  ],
});
