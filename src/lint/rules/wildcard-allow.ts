import { toolPointer } from "../../model/index.js";
import { isPattern } from "../../policy/glob.js";
import { ruleDocs, SPEC_HEADER } from "../docs.js";
import type { Rule } from "../types.js";

export const wildcardAllow: Rule = {
  id: "wildcard-allow",
  severity: "warning",
  description: "A wildcard (* or ?) in an allowlist tool name",
  docs: ruleDocs({
    why: "The allowlist is the list a reviewer approves. A wildcard in it allows tools nobody has seen yet: a `crm.*` entry written for lookups also allows `crm.delete` the day it is added.",
    fails: `${SPEC_HEADER}tools:\n  "crm.*": { effect: read }\n`,
    passes: `${SPEC_HEADER}tools:\n  crm.lookup: { effect: read }\n  crm.search: { effect: read }\n`,
    fix: "List the tools by name. If a family of tools must stay open, suppress the finding for that entry with a reason.",
  }),
  check(spec, { report }) {
    for (const tool of spec.tools) {
      if (!isPattern(tool.name)) continue;
      report({
        pointer: toolPointer(tool.name),
        at: "key",
        tool: tool.name,
        message: `Allowlist entry "${tool.name}" is a wildcard: list the tools by name, so a new tool is not allowed without review`,
      });
    }
  },
};
