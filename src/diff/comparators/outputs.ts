/**
 * output-mode-loosened / -tightened / -changed, never-emits-removed / -added and
 * required-field-removed / -added: the output constraints. No mode is `direct` (outputs take
 * effect); propose_only and draft_only both put a step between the output and its effect.
 */
import type { Comparator, DiffContext } from "../types.js";
import { NOT_DECIDED_PER_CALL } from "./messages.js";

export const outputs: Comparator = {
  id: "outputs",
  description: "The output mode, the actions outputs never emit, and the fields they must carry",
  compare(context) {
    const before = context.old.policy.outputs ?? {};
    const after = context.new.policy.outputs ?? {};
    const oldMode = before.mode ?? "direct";
    const newMode = after.mode ?? "direct";
    if (oldMode !== newMode) {
      const loosened = newMode === "direct";
      const tightened = oldMode === "direct";
      context.report({
        kind: loosened ? "output-mode-loosened" : tightened ? "output-mode-tightened" : "output-mode-changed",
        direction: loosened ? "widened" : tightened ? "narrowed" : "neutral",
        pointer: after.mode !== undefined ? "/outputs/mode" : "/outputs",
        side: after.mode !== undefined || context.new.policy.outputs ? "new" : "old",
        message: `outputs.mode is ${newMode}${after.mode === undefined ? " (none set)" : ""}, was ${oldMode}`,
        ...(loosened ? { noWitness: NOT_DECIDED_PER_CALL.outputs } : {}),
      });
    }
    compareList(context, "never_emits", before.never_emits, after.never_emits);
    compareList(context, "required_fields", before.required_fields, after.required_fields);
  },
};

function compareList(context: DiffContext, field: "never_emits" | "required_fields", before: string[] = [], after: string[] = []): void {
  const kept = new Set(after);
  const had = new Set(before);
  const removedKind = field === "never_emits" ? "never-emits-removed" : "required-field-removed";
  const addedKind = field === "never_emits" ? "never-emits-added" : "required-field-added";
  before.forEach((item, i) => {
    if (kept.has(item) || before.indexOf(item) !== i) return;
    context.report({
      kind: removedKind,
      direction: "widened",
      pointer: `/outputs/${field}/${i}`,
      side: "old",
      message:
        field === "never_emits"
          ? `outputs may emit ${JSON.stringify(item)} again`
          : `outputs no longer have to carry ${JSON.stringify(item)}`,
      noWitness: NOT_DECIDED_PER_CALL.outputs,
    });
  });
  after.forEach((item, i) => {
    if (had.has(item) || after.indexOf(item) !== i) return;
    context.report({
      kind: addedKind,
      direction: "narrowed",
      pointer: `/outputs/${field}/${i}`,
      side: "new",
      message: field === "never_emits" ? `outputs must never emit ${JSON.stringify(item)}` : `outputs must carry ${JSON.stringify(item)}`,
    });
  });
}
