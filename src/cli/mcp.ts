/**
 * `agentspec mcp <command>`: specs tied to the MCP servers that provide their tools. One line per
 * subcommand in MCP_COMMANDS; each module is imported only when its command runs (the SDK is not
 * loaded for any other command).
 */
import type { Argv } from "yargs";
import type { CliIO } from "./io.js";

type RunCommand = (task: () => Promise<number>) => Promise<void>;
type Load = () => Promise<[(yargs: Argv) => Argv, (args: never, io: CliIO) => Promise<number>]>;

/** The subcommands: [command, description, module loader]. */
const MCP_COMMANDS: [string, string, Load][] = [
  [
    "init",
    "Scaffold a spec from an MCP server's tools: mcp init [-o file] -- <command…> | --url <url> | --config <file>",
    async () => {
      const m = await import("./mcp-init.js");
      return [m.mcpInitBuilder as (y: Argv) => Argv, m.runMcpInit];
    },
  ],
  [
    "lock <spec>",
    "Pin the spec's MCP tool definitions in <name>.mcp-lock.json beside it",
    async () => {
      const m = await import("./mcp-lock.js");
      return [m.mcpLockBuilder as (y: Argv) => Argv, m.runMcpLock];
    },
  ],
  [
    "check <spec>",
    "Compare the spec with what its MCP servers offer and with its lock",
    async () => {
      const m = await import("./mcp-check.js");
      return [m.mcpCheckBuilder as (y: Argv) => Argv, m.runMcpCheck];
    },
  ],
  [
    "proxy <target>",
    "Enforce a spec's policy between an MCP client and server: mcp proxy <spec-or-policy> -- <command…> | --url <url>",
    async () => {
      const m = await import("./mcp-proxy.js");
      return [m.mcpProxyBuilder as (y: Argv) => Argv, m.runMcpProxy];
    },
  ],
];

/** The `mcp` command group; `runCommand` is main's wrapper that keeps the exit code. */
export function mcpBuilder(yargs: Argv, io: CliIO, runCommand: RunCommand): Argv {
  // What follows `--` is the server's command line, kept whole in args["--"].
  let group = yargs.parserConfiguration({ "populate--": true, "parse-positional-numbers": false });
  for (const [command, describe, load] of MCP_COMMANDS) {
    group = group.command(
      command,
      describe,
      async (y) => (await load())[0](y),
      (args) => runCommand(async () => (await load())[1](args as never, io)),
    );
  }
  return group.demandCommand(1, "Name an mcp command: agentspec mcp init, lock, check or proxy");
}
