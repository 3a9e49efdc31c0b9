/**
 * Pinning: the gateway compares each tool the server lists with the spec's MCP lock
 * (`<name>.mcp-lock.json`, written by `agentspec mcp lock` when the spec was reviewed). A tool
 * whose definition differs, that the lock does not know, that nests too deeply to hash, or that
 * the server lists twice is hidden from tools/list and its calls are refused
 * (`definition-changed`). A lock that cannot be used pins nothing as good: every tool is refused.
 *
 * The hash is the lock's own (mcpToolHash), so `mcp check` and the gateway never disagree.
 */
import { readFileSync } from "node:fs";
import type { Diagnostic } from "../../diagnostics.js";
import { AgentspecError } from "../../errors.js";
import { escapeToolName } from "../../lint/tool-names.js";
import { describeDefinitionChange } from "../definition-diff.js";
import { mcpToolHash, parseMcpLock, partHash, type LockedTool, type McpLock } from "../lock.js";

/** What createMcpGateway is told about the lock. */
export interface GatewayLockOption {
  /** The lock file (read when `text` is not given), as named in messages. */
  file: string;
  /** The lock's text, when the caller read it. */
  text?: string;
  /** Which of the lock's servers the gateway fronts; the lock's only server when not given. */
  server?: string;
}

/** The lock as the gateway uses it: one server's pinned tools, or why nothing can be trusted. */
export interface Pins {
  file: string;
  server?: string;
  tools?: Readonly<Record<string, LockedTool>>;
  /** Set when the lock cannot be used: every tool is then refused with this reason. */
  problem?: string;
  /** The lock's own located problems, when it did not parse. */
  diagnostics: Diagnostic[];
}

export type PinVerdict = { pinned: true } | { pinned: false; reason: string };

/** Reads and checks the lock; never throws for a bad lock (its problem refuses every tool). */
export function loadPins(option: GatewayLockOption): Pins {
  const { file } = option;
  let text = option.text;
  if (text === undefined) {
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      return { file, problem: `the MCP lock ${file} cannot be read (${code})`, diagnostics: [] };
    }
  }
  const parsed = parseMcpLock(file, text);
  if (!parsed.lock) {
    const first = parsed.diagnostics[0];
    const where = first ? ` (${first.line}:${first.column}: ${first.message})` : "";
    return { file, problem: `the MCP lock ${file} cannot be used${where}`, diagnostics: parsed.diagnostics };
  }
  return pinsFromLock(file, parsed.lock, option.server);
}

/** One server's tools from a parsed lock, chosen by name or as the lock's only server. */
export function pinsFromLock(file: string, lock: McpLock, server: string | undefined): Pins {
  const names = Object.keys(lock.servers);
  const chosen = server ?? (names.length === 1 ? names[0] : undefined);
  if (chosen === undefined) {
    const which = names.length === 0 ? "no server" : `${names.length} servers (${names.map((n) => JSON.stringify(n)).join(", ")})`;
    return {
      file,
      problem: `the MCP lock ${file} has ${which}: name the one this gateway fronts (--server <name>)`,
      diagnostics: [],
    };
  }
  if (!Object.hasOwn(lock.servers, chosen)) {
    return {
      file,
      server: chosen,
      problem: `the MCP lock ${file} has no server "${escapeToolName(chosen)}" (it has ${names.map((n) => JSON.stringify(n)).join(", ") || "none"}): run \`agentspec mcp lock\` on the spec`,
      diagnostics: [],
    };
  }
  return { file, server: chosen, tools: lock.servers[chosen]!.tools, diagnostics: [] };
}

/** Throws the lock's problem as a start-up error (the CLI refuses to start on a lock it cannot use). */
export function assertPinsUsable(pins: Pins): void {
  if (pins.problem === undefined) return;
  const located = pins.diagnostics.map((d) => `\n  ${pins.file}:${d.line}:${d.column}  ${d.message}`).join("");
  throw new AgentspecError("BAD_ARGUMENT", `${pins.problem}${located}`);
}

/** Whether one tool, as the server lists it now, is the tool the lock pinned under its name. */
export function pinVerdict(pins: Pins, tool: Record<string, unknown>, name: string): PinVerdict {
  if (pins.problem !== undefined) return { pinned: false, reason: `${pins.problem}, so no tool definition can be trusted` };
  const shown = JSON.stringify(name);
  const locked = pins.tools && Object.hasOwn(pins.tools, name) ? pins.tools[name] : undefined;
  if (!locked) {
    return {
      pinned: false,
      reason: `${shown} is not in the MCP lock ${pins.file}: the server added it after the lock was written; review it, then run \`agentspec mcp lock\``,
    };
  }
  let hash: string;
  try {
    hash = mcpToolHash(tool);
  } catch (error) {
    return { pinned: false, reason: `${shown}'s definition cannot be hashed (${(error as Error).message})` };
  }
  if (hash === locked.hash) return { pinned: true };
  let changes: string[];
  try {
    changes = describeDefinitionChange(locked, tool, partHash);
  } catch {
    changes = ["its definition changed"];
  }
  return {
    pinned: false,
    reason: `${shown}'s definition differs from the MCP lock ${pins.file}: ${briefly(changes)}; review it, then run \`agentspec mcp lock\``,
  };
}

/** A name the server lists twice has no one definition to compare: refused like a changed one. */
export function listedTwice(name: string, times: number): PinVerdict {
  return { pinned: false, reason: `${JSON.stringify(name)} is listed ${times} times, so which definition a client uses is unknown` };
}

/**
 * Two names the server lists read as one once folded (case, compatibility forms: `read_file` and
 * `Read_File`): a dispatcher that folds names may run either for a call to either, so neither is
 * used, as `mcp check` says (rule mcp-tool-list).
 */
export function twinVerdict(name: string, twin: string): { pinned: false; reason: string } {
  return {
    pinned: false,
    reason: `the server also lists ${JSON.stringify(twin)}, which reads as the same name as ${JSON.stringify(name)} once case and Unicode compatibility forms are folded: a dispatcher that reads names loosely may run either for a call to either, so neither is used`,
  };
}

/**
 * A name the server does not list now: nothing to compare with the lock. `cutAt`: the listing
 * was cut at the gateway's bounds after that many tools, so the name may come later in it.
 */
export function notListed(name: string, cutAt?: number): PinVerdict {
  if (cutAt !== undefined) {
    return {
      pinned: false,
      reason: `${JSON.stringify(name)} is not among the first ${cutAt} tools the server lists (the gateway reads no more), so its definition cannot be compared with the MCP lock`,
    };
  }
  return {
    pinned: false,
    reason: `the server does not list ${JSON.stringify(name)} now, so its definition cannot be compared with the MCP lock`,
  };
}

/** At most this many changes, each cut to this many characters, are said in a refusal. */
const SHOWN_CHANGES = 3;
const SHOWN_CHANGE_CHARS = 120;

/**
 * The changes, briefly: the refusal goes back to the model as the call's result, so the text a
 * hostile server changed must not reach it at length (a tool description is the classic carrier
 * of injected instructions). Three changes, each cut; the rest counted.
 */
function briefly(changes: readonly string[]): string {
  const shown = changes
    .slice(0, SHOWN_CHANGES)
    .map((change) => (change.length > SHOWN_CHANGE_CHARS ? `${change.slice(0, SHOWN_CHANGE_CHARS)}…` : change));
  const more = changes.length - shown.length;
  return shown.join("; ") + (more > 0 ? `; and ${more} more change${more === 1 ? "" : "s"}` : "");
}
