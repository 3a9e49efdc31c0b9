/** Real MCP servers for the tests: the reference servers from node_modules, started with node (no npx, no network), and fixtures. */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { McpServerTarget } from "../../src/mcp/connect.js";

const require = createRequire(import.meta.url);

function entry(pkg: string): string {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { bin } = require(manifest) as { bin: Record<string, string> };
  return path.join(path.dirname(manifest), Object.values(bin)[0]!);
}

export const FILESYSTEM_SERVER = entry("@modelcontextprotocol/server-filesystem");
export const EVERYTHING_SERVER = entry("@modelcontextprotocol/server-everything");
export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
export const RAW_SERVER = path.join(FIXTURES, "raw-server.mjs");

export function filesystemServer(dir: string): McpServerTarget {
  return { name: "filesystem", command: process.execPath, args: [FILESYSTEM_SERVER, dir] };
}

export function rawServer(mode: string): McpServerTarget {
  return { name: mode, command: process.execPath, args: [RAW_SERVER, mode] };
}

export const SDK_SERVER = path.join(FIXTURES, "sdk-server.mjs");

export interface FileToolsDefinition {
  name?: string;
  version?: string;
  tools: Record<string, unknown>[];
}

/** Writes the tools file the SDK fixture server reads at start; returns its path. */
export function writeToolsFile(dir: string, definition: FileToolsDefinition, file = "tools.json"): string {
  const target = path.join(dir, file);
  writeFileSync(target, JSON.stringify(definition, null, 2));
  return target;
}

export function sdkStdioServer(toolsFile: string, name = "files"): McpServerTarget {
  return { name, command: process.execPath, args: [SDK_SERVER, "stdio", toolsFile] };
}

export interface RunningHttpServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts the SDK fixture as a Streamable HTTP server on a loopback port. */
export async function startHttpServer(toolsFile: string, env: Record<string, string> = {}): Promise<RunningHttpServer> {
  const child = spawn(process.execPath, [SDK_SERVER, "http", toolsFile], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) resolve(line.trim());
    });
    child.once("exit", (code) => reject(new Error(`the HTTP fixture server exited (${code})`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
