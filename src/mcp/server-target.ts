/**
 * A server of a spec's mcp section → how to reach it now: the environment variables it names
 * are read from the environment (their values are never in the spec), ${env:NAME} in its
 * arguments and URL is replaced, and its cwd is taken relative to the spec's directory.
 *
 * API: resolveServerTarget(spec, server, env) → McpServerTarget, or AgentspecError BAD_ARGUMENT
 * naming the spec's file:line:column and the variable to set. writtenServer(server) → its command
 * line or URL as the spec writes it; startsSpecServer(spec, server, given) → whether a command line
 * or URL given instead (a gateway's) is that server's, read loosely.
 */
import path from "node:path";
import { AgentspecError } from "../errors.js";
import { joinPointer } from "../load/index.js";
import type { McpServerSpec, Spec } from "../model/index.js";
import type { McpServerTarget } from "./connect.js";

const ENV_REFERENCE = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * The environment variable's value: an own property holding a string only, so `constructor` or
 * `__proto__` named in a spec is an unset variable, not a value inherited by the environment object.
 */
export function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value: unknown = Object.hasOwn(env, name) ? env[name] : undefined;
  return typeof value === "string" ? value : undefined;
}

export function serverPointer(server: Pick<McpServerSpec, "name">): string {
  return joinPointer("/mcp/servers", server.name);
}

/** `cwd`: what a relative spec path is relative to (the working directory by default). */
export function resolveServerTarget(
  spec: Spec,
  server: McpServerSpec,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): McpServerTarget {
  const where = (pointer: string) => {
    const { line, column } = spec.source.locate(pointer, "value");
    return `${spec.source.file}:${line}:${column}`;
  };
  const variable = (name: string, pointer: string, use: string): string => {
    const value = envValue(env, name);
    if (value === undefined) {
      throw new AgentspecError(
        "BAD_ARGUMENT",
        `${where(pointer)}: ${use} names the environment variable ${name}, which is not set: set it, or remove it from the spec`,
      );
    }
    return value;
  };
  const substitute = (text: string, pointer: string, use: string) =>
    text.replace(ENV_REFERENCE, (_, name: string) => variable(name, pointer, use));
  const base = serverPointer(server);
  const label = `mcp.servers.${server.name}`;
  if (server.command !== undefined) {
    const passed: Record<string, string> = {};
    server.env.forEach((name, i) => (passed[name] = variable(name, joinPointer(base, "env", i), `${label}.env`)));
    return {
      name: server.name,
      command: substitute(server.command, joinPointer(base, "command"), `${label}.command`),
      args: server.args.map((arg, i) => substitute(arg, joinPointer(base, "args", i), `${label}.args[${i}]`)),
      env: passed,
      cwd: path.resolve(path.dirname(path.resolve(cwd, spec.source.file)), server.cwd ?? "."),
    };
  }
  const headers: Record<string, string> = {};
  for (const [header, name] of Object.entries(server.headers)) {
    headers[header] = variable(name, joinPointer(base, "headers", header), `${label}.headers.${header}`);
  }
  return { name: server.name, url: substitute(server.url ?? "", joinPointer(base, "url"), `${label}.url`), headers };
}

/** The server's command line (or URL) as the spec writes it, ${env:NAME} unreplaced: for messages. */
export function writtenServer(server: McpServerSpec): string {
  return server.command !== undefined ? [server.command, ...server.args].join(" ") : (server.url ?? "");
}

/** A command line or a URL a server is started or reached with, given other than by the spec. */
export type GivenServer = { command: string; args: readonly string[] } | { url: string | URL };

/**
 * Whether `given` starts (or reaches) `server` as the spec gives it, read loosely, so that what
 * legitimately differs does not count: the command by its base name (`/usr/bin/node` is `node`),
 * each argument as written or as the same path once both are resolved (the spec's against its
 * server's cwd, `given`'s against `cwd`), a URL once normalized, and ${env:NAME} as its value in
 * `env`, or as any text when NAME is not set there. A wrapper (`npx pkg` for `node
 * node_modules/pkg/dist/index.js`) or another version of a package is another command line.
 */
export function startsSpecServer(
  spec: Spec,
  server: McpServerSpec,
  given: GivenServer,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): boolean {
  if ("url" in given) return server.url !== undefined && sameUrl(server.url, String(given.url), env);
  if (server.command === undefined || server.args.length !== given.args.length) return false;
  const sameProgram = (written: string) => path.basename(written) === path.basename(given.command);
  if (!sameText(server.command, given.command, env, sameProgram)) return false;
  const serverCwd = path.resolve(path.dirname(path.resolve(cwd, spec.source.file)), server.cwd ?? ".");
  return server.args.every((arg, i) =>
    sameText(arg, given.args[i]!, env, (written) => path.resolve(serverCwd, written) === path.resolve(cwd, given.args[i]!)),
  );
}

/**
 * `template` (with ${env:NAME} references) against `text`: equal once each set variable is
 * replaced, or `alike(replaced)`; a reference to an unset variable matches any text.
 */
function sameText(template: string, text: string, env: NodeJS.ProcessEnv, alike: (replaced: string) => boolean): boolean {
  const parts = template.split(ENV_REFERENCE);
  // split with the capturing group: even indexes are literal text, odd ones variable names.
  const values = parts.map((part, i) => (i % 2 === 0 ? part : envValue(env, part)));
  if (values.includes(undefined)) {
    // Each unset variable is a wildcard: the literal runs between them, set variables replaced.
    const runs: string[] = [""];
    values.forEach((value, i) => {
      if (value === undefined) runs.push("");
      else runs[runs.length - 1] += i % 2 === 0 ? parts[i]! : value;
    });
    return wildcardMatch(runs, text);
  }
  const replaced = values.join("");
  return replaced === text || alike(replaced);
}

/**
 * Whether `text` is runs[0], then anything, then runs[1], …, then the last run: each run between
 * the first and the last is found leftmost, which for wildcards that match any text decides the
 * match in one pass (no backtracking: a spec's many unset variables cannot make it slow).
 */
function wildcardMatch(runs: readonly string[], text: string): boolean {
  const first = runs[0]!;
  const last = runs[runs.length - 1]!;
  if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let at = first.length;
  const end = text.length - last.length;
  for (let i = 1; i < runs.length - 1; i++) {
    const found = text.indexOf(runs[i]!, at);
    if (found === -1 || found + runs[i]!.length > end) return false;
    at = found + runs[i]!.length;
  }
  return true;
}

function sameUrl(template: string, text: string, env: NodeJS.ProcessEnv): boolean {
  const normalized = (url: string) => {
    try {
      return new URL(url).href;
    } catch {
      return url;
    }
  };
  return sameText(template, text, env, (replaced) => normalized(replaced) === normalized(text));
}
