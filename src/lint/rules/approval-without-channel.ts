import { joinPointer } from "../../load/index.js";
import { toolPointer } from "../../model/index.js";
import { ruleDocs, SPEC_HEADER } from "../docs.js";
import { fieldName } from "../spec-nodes.js";
import type { Rule } from "../types.js";

export const approvalWithoutChannel: Rule = {
  id: "approval-without-channel",
  severity: "warning",
  description: "An approval gate with no channel, while the handoff names no destination either",
  docs: ruleDocs({
    why: "A call that requires approval waits for a human. If neither the gate's `channel` nor `handoff.destination` says where the request goes, it waits for nobody.",
    fails: `${SPEC_HEADER}tools:\n  crm.delete: { effect: irreversible, approval: true }\n`,
    passes: `${SPEC_HEADER}tools:\n  crm.delete: { effect: irreversible, approval: { channel: "slack:#support-escalations" } }\n`,
    fix: "Give the gate a `channel`, or set `handoff.destination` as the place every approval goes.",
  }),
  check(spec, { report }) {
    if ((spec.handoff.destination ?? "").trim() !== "") return;
    const where =
      spec.format === "agentaz" ? `set ${fieldName(spec, "/handoff/destination")}` : "set approval.channel or handoff.destination";
    for (const tool of spec.tools) {
      if (!tool.approval || (tool.approval.channel ?? "").trim() !== "") continue;
      report({
        pointer: joinPointer(toolPointer(tool.name), "approval"),
        at: "key",
        tool: tool.name,
        message: `Tool "${tool.name}" needs approval but no channel says where the request goes, and the handoff has no destination: ${where}`,
      });
    }
  },
};
