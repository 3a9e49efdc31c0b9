/** redaction-weakened and redaction-strengthened: whether redaction is required, its rules, and how much text reaches the model. */
import type { Redaction } from "../../../generated/policy.js";
import type { Comparator } from "../types.js";
import { NOT_DECIDED_PER_CALL } from "./messages.js";

export const redaction: Comparator = {
  id: "redaction",
  description: "Redaction: required or not, its rules, the cap on characters sent to the model",
  compare(context) {
    const before: Redaction = context.old.policy.redaction ?? {};
    const after: Redaction = context.new.policy.redaction ?? {};
    const weakened = (pointer: string, side: "new" | "old", message: string) =>
      context.report({
        kind: "redaction-weakened",
        direction: "widened",
        pointer,
        side,
        message,
        noWitness: NOT_DECIDED_PER_CALL.redaction,
      });
    const strengthened = (pointer: string, message: string) =>
      context.report({ kind: "redaction-strengthened", direction: "narrowed", pointer, side: "new", message });
    if (before.required === true && after.required !== true) {
      weakened("/outputs/redaction/required", after.required === false ? "new" : "old", "redaction is no longer required");
    } else if (before.required !== true && after.required === true) {
      strengthened("/outputs/redaction/required", "redaction is required");
    }
    const ruleKey = (r: { type: string; pattern: string }) => `${r.type}\u0000${r.pattern}`;
    const oldRules = before.rules ?? [];
    const newRules = after.rules ?? [];
    const kept = new Set(newRules.map(ruleKey));
    const had = new Set(oldRules.map(ruleKey));
    oldRules.forEach((rule, i) => {
      if (!kept.has(ruleKey(rule)))
        weakened(`/outputs/redaction/rules/${i}`, "old", `the redaction rule ${rule.type}/${rule.pattern} is removed`);
    });
    newRules.forEach((rule, i) => {
      if (!had.has(ruleKey(rule)))
        strengthened(`/outputs/redaction/rules/${i}`, `the redaction rule ${rule.type}/${rule.pattern} is added`);
    });
    const oldCap = before.max_chars_to_model;
    const newCap = after.max_chars_to_model;
    if (oldCap !== newCap) {
      if (newCap === undefined)
        weakened("/outputs/redaction/max_chars_to_model", "old", `the cap of ${oldCap} characters sent to the model is removed`);
      else if (oldCap === undefined)
        strengthened("/outputs/redaction/max_chars_to_model", `at most ${newCap} characters are sent to the model`);
      else if (newCap > oldCap)
        weakened(
          "/outputs/redaction/max_chars_to_model",
          "new",
          `the cap on characters sent to the model is raised from ${oldCap} to ${newCap}`,
        );
      else
        strengthened(
          "/outputs/redaction/max_chars_to_model",
          `the cap on characters sent to the model is lowered from ${oldCap} to ${newCap}`,
        );
    }
  },
};
