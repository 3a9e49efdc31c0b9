import { toolPointer } from "../../model/index.js";
import { missingBounds } from "../../tier/index.js";
import { acts, alwaysGated } from "../authority.js";
import { ruleDocs, SPEC_HEADER } from "../docs.js";
import type { Rule } from "../types.js";

export const unboundedAutonomy: Rule = {
  id: "unbounded-autonomy",
  severity: "warning",
  description: "A state-changing tool runs without approval in a spec without call, cost or audit bounds",
  docs: ruleDocs({
    why: "An agent that changes state on its own (A4) is acceptable only inside bounds: a cap on tool calls or turns, a cost ceiling, and an append-only audit. Without them one loop can do unbounded damage, and the computed trust level is A5.",
    fails: `${SPEC_HEADER}tools:\n  crm.update: { effect: write }\n`,
    passes: `${SPEC_HEADER}tools:\n  crm.update: { effect: write }\nlimits: { max_tool_calls: 20, max_usd_per_loop: 0.5 }\naudit: { append_only: true }\n`,
    fix: "Add the missing bounds (`limits.max_tool_calls` or `limits.max_turns`, `limits.max_usd_per_loop`, `audit.append_only: true`), or put the tool behind an unconditional approval.",
  }),
  check(spec, { report }) {
    const missing = missingBounds(spec);
    if (missing.length === 0) return;
    for (const tool of spec.tools) {
      if (!acts(tool) || alwaysGated(tool)) continue;
      const how = tool.approval ? "needs approval only under a condition" : "runs without approval";
      report({
        pointer: toolPointer(tool.name),
        at: "key",
        tool: tool.name,
        message: `"${tool.name}" (${tool.effect}) ${how}, but the spec has no ${missing.join(", no ")}: add them or gate the tool`,
      });
    }
  },
};
