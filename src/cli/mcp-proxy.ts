/**
 * `agentspec mcp proxy <spec-or-policy> [options] -- <server command…>` (or `--url <upstream>`):
 * the MCP gateway as a command, a thin shell over createMcpGateway. It runs until the client
 * closes the connection (exit 0) or the server goes away (exit 1); a bad policy or option exits 2.
 * In stdio mode stdout carries MCP only: everything it says goes to stderr.
 */
import path from "node:path";
import type { Argv } from "yargs";
import type { Policy } from "../../generated/policy.js";
import { excerpt } from "../diagnostics.js";
import { AgentspecError } from "../errors.js";
import { approverFromSetting } from "../mcp/gateway/approvals/index.js";
import { createMcpGateway, type GatewayExit, TOOL_PREFIX, type UpstreamSpec } from "../mcp/gateway/gateway.js";
import { isLoopback, type ListenSpec } from "../mcp/gateway/settings.js";
import { assertPinsUsable, loadPins, type GatewayLockOption } from "../mcp/gateway/pinning.js";
import { lockPathFor } from "../mcp/lock.js";
import { startsSpecServer, writtenServer } from "../mcp/server-target.js";
import { readTextIfExists } from "../load/files.js";
import type { McpServerSpec, Spec } from "../model/index.js";
import { redisStore } from "../runtime/store/redis.js";
import type { StateStore } from "../runtime/store/types.js";
import { loadTarget } from "./decide.js";
import { EXIT, type CliIO } from "./io.js";
import { addOptions, MCP_PROXY_OPTIONS } from "./options.js";
import { readKey } from "./sign.js";

export interface McpProxyArgs {
  target: string;
  url?: string;
  listen?: string;
  pin?: string;
  pub?: string;
  record?: string;
  "aex-events"?: string;
  approve?: string;
  "approval-timeout": number;
  shadow: boolean;
  "max-message-bytes": number;
  "max-sessions"?: number;
  "session-idle-timeout"?: number;
  quiet: boolean;
  redis?: string;
  lock?: string;
  "require-lock": boolean;
  server?: string;
  prefix?: string;
  actor?: string;
  tenant?: string;
  environment?: string;
  "--"?: (string | number)[];
}

export function mcpProxyBuilder(yargs: Argv): Argv<McpProxyArgs> {
  const command = yargs
    .parserConfiguration({ "populate--": true, "parse-positional-numbers": false })
    .usage("$0 mcp proxy <spec-or-policy> [options] -- <server command…>\n$0 mcp proxy <spec-or-policy> --url <http(s)://…/mcp> [options]")
    .positional("target", {
      type: "string",
      demandOption: true,
      describe: "A spec (compiled in memory) or a *.policy.json (loaded with its hash checked)",
    });
  return addOptions(command, MCP_PROXY_OPTIONS) as unknown as Argv<McpProxyArgs>;
}

export async function runMcpProxy(args: McpProxyArgs, io: CliIO): Promise<number> {
  // An empty file name would be read as the working directory: refused by its option's name.
  for (const name of ["lock", "pub", "record", "aex-events"] as const) {
    if (args[name] === "") throw new AgentspecError("BAD_ARGUMENT", `--${name} takes a file name, not an empty value`);
  }
  const upstream = upstreamFrom(args);
  const listen = args.listen === undefined ? undefined : { ...parseListen(args.listen), ...sessionLimits(args) };
  if (!listen) {
    for (const name of ["max-sessions", "session-idle-timeout"] as const) {
      if (args[name] !== undefined)
        throw new AgentspecError("BAD_ARGUMENT", `--${name} applies to --listen only (a stdio gateway serves one session)`);
    }
  }
  const maxMessageBytes = args["max-message-bytes"];
  if (!Number.isSafeInteger(maxMessageBytes) || maxMessageBytes < 1024) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `--max-message-bytes takes a whole number of bytes, at least 1024, not ${String(maxMessageBytes)}`,
    );
  }
  const timeout = args["approval-timeout"];
  if (typeof timeout !== "number" || !Number.isFinite(timeout) || timeout < 0.001 || timeout > 2_000_000) {
    throw new AgentspecError("BAD_ARGUMENT", `--approval-timeout takes a number of seconds from 0.001 to 2000000, not ${String(timeout)}`);
  }
  const publicKey = args.pub === undefined ? undefined : await readKey(path.resolve(io.cwd, args.pub), args.pub);
  const { policy, spec } = await loadTarget(args.target, args.pin, publicKey);
  // The spec's MCP servers (a compiled policy keeps no mcp section), from the text the policy was compiled from.
  const servers = spec?.mcp?.servers ?? [];
  const toolPrefix = prefixFor(args, servers);
  // The prefix decides the names calls are decided under, and the policy --pin pins does not hold
  // it (a spec's mcp section is not compiled): pinned, it must be on the command line too, where
  // prefixFor compares it with the spec's, so an edit of the prefix alone stops the start.
  if (args.pin !== undefined && spec !== undefined && args.prefix === undefined && toolPrefix !== "") {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `--pin pins the policy compiled from ${args.target}, which does not hold the prefix ${JSON.stringify(toolPrefix)} the spec gives this server's tools (calls are decided under it): give --prefix ${JSON.stringify(toolPrefix)} too, so a change of the spec's prefix stops the gateway instead of changing what the pinned policy allows`,
    );
  }
  const pinning = lockFor(args, io, servers);
  const serverWarning = spec === undefined ? undefined : serverMismatch(args, spec, upstream, pinning, io.cwd);
  const approver = args.approve === undefined ? undefined : approverFromSetting(args.approve);
  const context = contextFrom(args);
  const say = (line: string) => io.stderr(`agentspec mcp proxy: ${line}\n`);
  // A bad URL or a missing ioredis is refused here (exit 2); Redis down later denies every call (state-unavailable).
  const store: StateStore | undefined = args.redis === undefined ? undefined : redisStore({ url: args.redis });
  try {
    return await serve(args, io, {
      upstream,
      listen,
      policy,
      approver,
      context,
      store,
      timeout,
      maxMessageBytes,
      say,
      pinning,
      toolPrefix,
      serverWarning,
    });
  } finally {
    await store?.close();
  }
}

interface Setup {
  upstream: UpstreamSpec;
  listen: ListenSpec | undefined;
  policy: Policy;
  approver: ReturnType<typeof approverFromSetting> | undefined;
  context: ReturnType<typeof contextFrom>;
  store: StateStore | undefined;
  timeout: number;
  maxMessageBytes: number;
  say: (line: string) => void;
  pinning: Pinning;
  toolPrefix: string;
  /** Said on start: the server is not started as the spec gives the server it stands for. */
  serverWarning: string | undefined;
}

async function serve(args: McpProxyArgs, io: CliIO, setup: Setup): Promise<number> {
  const { upstream, listen, policy, approver, context, store, timeout, maxMessageBytes, say, pinning, toolPrefix, serverWarning } = setup;
  const gateway = createMcpGateway({
    policy,
    upstream,
    ...(listen ? { downstream: { listen } } : {}),
    ...(args.record !== undefined ? { record: path.resolve(io.cwd, args.record) } : {}),
    ...(args["aex-events"] !== undefined ? { aexEvents: path.resolve(io.cwd, args["aex-events"]) } : {}),
    ...(approver ? { approver } : {}),
    approvalTimeoutMs: Math.round(timeout * 1000),
    maxMessageBytes,
    ...(context ? { context } : {}),
    ...(store ? { store } : {}),
    ...(args.shadow ? { mode: "shadow" as const } : {}),
    ...(pinning.lock ? { lock: pinning.lock } : {}),
    ...(toolPrefix !== "" ? { toolPrefix } : {}),
    log: args.quiet ? null : (line) => io.stderr(`agentspec mcp proxy: ${line}\n`),
  });
  // A decision log that cannot be used (held by another gateway, its last line edited) would deny every call: say so now.
  if (gateway.guard.recordError) throw gateway.guard.recordError;
  const stop = () => void gateway.close();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    const started = await gateway.start();
    const where = "url" in upstream ? String(upstream.url) : [upstream.command, ...(upstream.args ?? [])].join(" ");
    const via = started.url ? `listening on ${started.url}` : "on stdio";
    if (listen && !isLoopback(listen.host ?? "127.0.0.1")) {
      say(
        `warning: listening on ${listen.host}, beyond this machine: anyone who can reach it can call the server's tools within this policy`,
      );
    }
    if (serverWarning !== undefined) say(serverWarning);
    if (args.shadow) {
      say(
        "warning: shadow mode: calls the policy would deny or gate are forwarded to the server (each recorded with what enforcement would decide); only protocol hygiene and the guard's own failures (a policy that does not load, a record that cannot be written) still deny",
      );
    }
    if (!args.quiet) {
      const approvals = approver ? approver.description : "no approver: calls that need approval are denied";
      const shared = store ? `; budgets shared in ${store.description}` : "";
      say(
        `${args.shadow ? "shadowing" : "enforcing"} ${policy.agent.id} ${policy.hash} in front of ${where}, ${via}; ${approvals}${shared}; ${pinning.note}${prefixNote(toolPrefix, args.target.endsWith(".policy.json") && args.prefix === undefined)}`,
      );
    }
    return exitCode(await gateway.closed, say);
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
}

function exitCode(exit: GatewayExit, say: (line: string) => void): number {
  if (exit.reason === "client-closed" || exit.reason === "closed") return EXIT.ok;
  say(`stopped: ${exit.message}`);
  return exit.reason === "upstream-failed" ? EXIT.fatal : EXIT.problems;
}

function upstreamFrom(args: McpProxyArgs): UpstreamSpec {
  const command = (args["--"] ?? []).map(String);
  if (args.url !== undefined && command.length > 0) {
    throw new AgentspecError("BAD_ARGUMENT", "Give the MCP server either as a command after -- or as --url, not both");
  }
  if (args.url !== undefined) {
    let url: URL;
    try {
      url = new URL(args.url);
    } catch {
      throw new AgentspecError("BAD_ARGUMENT", `--url ${args.url} is not a URL: e.g. --url https://mcp.example/mcp`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new AgentspecError("BAD_ARGUMENT", `--url ${args.url} must be an http or https URL`);
    }
    return { url };
  }
  if (command.length === 0) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      "Name the MCP server to put the gateway in front of: agentspec mcp proxy <spec> -- <command> [args…], or --url <http(s)://…/mcp>",
    );
  }
  return { command: command[0]!, args: command.slice(1) };
}

/** --max-sessions and --session-idle-timeout, checked (the defaults are the listener's own). */
function sessionLimits(args: McpProxyArgs): Pick<ListenSpec, "maxSessions" | "sessionIdleTimeoutMs"> {
  const limits: Pick<ListenSpec, "maxSessions" | "sessionIdleTimeoutMs"> = {};
  const max: unknown = args["max-sessions"];
  if (max !== undefined) {
    if (Array.isArray(max)) throw new AgentspecError("BAD_ARGUMENT", `--max-sessions is given ${max.length} times: give it once`);
    if (typeof max !== "number" || !Number.isSafeInteger(max) || max < 1 || max > 100_000) {
      throw new AgentspecError("BAD_ARGUMENT", `--max-sessions takes a whole number from 1 to 100000, not ${String(max)}`);
    }
    limits.maxSessions = max;
  }
  const idle: unknown = args["session-idle-timeout"];
  if (idle !== undefined) {
    if (Array.isArray(idle)) throw new AgentspecError("BAD_ARGUMENT", `--session-idle-timeout is given ${idle.length} times: give it once`);
    if (typeof idle !== "number" || !Number.isFinite(idle) || idle < 0.1 || idle > 2_000_000) {
      throw new AgentspecError("BAD_ARGUMENT", `--session-idle-timeout takes a number of seconds from 0.1 to 2000000, not ${String(idle)}`);
    }
    limits.sessionIdleTimeoutMs = Math.round(idle * 1000);
  }
  return limits;
}

/** `8080`, `127.0.0.1:8080`, `[::1]:8080`, `0.0.0.0:8080`. */
export function parseListen(value: string): ListenSpec {
  const match = /^(?:(\[[^\]]+\]|[^:[\]]+):)?(\d{1,5})$/.exec(value);
  const port = match ? Number(match[2]) : NaN;
  if (!match || port > 65535) {
    throw new AgentspecError("BAD_ARGUMENT", `--listen ${value} is not [host:]port: e.g. --listen 8080 or --listen 127.0.0.1:8080`);
  }
  const host = match[1] === undefined ? "127.0.0.1" : match[1].replace(/^\[|\]$/g, "");
  return { host, port };
}

function contextFrom(args: McpProxyArgs): { actor?: string; tenant?: string; environment?: string } | undefined {
  const context: { actor?: string; tenant?: string; environment?: string } = {};
  if (args.actor !== undefined) context.actor = args.actor;
  if (args.tenant !== undefined) context.tenant = args.tenant;
  if (args.environment !== undefined) context.environment = args.environment;
  return Object.keys(context).length > 0 ? context : undefined;
}

interface Pinning {
  lock?: GatewayLockOption;
  /** The lock's server the definitions are pinned to. */
  server?: string;
  /** What the start line says about pinning. */
  note: string;
}

/**
 * The MCP lock the gateway pins definitions to: `--lock`, else the spec's own lock beside it when
 * it exists. A compiled policy has no lock beside it (pass --lock). A lock that exists but cannot
 * be used stops the start, with its problems located: a gateway that started would refuse every tool.
 * With --require-lock, no lock at all stops the start too.
 */
function lockFor(args: McpProxyArgs, io: CliIO, servers: readonly McpServerSpec[]): Pinning {
  const isPolicy = args.target.endsWith(".policy.json");
  const shown = args.lock ?? (isPolicy ? undefined : lockPathFor(args.target));
  // --server may name the spec's server (for its prefix) where there is no lock to choose from.
  const specServer = args.server !== undefined && servers.some((s) => s.name === args.server);
  if (shown === undefined) {
    if (args["require-lock"]) {
      throw new AgentspecError(
        "BAD_ARGUMENT",
        `--require-lock: ${args.target} is a compiled policy, which has no MCP lock beside it, so tool definitions could not be pinned: give the lock with --lock <file.mcp-lock.json> (written by agentspec mcp lock <spec>)`,
      );
    }
    if (args.server !== undefined)
      throw new AgentspecError("BAD_ARGUMENT", "--server names a server of the MCP lock: give the lock with --lock");
    return { note: "tool definitions are not pinned (a compiled policy has no MCP lock beside it: pass --lock <file>)" };
  }
  const text = readTextIfExists(path.resolve(io.cwd, shown));
  if (text === undefined) {
    if (args.lock !== undefined) {
      throw new AgentspecError("NOT_FOUND", `--lock ${args.lock}: no such file; write it with agentspec mcp lock <spec>`);
    }
    // Without the lock nothing is pinned; a lock deleted by mistake must not turn pinning off unnoticed.
    if (args["require-lock"]) {
      throw new AgentspecError(
        "NOT_FOUND",
        `--require-lock: there is no MCP lock ${shown} beside ${args.target}, so tool definitions could not be pinned: write it with agentspec mcp lock ${args.target}, review it and commit it beside the spec`,
      );
    }
    if (args.server !== undefined && !specServer)
      throw new AgentspecError("BAD_ARGUMENT", `--server: there is no MCP lock (${shown}) to choose a server of`);
    return { note: `tool definitions are not pinned: there is no MCP lock ${shown} (write it with agentspec mcp lock ${args.target})` };
  }
  const lock: GatewayLockOption = { file: shown, text, ...(args.server !== undefined ? { server: args.server } : {}) };
  const pins = loadPins(lock);
  assertPinsUsable(pins);
  const count = Object.keys(pins.tools ?? {}).length;
  return {
    lock,
    ...(pins.server !== undefined ? { server: pins.server } : {}),
    note: `tool definitions pinned to ${shown} (${count} tool${count === 1 ? "" : "s"} of server "${pins.server}")`,
  };
}

/**
 * A warning when the gateway's server is started (or reached) otherwise than the spec gives the
 * server it stands for (--server, else the lock's server, else the spec's only one): its tools are
 * decided under that server's prefix and compared with that server's pinned definitions, so
 * another server's tools would be hidden with no word why. Not refused: a wrapper, an absolute
 * path or a pinned version differs legitimately, and cannot be told from another server.
 */
function serverMismatch(args: McpProxyArgs, spec: Spec, upstream: UpstreamSpec, pinning: Pinning, cwd: string): string | undefined {
  const servers = spec.mcp?.servers ?? [];
  const name = args.server ?? pinning.server ?? (servers.length === 1 ? servers[0]!.name : undefined);
  const server = servers.find((s) => s.name === name);
  if (!server) return undefined;
  const given = "url" in upstream ? { url: upstream.url } : { command: upstream.command, args: upstream.args ?? [] };
  let same: boolean;
  try {
    same = startsSpecServer(spec, server, given, process.env, cwd);
  } catch (error) {
    // Only a warning depends on it: the start goes on, saying the comparison could not be made.
    return `warning: the server command could not be compared with the one the spec gives server ${JSON.stringify(server.name)} (${(error as Error).message})`;
  }
  if (same) return undefined;
  const what =
    "url" in given
      ? `the server URL ${excerpt(String(given.url), 200)}`
      : `the server command ${excerpt([given.command, ...given.args].join(" "), 200)}`;
  const quoted = JSON.stringify(server.name);
  return `warning: ${what} is not the one the spec gives server ${quoted} (${excerpt(writtenServer(server), 200)}): its tools are ${pinning.lock ? "decided and pinned" : "decided"} as server ${quoted}'s`;
}

/**
 * The prefix the policy puts before this server's tool names: --prefix, else the prefix the spec
 * gives the server the gateway fronts (--server, or the spec's only server, or the one prefix all
 * its servers share). Never guessed: servers with different prefixes and no --server stop the
 * start, and a --prefix that contradicts the spec too.
 */
export function prefixFor(args: Pick<McpProxyArgs, "prefix" | "server" | "target">, servers: readonly McpServerSpec[]): string {
  const given: unknown = args.prefix;
  if (Array.isArray(given)) throw new AgentspecError("BAD_ARGUMENT", `--prefix is given ${given.length} times: give it once`);
  if (given !== undefined && (typeof given !== "string" || (given !== "" && !TOOL_PREFIX.test(given)))) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `--prefix ${JSON.stringify(given)} is not a tool prefix: letters, digits, _ and -, in segments joined by . _ or -, optionally ending with one (e.g. --prefix fs.)`,
    );
  }
  // A compiled policy keeps no mcp section: the prefix its spec gave this server is unknown, and a
  // guess could decide a call under another server's tool of the same name.
  if (given === undefined && args.server !== undefined && args.target.endsWith(".policy.json")) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `--server ${JSON.stringify(args.server)}: ${args.target} is a compiled policy, which does not keep the prefixes its spec gives its servers, so the names this server's calls are decided under cannot be known: give --prefix (the spec's prefix for this server, or --prefix "" when it has none), or run the gateway on the spec`,
    );
  }
  let fromSpec: { prefix: string; server: string } | undefined;
  if (args.server !== undefined) {
    const chosen = servers.find((s) => s.name === args.server);
    if (chosen) fromSpec = { prefix: chosen.prefix, server: chosen.name };
    else if (servers.length > 0) {
      throw new AgentspecError(
        "BAD_ARGUMENT",
        `--server ${JSON.stringify(args.server)}: ${args.target} has no MCP server of that name (it has ${servers.map((s) => JSON.stringify(s.name)).join(", ")})`,
      );
    }
  } else if (servers.length > 0) {
    const prefixes = new Set(servers.map((s) => s.prefix));
    if (prefixes.size > 1 && given === undefined) {
      const which = servers.map((s) => `${JSON.stringify(s.prefix)} for ${JSON.stringify(s.name)}`).join(", ");
      throw new AgentspecError(
        "BAD_ARGUMENT",
        `${args.target}: its MCP servers have different prefixes (${which}): name the one this gateway fronts with --server <name>`,
      );
    }
    if (prefixes.size === 1) fromSpec = { prefix: servers[0]!.prefix, server: servers.length === 1 ? servers[0]!.name : "every server" };
  }
  if (given !== undefined && fromSpec !== undefined && given !== fromSpec.prefix) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `--prefix ${JSON.stringify(given)} differs from the prefix ${args.target} gives ${fromSpec.server === "every server" ? "its servers" : `server ${JSON.stringify(fromSpec.server)}`} (${JSON.stringify(fromSpec.prefix)}): drop --prefix, or change the spec`,
    );
  }
  return (given as string | undefined) ?? fromSpec?.prefix ?? "";
}

function prefixNote(prefix: string, unknown: boolean): string {
  if (unknown)
    return "; a compiled policy keeps no server prefixes, so calls are decided under the server's own tool names (give --prefix when the spec prefixes this server's tools, --prefix \"\" to say it does not)";
  return prefix === ""
    ? ""
    : `; the policy names this server's tools with the prefix ${JSON.stringify(prefix)} (its read_file is ${prefix}read_file)`;
}
