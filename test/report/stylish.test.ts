import { describe, expect, it } from "vitest";
import { stylish } from "../../src/report/formatters/stylish.js";
import { CWD, RESULTS } from "./results.js";

describe("stylish", () => {
  it("prints aligned rows per file and a summary, without colour", () => {
    expect(stylish.format(RESULTS, { color: false, cwd: CWD })).toBe(
      [
        "specs/order.agentspec.yaml",
        '  7:5   error    Unknown property "efect" in tools["crm.lookup"]; did you mean "effect"?  schema',
        "  3:18  warning  Last reviewed 400 days ago                                               fake-stale",
        "",
        "specs/odd name, 100%.agentspec.yaml",
        '  12:5  warning  Say "<hi>" & 50%\\u000D\\u000Athen: go, now  unused-suppression',
        "",
        "✖ 3 problems (1 error, 2 warnings)",
        "",
      ].join("\n"),
    );
  });

  it("colours with ANSI codes when asked", () => {
    const out = stylish.format([RESULTS[0]!], { color: true, cwd: CWD });
    expect(out).toBe(
      [
        "\u001b[4mspecs/order.agentspec.yaml\u001b[24m",
        '  \u001b[2m7:5 \u001b[22m  \u001b[31merror  \u001b[39m  Unknown property "efect" in tools["crm.lookup"]; did you mean "effect"?  \u001b[2mschema\u001b[22m',
        "  \u001b[2m3:18\u001b[22m  \u001b[33mwarning\u001b[39m  Last reviewed 400 days ago                                               \u001b[2mfake-stale\u001b[22m",
        "",
        "\u001b[31m\u001b[1m✖ 2 problems (1 error, 1 warning)\u001b[22m\u001b[39m",
        "",
      ].join("\n"),
    );
  });

  it("shows control and bidirectional-override characters as escapes, never raw", () => {
    const hostile = [
      {
        file: "specs/\u001b[2Jx.agentspec.yaml",
        diagnostics: [
          { ruleId: "r", severity: "error" as const, message: 'Tool "a\u001b]0;pwned\u0007\u202eb"', line: 1, column: 1, pointer: "" },
        ],
      },
    ];
    const out = stylish.format(hostile, { color: false, cwd: CWD });
    expect(out).toContain("specs/\\u001B[2Jx.agentspec.yaml");
    expect(out).toContain('Tool "a\\u001B]0;pwned\\u0007\\u202Eb"');
    expect(out).not.toMatch(/[\u0007\u001b\u202e]/);
  });

  it("says how many files were clean", () => {
    expect(stylish.format([RESULTS[1]!], { color: false, cwd: CWD })).toBe("✔ 1 file checked: no problems\n");
    expect(stylish.format([RESULTS[1]!, RESULTS[1]!], { color: true, cwd: CWD })).toBe(
      "\u001b[32m✔ 2 files checked: no problems\u001b[39m\n",
    );
  });
});
