import { toolPointer } from "../../model/index.js";
import { ruleDocs, SPEC_HEADER } from "../docs.js";
import { toolNameProblem } from "../tool-names.js";
import type { Rule } from "../types.js";

export const suspiciousToolName: Rule = {
  id: "suspicious-tool-name",
  severity: "error",
  description: "A tool name or deny pattern with invisible characters (error) or non-ASCII look-alikes (warning)",
  docs: ruleDocs({
    why: "Policies match tool names exactly. A zero-width space, a control character or a Cyrillic `а` in place of a Latin `a` makes a name that looks like the reviewed one but is another: a deny pattern that never matches the tool it was written for, or an allowlist entry a reviewer reads as a different tool. Tool names in MCP and in the model providers' function calling are ASCII.",
    fails: `${SPEC_HEADER}tools:\n  "crm.lookup\\u200b": { effect: read }\ndeny: ["p\\u0430yment.*"]\n`,
    passes: `${SPEC_HEADER}tools:\n  crm.lookup: { effect: read }\ndeny: ["payment.*"]\n`,
    fix: "Retype the name in plain ASCII letters, digits, `.`, `_` and `-`. The message shows each suspicious character as a \\u escape.",
  }),
  check(spec, { report }) {
    const check = (name: string, what: string, pointer: string, at?: "key") => {
      const problem = toolNameProblem(name, what);
      if (problem) report({ pointer, at, tool: name, ...problem });
    };
    for (const tool of spec.tools) check(tool.name, "Tool name", toolPointer(tool.name), "key");
    spec.deny.forEach((entry, index) => check(entry.pattern, "Deny pattern", `/deny/${index}`));
  },
};
