/**
 * Widened changes as lint-style findings, so the existing SARIF and GitHub reporters print them:
 * one warning per widened change at its line in the new file (a removal at the nearest part of
 * the new file still there), its rule id the change's kind; and the problems of specs that could
 * not be compared, as the errors lint reports.
 */
import type { Diagnostic, FileResult } from "../../diagnostics.js";
import { REPOSITORY_URL, type DescribedRule } from "../../report/index.js";
import { CHANGE_KINDS } from "../kinds.js";
import type { SpecDiff } from "../files.js";
import { describeCall, describeOutcome } from "./text.js";

export function findingsOf(diffs: readonly SpecDiff[]): FileResult[] {
  const results: FileResult[] = [];
  for (const diff of diffs) {
    results.push(...diff.problems);
    if (diff.status === "removed") continue;
    const diagnostics: Diagnostic[] = diff.changes
      .filter((c) => c.direction === "widened")
      .map((change) => {
        const at = change.side === "new" ? change : (change.inNew ?? change);
        const evidence = change.witness
          ? ` Witness: ${describeCall(change.witness.call)}: ${describeOutcome(change.witness)}.`
          : ` No witness: ${change.noWitness ?? "none was found"}.`;
        const where = change.side === "old" ? ` (old file, line ${change.line})` : "";
        return {
          ruleId: change.kind,
          severity: "warning",
          message: `Authority widened: ${change.message}${where}.${evidence}`,
          line: at.line,
          column: at.column,
          pointer: change.pointer,
        };
      });
    if (diagnostics.length > 0) results.push({ file: diff.file, diagnostics });
  }
  return results;
}

/** The change kinds as the rules a SARIF log describes, their docs in the file that lists them. */
export function kindRules(): DescribedRule[] {
  return CHANGE_KINDS.map((k) => ({
    id: k.id,
    severity: "warning",
    description: k.description,
    helpUri: `${REPOSITORY_URL}/blob/main/src/diff/kinds.ts`,
    docs: `${k.description}.\n\nReported by \`agentspec diff\` when a change of this kind widens the agent's authority; the finding's message carries the witness call, or why there is none.`,
  }));
}
