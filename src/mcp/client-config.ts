/**
 * MCP servers from an MCP client's config file: Claude Desktop's claude_desktop_config.json and
 * Cursor's mcp.json (`mcpServers`), VS Code's mcp.json (`servers`, JSON with comments). Each
 * server gives how to reach it now (values resolved from the config and the environment) and
 * how a spec records it (environment variable and header names, never their values).
 *
 * API: readClientConfig(file, text, options) → ClientConfigServer[] (AgentspecError BAD_ARGUMENT
 * with file:line:column for what cannot be read or carried).
 *
 * Variables: ${env:NAME} is read from the environment and kept as ${env:NAME} in the spec;
 * ${workspaceFolder} is the folder holding .vscode/ or .cursor/ (else the config's folder), and
 * ${userHome} the home directory. ${input:…} (VS Code prompts) and envFile cannot be read here.
 */
import { homedir } from "node:os";
import path from "node:path";
import type { McpServer } from "../../generated/agentspec.js";
import { AgentspecError } from "../errors.js";
import { isObject, joinPointer, parseSource, type SourceDoc } from "../load/index.js";
import type { McpServerTarget } from "./connect.js";
import { envValue } from "./server-target.js";
import { describePath } from "../validate/index.js";
import { printable } from "./stdio-transport.js";

export interface ClientConfigServer {
  name: string;
  /** How to reach it now. */
  target: McpServerTarget;
  /** How the spec records it; `cwd` is absolute here (the caller makes it relative to the spec). */
  config: McpServer;
  /** What the spec cannot carry as the config has it, for the spec's header. */
  notes: string[];
}

export interface ReadClientConfigOptions {
  env?: NodeJS.ProcessEnv;
  home?: string;
  /** The file's name in messages (default: `file`). */
  shown?: string;
  /**
   * Where a server starts when the config gives it no cwd and is not a workspace's (.vscode/ or
   * .cursor/ folder, whose servers start in the workspace): the spec's directory, where `mcp
   * check` will start it, so the spec records no cwd. Claude Desktop sets none a spec could
   * carry. The working directory by default.
   */
  cwd?: string;
}

const VARIABLE = /\$\{([^}]*)\}/g;

export function readClientConfig(file: string, text: string, options: ReadClientConfigOptions = {}): ClientConfigServer[] {
  const env = options.env ?? process.env;
  const shown = options.shown ?? file;
  const source = parseSource(file.endsWith(".json") ? file : `${file}.json`, withoutComments(text));
  const at = (pointer: string, message: string): AgentspecError => {
    const { line, column } = source.locate(pointer);
    return new AgentspecError("BAD_ARGUMENT", `${shown}:${line}:${column}: ${message}`);
  };
  const syntax = source.diagnostics[0];
  if (source.data === undefined || syntax) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `${shown}:${syntax?.line ?? 1}:${syntax?.column ?? 1}: ${syntax?.message ?? "cannot be read as JSON"}`,
    );
  }
  const data = source.data as Record<string, unknown>;
  const key = isObject(data) && isObject(data.mcpServers) ? "mcpServers" : isObject(data) && isObject(data.servers) ? "servers" : undefined;
  if (key === undefined) {
    throw at("", 'is not an MCP client config: it has no "mcpServers" (Claude Desktop, Cursor) or "servers" (VS Code) object');
  }
  const servers = data[key] as Record<string, unknown>;
  const workspace = workspaceFolder(file);
  const inWorkspace = workspace !== path.dirname(path.resolve(file));
  const home = options.home ?? homedir();
  const cwd = inWorkspace ? undefined : path.resolve(options.cwd ?? process.cwd());
  return Object.entries(servers).map(([name, raw]) =>
    readServer(source, at, joinPointer(`/${key}`, name), name, raw, { env, workspace, home, cwd }),
  );
}

interface Context {
  env: NodeJS.ProcessEnv;
  workspace: string;
  home: string;
  /** Where a server without a cwd starts, unrecorded; undefined: in the workspace, recorded. */
  cwd?: string;
}

type Locate = (pointer: string, message: string) => AgentspecError;

function readServer(source: SourceDoc, at: Locate, pointer: string, name: string, raw: unknown, context: Context): ClientConfigServer {
  if (!isObject(raw)) throw at(pointer, `server "${name}" is not an object`);
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name)) {
    throw at(pointer, `server name "${printable(name)}" cannot name a server in a spec: use letters, digits, '_' and '-'`);
  }
  const notes: string[] = [];
  const field = (key: string) => joinPointer(pointer, key);
  const type = raw.type;
  if (type === "sse")
    throw at(
      field("type"),
      `server "${name}" uses the legacy HTTP+SSE transport, which agentspec does not speak: use its Streamable HTTP endpoint`,
    );
  if (raw.envFile !== undefined)
    throw at(field("envFile"), `server "${name}" reads an envFile, which agentspec does not: export its variables and name them in env`);
  // In a spec, arguments are read relative to the server's cwd, so ${workspaceFolder} becomes a relative path.
  let specWorkspace = context.workspace;
  const resolve = (value: unknown, where: string, keepEnv: boolean): { now: string; spec: string } => {
    if (typeof value !== "string") throw at(where, `${describePath(where)} must be a string`);
    let spec = "";
    let last = 0;
    let now = "";
    for (const match of value.matchAll(VARIABLE)) {
      const [whole, variable] = match as unknown as [string, string];
      const before = value.slice(last, match.index);
      now += before;
      spec += before;
      last = match.index! + whole.length;
      const envName = /^env:([A-Za-z_][A-Za-z0-9_]*)$/.exec(variable)?.[1];
      if (envName !== undefined) {
        const set = envValue(context.env, envName);
        if (set === undefined)
          throw at(where, `${describePath(where)} uses \${env:${envName}}, which is not set: set it in the environment`);
        now += set;
        spec += keepEnv ? whole : set;
      } else if (variable === "workspaceFolder") {
        now += context.workspace;
        spec += specWorkspace;
      } else if (variable === "userHome") {
        now += context.home;
        spec += context.home;
        notes.push(`server ${name}: \${userHome} became ${context.home}: make it a path this spec's readers share`);
      } else if (variable.startsWith("input:")) {
        throw at(
          where,
          `prompts for \${${variable}}, which agentspec cannot ask for: put the value in an environment variable and use \${env:NAME}`,
        );
      } else {
        throw at(
          where,
          `uses \${${printable(variable)}}, which agentspec does not know: use \${env:NAME}, \${workspaceFolder} or \${userHome}`,
        );
      }
    }
    return { now: now + value.slice(last), spec: spec + value.slice(last) };
  };
  if (raw.command !== undefined) {
    if (type !== undefined && type !== "stdio")
      throw at(field("type"), `server "${name}" has a command but type "${printable(String(type))}"`);
    const unrecorded = raw.cwd === undefined ? context.cwd : undefined;
    const cwd =
      raw.cwd === undefined
        ? (context.cwd ?? context.workspace)
        : path.resolve(context.workspace, resolve(raw.cwd, field("cwd"), false).now);
    specWorkspace = path.relative(cwd, context.workspace) || ".";
    const command = resolve(raw.command, field("command"), true);
    if (raw.args !== undefined && !Array.isArray(raw.args))
      throw at(field("args"), `${describePath(field("args"))} must be a list of strings`);
    const args = ((raw.args as unknown[] | undefined) ?? []).map((arg, i) => resolve(arg, joinPointer(pointer, "args", i), true));
    const envNow: Record<string, string> = {};
    const envNames: string[] = [];
    if (raw.env !== undefined && !isObject(raw.env))
      throw at(field("env"), `${describePath(field("env"))} must be an object of names and values`);
    for (const [variable, value] of Object.entries((raw.env as Record<string, unknown> | undefined) ?? {})) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable))
        throw at(joinPointer(pointer, "env", variable), `"${printable(variable)}" is not an environment variable name`);
      envNow[variable] = resolve(value, joinPointer(pointer, "env", variable), false).now;
      envNames.push(variable);
      if (value !== `\${env:${variable}}`)
        notes.push(
          `server ${name}: set ${variable} in the environment where agentspec mcp check runs (the config gives it a value; the spec keeps names only)`,
        );
    }
    return {
      name,
      target: { name, command: command.now, args: args.map((a) => a.now), env: envNow, cwd },
      config: {
        command: command.spec,
        ...(args.length > 0 ? { args: args.map((a) => a.spec) } : {}),
        ...(envNames.length > 0 ? { env: envNames } : {}),
        ...(unrecorded === undefined ? { cwd } : {}),
      },
      notes,
    };
  }
  if (raw.url !== undefined) {
    if (type !== undefined && type !== "http" && type !== "streamableHttp" && type !== "streamable-http") {
      throw at(field("type"), `server "${name}" has a url but type "${printable(String(type))}": agentspec speaks Streamable HTTP`);
    }
    const url = resolve(raw.url, field("url"), true);
    if (raw.headers !== undefined && !isObject(raw.headers))
      throw at(field("headers"), `${describePath(field("headers"))} must be an object of header names and values`);
    const headersNow: Record<string, string> = {};
    const headerEnv: Record<string, string> = {};
    for (const [header, value] of Object.entries((raw.headers as Record<string, unknown> | undefined) ?? {})) {
      const where = joinPointer(pointer, "headers", header);
      headersNow[header] = resolve(value, where, false).now;
      const whole = typeof value === "string" ? /^\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(value)?.[1] : undefined;
      const variable = whole ?? `MCP_${name}_${header}`.toUpperCase().replace(/[^A-Z0-9_]/g, "_");
      headerEnv[header] = variable;
      if (whole === undefined) notes.push(`server ${name}: set ${variable} to the ${header} header's value where agentspec mcp check runs`);
    }
    return {
      name,
      target: { name, url: url.now, headers: headersNow },
      config: { url: url.spec, ...(Object.keys(headerEnv).length > 0 ? { headers: headerEnv } : {}) },
      notes,
    };
  }
  throw at(pointer, `server "${name}" has neither a command nor a url`);
}

/** The folder VS Code or Cursor calls ${workspaceFolder}: the one holding .vscode/ or .cursor/. */
function workspaceFolder(file: string): string {
  const dir = path.dirname(path.resolve(file));
  return [".vscode", ".cursor"].includes(path.basename(dir)) ? path.dirname(dir) : dir;
}

/**
 * JSON with comments (VS Code's mcp.json) as JSON: comments and trailing commas become spaces, so
 * every line and column stays where it was for error messages.
 */
export function withoutComments(text: string): string {
  const out = text.split("");
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== "\n") out[k] = " ";
  };
  let lastComma = -1;
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    if (c === '"') {
      lastComma = -1;
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      i = j + 1;
    } else if (c === "/" && (text[i + 1] === "/" || text[i + 1] === "*")) {
      const line = text[i + 1] === "/";
      const end = line ? text.indexOf("\n", i) : text.indexOf("*/", i + 2);
      const stop = end === -1 ? text.length : line ? end : end + 2;
      blank(i, stop);
      i = stop;
    } else {
      if (c === ",") lastComma = i;
      else if ((c === "}" || c === "]") && lastComma !== -1) blank(lastComma, lastComma + 1);
      if (!/\s/.test(c) && c !== ",") lastComma = -1;
      i++;
    }
  }
  return out.join("");
}
