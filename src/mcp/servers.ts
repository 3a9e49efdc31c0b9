/**
 * A spec and its MCP servers, end to end: start or reach every server of its mcp section (or
 * the one given instead), list each, and compare with the lock beside the spec. What `mcp lock`,
 * `mcp check` and `lint --mcp` do, as plain functions.
 *
 * API:
 *   listSpecServers(spec, options) → Map of server name → McpToolList (AgentspecError MCP_SERVER
 *       for a server that cannot be started or reached, BAD_ARGUMENT for an unset variable).
 *   checkSpecServers(spec, options) → { diagnostics (in the spec), lock: FileResult of the lock's
 *       own problems, or undefined }.
 */
import path from "node:path";
import type { Diagnostic, FileResult } from "../diagnostics.js";
import { AgentspecError } from "../errors.js";
import type { LintConfig } from "../lint/index.js";
import type { McpServerSpec, Spec } from "../model/index.js";
import type { ConnectOptions, McpServerTarget } from "./connect.js";
import { checkMcpDrift } from "./drift.js";
import { listMcpTools, type ListToolsOptions } from "./list-tools.js";
import { lockPathFor, readMcpLock } from "./lock.js";
import { resolveServerTarget } from "./server-target.js";
import type { McpToolList } from "./types.js";

export interface SpecServersOptions extends ListToolsOptions, ConnectOptions {
  /** Instead of the spec's servers: this one, compared under the spec's only server (or as "server"). */
  instead?: Omit<McpServerTarget, "name">;
  env?: NodeJS.ProcessEnv;
  /** What the spec's path is relative to, for its servers' cwd and its lock (the working directory by default). */
  cwd?: string;
}

/** The servers compared: the spec's, or the one given instead under the spec's only server's name. */
export function serversOf(spec: Spec, instead: SpecServersOptions["instead"]): McpServerSpec[] {
  const servers = spec.mcp?.servers ?? [];
  if (!instead) {
    if (servers.length === 0) {
      throw new AgentspecError(
        "BAD_ARGUMENT",
        `${spec.source.file}: has no mcp section: add one naming its servers (agentspec mcp init writes it)`,
      );
    }
    return servers;
  }
  if (servers.length > 1) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `${spec.source.file}: has ${servers.length} MCP servers (${servers.map((s) => s.name).join(", ")}): a command given after -- can stand for only one; check them as the spec names them`,
    );
  }
  return [servers[0] ?? { name: "server", args: [], env: [], headers: {}, prefix: "" }];
}

export async function listSpecServers(spec: Spec, options: SpecServersOptions = {}): Promise<Map<string, McpToolList>> {
  const lists = new Map<string, McpToolList>();
  for (const server of serversOf(spec, options.instead)) {
    const target = options.instead
      ? { ...options.instead, name: server.name }
      : resolveServerTarget(spec, server, options.env, options.cwd);
    lists.set(server.name, await listMcpTools(target, options));
  }
  return lists;
}

export interface SpecCheck {
  /** Findings in the spec: the MCP rules and the servers' list problems. */
  diagnostics: Diagnostic[];
  /** The lock's own problems (not JSON, wrong shape, hashes edited), when it has any. */
  lock?: FileResult;
}

export async function checkSpecServers(spec: Spec, options: SpecServersOptions & { config?: LintConfig } = {}): Promise<SpecCheck> {
  const servers = serversOf(spec, options.instead);
  const lists = await listSpecServers(spec, options);
  const lockFile = lockPathFor(spec.source.file);
  const read = readMcpLock(path.resolve(options.cwd ?? process.cwd(), lockFile));
  const diagnostics = checkMcpDrift(spec, lists, read.lock, {
    config: options.config,
    servers,
    lockFile: path.basename(lockFile),
    ...(read.missing || read.lock ? {} : { lockProblem: true }),
  });
  return { diagnostics, ...(read.diagnostics.length > 0 ? { lock: { file: lockFile, diagnostics: read.diagnostics } } : {}) };
}
