import { describe, expect, it } from "vitest";
import { parseYamlSource } from "../../src/load/yaml.js";

describe("YAML with positions", () => {
  const text = `agent:
  id: demo
tools:
  crm.lookup: { effect: read }
  email.send:
    effect: irreversible
deny: [a, "b.*"]
`;
  const doc = parseYamlSource("spec.yaml", text);

  it("parses the data", () => {
    expect(doc.diagnostics).toEqual([]);
    expect(doc.data).toEqual({
      agent: { id: "demo" },
      tools: { "crm.lookup": { effect: "read" }, "email.send": { effect: "irreversible" } },
      deny: ["a", "b.*"],
    });
  });

  it("maps pointers to values and keys", () => {
    expect(doc.locate("/agent/id")).toEqual({ line: 2, column: 7 });
    expect(doc.locate("/tools/crm.lookup/effect")).toEqual({ line: 4, column: 25 });
    expect(doc.locate("/tools/email.send", "key")).toEqual({ line: 5, column: 3 });
    expect(doc.locate("/deny/1")).toEqual({ line: 7, column: 11 });
    expect(doc.locate("/tools/missing/x")).toEqual({ line: 4, column: 3 });
  });

  it("reports a duplicate key", () => {
    const dup = parseYamlSource("d.yaml", "a: 1\nb: 2\na: 3\n");
    expect(dup.diagnostics).toEqual([
      {
        ruleId: "syntax",
        severity: "error",
        message: 'Duplicate key "a": it is already set on line 1; remove one of them',
        line: 3,
        column: 1,
        pointer: "",
      },
    ]);
  });

  it("reports bad YAML with its position", () => {
    const bad = parseYamlSource("b.yaml", "agent:\n  id: demo\n   version: 1\n");
    expect(bad.data).toBeUndefined();
    expect(bad.diagnostics).toHaveLength(1);
    expect(bad.diagnostics[0]).toEqual({
      ruleId: "syntax",
      severity: "error",
      message:
        'Nested mappings are not allowed in compact mappings: check the indentation here and on the next line, or quote a value that contains ": "',
      line: 2,
      column: 7,
      pointer: "",
    });
  });

  it("reports an empty file", () => {
    expect(parseYamlSource("e.yaml", "  \n").diagnostics).toEqual([
      { ruleId: "syntax", severity: "error", message: "The file is empty: expected a YAML mapping", line: 1, column: 1, pointer: "" },
    ]);
  });

  it("refuses more than one document", () => {
    const multi = parseYamlSource("m.yaml", "a: 1\n---\nb: 2\n");
    expect(multi.diagnostics.map((d) => d.message)).toContain("The file holds more than one YAML document: put one spec in each file");
  });

  it("stops an alias bomb", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 10; i++)
      bomb.push(
        `${"b".repeat(i)}: &${"b".repeat(i)} [${Array(10)
          .fill(i === 1 ? "*a" : "*" + "b".repeat(i - 1))
          .join(", ")}]`,
      );
    const doc = parseYamlSource("bomb.yaml", bomb.join("\n"));
    expect(doc.data).toBeUndefined();
    expect(doc.diagnostics[0]?.message).toMatch(/alias/i);
  });
});
