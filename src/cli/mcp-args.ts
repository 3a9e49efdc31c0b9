/** What the mcp commands read alike: --timeout, the server command after `--`, the spec. */
import { existsSync } from "node:fs";
import path from "node:path";
import { AgentspecError } from "../errors.js";
import { loadSource } from "../load/index.js";
import { escapeToolName } from "../lint/tool-names.js";
import { printable } from "../mcp/stdio-transport.js";
import { checkSource, type CheckedSource } from "../model/index.js";
import { MCP_CHECK_OPTIONS } from "./options.js";

/**
 * Text a server chose (its name, version, protocol version, a message quoting it), fit for a
 * terminal: controls (ESC sequences, CR), line separators and invisible characters escaped, so
 * a server cannot drive the terminal of whoever runs agentspec or forge a line of its output.
 */
export function serverText(text: string): string {
  return escapeToolName(printable(text));
}

export const TIMEOUT_OPTION = MCP_CHECK_OPTIONS.timeout;

export function timeoutMs(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
    throw new AgentspecError("BAD_ARGUMENT", `--timeout takes seconds between 0 and 3600, such as --timeout 30, not ${String(seconds)}`);
  }
  return Math.round(seconds * 1000);
}

/** The command line after `--`, or undefined when there is none. */
export function serverCommand(args: { "--"?: unknown[] }): { command: string; args: string[] } | undefined {
  const rest = (args["--"] ?? []).map(String);
  if (rest.length === 0) return undefined;
  return { command: rest[0]!, args: rest.slice(1) };
}

/** The spec at `file`, relative to the command's working directory, shown as it was given. */
export async function loadSpecIn(cwd: string, file: string): Promise<CheckedSource> {
  const resolved = path.resolve(cwd, file);
  if (!existsSync(resolved)) throw new AgentspecError("NOT_FOUND", `${file}: no such file`);
  return checkSource({ ...(await loadSource(resolved)), file });
}
