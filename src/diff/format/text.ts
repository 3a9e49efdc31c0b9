/** Sentences every diff format shares: a witness call in one line, and the summary. */
import type { ToolCall } from "../../policy/index.js";
import type { SpecDiff } from "../files.js";
import type { Witness } from "../types.js";

/** `billing.refund {"amount":101}` (with the context when the call has one). */
export function describeCall(call: ToolCall): string {
  const args = call.args && Object.keys(call.args).length > 0 ? ` ${JSON.stringify(call.args)}` : "";
  const context = call.context && Object.keys(call.context).length > 0 ? ` context ${JSON.stringify(call.context)}` : "";
  return `${call.tool}${args}${context}`;
}

/** `require_approval (approval) → allow (allowed)`. */
export function describeOutcome(witness: Witness): string {
  return `${witness.before.decision} (${witness.before.rule}) → ${witness.after.decision} (${witness.after.rule})`;
}

export interface DiffTally {
  specs: number;
  widenedSpecs: number;
  widened: number;
  narrowed: number;
  neutral: number;
  invalid: number;
}

export function tally(diffs: readonly SpecDiff[]): DiffTally {
  const out: DiffTally = { specs: diffs.length, widenedSpecs: 0, widened: 0, narrowed: 0, neutral: 0, invalid: 0 };
  for (const diff of diffs) {
    if (diff.problems.length > 0) out.invalid += 1;
    if (diff.changes.some((c) => c.direction === "widened")) out.widenedSpecs += 1;
    for (const change of diff.changes) out[change.direction] += 1;
  }
  return out;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "authority widened in 2 of 5 specs (3 widened, 1 narrowed, 0 neutral changes)". */
export function summaryLine(t: DiffTally): string {
  const counts = `${t.widened} widened, ${t.narrowed} narrowed, ${t.neutral} neutral`;
  const invalid = t.invalid > 0 ? `; ${plural(t.invalid, "spec")} could not be compared` : "";
  if (t.widened + t.narrowed + t.neutral === 0) return `no authority changes in ${plural(t.specs, "spec")}${invalid}`;
  if (t.widenedSpecs === 0) return `authority not widened in any of ${plural(t.specs, "spec")} (${counts} changes)${invalid}`;
  return `authority widened in ${t.widenedSpecs} of ${plural(t.specs, "spec")} (${counts} changes)${invalid}`;
}
