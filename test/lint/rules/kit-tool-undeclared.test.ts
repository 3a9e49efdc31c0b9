import { agentaz, HEADER, kitJson } from "../../helpers/lint-rule.js";
import { testRule } from "../../helpers/rule-tester.js";

const FILE = "kits/demo/agentaz.json";
const undeclared = (tool: string) =>
  `kit.json lists "${tool}", which tool_boundary does not declare, so agentspec denies it: declare it in tool_boundary or remove it from kit.json`;
const ignored = (why: string) => `kit.json beside this spec was ignored: ${why}`;

testRule("kit-tool-undeclared", {
  valid: [
    { name: "a kit whose tools are all declared", file: FILE, code: agentaz({}), kit: kitJson(["read_ticket", "draft_reply"]) },
    { name: "a kit with fewer tools than the spec", file: FILE, code: agentaz({}), kit: kitJson(["read_ticket"]) },
    {
      name: "a kit declared across both gated lists",
      file: FILE,
      code: agentaz({ tool_boundary: { auto_executable_tools: ["read_ticket"], approval_required_tools: ["send_reply"] } }),
      kit: kitJson(["read_ticket", "send_reply"]),
    },
    { name: "an agentaz.json without a kit", file: FILE, code: agentaz({}) },
    { name: "an agentspec spec (it has no kit)", code: `${HEADER}tools:\n  crm.lookup: { effect: read }\n` },
  ],
  invalid: [
    {
      name: "each kit tool the agentaz.json does not declare, at the tool_boundary key",
      file: FILE,
      code: agentaz({}),
      kit: kitJson(["read_ticket", "lookup_order", "process_refund"]),
      errors: [
        { line: 8, column: 3, message: undeclared("lookup_order") },
        { line: 8, column: 3, message: undeclared("process_refund") },
      ],
    },
    {
      name: "a kit.json that is not JSON, at the top of the agentaz.json",
      file: FILE,
      code: agentaz({}),
      kit: '{ "tools": [',
      errors: [{ line: 1, column: 1, message: ignored("kit.json:1:13: Unexpected end of file: expected a JSON value") }],
    },
    {
      name: "a kit.json whose tools are not a list",
      file: FILE,
      code: agentaz({}),
      kit: '{\n  "tools": { "name": "x" }\n}\n',
      errors: [{ line: 1, column: 1, message: ignored('kit.json:2:12: "tools" must be a list of { name, purpose }') }],
    },
    {
      name: "a kit.json tool without a name",
      file: FILE,
      code: agentaz({}),
      kit: '{ "tools": [{ "purpose": "x" }] }',
      errors: [{ line: 1, column: 1, message: ignored('kit.json:1:13: tools[0] must be an object with a "name" string') }],
    },
    {
      name: "a kit.json failure mode missing its recovery",
      file: FILE,
      code: agentaz({}),
      kit: '{ "failureModes": [{ "mode": "a", "detection": "b", "mitigation": "c" }] }',
      errors: [
        {
          line: 1,
          column: 1,
          message: ignored('kit.json:1:19: "failureModes" must be a list of { mode, detection, mitigation, recovery } strings'),
        },
      ],
    },
  ],
});
