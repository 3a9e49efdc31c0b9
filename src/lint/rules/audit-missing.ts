import { toolPointer } from "../../model/index.js";
import { acts } from "../authority.js";
import { ruleDocs, SPEC_HEADER } from "../docs.js";
import { fieldName, firstExisting } from "../spec-nodes.js";
import type { Rule } from "../types.js";

export const auditMissing: Rule = {
  id: "audit-missing",
  severity: "error",
  description: "Write or irreversible tools without an append-only audit",
  docs: ruleDocs({
    why: "When an agent changes state, the audit trail is how a reviewer reconstructs what it did and why. A log the agent (or anyone) can rewrite proves nothing after an incident.",
    fails: `${SPEC_HEADER}tools:\n  crm.update: { effect: write, approval: true }\naudit: { logs: [tool_decisions] }\n`,
    passes: `${SPEC_HEADER}tools:\n  crm.update: { effect: write, approval: true }\naudit: { append_only: true, logs: [tool_decisions] }\n`,
    fix: "Set `audit.append_only: true` and keep the log where the agent cannot edit it.",
  }),
  check(spec, { report }) {
    if (spec.audit.append_only === true) return;
    const acting = spec.tools.filter(acts);
    if (acting.length === 0) return;
    const list = acting.map((t) => `"${t.name}"`).join(", ");
    const subject = acting.length === 1 ? `Tool ${list} changes state` : `Tools ${list} change state`;
    report({
      pointer: firstExisting(spec, "/audit/append_only", "/audit", toolPointer(acting[0]!.name)),
      at: "key",
      message: `${subject}, but there is no append-only audit: set ${fieldName(spec, "/audit/append_only")}: true`,
    });
  },
};
