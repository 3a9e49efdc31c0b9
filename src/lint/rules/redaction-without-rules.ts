import { ruleDocs, SPEC_HEADER } from "../docs.js";
import type { Rule } from "../types.js";

export const redactionWithoutRules: Rule = {
  id: "redaction-without-rules",
  severity: "error",
  description: "Redaction is required but no redaction rules are listed",
  docs: ruleDocs({
    why: "`outputs.redaction.required: true` promises that secrets and personal data are removed before they reach the model. With no rules, the redaction step has nothing to match and removes nothing.",
    fails: `${SPEC_HEADER}tools:\n  tickets.read: { effect: read }\noutputs:\n  redaction: { required: true }\n`,
    passes: `${SPEC_HEADER}tools:\n  tickets.read: { effect: read }\noutputs:\n  redaction: { required: true, rules: [{ type: pii, pattern: email }] }\n`,
    fix: "List the redaction rules (`type` and `pattern`), or set `required: false` if nothing needs redacting.",
  }),
  check(spec, { report }) {
    const redaction = spec.outputs.redaction;
    if (redaction?.required !== true || (redaction.rules ?? []).length > 0) return;
    report({
      pointer: "/outputs/redaction/required",
      at: "key",
      message: "outputs.redaction.required is true but no redaction rules are listed: add rules (type, pattern) or nothing is redacted",
    });
  },
};
