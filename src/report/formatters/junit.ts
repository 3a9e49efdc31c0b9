/**
 * `--format junit`: JUnit XML for CI test reports. Each file is a test case that fails when it
 * has errors (its <failure> lists them); warnings do not fail it and are listed in its
 * <system-out>, as they do not fail `agentspec lint` without --max-warnings. When the warnings
 * exceed --max-warnings, a test case named for the limit fails, so the report fails as the run does.
 */
import type { Diagnostic } from "../../diagnostics.js";
import { relativePath } from "../paths.js";
import { exceededWarnings, type Formatter, type Reporter } from "../types.js";

const format: Formatter = (results, { cwd, warningLimit }) => {
  const exceeded = exceededWarnings(warningLimit);
  const failures = results.filter((r) => r.diagnostics.some((d) => d.severity === "error")).length + (exceeded ? 1 : 0);
  const counts = `tests="${results.length + (exceeded ? 1 : 0)}" failures="${failures}" errors="0"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="agentspec" ${counts}>`,
    `  <testsuite name="agentspec lint" ${counts} skipped="0">`,
    ...results.flatMap(({ file, diagnostics }) => testCase(relativePath(file, cwd), diagnostics)),
    ...(exceeded ? limitCase(warningLimit!.maxWarnings, exceeded) : []),
    "  </testsuite>",
    "</testsuites>",
  ];
  return lines.join("\n") + "\n";
};

function testCase(file: string, diagnostics: readonly Diagnostic[]): string[] {
  const errors = diagnostics.filter((d) => d.severity === "error");
  const warnings = diagnostics.filter((d) => d.severity === "warning");
  const open = `    <testcase classname="${escapeXml(file)}" name="${escapeXml(file)}"`;
  if (diagnostics.length === 0) return [open + " />"];
  const body: string[] = [];
  if (errors.length > 0) {
    const message = `${errors.length} error${errors.length === 1 ? "" : "s"}`;
    body.push(`      <failure type="error" message="${message}">${escapeXml(errors.map(describe).join("\n"))}</failure>`);
  }
  if (warnings.length > 0) body.push(`      <system-out>${escapeXml(warnings.map(describe).join("\n"))}</system-out>`);
  return [open + ">", ...body, "    </testcase>"];
}

/** The run's warning limit as a test case of its own: it fails when the warnings (listed in their files' cases) exceed it. */
function limitCase(maxWarnings: number, exceeded: string): string[] {
  return [
    `    <testcase classname="agentspec lint" name="--max-warnings ${maxWarnings}">`,
    `      <failure type="max-warnings" message="${escapeXml(exceeded)}">${escapeXml(exceeded)}</failure>`,
    "    </testcase>",
  ];
}

function describe(d: Diagnostic): string {
  return `${d.line}:${d.column} ${d.severity} ${d.message} (${d.ruleId})`;
}

/**
 * Escapes text for element content and double-quoted attributes alike. Characters XML 1.0 cannot
 * hold at all (most control characters, lone surrogates) become U+FFFD.
 */
export function escapeXml(text: string): string {
  return (
    text
      .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "\uFFFD")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
      // A parser turns a literal CR (and CR LF) into LF: a reference keeps it.
      .replace(/\r/g, "&#13;")
  );
}

export const junit: Reporter = {
  id: "junit",
  description: "JUnit XML for CI test reports",
  docs: "One `<testcase>` per file: a file with errors fails with a `<failure>` listing them; warnings are listed in `<system-out>` and do not fail the file. When the warnings exceed `--max-warnings`, one more `<testcase>` named `--max-warnings <n>` fails, so the report fails when the run does.",
  format,
};
