import { coveringDenyEntry } from "../authority.js";
import { ruleDocs, SPEC_HEADER } from "../docs.js";
import { lineOf } from "../spec-nodes.js";
import type { Rule } from "../types.js";

export const redundantDeny: Rule = {
  id: "redundant-deny",
  severity: "warning",
  description: "A deny pattern already covered by another one, or repeated",
  docs: ruleDocs({
    why: "A deny entry that another entry already covers adds nothing, and it misleads: removing the broad pattern later looks safe because the narrow one seems to remain on purpose.",
    fails: `${SPEC_HEADER}tools:\n  crm.lookup: { effect: read }\ndeny: ["payment.*", payment.refund]\n`,
    passes: `${SPEC_HEADER}tools:\n  crm.lookup: { effect: read }\ndeny: ["payment.*", email.send]\n`,
    fix: "Remove the covered entry. If it carries a `reason` worth keeping, move the reason to the broader pattern.",
  }),
  check(spec, { report }) {
    spec.deny.forEach((entry, index) => {
      // An exact duplicate is reported on its later copy; a covered entry wherever it stands.
      const covering = coveringDenyEntry(spec, index);
      if (!covering) return;
      const cover = covering.entry;
      const line = lineOf(spec, `/deny/${covering.index}`);
      report({
        pointer: `/deny/${index}`,
        tool: entry.pattern,
        message:
          cover.pattern === entry.pattern
            ? `Deny pattern "${entry.pattern}" repeats the one on line ${line}: remove it`
            : `Deny pattern "${entry.pattern}" is already covered by "${cover.pattern}" (line ${line}): remove it`,
      });
    });
  },
};
