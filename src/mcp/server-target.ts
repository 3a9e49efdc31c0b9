/**
 * A server of a spec's mcp section → how to reach it now: the environment variables it names
 * are read from the environment (their values are never in the spec), ${env:NAME} in its
 * arguments and URL is replaced, and its cwd is taken relative to the spec's directory.
 *
 * API: resolveServerTarget(spec, server, env) → McpServerTarget, or AgentspecError BAD_ARGUMENT
 * naming the spec's file:line:column and the variable to set.
 */
import path from "node:path";
import { AgentspecError } from "../errors.js";
import { joinPointer } from "../load/index.js";
import type { McpServerSpec, Spec } from "../model/index.js";
import type { McpServerTarget } from "./connect.js";

const ENV_REFERENCE = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g;

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
    const value = env[name];
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
