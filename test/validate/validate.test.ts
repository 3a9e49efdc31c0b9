import { describe, expect, it } from "vitest";
import { lintText, MINIMAL_YAML } from "../helpers/lint-text.js";

/** Each broken spec produces exactly one clear diagnostic at the offending node. */
describe("schema and syntax diagnostics", () => {
  it.each([
    {
      name: "a typo'd field",
      text: MINIMAL_YAML.replace("effect: read", "efect: read"),
      expected: {
        ruleId: "schema",
        message: 'Unknown property "efect" in tools["crm.lookup"]; did you mean "effect"?',
        line: 7,
        column: 5,
        pointer: "/tools/crm.lookup/efect",
      },
    },
    {
      name: "an unknown top-level field",
      text: MINIMAL_YAML + "limitz:\n  max_turns: 3\n",
      expected: {
        ruleId: "schema",
        message: 'Unknown property "limitz" in the spec; did you mean "limits"?',
        line: 8,
        column: 1,
        pointer: "/limitz",
      },
    },
    {
      name: "a wrong type",
      text: MINIMAL_YAML + "limits:\n  max_tool_calls: thirty\n",
      expected: {
        ruleId: "schema",
        message: 'limits.max_tool_calls must be a whole number, not "thirty"',
        line: 9,
        column: 19,
        pointer: "/limits/max_tool_calls",
      },
    },
    {
      // A comparison with nothing to compare would never hold, so the gate would silently be off.
      name: "an approval condition comparing no argument or context field",
      text: MINIMAL_YAML + "  billing.refund:\n    effect: irreversible\n    approval: { when: { gt: 100 } }\n",
      expected: {
        ruleId: "schema",
        message: 'Missing required property "arg" or "context" in tools["billing.refund"].approval.when',
        line: 10,
        column: 17,
        pointer: "/tools/billing.refund/approval/when",
      },
    },
    {
      name: "a missing required field",
      text: MINIMAL_YAML.replace("  version: 1.0.0\n", ""),
      expected: { ruleId: "schema", message: 'Missing required property "version" in agent', line: 2, column: 1, pointer: "/agent" },
    },
    {
      name: "a value outside an enum",
      text: MINIMAL_YAML.replace("effect: read", "effect: wrote"),
      expected: {
        ruleId: "schema",
        message: 'tools["crm.lookup"].effect must be one of "read", "draft", "write", "irreversible", not "wrote" (did you mean "write"?)',
        line: 7,
        column: 13,
        pointer: "/tools/crm.lookup/effect",
      },
    },
    {
      name: "a bad date",
      text: MINIMAL_YAML.replace("  version: 1.0.0\n", "  version: 1.0.0\n  last_reviewed: 24/06/2026\n"),
      expected: {
        ruleId: "schema",
        message: 'agent.last_reviewed must be a date written YYYY-MM-DD, not "24/06/2026"',
        line: 5,
        column: 18,
        pointer: "/agent/last_reviewed",
      },
    },
    {
      name: "a deny entry of the wrong type",
      text: MINIMAL_YAML + "deny: [email.send, 42]\n",
      expected: {
        ruleId: "schema",
        message: "deny[1] must be a string or an object (key: value pairs), not 42",
        line: 8,
        column: 20,
        pointer: "/deny/1",
      },
    },
    {
      name: "bad YAML",
      text: MINIMAL_YAML + "deny: [email.send\n",
      expected: { ruleId: "syntax", line: 9, column: 1, pointer: "" },
    },
    {
      name: "a duplicate YAML key",
      text: MINIMAL_YAML + "tools:\n  x: { effect: read }\n",
      expected: {
        ruleId: "syntax",
        message: 'Duplicate key "tools": it is already set on line 5; remove one of them',
        line: 8,
        column: 1,
        pointer: "",
      },
    },
  ])("$name", ({ text, expected }) => {
    const diagnostics = lintText(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: "error", ...expected });
  });

  it.each([
    {
      name: "bad JSON",
      text: '{\n  "agentspec": "1.0",\n  "agent": { "id": "x", "version": "1" }\n  "tools": {}\n}',
      expected: { ruleId: "syntax", message: "Unexpected '\"': expected ',' or '}' in an object", line: 4, column: 3 },
    },
    {
      name: "a duplicate JSON key",
      text: '{\n  "agentspec": "1.0",\n  "agent": { "id": "x", "version": "1", "id": "y" },\n  "tools": {}\n}',
      expected: {
        ruleId: "syntax",
        message: 'Duplicate key "id": it is already set on line 3; remove one of them',
        line: 3,
        column: 41,
        pointer: "/agent/id",
      },
    },
    {
      name: "a JSON typo",
      text: '{\n  "agentspec": "1.0",\n  "agent": { "id": "x", "version": "1" },\n  "tools": {},\n  "deny_list": []\n}',
      expected: {
        ruleId: "schema",
        message: 'Unknown property "deny_list" in the spec; see the schema for the allowed properties',
        line: 5,
        column: 3,
        pointer: "/deny_list",
      },
    },
  ])("$name", ({ text, expected }) => {
    const diagnostics = lintText(text, "spec.agentspec.json");
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: "error", ...expected });
  });

  it("reports every independent problem, each at its own node", () => {
    const text = MINIMAL_YAML.replace("effect: read", "effect: wrote") + "limits:\n  max_turns: -1\n";
    expect(lintText(text).map((d) => [d.line, d.column, d.pointer])).toEqual([
      [7, 13, "/tools/crm.lookup/effect"],
      [9, 14, "/limits/max_turns"],
    ]);
  });

  it("accepts the minimal spec", () => {
    expect(lintText(MINIMAL_YAML)).toEqual([]);
  });
});
