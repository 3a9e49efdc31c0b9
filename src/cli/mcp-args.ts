/** What the mcp commands read alike: --timeout, the server command after `--`, the spec. */
import { existsSync } from "node:fs";
import path from "node:path";
import { AgentspecError } from "../errors.js";
import { loadSource } from "../load/index.js";
import { checkSource, type CheckedSource } from "../model/index.js";

export const TIMEOUT_OPTION = {
  type: "number",
  default: 10,
  describe: "Seconds to wait for the server to start and answer (each server)",
} as const;

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
