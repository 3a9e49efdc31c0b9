import { agentaz, HEADER } from "../../helpers/lint-rule.js";
import { testRule } from "../../helpers/rule-tester.js";

const changes = (tools: string) => `${tools}, but there is no append-only audit: set audit.append_only: true`;

testRule("audit-missing", {
  valid: [
    {
      name: "read and draft tools without an audit",
      code: `${HEADER}tools:\n  crm.lookup: { effect: read }\n  email.draft: { effect: draft }\n`,
    },
    {
      name: "a write tool with an append-only audit",
      code: `${HEADER}tools:\n  crm.update: { effect: write }\naudit: { append_only: true }\n`,
    },
  ],
  invalid: [
    {
      name: "append_only: false",
      code: `${HEADER}tools:\n  crm.update: { effect: write }\naudit:\n  append_only: false\n`,
      errors: [{ line: 6, column: 3, message: changes('Tool "crm.update" changes state') }],
    },
    {
      name: "an audit without append_only",
      code: `${HEADER}tools:\n  crm.update: { effect: write }\n  email.send: { effect: irreversible, approval: true }\naudit:\n  logs: [decisions]\n`,
      errors: [{ line: 6, column: 1, message: changes('Tools "crm.update", "email.send" change state') }],
    },
    {
      name: "no audit at all: the first acting tool",
      code: `${HEADER}tools:\n  crm.lookup: { effect: read }\n  crm.update: { effect: write }\n`,
      errors: [{ line: 5, column: 3, message: changes('Tool "crm.update" changes state') }],
    },
    {
      name: "an AgentAz spec with execution tools and append_only: false, inside agentaz.json",
      file: "agentaz.json",
      code: agentaz({
        tool_boundary: { auto_executable_tools: ["restart_service"], execution_tools_absent: false },
        audit: { append_only: false },
      }),
      errors: [{ line: 28, column: 5, message: changes('Tool "restart_service" changes state') }],
    },
  ],
});
