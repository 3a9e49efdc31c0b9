/**
 * What `agentspec test` prints: stylish (people), json (machines) and junit (CI test reports).
 * All three say the same verdict as the exit code: a failed case, a spec that could not be
 * tested, or a run with no case at all (unless --pass-with-no-tests) fails.
 */
import { Chalk } from "chalk";
import { printable, type Diagnostic } from "../diagnostics.js";
import type { DecisionTestResult } from "../policy/decision-tests.js";
import { escapeXml } from "../report/formatters/junit.js";
import { jsonDiagnostic } from "../report/formatters/json.js";
import { relativePath } from "../report/paths.js";

export type TestFormat = "stylish" | "json" | "junit";

/** One spec's run: its cases in file order, or, when it is not valid, its errors in file order. */
export interface SpecTests {
  file: string;
  tested: boolean;
  diagnostics: Diagnostic[];
  cases: DecisionTestResult[];
}

export interface TestVerdict {
  passed: boolean;
  cases: number;
  failed: number;
  untested: number;
  /** No spec had a case, and --pass-with-no-tests was not given: the run checked nothing, so it fails. */
  noTests: boolean;
  /** No spec had a case, and --pass-with-no-tests let the run pass. */
  noTestsAllowed: boolean;
}

export function testVerdict(results: readonly SpecTests[], passWithNoTests: boolean): TestVerdict {
  const cases = results.reduce((n, r) => n + r.cases.length, 0);
  const failed = results.reduce((n, r) => n + r.cases.filter((c) => !c.passed).length, 0);
  const untested = results.filter((r) => !r.tested).length;
  // A spec that could not be tested already fails the run; "no cases" is said only of a run that read every spec.
  const none = cases === 0 && untested === 0;
  const noTests = none && !passWithNoTests;
  return { passed: failed === 0 && untested === 0 && !noTests, cases, failed, untested, noTests, noTestsAllowed: none && passWithNoTests };
}

export interface TestReportOptions {
  color: boolean;
  cwd: string;
}

type TestReport = (results: readonly SpecTests[], verdict: TestVerdict, options: TestReportOptions) => string;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The sentence a run without a single case ends with. */
export function noTestsMessage(files: number, allowed: boolean): string {
  const where = `No test cases in ${plural(files, "spec")}`;
  return allowed
    ? `${where} (--pass-with-no-tests)`
    : `${where}: nothing was checked. Add tests: cases to a spec (see the README's Runtime section), or pass --pass-with-no-tests`;
}

const stylish: TestReport = (results, verdict, { color }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  let out = "";
  for (const r of results) {
    out += `${c.underline(printable(r.file))}\n`;
    if (!r.tested) {
      const first = r.diagnostics[0];
      const where = first ? `; the first at ${first.line}:${first.column}: ${printable(first.message)}` : "";
      out += `  ${c.red("✖")} not tested: the spec has ${plural(r.diagnostics.length, "error")}${where} (run agentspec lint ${printable(r.file)})\n`;
    } else if (r.cases.length === 0) out += `  ${c.dim("no tests")}\n`;
    else out += r.cases.map((t) => caseLine(t, c)).join("");
  }
  const inFiles = `in ${plural(results.length, "file")}`;
  const untested = verdict.untested > 0 ? `, ${plural(verdict.untested, "spec")} not tested` : "";
  let summary: string;
  if (verdict.noTests || verdict.noTestsAllowed) {
    summary = verdict.noTests ? c.red(`✖ ${noTestsMessage(results.length, false)}`) : c.green(`✔ ${noTestsMessage(results.length, true)}`);
  } else if (verdict.passed) summary = c.green(`✔ ${plural(verdict.cases, "case")} passed ${inFiles}`);
  else summary = c.red(`✖ ${verdict.failed} of ${plural(verdict.cases, "case")} failed ${inFiles}${untested}`);
  return out + "\n" + summary + "\n";
};

function caseLine(result: DecisionTestResult, c: InstanceType<typeof Chalk>): string {
  const at = c.dim(`${result.line}:${result.column}`);
  if (result.passed) return `  ${c.green("✔")} ${at}  ${printable(result.label)}: ${result.actual.decision}\n`;
  const { decision, rule, reason } = result.actual;
  return `  ${c.red("✖")} ${at}  ${printable(result.label)}: expected ${result.expected}, got ${decision} (${rule}: ${printable(reason)})\n`;
}

/**
 * `[{ file, tested, diagnostics, cases: [{ label, line, column, pointer, call, expected, actual, passed }] }]`,
 * one entry per spec, file paths relative to the working directory as the CI formats write them.
 */
const json: TestReport = (results, _verdict, { cwd }) =>
  JSON.stringify(
    results.map((r) => ({
      file: relativePath(r.file, cwd),
      tested: r.tested,
      diagnostics: r.diagnostics.map(jsonDiagnostic),
      cases: r.cases.map((t) => ({
        label: t.label,
        line: t.line,
        column: t.column,
        pointer: t.pointer,
        call: t.test.call,
        expected: t.expected,
        actual: t.actual,
        passed: t.passed,
      })),
    })),
  ) + "\n";

/**
 * JUnit XML: a <testsuite> per spec, a <testcase> per case, failing when the decision differs. A
 * spec that could not be tested is one failing case; a run with no case at all is one failing
 * case named for --pass-with-no-tests, so the report fails exactly when the run does.
 */
const junit: TestReport = (results, verdict, { cwd }) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const r of results) {
    const file = escapeXml(relativePath(r.file, cwd));
    const cases: string[] = [];
    let suiteFailures = 0;
    if (!r.tested) {
      const detail = r.diagnostics.map((d) => `${d.line}:${d.column} ${d.message} (${d.ruleId})`).join("\n");
      cases.push(
        `    <testcase classname="${file}" name="${file}">`,
        `      <failure type="invalid-spec" message="not tested: the spec has ${plural(r.diagnostics.length, "error")}">${escapeXml(detail)}</failure>`,
        "    </testcase>",
      );
      suiteFailures = 1;
    }
    for (const t of r.cases) {
      const open = `    <testcase classname="${file}" name="${escapeXml(`${t.line}:${t.column} ${t.label}`)}"`;
      if (t.passed) {
        cases.push(open + " />");
        continue;
      }
      suiteFailures++;
      const message = `expected ${t.expected}, got ${t.actual.decision}`;
      cases.push(
        open + ">",
        `      <failure type="decision" message="${escapeXml(message)}">${escapeXml(`${message} (${t.actual.rule}: ${t.actual.reason})`)}</failure>`,
        "    </testcase>",
      );
    }
    const count = r.tested ? r.cases.length : 1;
    tests += count;
    failures += suiteFailures;
    suites.push(
      `  <testsuite name="${file}" tests="${count}" failures="${suiteFailures}" errors="0" skipped="0">`,
      ...cases,
      "  </testsuite>",
    );
  }
  if (verdict.noTests) {
    const message = escapeXml(noTestsMessage(results.length, false));
    tests += 1;
    failures += 1;
    suites.push(
      `  <testsuite name="agentspec test" tests="1" failures="1" errors="0" skipped="0">`,
      `    <testcase classname="agentspec test" name="--pass-with-no-tests">`,
      `      <failure type="no-tests" message="${message}">${message}</failure>`,
      "    </testcase>",
      "  </testsuite>",
    );
  }
  return (
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="agentspec test" tests="${tests}" failures="${failures}" errors="0">`,
      ...suites,
      "</testsuites>",
    ].join("\n") + "\n"
  );
};

export const TEST_REPORTS: Readonly<Record<TestFormat, TestReport>> = { stylish, json, junit };
