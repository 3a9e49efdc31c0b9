import { toolPointer } from "../../model/index.js";
import { foldToolName } from "../../policy/tool-name.js";
import { ruleDocs, SPEC_HEADER } from "../docs.js";
import { escapeToolName } from "../tool-names.js";
import { lineOf } from "../spec-nodes.js";
import type { Rule } from "../types.js";

export const toolNamesFoldTogether: Rule = {
  id: "tool-names-fold-together",
  severity: "error",
  description: "Two allowlist entries that read as one name once case, width and invisible characters are folded",
  docs: ruleDocs({
    why: "Dispatchers commonly case-fold, width-fold (NFKC) or strip invisible characters from a tool name before looking the tool up, so `Pay` and `pay` are one tool to them. Two entries for one tool say two things about it: a reviewer reads `Pay: { effect: read }` as a harmless lookup while a call to `Pay` runs `pay`. decide() applies the gates and limits of both entries to both spellings, but the effect, the tier and the review document still describe two tools. This is the fold decide() uses for deny patterns (`foldToolName`); an allowlist entry and a deny pattern that fold together are `deny-overlaps-allow`.",
    fails: `${SPEC_HEADER}tools:\n  pay: { effect: irreversible, approval: true }\n  Pay: { effect: read }\n`,
    passes: `${SPEC_HEADER}tools:\n  pay: { effect: irreversible, approval: true }\n  pay.status: { effect: read }\n`,
    fix: "Keep one entry per tool, spelled as the server spells it; if they really are two tools, rename one so the names differ in more than case, width or invisible characters.",
  }),
  check(spec, { report }) {
    const first = new Map<string, string>();
    for (const tool of spec.tools) {
      const reading = foldToolName(tool.name);
      const twin = first.get(reading);
      if (twin === undefined) {
        first.set(reading, tool.name);
        continue;
      }
      report({
        pointer: toolPointer(tool.name),
        at: "key",
        tool: tool.name,
        message: `Tool "${escapeToolName(tool.name)}" and "${escapeToolName(twin)}" (line ${lineOf(spec, toolPointer(twin))}) both read as "${escapeToolName(reading)}" to a dispatcher that folds case, width or invisible characters: keep one entry per tool`,
      });
    }
  },
};
