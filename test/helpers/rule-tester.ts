/**
 * A rule's tests as data, in the style of ESLint's RuleTester:
 *
 *   testRule("redundant-deny", {
 *     valid: [SPEC_TEXT, { name, code, file?, config?, kit? }],
 *     invalid: [{ name, code, errors: [{ message, line, column, severity?, ruleId? }] }],
 *   });
 *
 * Each case runs the rule alone over the spec text, as the CLI would lint a file of that name.
 * A valid case must give no diagnostic at all; an invalid one exactly the errors listed, in
 * order (severity: the rule's default unless the error says otherwise). Every invalid case is also run once more with a suppression of the rule added to the
 * spec: the findings must be gone and the suppression counted as used (agentaz.json has no place
 * for suppressions, so AgentAz cases skip that round trip).
 */
import { describe, expect, it } from "vitest";
import type { Diagnostic, Severity } from "../../src/diagnostics.js";
import { createLintRun, lintSpec, rules, type LintConfig, type Rule } from "../../src/lint/index.js";
import { parseSource } from "../../src/load/index.js";
import { checkSource, type Spec } from "../../src/model/index.js";

export interface RuleCase {
  /** What the case shows; the test's title. */
  name?: string;
  /** The spec text. */
  code: string;
  /** The file name it is linted as (default spec.agentspec.yaml). */
  file?: string;
  config?: LintConfig;
  /** The kit.json text beside an agentaz.json. */
  kit?: string;
  /**
   * Specs linted before this one in the same run (as lintFiles lints a folder), for cross-file
   * rules: a string is a spec text, linted as `earlier-<n>.agentspec.yaml`. Their own findings
   * are not part of the case.
   */
  earlier?: (string | { code: string; file: string })[];
}

export interface ExpectedError {
  /** Default: the rule under test. */
  ruleId?: string;
  message: string | RegExp;
  line: number;
  column: number;
  /** Default: the rule's default severity. */
  severity?: Severity;
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedError[];
}

export interface RuleCases {
  valid: (string | RuleCase)[];
  invalid: InvalidCase[];
}

const DEFAULT_FILE = "spec.agentspec.yaml";
const SUPPRESSION_REASON = "accepted in the rule test";

/** The rule's diagnostics over one case (and the unused-suppression check of its own suppressions). */
export function runRule(ruleId: string, { code, file = DEFAULT_FILE, config = {}, kit, earlier = [] }: RuleCase): Diagnostic[] {
  const rule = ruleOf(ruleId);
  const run = createLintRun();
  earlier.forEach((entry, i) => {
    const before = typeof entry === "string" ? { code: entry, file: `earlier-${i + 1}.agentspec.yaml` } : entry;
    lintSpec(specOf(before.file, before.code), config, [rule], { run });
  });
  return lintSpec(specOf(file, code, kit), config, [rule], { run });
}

function specOf(file: string, code: string, kit?: string): Spec {
  const companions = kit === undefined ? {} : { kit: parseSource(file.replace(/[^/]*$/, "kit.json"), kit) };
  const checked = checkSource(parseSource(file, code), companions);
  if (!checked.spec) {
    throw new Error(`The case is not a valid spec: ${checked.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join("; ")}`);
  }
  return checked.spec;
}

function ruleOf(ruleId: string): Rule {
  const rule = rules.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`No rule "${ruleId}"`);
  return rule;
}

export function testRule(ruleId: string, { valid, invalid }: RuleCases): void {
  describe(ruleId, () => {
    it("has passing and failing cases", () => {
      expect(valid.length).toBeGreaterThan(0);
      expect(invalid.length).toBeGreaterThan(0);
    });

    for (const entry of valid) {
      const testCase = typeof entry === "string" ? { code: entry } : entry;
      it(`valid: ${title(testCase)}`, () => {
        expect(brief(runRule(ruleId, testCase))).toEqual([]);
      });
    }

    for (const testCase of invalid) {
      it(`invalid: ${title(testCase)}`, () => {
        const found = runRule(ruleId, testCase);
        expect(found, describeFound(found)).toHaveLength(testCase.errors.length);
        testCase.errors.forEach((expected, i) => {
          const actual = found[i]!;
          const want = { ruleId: expected.ruleId ?? ruleId, line: expected.line, column: expected.column };
          expect({ ruleId: actual.ruleId, line: actual.line, column: actual.column }, `error ${i + 1}: ${actual.message}`).toEqual(want);
          if (typeof expected.message === "string") expect(actual.message).toBe(expected.message);
          else expect(actual.message).toMatch(expected.message);
          expect(actual.severity, `error ${i + 1}'s severity`).toBe(expected.severity ?? ruleOf(ruleId).severity);
        });
      });

      const suppressible = testCase.errors.every((e) => (e.ruleId ?? ruleId) === ruleId);
      it.skipIf(isAgentaz(testCase) || !suppressible)(`invalid, suppressed: ${title(testCase)}`, () => {
        const suppressed = { ...testCase, code: withSuppression(testCase.code, testCase.file ?? DEFAULT_FILE, ruleId) };
        expect(brief(runRule(ruleId, suppressed))).toEqual([]);
      });
    }
  });
}

function isAgentaz({ code, file = DEFAULT_FILE }: RuleCase): boolean {
  return /(^|\/)agentaz\.json$/.test(file) || (file.endsWith(".json") && !/"agentspec"\s*:/.test(code));
}

/** The spec text with one more suppression, of every finding of the rule. */
export function withSuppression(code: string, file: string, ruleId: string): string {
  const item = { rule: ruleId, reason: SUPPRESSION_REASON };
  if (file.endsWith(".json")) {
    const data = JSON.parse(code) as { suppressions?: unknown[] };
    return JSON.stringify({ ...data, suppressions: [...(data.suppressions ?? []), item] }, null, 2) + "\n";
  }
  const line = `  - { rule: ${ruleId}, reason: "${SUPPRESSION_REASON}" }\n`;
  // Last in the list: the first suppression that matches a finding takes it, so the spec's own
  // suppressions keep the findings they take.
  const block = /^suppressions:[ \t]*\n(?:[ \t]+.*\n)*/m.exec(code);
  if (block) return code.slice(0, block.index + block[0].length) + line + code.slice(block.index + block[0].length);
  if (/^suppressions:/m.test(code)) throw new Error("withSuppression handles a block-style suppressions list only");
  return `${code.endsWith("\n") ? code : code + "\n"}suppressions:\n${line}`;
}

function title({ name, code }: RuleCase): string {
  return name ?? code.trim().split("\n").slice(-1)[0]!.slice(0, 80);
}

function brief(found: readonly Diagnostic[]): string[] {
  return found.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`);
}

function describeFound(found: readonly Diagnostic[]): string {
  return `found:\n${brief(found).join("\n") || "(nothing)"}`;
}
