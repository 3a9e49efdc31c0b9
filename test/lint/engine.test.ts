import { describe, expect, it } from "vitest";
import { lintSpec, type LintConfig } from "../../src/lint/engine.js";
import type { Rule } from "../../src/lint/types.js";
import { parseSource } from "../../src/load/index.js";
import { checkSource } from "../../src/model/index.js";
import type { Diagnostic } from "../../src/diagnostics.js";

/** Reports every write tool, naming it, so suppressions can target one tool. */
const writeTool: Rule = {
  id: "fake-write-tool",
  severity: "error",
  description: "Reports every write tool",
  docs: "Test rule.",
  check(spec, { report }) {
    for (const tool of spec.tools) {
      if (tool.effect === "write")
        report({ pointer: `/tools/${tool.name}`, at: "key", message: `Tool "${tool.name}" writes`, tool: tool.name });
    }
  },
};

/** Reports once about the whole spec, with no tool. */
const noHandoff: Rule = {
  id: "fake-no-handoff",
  severity: "warning",
  description: "Reports a spec without a handoff",
  docs: "Test rule.",
  check(spec, { report }) {
    if (!spec.handoff.destination) report({ pointer: "/agent", at: "key", message: "No handoff destination" });
  },
};

const RULES = [writeTool, noHandoff];

const SPEC = `agentspec: "1.0"
agent:
  id: demo
  version: 1.0.0
tools:
  crm.update:
    effect: write
  crm.delete:
    effect: write
`;

function lint(suppressions: string, config: LintConfig = {}, rules: readonly Rule[] = RULES): Diagnostic[] {
  const checked = checkSource(parseSource("demo.agentspec.yaml", SPEC + suppressions));
  expect(checked.diagnostics).toEqual([]);
  return lintSpec(checked.spec!, config, rules);
}

const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`);

describe("lintSpec", () => {
  it("turns a rule that throws into one internal diagnostic naming the rule and the file; the other rules still run", () => {
    const throwing: Rule = { ...noHandoff, id: "fake-throws", check: () => JSON.parse("{") };
    expect(brief(lint("", {}, [throwing, writeTool]))).toEqual([
      expect.stringMatching(/^1:1 error internal The rule "fake-throws" failed on demo\.agentspec\.yaml \(.*JSON.*\): this is a bug/),
      '6:3 error fake-write-tool Tool "crm.update" writes',
      '8:3 error fake-write-tool Tool "crm.delete" writes',
    ]);
  });

  it("reports what the rules find, at the finding's line:column", () => {
    expect(brief(lint(""))).toEqual([
      '6:3 error fake-write-tool Tool "crm.update" writes',
      '8:3 error fake-write-tool Tool "crm.delete" writes',
      "2:1 warning fake-no-handoff No handoff destination",
    ]);
  });

  it("applies config severities and turns rules off", () => {
    expect(brief(lint("", { rules: { "fake-write-tool": "warn", "fake-no-handoff": "off" } }))).toEqual([
      '6:3 warning fake-write-tool Tool "crm.update" writes',
      '8:3 warning fake-write-tool Tool "crm.delete" writes',
    ]);
    expect(lint("", { rules: { "fake-no-handoff": "error" } }).at(-1)?.severity).toBe("error");
  });

  it("a suppression without a tool removes every finding of its rule", () => {
    const suppressions = "suppressions:\n  - { rule: fake-write-tool, reason: reviewed }\n";
    expect(brief(lint(suppressions))).toEqual(["2:1 warning fake-no-handoff No handoff destination"]);
  });

  it("a tool-scoped suppression removes only that tool's finding", () => {
    const suppressions = "suppressions:\n  - { rule: fake-write-tool, tool: crm.update, reason: reviewed }\n";
    expect(brief(lint(suppressions, { rules: { "fake-no-handoff": "off" } }))).toEqual([
      '8:3 error fake-write-tool Tool "crm.delete" writes',
    ]);
  });

  it("a tool-scoped suppression does not match a finding that names no tool", () => {
    const suppressions = "suppressions:\n  - { rule: fake-no-handoff, tool: crm.update, reason: reviewed }\n";
    const found = brief(lint(suppressions, { rules: { "fake-write-tool": "off" } }));
    expect(found).toEqual([
      "2:1 warning fake-no-handoff No handoff destination",
      '11:5 warning unused-suppression Suppression of "fake-no-handoff" for "crm.update" suppresses nothing: remove it',
    ]);
  });

  it("reports a suppression that suppresses nothing at the suppression's line:column", () => {
    const suppressions = [
      "suppressions:",
      "  - rule: fake-write-tool",
      "    tool: crm.read",
      "    reason: no such finding",
      "  - { rule: fake-no-handoff, reason: accepted }",
      "",
    ].join("\n");
    expect(brief(lint(suppressions))).toEqual([
      '6:3 error fake-write-tool Tool "crm.update" writes',
      '8:3 error fake-write-tool Tool "crm.delete" writes',
      '11:5 warning unused-suppression Suppression of "fake-write-tool" for "crm.read" suppresses nothing: remove it',
    ]);
    expect(lint(suppressions).at(-1)?.pointer).toBe("/suppressions/0");
  });

  it("reports a suppression that names no rule, and one that names a built-in check", () => {
    const suppressions = "suppressions:\n  - { rule: fake-typo, reason: x }\n  - { rule: schema, reason: y }\n";
    expect(brief(lint(suppressions, { rules: { "fake-write-tool": "off", "fake-no-handoff": "off" } }))).toEqual([
      '11:5 warning unused-suppression Suppression names "fake-typo", which is not a rule: see `agentspec rules`',
      '12:5 warning unused-suppression Suppression names "schema", which cannot be suppressed: fix the finding instead, or remove the suppression',
    ]);
  });

  it("a duplicate suppression is reported as unused: the first one takes the findings", () => {
    const suppressions = "suppressions:\n  - { rule: fake-no-handoff, reason: a }\n  - { rule: fake-no-handoff, reason: b }\n";
    expect(brief(lint(suppressions, { rules: { "fake-write-tool": "off" } }))).toEqual([
      '12:5 warning unused-suppression Suppression of "fake-no-handoff" suppresses nothing: remove it',
    ]);
  });

  it("does not report a suppression of a rule the config turns off", () => {
    const suppressions = "suppressions:\n  - { rule: fake-write-tool, reason: reviewed }\n";
    expect(brief(lint(suppressions, { rules: { "fake-write-tool": "off", "fake-no-handoff": "off" } }))).toEqual([]);
  });

  it("configures unused-suppression like any rule", () => {
    const suppressions = "suppressions:\n  - { rule: fake-typo, reason: x }\n";
    const off = { "fake-write-tool": "off", "fake-no-handoff": "off" } as const;
    expect(lint(suppressions, { rules: { ...off, "unused-suppression": "error" } }).map((d) => d.severity)).toEqual(["error"]);
    expect(lint(suppressions, { rules: { ...off, "unused-suppression": "off" } })).toEqual([]);
  });

  it("passes configured options to the rules, with defaults for the rest", () => {
    let seen: unknown;
    const probe: Rule = { ...noHandoff, id: "fake-probe", check: (_spec, { options }) => void (seen = options) };
    const now = new Date("2026-01-01T00:00:00Z");
    lint("", { options: { staleReviewDays: 30, now } }, [probe]);
    expect(seen).toEqual({ staleReviewDays: 30, now });
    lint("", {}, [probe]);
    expect((seen as { staleReviewDays: number }).staleReviewDays).toBe(180);
  });
});
