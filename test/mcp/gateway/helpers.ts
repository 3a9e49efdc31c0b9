/** The gateway as a client starts it: the built CLI as a child process, in front of real MCP servers from node_modules. */
import { spawnSync } from "node:child_process";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { ANSWER_TYPE, SIGNATURE_HEADER, signBody, type WebhookApprovalRequest } from "../../../src/mcp/gateway/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export const BIN = path.join(root, "bin/agentspec.cjs");

/** The built CLI run to its end in `cwd` (a start that is refused, a command such as mcp lock). */
export function cli(args: string[], cwd: string) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 30_000 });
}

export { EVERYTHING_SERVER, FILESYSTEM_SERVER } from "../helpers.js";

export interface RunningGateway {
  client: Client;
  transport: StdioClientTransport;
  /** What the gateway (and the server behind it) wrote on stderr so far. */
  stderr(): string;
  close(): Promise<void>;
}

/** `agentspec mcp proxy <gatewayArgs…> -- <server…>` started by the SDK's stdio client transport, connected. */
export async function startGateway(
  gatewayArgs: string[],
  server: string[],
  options: { env?: Record<string, string>; capabilities?: ConstructorParameters<typeof Client>[1] } = {},
): Promise<RunningGateway> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, "mcp", "proxy", ...gatewayArgs, "--", ...server],
    env: { ...(process.env as Record<string, string>), ...options.env },
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const client = new Client({ name: "gateway-test", version: "1.0.0" }, options.capabilities);
  await client.connect(transport);
  return { client, transport, stderr: () => stderr, close: () => client.close() };
}

export interface WebhookServer {
  url: string;
  /** Every approval request received, with whether its signature checked. */
  requests: { body: WebhookApprovalRequest; signed: boolean }[];
  close(): Promise<void>;
}

/** A real HTTP approval service: checks the gateway's signature and answers, signed, what `answer` says. */
export async function startWebhook(
  key: string,
  answer: (request: WebhookApprovalRequest) => { approved: boolean; reviewer?: string; tamper?: (body: Record<string, unknown>) => void },
): Promise<WebhookServer> {
  const requests: WebhookServer["requests"] = [];
  const server = createServer(async (req, res) => {
    const text = await readAll(req);
    const signed = req.headers[SIGNATURE_HEADER] === signBody(key, text);
    const body = JSON.parse(text) as WebhookApprovalRequest;
    requests.push({ body, signed });
    const decided = answer(body);
    const reply: Record<string, unknown> = {
      type: ANSWER_TYPE,
      nonce: body.nonce,
      tool: body.tool,
      argsDigest: body.argsDigest,
      policyHash: body.policyHash,
      approved: signed && decided.approved,
      ...(decided.reviewer ? { reviewer: decided.reviewer } : {}),
    };
    decided.tamper?.(reply);
    const out = JSON.stringify(reply);
    res.writeHead(200, { "content-type": "application/json", [SIGNATURE_HEADER]: signBody(key, out) }).end(out);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/approve`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The text of a tool result's first content block. */
export function resultText(result: unknown): string {
  const content = (result as { content?: { type: string; text?: string }[] }).content ?? [];
  return content.map((c) => c.text ?? "").join("");
}

/** Polls until `read` gives a value (a log line written by another process arrives a little later). */
export async function waitFor<T>(read: () => T | undefined | null | false, what: string, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > until) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface RawGateway {
  child: import("node:child_process").ChildProcess;
  /** Writes one line (a message, or anything else) to the gateway's stdin. */
  write(line: string): void;
  send(message: unknown): void;
  /** Every message the gateway wrote on stdout so far. */
  received: Record<string, unknown>[];
  /** The next message on stdout matching `match` (waits for it). */
  next(match: (message: Record<string, unknown>) => boolean, what: string): Promise<Record<string, unknown>>;
  stderr(): string;
  /** The exit code (or the signal) once the gateway exits. */
  exit: Promise<number | string>;
}

/** The gateway as a process spoken to line by line, for what the SDK client would never send. */
export async function spawnRawGateway(gatewayArgs: string[], server: string[]): Promise<RawGateway> {
  const { spawn } = await import("node:child_process");
  const child = spawn(process.execPath, [BIN, "mcp", "proxy", ...gatewayArgs, "--", ...server], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  let buffer = "";
  const received: Record<string, unknown>[] = [];
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  child.stdout!.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    let newline: number;
    while ((newline = buffer.indexOf("\n")) !== -1) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      received.push(JSON.parse(line) as Record<string, unknown>);
    }
  });
  child.stdin!.on("error", () => {});
  const exit = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
  return {
    child,
    write: (line) => void child.stdin!.write(line + "\n"),
    send: (message) => void child.stdin!.write(JSON.stringify(message) + "\n"),
    received,
    next: (match, what) => waitFor(() => received.find(match), what),
    stderr: () => stderr,
    exit,
  };
}

/** The initialize request and initialized notification of a 2025-11-25 client. */
export const INITIALIZE = {
  jsonrpc: "2.0",
  id: "init",
  method: "initialize",
  params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw-client", version: "1.0.0" } },
};
export const INITIALIZED = { jsonrpc: "2.0", method: "notifications/initialized" };

/** A raw JSON-RPC client of a library gateway on streams: started and initialized. */
export async function rawLibraryClient(gateway: { start(): Promise<unknown> }, input: PassThrough, output: PassThrough) {
  const received: Record<string, unknown>[] = [];
  let buffer = "";
  output.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    for (let i = buffer.indexOf("\n"); i !== -1; i = buffer.indexOf("\n")) {
      received.push(JSON.parse(buffer.slice(0, i)) as Record<string, unknown>);
      buffer = buffer.slice(i + 1);
    }
  });
  await gateway.start();
  const send = (message: object) => input.write(JSON.stringify(message) + "\n");
  const answer = (id: string) => waitFor(() => received.find((m) => m.id === id), `the answer to ${id}`);
  send({
    jsonrpc: "2.0",
    id: "i",
    method: "initialize",
    params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "t", version: "1" } },
  });
  await answer("i");
  send({ jsonrpc: "2.0", method: "notifications/initialized" });
  return { send, answer };
}
