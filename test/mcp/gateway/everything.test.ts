// Everything but tools passes through unchanged: the same SDK client talks to server-everything
// directly and through the gateway, and gets the same answers, progress, sampling and roots requests.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ListRootsRequestSchema,
  ToolListChangedNotificationSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVERYTHING_SERVER, resultText, startGateway, waitFor, type RunningGateway } from "./helpers.js";

const SPEC = `agentspec: "1.0"
agent: { id: everything-agent, version: 1.0.0, owner: test, last_reviewed: 2026-11-01 }
tools:
  echo: { effect: read }
  get-sum: { effect: read }
  trigger-long-running-operation: { effect: read }
  trigger-sampling-request: { effect: read }
  trigger-elicitation-request: { effect: read }
deny: [get-env]
`;

const capabilities = { capabilities: { sampling: {}, elicitation: {}, roots: { listChanged: true } } };

function answerServerRequests(client: Client, seen: string[]): void {
  client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
    seen.push(`sampling: ${JSON.stringify(request.params.messages[0]?.content)}`);
    return { model: "test-model", role: "assistant", content: { type: "text", text: "sampled by the test client" } };
  });
  client.setRequestHandler(ElicitRequestSchema, async (request) => {
    seen.push(`elicitation: ${request.params.message}`);
    return { action: "decline" };
  });
  client.setRequestHandler(ListRootsRequestSchema, async () => {
    seen.push("roots/list");
    return { roots: [{ uri: "file:///tmp/agentspec-roots", name: "roots from the test" }] };
  });
}

let dir: string;
let spec: string;
let gw: RunningGateway;
let direct: Client;
const throughGateway: string[] = [];
const fromDirect: string[] = [];
let listChanged = 0;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-gateway-everything-"));
  spec = path.join(dir, "everything.agentspec.yaml");
  writeFileSync(spec, SPEC);
  gw = await startGateway([spec], [process.execPath, EVERYTHING_SERVER, "stdio"], { capabilities });
  answerServerRequests(gw.client, throughGateway);
  gw.client.setNotificationHandler(ToolListChangedNotificationSchema, async () => void listChanged++);
  direct = new Client({ name: "direct", version: "1.0.0" }, capabilities);
  answerServerRequests(direct, fromDirect);
  await direct.connect(new StdioClientTransport({ command: process.execPath, args: [EVERYTHING_SERVER, "stdio"], stderr: "ignore" }));
}, 60_000);

afterAll(async () => {
  await gw?.close();
  await direct?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("pass-through in front of server-everything", { timeout: 30_000 }, () => {
  it("answers resources, templates, prompts and completions exactly as the server does", async () => {
    const resources = await direct.listResources();
    expect(resources.resources.length).toBeGreaterThan(0);
    expect(await gw.client.listResources()).toEqual(resources);
    expect(await gw.client.listResourceTemplates()).toEqual(await direct.listResourceTemplates());
    const uri = resources.resources[0]!.uri;
    expect(await gw.client.readResource({ uri })).toEqual(await direct.readResource({ uri }));
    expect(await gw.client.listPrompts()).toEqual(await direct.listPrompts());
    expect(await gw.client.getPrompt({ name: "simple-prompt" })).toEqual(await direct.getPrompt({ name: "simple-prompt" }));
    const args = { name: "args-prompt", arguments: { city: "Lyon", state: "Rhône" } };
    expect(await gw.client.getPrompt(args)).toEqual(await direct.getPrompt(args));
    const complete = { ref: { type: "ref/prompt" as const, name: "completable-prompt" }, argument: { name: "department", value: "E" } };
    expect(await gw.client.complete(complete)).toEqual(await direct.complete(complete));
    expect(await gw.client.ping()).toEqual(await direct.ping());
    expect(await gw.client.setLoggingLevel("info")).toEqual(await direct.setLoggingLevel("info"));
  });

  it("passes the server's tools/list_changed to the client, and still filters the list", async () => {
    await waitFor(() => listChanged > 0, "notifications/tools/list_changed");
    const names = (await gw.client.listTools()).tools.map((t) => t.name).sort();
    expect(names).toEqual(["echo", "get-sum", "trigger-elicitation-request", "trigger-long-running-operation", "trigger-sampling-request"]);
    expect((await direct.listTools()).tools.map((t) => t.name)).toContain("get-env");
  });

  it("relays progress notifications of an allowed call", async () => {
    const progress: number[] = [];
    const result = await gw.client.callTool({ name: "trigger-long-running-operation", arguments: { duration: 0.4, steps: 4 } }, undefined, {
      onprogress: (p) => progress.push(p.progress),
    });
    expect(resultText(result)).toMatch(/Long running operation completed/);
    // Every step but the last is followed by a pause on the server; the last progress and the result
    // leave it back to back, and the SDK client dispatches notifications a tick after responses, so
    // it may drop that one (directly too). The ones before it must all arrive, in order.
    expect(progress.slice(0, 3)).toEqual([1, 2, 3]);
  });

  it("relays the server's sampling, elicitation and roots requests to the client and its answers back", async () => {
    const sampled = await gw.client.callTool({ name: "trigger-sampling-request", arguments: { prompt: "hello", maxTokens: 10 } });
    expect(resultText(sampled)).toContain("sampled by the test client");
    const elicited = await gw.client.callTool({ name: "trigger-elicitation-request", arguments: {} });
    expect(resultText(elicited)).toMatch(/decline/i);
    await waitFor(() => throughGateway.includes("roots/list"), "the server's roots/list request");
    expect(throughGateway.filter((s) => s.startsWith("sampling")).length).toBe(1);
    expect(throughGateway.some((s) => s.startsWith("elicitation"))).toBe(true);
  });

  it("denies get-env, which would hand the server's environment to the model", async () => {
    const result = await gw.client.callTool({ name: "get-env", arguments: {} });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toContain('(deny-pattern): "get-env" is denied by the policy');
    expect(resultText(result)).not.toContain("PATH");
  });

  it("forwards a cancellation, and the cancelled call frees its place", async () => {
    const abort = new AbortController();
    const call = gw.client.callTool({ name: "trigger-long-running-operation", arguments: { duration: 5, steps: 5 } }, undefined, {
      signal: abort.signal,
    });
    setTimeout(() => abort.abort("stop"), 100);
    await expect(call).rejects.toThrow();
    const after = await gw.client.callTool({ name: "get-sum", arguments: { a: 2, b: 3 } });
    expect(resultText(after)).toContain("5");
  });
});
