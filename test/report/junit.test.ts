import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { escapeXml, junit } from "../../src/report/formatters/junit.js";
import { CWD, RESULTS } from "./results.js";

const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", htmlEntities: true, isArray: (name) => name === "testcase" }).parse(
    xml,
  );

describe("junit", () => {
  const xml = junit.format(RESULTS, { color: false, cwd: CWD });

  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  });

  it("has one test case per file, failing only the files with errors", () => {
    const suites = parse(xml).testsuites;
    expect(suites).toMatchObject({ name: "agentspec", tests: "3", failures: "1", errors: "0" });
    const suite = suites.testsuite;
    expect(suite).toMatchObject({ name: "agentspec lint", tests: "3", failures: "1", errors: "0", skipped: "0" });
    expect(suite.testcase.map((t: { name: string; classname: string }) => [t.classname, t.name])).toEqual([
      ["specs/order.agentspec.yaml", "specs/order.agentspec.yaml"],
      ["specs/clean.agentspec.json", "specs/clean.agentspec.json"],
      ["specs/odd name, 100%.agentspec.yaml", "specs/odd name, 100%.agentspec.yaml"],
    ]);
    const [order, clean, odd] = suite.testcase;
    expect(order.failure).toEqual({
      type: "error",
      message: "1 error",
      "#text": '7:5 error Unknown property "efect" in tools["crm.lookup"]; did you mean "effect"? (schema)',
    });
    expect(order["system-out"]).toBe("3:18 warning Last reviewed 400 days ago (fake-stale)");
    expect(clean.failure).toBeUndefined();
    expect(odd.failure).toBeUndefined();
    expect(odd["system-out"]).toBe('12:5 warning Say "<hi>" & 50%\r\nthen: go, now (unused-suppression)');
  });

  it("escapes markup and replaces characters XML cannot hold", () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
    expect(escapeXml("bell\u0007 nul\u0000 lone\uD800 ok\t😀")).toBe("bell\uFFFD nul\uFFFD lone\uFFFD ok\t😀");
    const hostile = junit.format(
      [
        {
          file: "x.agentspec.yaml",
          diagnostics: [{ ruleId: "syntax", severity: "error", message: "]]> \u0001 </failure>", line: 1, column: 1, pointer: "" }],
        },
      ],
      { color: false, cwd: CWD },
    );
    expect(XMLValidator.validate(hostile)).toBe(true);
    expect(parse(hostile).testsuites.testsuite.testcase[0].failure["#text"]).toBe("1:1 error ]]> \uFFFD </failure> (syntax)");
  });

  it("writes an empty suite for no files", () => {
    expect(junit.format([], { color: false, cwd: CWD })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="agentspec" tests="0" failures="0" errors="0">\n  <testsuite name="agentspec lint" tests="0" failures="0" errors="0" skipped="0">\n  </testsuite>\n</testsuites>\n',
    );
  });
});
