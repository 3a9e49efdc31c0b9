import { escapeToolName } from "../../lint/tool-names.js";
import type { McpRule } from "./types.js";

export const mcpToolUndeclared: McpRule = {
  id: "mcp-tool-undeclared",
  severity: "warning",
  description: "An MCP server offers a tool the spec neither allows nor denies",
  docs: [
    "A tool the spec does not list is denied, so nothing runs unreviewed; but a server that starts offering a new tool is a change",
    "of what the agent could be given, and a reviewer should decide about it rather than rely on the default.",
    "",
    "**Example:** the spec's filesystem server now lists `delete_file`, and the spec has neither `tools.delete_file` nor a deny",
    "pattern covering it.",
    "",
    "**Fix:** add the tool to `tools` with its effect (and an approval gate if it is irreversible), or add it to `deny`.",
  ].join("\n"),
  check({ offered, treatment, serverPointer }, { report }) {
    for (const { specName, server } of offered.values()) {
      if (treatment(specName) !== "undeclared") continue;
      report({
        pointer: serverPointer(server),
        at: "key",
        tool: specName,
        message: `Server "${server.name}" offers "${escapeToolName(specName)}", which the spec neither allows nor denies: add it to tools with its effect, or to deny`,
      });
    }
  },
};
