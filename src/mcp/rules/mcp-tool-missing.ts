import { toolPointer } from "../../model/index.js";
import { isPattern, matchToolPattern } from "../../policy/glob.js";
import type { McpRule } from "./types.js";

export const mcpToolMissing: McpRule = {
  id: "mcp-tool-missing",
  severity: "warning",
  description: "The spec allows a tool no MCP server of its mcp section offers",
  docs: [
    "An allowlist entry no server offers is a misspelt name, a tool the server renamed or removed, or a server prefix that",
    "changed: the spec says the agent may do something it cannot, and a reviewer reads authority that is not there.",
    "",
    "**Example:** the spec allows `read_fle` while the server offers `read_file`.",
    "",
    "**Fix:** correct the name (with the server's `prefix`, if it has one) or remove the entry. A tool the agent gets from",
    "elsewhere than the spec's MCP servers can be suppressed: `suppressions: [{ rule: mcp-tool-missing, tool: <name>, reason: … }]`.",
  ].join("\n"),
  check({ spec, offered, servers }, { report }) {
    const names = [...offered.keys()];
    const where = servers.length === 1 ? `server "${servers[0]!.name}"` : `the ${servers.length} servers of the mcp section`;
    for (const tool of spec.tools) {
      const glob = isPattern(tool.name);
      if (glob ? names.some((name) => matchToolPattern(tool.name, name)) : offered.has(tool.name)) continue;
      report({
        pointer: toolPointer(tool.name),
        at: "key",
        tool: tool.name,
        message: glob
          ? `"${tool.name}" is allowed, but matches no tool ${where} offers: remove it or correct the pattern`
          : `"${tool.name}" is allowed, but ${where} ${servers.length === 1 ? "does" : "do"} not offer it: remove it, or correct its name${servers.some((s) => s.prefix) ? " or the server's prefix" : ""}`,
      });
    }
  },
};
