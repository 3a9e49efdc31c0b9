import { escapeToolName } from "../../lint/tool-names.js";
import { toolPointer } from "../../model/index.js";
import { describeDefinitionChange } from "../definition-diff.js";
import { lockedTool, mcpToolHash, partHash } from "../lock.js";
import type { McpRule } from "./types.js";

export const mcpDefinitionChanged: McpRule = {
  id: "mcp-definition-changed",
  severity: "error",
  description: "An allowed tool's definition differs from the MCP lock, or there is no lock to compare with",
  docs: [
    "A spec is reviewed against the tools as they were: their descriptions (which the model reads as instructions), input and",
    "output schemas and annotations. A server can change any of them later, and a changed description is how a tool is turned",
    'against its user (a "rug pull"). `agentspec mcp lock` pins each tool\'s definition by its hash in `<name>.mcp-lock.json`',
    "beside the spec; this rule reports every allowed tool whose definition no longer matches, names the parts that changed",
    "and shows the first change of each. A tool the spec denies or does not list is not compared: it cannot be called.",
    "",
    "**Example:** the server's `read_file` description grew a sentence asking the model to send `~/.ssh/id_rsa` along.",
    "",
    "**Fix:** review the change. If it is acceptable, update the spec if needed and run `agentspec mcp lock <spec>`; commit the",
    "lock. If not, deny the tool or stop using that server version.",
  ].join("\n"),
  check({ lock, lockFile, lockProblem, offered, treatment, entriesFor, lists, servers, serverPointer }, { report }) {
    if (!lock) {
      report({
        pointer: "/mcp",
        at: "key",
        message: lockProblem
          ? `The lock (${lockFile}) cannot be used, so no definition is compared: see its findings, then run \`agentspec mcp lock\` on the spec`
          : `There is no lock (${lockFile}): the tool definitions this spec was reviewed against are not pinned; run \`agentspec mcp lock\` on the spec and commit the lock`,
      });
      return;
    }
    const unlocked = new Set<string>();
    for (const server of servers) {
      const entry = Object.hasOwn(lock.servers, server.name) ? lock.servers[server.name] : undefined;
      if (!entry) {
        unlocked.add(server.name);
        report({
          pointer: serverPointer(server),
          at: "key",
          message: `The lock has no entry for server "${server.name}": run \`agentspec mcp lock\` on the spec and commit the lock`,
        });
        continue;
      }
      const now = lists.get(server.name)?.server;
      if (now && now.name !== entry.name) {
        report({
          pointer: serverPointer(server),
          at: "key",
          severity: "warning",
          message: `Server "${server.name}" now says it is "${escapeToolName(now.name)}" ${escapeToolName(now.version)}; the lock was written from "${escapeToolName(entry.name)}" ${escapeToolName(entry.version)}`,
        });
      }
    }
    for (const { specName, server, tool } of offered.values()) {
      if (unlocked.has(server.name) || treatment(specName) !== "allowed") continue;
      const entry = entriesFor(specName)[0];
      const pointer = entry ? toolPointer(entry.name) : serverPointer(server);
      const locked = lockedTool(lock, server.name, tool.name);
      const name = escapeToolName(specName);
      if (!locked) {
        report({
          pointer,
          at: "key",
          tool: specName,
          message: `"${name}" is not in the lock: server "${server.name}" added it after the lock was written; review it, then run \`agentspec mcp lock\``,
        });
        continue;
      }
      if (mcpToolHash(tool) === locked.hash) continue;
      const changes = describeDefinitionChange(locked, tool, partHash);
      report({
        pointer,
        at: "key",
        tool: specName,
        message: `"${name}" changed on server "${server.name}" since the lock: ${changes.join("; ")}. Review it, then run \`agentspec mcp lock\``,
      });
    }
  },
};
