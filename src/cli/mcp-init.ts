/** `agentspec mcp init [--name] [-o file] [--force] [--timeout s] -- <command…> | --url <url> | --config <file> [--server name]`. */
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Argv } from "yargs";
import type { McpServer } from "../../generated/agentspec.js";
import { AgentspecError } from "../errors.js";
import { readText } from "../load/index.js";
import { readClientConfig } from "../mcp/client-config.js";
import type { McpServerTarget } from "../mcp/connect.js";
import { agentId, specFromMcpTools, type McpServerTools } from "../mcp/init.js";
import { listMcpTools } from "../mcp/list-tools.js";
import type { McpToolList } from "../mcp/types.js";
import { serverCommand, serverText, timeoutMs, TIMEOUT_OPTION } from "./mcp-args.js";
import { EXIT, type CliIO } from "./io.js";
import { withLocalSchema } from "./local-schema.js";
import { version } from "./version.js";

export interface McpInitArgs {
  name?: string;
  out?: string;
  force: boolean;
  timeout: number;
  url?: string;
  config?: string;
  server?: string;
  "--"?: unknown[];
}

export function mcpInitBuilder(yargs: Argv): Argv<McpInitArgs> {
  return yargs
    .usage(
      "$0 mcp init [options] -- <command> [args…]\n$0 mcp init [options] --url <http(s)://…/mcp>\n$0 mcp init [options] --config <file> [--server <name>]",
    )
    .option("name", { type: "string", describe: "The agent id (default: from the server's name)" })
    .option("out", { alias: "o", type: "string", describe: "Write the spec to this file instead of stdout" })
    .option("force", { type: "boolean", default: false, describe: "Overwrite the -o file if it exists" })
    .option("timeout", TIMEOUT_OPTION)
    .option("url", { type: "string", describe: "A Streamable HTTP server's URL" })
    .option("config", { type: "string", describe: "An MCP client's config: claude_desktop_config.json, or VS Code's or Cursor's mcp.json" })
    .option("server", {
      type: "string",
      describe: "With --config: the server to take (default: all of them)",
    }) as unknown as Argv<McpInitArgs>;
}

export async function runMcpInit(args: McpInitArgs, io: CliIO): Promise<number> {
  const timeout = timeoutMs(args.timeout);
  const command = serverCommand(args);
  const given = [command && "-- <command>", args.url !== undefined && "--url", args.config !== undefined && "--config"].filter(Boolean);
  if (given.length !== 1) {
    const why = given.length === 0 ? "name the server" : `give only one of ${given.join(", ")}`;
    throw new AgentspecError("BAD_ARGUMENT", `mcp init: ${why}: -- <command> [args…], --url <url>, or --config <file> [--server <name>]`);
  }
  if (args.server !== undefined && args.config === undefined)
    throw new AgentspecError("BAD_ARGUMENT", "--server names a server of --config <file>");
  if (args.name !== undefined && !/^[a-z0-9][a-z0-9._-]*$/.test(args.name)) {
    throw new AgentspecError("BAD_ARGUMENT", `--name "${args.name}" is not an agent id: use lower-case letters, digits, '.', '_' and '-'`);
  }
  const out = args.out === undefined ? undefined : path.resolve(io.cwd, args.out);
  const specDir = out ? path.dirname(out) : io.cwd;
  if (out && !args.force) refuseExisting(out, args.out!);

  const options = { timeoutMs: timeout, clientInfo: { name: "agentspec", version } };
  const servers: McpServerTools[] = [];
  const notes: string[] = [];
  let failed = false;
  const report = (list: McpToolList, label: string) => {
    for (const p of list.problems) io.stderr(`agentspec: MCP server "${serverText(label)}": ${p.severity}: ${serverText(p.message)}\n`);
    failed ||= list.problems.some((p) => p.severity === "error");
  };
  if (command || args.url !== undefined) {
    const target: McpServerTarget = command ? { name: "server", ...command, cwd: io.cwd } : { name: "server", url: args.url!, headers: {} };
    const list = await listMcpTools(target, options);
    const name = serverName(list.server.name);
    report(list, name);
    const relative = path.relative(specDir, io.cwd);
    const config: McpServer = command
      ? { command: command.command, ...(command.args.length > 0 ? { args: command.args } : {}), ...(relative ? { cwd: relative } : {}) }
      : { url: args.url! };
    servers.push({ name, config, list });
  } else {
    const file = path.resolve(io.cwd, args.config!);
    const found = readClientConfig(file, readText(file, { shown: args.config }), { shown: args.config, cwd: specDir });
    const chosen = args.server === undefined ? found : found.filter((s) => s.name === args.server);
    if (chosen.length === 0) {
      const names = found.map((s) => s.name).join(", ") || "none";
      throw new AgentspecError("BAD_ARGUMENT", `${args.config}: has no server "${args.server ?? ""}" (it has: ${names})`);
    }
    for (const server of chosen) {
      const list = await listMcpTools(server.target, options);
      report(list, server.name);
      const cwd = server.config.cwd === undefined ? undefined : path.relative(specDir, server.config.cwd);
      const { cwd: _absolute, ...rest } = server.config;
      servers.push({ name: server.name, config: { ...rest, ...(cwd ? { cwd } : {}) }, list });
      notes.push(...server.notes);
    }
  }
  const result = specFromMcpTools(servers, { name: args.name, notes });
  // The schema comment names the schema this CLI runs with, relative to where the spec goes: an editor finds it offline.
  result.yaml = withLocalSchema(result.yaml, specDir);
  if (!out) {
    io.stdout(result.yaml);
    return failed ? EXIT.problems : EXIT.ok;
  }
  write(out, args.out!, result.yaml, args.force);
  const tools = result.allowed.length;
  const listed = servers.reduce((n, s) => n + s.list.tools.length, 0);
  const from = servers.map((s) => `"${serverText(s.list.server.name)}"`).join(", ");
  const left = listed > tools ? ` (${listed - tools} more left out: see the NOTE lines)` : "";
  io.stderr(
    `Wrote ${args.out}: ${tools} tool${tools === 1 ? "" : "s"} from ${from}${left}, trust level ${result.trustLevel}. Review it, then run: agentspec mcp lock ${args.out}\n`,
  );
  return failed ? EXIT.problems : EXIT.ok;
}

/** The server's own name as a key of mcp.servers. */
function serverName(reported: string): string {
  return (
    agentId(reported)
      .replace(/\./g, "-")
      .replace(/^[^a-z0-9]+/, "") || "server"
  );
}

/** Checked before the server starts, so a refusal costs nothing; write() refuses again if the file appeared meanwhile. */
function refuseExisting(file: string, shown: string): void {
  if (existsSync(file)) throw new AgentspecError("BAD_ARGUMENT", `${shown} exists: use --force to overwrite it`);
}

function write(file: string, shown: string, text: string, force: boolean): void {
  try {
    writeFileSync(file, text, { flag: force ? "w" : "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      throw new AgentspecError("BAD_ARGUMENT", `${shown} exists: use --force to overwrite it`);
    throw unwritable(shown, error);
  }
}

function unwritable(shown: string, error: unknown): AgentspecError {
  return new AgentspecError(
    "UNWRITABLE",
    `${shown}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
  );
}
