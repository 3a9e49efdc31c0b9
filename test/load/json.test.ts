import { describe, expect, it } from "vitest";
import { parseJsonSource } from "../../src/load/json.js";

describe("JSON with positions", () => {
  const text = `{
  "agent": { "id": "demo" },
  "tools": {
    "crm.lookup": { "effect": "read" },
    "a/b~c": [1, 2, {"x": true}]
  }
}`;
  const doc = parseJsonSource("spec.json", text);

  it("parses the data", () => {
    expect(doc.diagnostics).toEqual([]);
    expect(doc.data).toEqual({ agent: { id: "demo" }, tools: { "crm.lookup": { effect: "read" }, "a/b~c": [1, 2, { x: true }] } });
  });

  it("maps pointers to the value or the key", () => {
    expect(doc.locate("/agent/id")).toEqual({ line: 2, column: 20 });
    expect(doc.locate("/agent/id", "key")).toEqual({ line: 2, column: 14 });
    expect(doc.locate("/tools/crm.lookup/effect")).toEqual({ line: 4, column: 31 });
    expect(doc.locate("/tools/a~1b~0c/2/x")).toEqual({ line: 5, column: 27 });
    expect(doc.locate("")).toEqual({ line: 1, column: 1 });
  });

  it("maps a pointer that does not exist to its nearest parent", () => {
    expect(doc.locate("/tools/crm.lookup/approval/channel")).toEqual({ line: 4, column: 19 });
  });

  it("reports a duplicate key at the second occurrence", () => {
    const dup = parseJsonSource("d.json", '{\n  "a": 1,\n  "a": 2\n}');
    expect(dup.diagnostics).toEqual([
      {
        ruleId: "syntax",
        severity: "error",
        message: 'Duplicate key "a": it is already set on line 2; remove one of them',
        line: 3,
        column: 3,
        pointer: "/a",
      },
    ]);
  });

  it.each([
    ['{"a": 1,}', "Unexpected '}': expected a property name in double quotes", 1, 9],
    ['{"a": 1\n "b": 2}', "Unexpected '\"': expected ',' or '}' in an object", 2, 2],
    ['{"a": tru}', "Unexpected 't': expected a JSON value", 1, 7],
    ['{"a": "x', "Unterminated string: add the closing double quote", 1, 7],
    ["", "The file is empty: expected a JSON object", 1, 1],
    ['{"a": 1} x', "Unexpected 'x' after the end of the JSON value", 1, 10],
  ])("reports a syntax error in %j", (input, message, line, column) => {
    const bad = parseJsonSource("bad.json", input);
    expect(bad.data).toBeUndefined();
    expect(bad.diagnostics).toEqual([{ ruleId: "syntax", severity: "error", message, line, column, pointer: "" }]);
  });

  it("keeps __proto__ as data without touching any prototype", () => {
    const polluted = parseJsonSource("p.json", '{"__proto__": {"polluted": true}}');
    expect(Object.keys(polluted.data as object)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses nesting beyond the depth limit instead of overflowing the stack", () => {
    const deep = parseJsonSource("deep.json", "[".repeat(10_000) + "]".repeat(10_000));
    expect(deep.diagnostics[0]?.message).toMatch(/Nesting deeper than/);
  });

  it("counts CRLF line endings and a BOM correctly", () => {
    const crlf = parseJsonSource("c.json", '\uFEFF{\r\n  "a": {\r\n    "b": 1\r\n  }\r\n}');
    expect(crlf.locate("/a/b")).toEqual({ line: 3, column: 10 });
  });
});
