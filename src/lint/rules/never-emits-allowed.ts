import { isPattern, matchToolPattern } from "../../policy/glob.js";
import { indexPatternList, type PatternList } from "../../policy/pattern-list.js";
import type { Spec, ToolSpec } from "../../model/index.js";
import { toolPointer } from "../../model/index.js";
import { denyingEntry, isDenied } from "../authority.js";
import { ruleDocs, SPEC_HEADER } from "../docs.js";
import { fieldName, lineOf } from "../spec-nodes.js";
import type { Rule } from "../types.js";

/**
 * An outputs.never_emits entry (a tool name or a pattern) that names a tool the agent may call
 * without approval. Entries that name no tool ("refund", "commitment") are claims about text and
 * are left alone: only an exact name or a pattern match counts.
 */
export const neverEmitsAllowed: Rule = {
  id: "never-emits-allowed",
  severity: "error",
  description: "An output the spec never emits names a tool the agent may call without approval",
  docs: ruleDocs({
    why: "`never_emits` tells a reviewer the agent cannot produce an action. If the same action is an allowlisted tool that runs without approval, the claim is false at runtime.",
    fails: `${SPEC_HEADER}tools:\n  email.send: { effect: irreversible }\noutputs: { never_emits: [email.send] }\n`,
    passes: `${SPEC_HEADER}tools:\n  email.draft: { effect: draft }\ndeny: [email.send]\noutputs: { never_emits: [email.send] }\n`,
    fix: "Deny the tool (or remove it from the allowlist), or gate it with an unconditional approval if a human may let it through.",
  }),
  check(spec, { report }) {
    const entries = spec.outputs.never_emits ?? [];
    if (entries.length === 0) return;
    const field = fieldName(spec, "/outputs/never_emits");
    const callable = spec.tools.filter((t) => callableWithoutApproval(spec, t));
    const callableList = indexPatternList(callable.map((t) => t.name));
    entries.forEach((entry, index) => {
      const tool = namedTool(spec, callable, callableList, entry);
      if (!tool) return;
      const gate = tool.approval ? "needs approval only under a condition" : "runs without approval";
      report({
        pointer: `/outputs/never_emits/${index}`,
        tool: tool.name,
        message: `${field} lists "${entry}", but the allowlisted tool "${tool.name}" (line ${lineOf(spec, toolPointer(tool.name))}) ${gate}: deny the tool or gate it`,
      });
    });
  },
};

function callableWithoutApproval(spec: Spec, tool: ToolSpec): boolean {
  return (tool.approval === undefined || tool.approval.when !== undefined) && denyingEntry(spec, tool.name) === undefined;
}

/**
 * The first callable tool (in allowlist order) that the entry names: the same name, a glob entry
 * matching a tool's name, or a glob tool matching the entry's name; a glob tool does not count
 * when the entry's name is denied (the call it would allow is denied).
 */
function namedTool(spec: Spec, callable: readonly ToolSpec[], callableList: PatternList, entry: string): ToolSpec | undefined {
  const denied = isDenied(spec, entry);
  if (isPattern(entry)) return callable.find((t) => (isPattern(t.name) ? t.name === entry && !denied : matchToolPattern(entry, t.name)));
  if (denied) return callable.find((t) => t.name === entry);
  const index = callableList.firstMatching(entry);
  return index === undefined ? undefined : callable[index];
}
