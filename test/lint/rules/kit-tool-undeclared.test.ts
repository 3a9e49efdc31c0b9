import { describe, expect, it } from "vitest";
import { parseSource } from "../../../src/load/index.js";
import { agentaz, findings, HEADER, kitOf } from "../../helpers/lint-rule.js";

const RULE = "kit-tool-undeclared";
const FILE = "kits/demo/agentaz.json";

describe(RULE, () => {
  it.each([
    ["a kit whose tools are all declared", agentaz({}), kitOf(["read_ticket", "draft_reply"])],
    ["a kit with fewer tools than the spec", agentaz({}), kitOf(["read_ticket"])],
    [
      "a kit declared across both gated lists",
      agentaz({ tool_boundary: { auto_executable_tools: ["read_ticket"], approval_required_tools: ["send_reply"] } }),
      kitOf(["read_ticket", "send_reply"]),
    ],
    ["an agentaz.json without a kit", agentaz({}), {}],
  ])("passes %s", (_, text, companions) => {
    expect(findings(RULE, text, FILE, {}, companions)).toEqual([]);
  });

  it("passes an agentspec spec (it has no kit)", () => {
    expect(findings(RULE, `${HEADER}tools:\n  crm.lookup: { effect: read }\n`)).toEqual([]);
  });

  it("reports each kit tool the agentaz.json does not declare, at the tool_boundary key", () => {
    expect(findings(RULE, agentaz({}), FILE, {}, kitOf(["read_ticket", "lookup_order", "process_refund"]))).toEqual([
      {
        ruleId: RULE,
        severity: "warning",
        line: 8,
        column: 3,
        message:
          'kit.json lists "lookup_order", which tool_boundary does not declare, so agentspec denies it: declare it in tool_boundary or remove it from kit.json',
      },
      {
        ruleId: RULE,
        severity: "warning",
        line: 8,
        column: 3,
        message:
          'kit.json lists "process_refund", which tool_boundary does not declare, so agentspec denies it: declare it in tool_boundary or remove it from kit.json',
      },
    ]);
  });

  it.each([
    ["not JSON", '{ "tools": [', "kit.json beside this spec was ignored: kit.json:1:13: Unexpected end of file: expected a JSON value"],
    [
      "tools not a list",
      '{\n  "tools": { "name": "x" }\n}\n',
      'kit.json beside this spec was ignored: kit.json:2:12: "tools" must be a list of { name, purpose }',
    ],
    [
      "a tool without a name",
      '{ "tools": [{ "purpose": "x" }] }',
      'kit.json beside this spec was ignored: kit.json:1:13: tools[0] must be an object with a "name" string',
    ],
    [
      "a failure mode missing its recovery",
      '{ "failureModes": [{ "mode": "a", "detection": "b", "mitigation": "c" }] }',
      'kit.json beside this spec was ignored: kit.json:1:19: "failureModes" must be a list of { mode, detection, mitigation, recovery } strings',
    ],
  ])("reports a kit.json that is %s at the top of the agentaz.json, and ignores it", (_, kitText, message) => {
    expect(findings(RULE, agentaz({}), FILE, {}, { kit: parseSource("kits/demo/kit.json", kitText) })).toEqual([
      { ruleId: RULE, severity: "warning", line: 1, column: 1, message },
    ]);
  });
});
