import { escapeToolName } from "../../lint/tool-names.js";
import { effectRank, toolPointer } from "../../model/index.js";
import { effectFromAnnotations } from "../effect.js";
import type { McpRule } from "./types.js";

export const mcpEffectUnderstated: McpRule = {
  id: "mcp-effect-understated",
  severity: "error",
  description: "The spec declares a tool's effect lower than its MCP server's annotations (error), or higher (warning)",
  docs: [
    "The effect class drives the trust level, approval gates and what reviewers read. A tool the spec calls `read` while its",
    "server marks it `readOnlyHint: false` or `destructiveHint: true` gets less scrutiny than the server itself claims it",
    "needs. The annotations are hints the server chose, so they can only raise the bar: a spec that declares more than",
    "they say is safe, and only reported as a warning so the difference is seen. A tool without annotations is not",
    "compared (the server claims nothing); a missing hint counts as MCP's default (readOnlyHint false, destructiveHint true).",
    "",
    "**Example:** `write_file: { effect: read }` while the server marks `write_file` `destructiveHint: true`.",
    "",
    "**Fix:** declare the effect the annotations give (irreversible tools with an approval gate), or at least that much.",
  ].join("\n"),
  check({ offered, treatment, entriesFor }, { report }) {
    for (const { specName, server, tool } of offered.values()) {
      if (treatment(specName) !== "allowed") continue;
      const hinted = effectFromAnnotations(tool.annotations);
      if (!hinted.explicit) continue;
      for (const entry of entriesFor(specName)) {
        const declared = effectRank(entry.effect);
        const claimed = effectRank(hinted.effect);
        const name = escapeToolName(specName);
        const hints = `${hinted.hints}${hinted.guessed ? ", the missing hint taken as MCP's default" : ""}`;
        if (declared < claimed) {
          report({
            pointer: toolPointer(entry.name),
            at: "key",
            tool: entry.name,
            message: `"${name}" is declared ${entry.effect}, but server "${server.name}" marks it ${hints}: ${hinted.effect}; declare it ${hinted.effect}${hinted.effect === "irreversible" ? " and gate it" : ""}`,
          });
        } else if (declared > claimed && !hinted.guessed) {
          report({
            pointer: toolPointer(entry.name),
            at: "key",
            tool: entry.name,
            severity: "warning",
            message: `"${name}" is declared ${entry.effect}, more than server "${server.name}" marks it (${hints}: ${hinted.effect}): safe, but check which is right`,
          });
        }
      }
    }
  },
};
