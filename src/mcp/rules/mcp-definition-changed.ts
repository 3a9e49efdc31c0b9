import { escapeToolName } from "../../lint/tool-names.js";
import { toolPointer } from "../../model/index.js";
import { describeDefinitionChange } from "../definition-diff.js";
import { lockedTool, mcpToolHash, partHash } from "../lock.js";
import type { RuleContext } from "../../lint/index.js";
import { isPattern } from "../../policy/glob.js";
import { foldToolName } from "../../policy/tool-name.js";
import type { DriftInput, McpRule, OfferedTool } from "./types.js";

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
    "",
    "An allowed (or locked) tool that the server stopped offering while it offers a spelling of the same name once case and",
    "Unicode compatibility forms are folded (`read_file` replaced by `Read_File`) is reported too, lock or not: a dispatcher",
    "that folds names runs the new tool for a call to the reviewed name.",
  ].join("\n"),
  check(input, context) {
    const { lock, lockFile, lockProblem, offered, treatment, entriesFor, lists, servers, serverPointer } = input;
    const { report } = context;
    reportReplacedSpellings(input, context);
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

/**
 * An allowed or locked name the server no longer offers, while it offers a folded twin of it:
 * a call to the reviewed name may run the twin (a dispatcher that folds case or width), which
 * nobody reviewed. mcp-tool-missing and mcp-tool-undeclared alone would only warn.
 */
function reportReplacedSpellings(input: DriftInput, { report }: RuleContext): void {
  const { spec, offered, treatment, lock, servers, serverPointer } = input;
  const byReading = new Map<string, OfferedTool[]>();
  for (const entry of offered.values()) {
    const reading = foldToolName(entry.specName);
    const same = byReading.get(reading);
    if (same) same.push(entry);
    else byReading.set(reading, [entry]);
  }
  // The names reviewed: exact allowlist entries, and what the lock pinned that the spec allows.
  const reviewed = new Map<string, { pointer: string; locked: boolean }>();
  for (const tool of spec.tools) {
    if (!isPattern(tool.name) && treatment(tool.name) === "allowed")
      reviewed.set(tool.name, { pointer: toolPointer(tool.name), locked: false });
  }
  for (const server of servers) {
    const entry = lock && Object.hasOwn(lock.servers, server.name) ? lock.servers[server.name] : undefined;
    for (const name of Object.keys(entry?.tools ?? {})) {
      const specName = server.prefix + name;
      const known = reviewed.get(specName);
      if (known) known.locked = true;
      else if (treatment(specName) === "allowed") reviewed.set(specName, { pointer: serverPointer(server), locked: true });
    }
  }
  for (const [name, { pointer, locked }] of reviewed) {
    if (offered.has(name)) continue;
    const twins = (byReading.get(foldToolName(name)) ?? []).filter((entry) => entry.specName !== name);
    if (twins.length === 0) continue;
    const shown = escapeToolName(name);
    const twin = escapeToolName(twins[0]!.specName);
    report({
      pointer,
      at: "key",
      tool: name,
      message: `"${shown}" is allowed${locked ? " and locked" : ""}, but server "${twins[0]!.server.name}" no longer offers it and offers "${twin}" instead, which a dispatcher that folds case or width reads as "${shown}": a call to "${shown}" may run a tool nobody reviewed. Review "${twin}", then allow it under its own name and run \`agentspec mcp lock\`, or deny it`,
    });
  }
}
