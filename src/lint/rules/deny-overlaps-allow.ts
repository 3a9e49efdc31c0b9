import { toolPointer } from "../../model/index.js";
import { denyingEntry } from "../authority.js";
import { ruleDocs, SPEC_HEADER } from "../docs.js";
import { lineOf } from "../spec-nodes.js";
import type { Rule } from "../types.js";

export const denyOverlapsAllow: Rule = {
  id: "deny-overlaps-allow",
  severity: "error",
  description: "A tool in the allowlist is also denied by a deny pattern",
  docs: ruleDocs({
    why: "Deny wins over allow, so a tool that is both listed and denied can never be called. Either the allowlist or the deny list says something the reviewer should not believe.",
    fails: `${SPEC_HEADER}tools:\n  payment.refund: { effect: irreversible, approval: true }\ndeny: ["payment.*"]\n`,
    passes: `${SPEC_HEADER}tools:\n  payment.refund: { effect: irreversible, approval: true }\ndeny: ["payment.charge"]\n`,
    fix: "Remove the tool from the allowlist if it must never run, or narrow the deny pattern so it no longer matches the tool.",
  }),
  check(spec, { report }) {
    for (const tool of spec.tools) {
      const denied = denyingEntry(spec, tool.name);
      if (!denied) continue;
      report({
        pointer: toolPointer(tool.name),
        at: "key",
        tool: tool.name,
        message: `Tool "${tool.name}" is in the allowlist but denied by "${denied.entry.pattern}" (line ${lineOf(spec, `/deny/${denied.index}`)}); deny wins, so remove one of them`,
      });
    }
  },
};
