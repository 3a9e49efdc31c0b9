import { toolPointer } from "../../model/index.js";
import { acts, atLeast, isDeclared } from "../authority.js";
import { ruleDocs, SPEC_HEADER } from "../docs.js";
import { fieldName, kitName, lineOf } from "../spec-nodes.js";
import type { Rule } from "../types.js";

/**
 * execution.tools_absent (AgentAz: execution_tools_absent) claims the agent cannot change
 * state. It is contradicted by each write or irreversible tool, and by a declared trust level
 * of A3 or above, which by definition is for agents that change state. For AgentAz input it is
 * also contradicted by a write or irreversible tool the kit.json beside it ships.
 */
export const executionToolsContradiction: Rule = {
  id: "execution-tools-contradiction",
  severity: "error",
  description: "Execution tools are declared absent while write or irreversible tools are present",
  docs: ruleDocs({
    why: "`execution.tools_absent: true` is the claim reviewers rely on when they accept an agent as read-and-draft only. A write or irreversible tool in the allowlist, or a declared trust level of A3 or above, makes the claim false.",
    fails: `${SPEC_HEADER}execution: { tools_absent: true }\ntools:\n  read_diff: { effect: read }\n  post_comment: { effect: write }\n`,
    passes: `${SPEC_HEADER}execution: { tools_absent: true }\ntools:\n  read_diff: { effect: read }\n  draft_comment: { effect: draft }\n`,
    fix: "Remove the state-changing tool (or replace it with a drafting one), or drop the `tools_absent` claim and declare the trust level the tools give.",
  }),
  check(spec, { report }) {
    if (spec.execution.tools_absent !== true) return;
    const claim = fieldName(spec, "/execution/tools_absent");
    const claimLine = lineOf(spec, "/execution/tools_absent");
    for (const tool of spec.tools.filter(acts)) {
      const how = tool.effectInferred ? ` (inferred from its name)` : "";
      report({
        pointer: toolPointer(tool.name),
        at: "key",
        tool: tool.name,
        message: `${claim} is true (line ${claimLine}), but "${tool.name}" is ${tool.effect === "write" ? "a write" : "an irreversible"} tool${how}: remove the tool or the claim`,
      });
    }
    // An AgentAz kit.json that ships a state-changing tool the agentaz.json leaves out: the kit
    // is what gets deployed, so the claim is false for it too (declared tools are reported above).
    for (const tool of spec.kit?.tools ?? []) {
      if (!acts(tool) || isDeclared(spec, tool.name)) continue;
      report({
        pointer: "/execution/tools_absent",
        tool: tool.name,
        message: `${claim} is true, but ${kitName(spec)} ships "${tool.name}", ${tool.effect === "write" ? "a write" : "an irreversible"} tool (inferred from its name): remove the tool from the kit or the claim`,
      });
    }
    const declared = spec.declaredTrustLevel;
    if (declared !== undefined && atLeast(declared, "A3")) {
      report({
        pointer: "/execution/tools_absent",
        message: `${claim} is true, but the declared trust level ${declared} (line ${lineOf(spec, "/trust_level")}) is for agents that change state: without execution tools an agent is A2 at most`,
      });
    }
  },
};
