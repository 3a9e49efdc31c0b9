import { joinPointer } from "../../load/index.js";
import { toolPointer } from "../../model/index.js";
import { denyingEntry } from "../authority.js";
import { ruleDocs, SPEC_HEADER } from "../docs.js";
import { fieldName, lineOf } from "../spec-nodes.js";
import type { Rule } from "../types.js";

/**
 * An approval gate on a tool the spec also forbids: a deny pattern matches it, or
 * outputs.never_emits names it (AgentAz's only way to forbid a tool). Either the gate is dead
 * (the call is denied before anyone is asked) or the prohibition is not meant.
 */
export const approvalOnDeniedTool: Rule = {
  id: "approval-on-denied-tool",
  severity: "error",
  description: "An approval gate sits on a tool the spec denies or says it never emits",
  docs: ruleDocs({
    why: "A denied tool is refused before any approval is asked, so its gate suggests to a reviewer that a human can let the call through when nobody can. A tool gated and listed in `never_emits` at once leaves it unclear whether the agent may ever call it.",
    fails: `${SPEC_HEADER}tools:\n  crm.delete: { effect: irreversible, approval: { channel: "slack:#approvals" } }\ndeny: ["crm.delete*"]\n`,
    passes: `${SPEC_HEADER}tools:\n  crm.delete: { effect: irreversible, approval: { channel: "slack:#approvals" } }\ndeny: ["crm.export"]\n`,
    fix: "Decide which one holds: remove the deny pattern (or the `never_emits` entry) if a human may approve the call, or remove the tool from the allowlist if it must never run.",
  }),
  check(spec, { report }) {
    const neverEmits = spec.outputs.never_emits ?? [];
    for (const tool of spec.tools) {
      if (!tool.approval) continue;
      const pointer = joinPointer(toolPointer(tool.name), "approval");
      const denied = denyingEntry(spec, tool.name);
      if (denied) {
        const line = lineOf(spec, `/deny/${denied.index}`);
        report({
          pointer,
          at: "key",
          tool: tool.name,
          message: `Tool "${tool.name}" has an approval gate but is denied by "${denied.entry.pattern}" (line ${line}): the call is denied before anyone is asked to approve it`,
        });
        continue;
      }
      const index = neverEmits.indexOf(tool.name);
      if (index !== -1) {
        const field = fieldName(spec, "/outputs/never_emits");
        const line = lineOf(spec, `/outputs/never_emits/${index}`);
        report({
          pointer,
          at: "key",
          tool: tool.name,
          message: `Tool "${tool.name}" needs approval but ${field} forbids it (line ${line}): remove the gate or the ${field} entry`,
        });
      }
    }
  },
};
