// Protocol hygiene against what no SDK sends: raw JSON-RPC to the gateway process, a recording
// server behind it as the witness of what was forwarded.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INITIALIZE, INITIALIZED, spawnRawGateway, waitFor, type RawGateway } from "./helpers.js";

const RECORDER = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/recording-server.mjs");
const SPEC = `agentspec: "1.0"
agent: { id: hygiene, version: 1.0.0 }
tools:
  "fs.*": { effect: read }
  safe_read: { effect: read }
deny: [fs.delete]
`;
const TOOLS = [
  { name: "fs.read", inputSchema: { type: "object" } },
  { name: "fs.delete", inputSchema: { type: "object" } },
  { name: "fs.delete\u200b", description: "a zero-width space a dispatcher may strip", inputSchema: { type: "object" } },
  { name: "fs..read", inputSchema: { type: "object" } },
  { name: "safe_read", description: "first", inputSchema: { type: "object" } },
  { name: "safe_read", description: "second, with another schema", inputSchema: { type: "object", properties: { x: {} } } },
  { name: "unlisted", inputSchema: { type: "object" } },
];

let dir: string;
let received: string;
let gw: RawGateway;
let next = 0;
const id = () => `req-${next++}`;

function forwarded(): Record<string, unknown>[] {
  return readFileSync(received, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

async function call(name: string, args: Record<string, unknown> = {}) {
  const rid = id();
  gw.send({ jsonrpc: "2.0", id: rid, method: "tools/call", params: { name, arguments: args } });
  return gw.next((m) => m.id === rid, `the answer to ${rid}`);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-gateway-hygiene-"));
  received = path.join(dir, "received.jsonl");
  writeFileSync(received, "");
  writeFileSync(path.join(dir, "tools.json"), JSON.stringify(TOOLS));
  writeFileSync(path.join(dir, "hygiene.agentspec.yaml"), SPEC);
  gw = await spawnRawGateway(
    [path.join(dir, "hygiene.agentspec.yaml")],
    [process.execPath, RECORDER, received, path.join(dir, "tools.json")],
  );
  gw.send(INITIALIZE);
  await gw.next((m) => m.id === "init", "the initialize answer");
  gw.send(INITIALIZED);
});
afterAll(async () => {
  gw.child.stdin!.end();
  expect(await gw.exit).toBe(0);
  rmSync(dir, { recursive: true, force: true });
});

describe("names", { timeout: 30_000 }, () => {
  it("hides tools whose names break the name rules or appear twice, and those the policy denies", async () => {
    gw.send({ jsonrpc: "2.0", id: "list", method: "tools/list" });
    const list = await gw.next((m) => m.id === "list", "the tools/list answer");
    expect((list.result as { tools: { name: string }[] }).tools.map((t) => t.name)).toEqual(["fs.read"]);
    await waitFor(() => gw.stderr().includes("tools/list: 1 of 7 tools shown"), "the list line");
    // fs.delete and fs.delete\u200b read as one name once the zero-width space is dropped: both hidden as twins.
    expect(gw.stderr()).toMatch(
      /hid "fs\.delete" \(reads as "fs\.delete\\u200b"\), "fs\.delete\\u200b" \(reads as "fs\.delete"\), "fs\.\.read" \(malformed-call\), "safe_read" \(listed 2 times\)/,
    );
  });

  it("denies a call whose name a dispatcher could strip into a denied tool, before the policy and the server", async () => {
    const answer = await call("fs.delete\u200b", { path: "/" });
    expect(answer.result).toMatchObject({ isError: true, _meta: { "agentspec/decision": { rule: "malformed-call" } } });
    expect(JSON.stringify(answer.result)).toContain("U+200B");
    expect((await call("fs.read")).result).toMatchObject({ content: [{ text: "ran fs.read" }] });
    const calls = forwarded().filter((m) => m.method === "tools/call");
    expect(calls.map((m) => (m.params as { name: string }).name)).toEqual(["fs.read"]);
  });
});

describe("messages", { timeout: 30_000 }, () => {
  it("refuses repeated and case-variant keys in a call, which the server would read another way", async () => {
    const rid = id();
    gw.write(`{"jsonrpc":"2.0","id":"${rid}","method":"tools/call","params":{"name":"fs.read","name":"fs.delete"}}`);
    const repeated = await gw.next((m) => m.id === rid, "the refusal");
    expect(repeated.error).toMatchObject({ code: -32600, message: expect.stringMatching(/"name" appears twice in \/params/) });
    const rid2 = id();
    gw.write(
      `{"jsonrpc":"2.0","id":"${rid2}","method":"tools/call","params":{"name":"fs.read","arguments":{"path":"/tmp","Path":"/etc"}}}`,
    );
    expect((await gw.next((m) => m.id === rid2, "the refusal")).error).toMatchObject({
      message: expect.stringMatching(/differ only by case/),
    });
    expect(forwarded().filter((m) => m.id === rid || m.id === rid2)).toEqual([]);
  });

  it("refuses batches, the gateway's own ids, a reused pending id, and notifications named like requests", async () => {
    gw.write(`[{"jsonrpc":"2.0","id":"b1","method":"tools/call","params":{"name":"fs.delete"}}]`);
    expect((await gw.next((m) => m.id === null && /batches/.test(JSON.stringify(m.error)), "the batch refusal")).error).toMatchObject({
      code: -32600,
    });
    gw.send({ jsonrpc: "2.0", id: "agentspec-gateway:1", method: "ping" });
    expect((await gw.next((m) => m.id === "agentspec-gateway:1", "the reserved-id refusal")).error).toMatchObject({
      message: expect.stringMatching(/are the gateway's own/),
    });
    gw.send({ jsonrpc: "2.0", method: "tools/call", params: { name: "fs.delete", arguments: {} } });
    await waitFor(() => gw.stderr().includes('refused a client notification named "tools/call"'), "the notification refusal");
    // The recording server answers at once; a slow one would have the first still pending. Pending
    // ids are reused here by asking the server to hold its answer: test/raw writes nothing back.
    const held = id();
    gw.send({ jsonrpc: "2.0", id: held, method: "test/raw", params: { lines: [] } });
    gw.send({ jsonrpc: "2.0", id: held, method: "ping" });
    expect((await gw.next((m) => m.id === held, "the reused-id refusal")).error).toMatchObject({
      message: expect.stringMatching(/already in use/),
    });
    expect(forwarded().some((m) => (m.params as { name?: string } | undefined)?.name === "fs.delete")).toBe(false);
  });

  it("drops answers to no pending request, refuses a server answer with repeated keys, and matches answers by id only", async () => {
    const rid = id();
    const smuggled = `{"jsonrpc":"2.0","id":"${rid}","id":"nobody","result":{"tools":[{"name":"fs.delete"}]}}`;
    gw.send({
      jsonrpc: "2.0",
      id: rid,
      method: "test/raw",
      params: { lines: [`{"jsonrpc":"2.0","id":"never-asked","result":{"content":[]}}`, smuggled] },
    });
    const refused = await gw.next((m) => m.id === rid, "the refused answer");
    expect(refused.error).toMatchObject({
      message: expect.stringMatching(/The MCP server's answer was refused: The key "id" appears twice/),
    });
    expect(gw.received.some((m) => m.id === "never-asked")).toBe(false);
    await waitFor(() => gw.stderr().includes('dropped a server response to "never-asked"'), "the dropped-answer line");
    // A tools/list-shaped result answering a ping is passed as the ping's answer, unfiltered and unchanged.
    const ping = id();
    gw.send({
      jsonrpc: "2.0",
      id: ping,
      method: "test/raw",
      params: { lines: [`{"jsonrpc":"2.0","id":"${ping}","result":{"tools":[{"name":"fs.delete"}]}}`] },
    });
    expect((await gw.next((m) => m.id === ping, "the answer")).result).toEqual({ tools: [{ name: "fs.delete" }] });
  });
});
