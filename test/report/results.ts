/** Lint results shared by the reporter tests: two files with findings, one clean, one hostile. */
import path from "node:path";
import type { FileResult } from "../../src/diagnostics.js";
import type { RuleMeta } from "../../src/lint/catalog.js";

export const CWD = path.resolve("/work/repo");

export const RESULTS: FileResult[] = [
  {
    file: "specs/order.agentspec.yaml",
    diagnostics: [
      {
        ruleId: "schema",
        severity: "error",
        message: 'Unknown property "efect" in tools["crm.lookup"]; did you mean "effect"?',
        line: 7,
        column: 5,
        pointer: "/tools/crm.lookup/efect",
      },
      {
        ruleId: "fake-stale",
        severity: "warning",
        message: "Last reviewed 400 days ago",
        line: 3,
        column: 18,
        pointer: "/agent/last_reviewed",
      },
    ],
  },
  { file: path.join(CWD, "specs/clean.agentspec.json"), diagnostics: [] },
  {
    file: "specs/odd name, 100%.agentspec.yaml",
    diagnostics: [
      {
        ruleId: "unused-suppression",
        severity: "warning",
        message: 'Say "<hi>" & 50%\r\nthen: go, now',
        line: 12,
        column: 5,
        pointer: "/suppressions/0",
      },
    ],
  },
];

export const FAKE_RULES: RuleMeta[] = [
  {
    id: "fake-stale",
    severity: "warning",
    description: "The spec has not been reviewed recently",
    docs: "A spec drifts from\nthe agent it describes.\n\n```yaml\nagent: { last_reviewed: 2020-01-01 }\n```",
  },
];
