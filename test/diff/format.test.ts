/**
 * The diff's output formats over hostile names: a spec's author controls tool names, patterns and
 * channels, and none of them may rewrite a terminal, start Markdown markup, mention someone in a
 * pull-request comment, or break a table, an annotation or a SARIF log.
 */
import { describe, expect, it } from "vitest";
import { diffAuthority } from "../../src/diff/index.js";
import type { SpecDiff } from "../../src/diff/files.js";
import { diffFormatNames, diffReporters } from "../../src/diff/format/index.js";
import { code, text } from "../../src/diff/format/markdown.js";
import { specFrom } from "../helpers/spec-text.js";

const HOSTILE = [
  "x@everyone",
  "<img src=x onerror=alert(1)>",
  "a|b",
  "`tick``s`",
  "[link](https://evil.example)",
  "\u001b[2Jclear",
  "bidi\u202eevil",
];

function hostileDiff(): SpecDiff {
  const tools = (approval: string) => HOSTILE.map((name) => `  ${JSON.stringify(name)}: { effect: read${approval} }`).join("\n");
  const old = specFrom(`agentspec: "1.0"\nagent: { id: h, version: "1" }\ntools:\n${tools(", approval: true")}\n`, "old.agentspec.yaml");
  const next = specFrom(`agentspec: "1.0"\nagent: { id: h, version: "1" }\ntools:\n${tools("")}\n`, "new.agentspec.yaml");
  return { file: "new.agentspec.yaml", old: "old.agentspec.yaml", status: "changed", changes: diffAuthority(old, next), problems: [] };
}

const options = { color: false, cwd: process.cwd() };

describe("diff formats", () => {
  it("registers one reporter per format name, in order", () => {
    expect(diffReporters.map((r) => r.id)).toEqual([...diffFormatNames]);
    for (const reporter of diffReporters) expect(reporter.description.length).toBeGreaterThan(10);
  });

  it("the hostile spec widens once per tool, each with a witness but for names decide() refuses as malformed", () => {
    const diff = hostileDiff();
    // Whitespace, a control and a bidi override make a name malformed: decide() denies it under
    // both policies, so removing its gate changes no decision and there is no witness.
    const malformed = new Set(["<img src=x onerror=alert(1)>", "\u001b[2Jclear", "bidi\u202eevil"]);
    expect(diff.changes.map((c) => [c.kind, c.direction, c.witness?.call.tool])).toEqual(
      HOSTILE.map((n) => ["approval-removed", "widened", malformed.has(n) ? undefined : n]),
    );
  });

  it("markdown: names cannot make markup, tags, mentions or cells", () => {
    const out = diffReporters.find((r) => r.id === "markdown")!.format([hostileDiff()], options);
    // Code spans show their content literally: outside them nothing may be markup.
    const prose = out.replace(/(`+)[\s\S]*?\1/g, "");
    expect(prose).not.toMatch(/<img/);
    expect(prose).not.toMatch(/@everyone/);
    expect(prose).not.toMatch(/\]\(https/);
    expect(out).not.toContain("\u001b");
    expect(out).not.toContain("\u202e");
    // Every table row has exactly four cells: no name split one.
    const rows = out.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| line") && !l.startsWith("| ---"));
    expect(rows).toHaveLength(HOSTILE.length);
    for (const row of rows) expect(row.replace(/\\\|/g, "").split("|").length - 2).toBe(4);
  });

  it("markdown text and code spans escape what Markdown would read", () => {
    expect(text("*a* _b_ [c](d) <e> & @f #1 | g\nh")).toBe("\\*a\\* \\_b\\_ \\[c\\]\\(d\\) &lt;e&gt; &amp; @&#8203;f \\#1 \\| g h");
    expect(code("a`b")).toBe("``a`b``");
    expect(code("`x`")).toBe("`` `x` ``");
    expect(code("p|q")).toBe("`p\\|q`");
    expect(code("bell\u0007")).toBe("`bell\\u0007`");
  });

  it("stylish shows controls and bidirectional overrides as escapes", () => {
    const out = diffReporters.find((r) => r.id === "stylish")!.format([hostileDiff()], options);
    expect(out).not.toContain("\u001b");
    expect(out).not.toContain("\u202e");
    expect(out).toMatch(/\\u001[bB]\[2Jclear/);
    expect(out).toContain("bidi\\u202Eevil");
  });

  it("github: one annotation line per widened change, whatever the names hold", () => {
    const out = diffReporters.find((r) => r.id === "github")!.format([hostileDiff()], options);
    const lines = out.trimEnd().split("\n");
    expect(lines).toHaveLength(HOSTILE.length);
    for (const line of lines)
      expect(line).toMatch(/^::warning file=new\.agentspec\.yaml,line=\d+,col=\d+,title=approval-removed::Authority widened: /);
  });

  it("json and sarif stay valid JSON", () => {
    for (const id of ["json", "sarif"]) {
      const out = diffReporters.find((r) => r.id === id)!.format([hostileDiff()], options);
      expect(() => JSON.parse(out)).not.toThrow();
    }
  });
});
