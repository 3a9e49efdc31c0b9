import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, github } from "../../src/report/formatters/github.js";
import { CWD, RESULTS } from "./results.js";

describe("github", () => {
  it("prints one workflow command per finding, escaped as the runner expects", () => {
    expect(github.format(RESULTS, { color: false, cwd: CWD })).toBe(
      [
        '::error file=specs/order.agentspec.yaml,line=7,col=5,title=schema::Unknown property "efect" in tools["crm.lookup"]; did you mean "effect"?',
        "::warning file=specs/order.agentspec.yaml,line=3,col=18,title=fake-stale::Last reviewed 400 days ago",
        '::warning file=specs/odd name%2C 100%25.agentspec.yaml,line=12,col=5,title=unused-suppression::Say "<hi>" & 50%25%0D%0Athen: go, now',
        "",
      ].join("\n"),
    );
  });

  it("prints nothing when there is nothing to report", () => {
    expect(github.format([{ file: "a.agentspec.yaml", diagnostics: [] }], { color: false, cwd: CWD })).toBe("");
  });

  it("escapes % first, so an escape is never escaped twice", () => {
    expect(escapeData("100%\n%0A")).toBe("100%25%0A%250A");
    expect(escapeProperty("a:b,c%\r")).toBe("a%3Ab%2Cc%25%0D");
  });
});
