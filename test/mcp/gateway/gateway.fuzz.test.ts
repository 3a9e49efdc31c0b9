/**
 * Malformed JSON-RPC on the gateway's stdin (the built CLI, a real process) never crashes it and
 * never gets a call the policy denies to the server: a recording server behind it writes down
 * every line it receives, and each tools/call it saw must be one decide() allows. The same
 * property on the session in-process also feeds junk from the server side. Seeded and bounded;
 * `npm run fuzz` runs it longer (FUZZ_RUNS).
 */
import fc from "fast-check";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compilePolicy } from "../../../src/policy/compile-policy.js";
import { parseSource } from "../../../src/load/index.js";
import { GatewaySession } from "../../../src/mcp/gateway/session.js";
import { checkSource } from "../../../src/model/index.js";
import { decide } from "../../../src/policy/decide.js";
import { createGuard } from "../../../src/runtime/guard.js";
import { fuzzRuns, fuzzTimeout } from "../../helpers/fuzz.js";
import { spawnRawGateway, waitFor, type RawGateway } from "./helpers.js";

const RUNS = fuzzRuns(60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const settings = { numRuns: RUNS, seed: SEED, endOnFailure: true };

const SPEC = `agentspec: "1.0"
agent: { id: fuzz-target, version: 1.0.0 }
tools:
  safe_read: { effect: read }
  limited: { effect: write, limits: { n: { max: 5, required: true } } }
  gated: { effect: irreversible, approval: { channel: ops } }
deny: [forbidden_write, "forbidden_*"]
`;
const policy = compilePolicy(checkSource(parseSource("fuzz.agentspec.yaml", SPEC)).spec!);
const MAX_BYTES = 4096;
const RECORDER = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/recording-server.mjs");

const names = fc.constantFrom(
  "safe_read",
  "limited",
  "gated",
  "forbidden_write",
  "Forbidden_Write",
  "forbidden_write\u200b",
  "ｆorbidden_write",
  "forbidden_x",
  "unlisted",
  "",
  " safe_read",
);
const ids = fc.oneof(
  fc.integer({ min: -5, max: 1e6 }),
  fc.string({ maxLength: 8 }),
  fc.constantFrom(null, 1.5, 1e400, 9007199254740993, {}, [], "agentspec-gateway:1", true),
);
const args = fc.oneof(
  fc.constant(undefined),
  fc.record({ n: fc.oneof(fc.integer({ min: -10, max: 10 }), fc.double(), fc.string(), fc.constant(null)) }, { requiredKeys: [] }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>),
);
const methods = fc.constantFrom(
  "tools/call",
  "tools/call",
  "tools/call",
  "tools/list",
  "ping",
  "initialize",
  "resources/read",
  "Tools/Call",
  "",
);

/** A message as the fuzzer builds it, before the text is mangled. */
const message = fc.record(
  {
    jsonrpc: fc.constantFrom("2.0", "2.0", "2.0", "1.0", 2),
    id: ids,
    method: methods,
    params: fc.oneof(fc.record({ name: names, arguments: args }, { requiredKeys: ["name"] }), fc.constant(null), fc.constant(["x"])),
  },
  { requiredKeys: ["jsonrpc", "method"] },
);

/** Ways to mangle a message's text that a careless gateway would read one way and a server another. */
const line = fc.oneof(
  { weight: 4, arbitrary: message.map((m) => JSON.stringify(m)) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(message, names)
      .map(([m, n]) => JSON.stringify(m).replace(/"name":("[^"]*")/, `"name":$1,"name":${JSON.stringify(n)}`)),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(message, names).map(([m, n]) =>
      JSON.stringify(m)
        .replace(/"arguments":\{/, `"arguments":{"N":${JSON.stringify(n)},"n":1,`)
        .replace('"n":1,}', '"n":1}'),
    ),
  },
  { weight: 1, arbitrary: message.map((m) => `[${JSON.stringify(m)}]`) },
  { weight: 1, arbitrary: message.map((m) => JSON.stringify(m).slice(0, -3)) },
  { weight: 1, arbitrary: message.map((m) => JSON.stringify({ ...m, pad: "x".repeat(MAX_BYTES) })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  {
    weight: 1,
    arbitrary: fc.constant('{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"forbidden_write","\\u006eame":"safe_read"}}'),
  },
);

function forwardedCalls(log: string): { tool: unknown; args: unknown }[] {
  const calls: { tool: unknown; args: unknown }[] = [];
  for (const text of log.split("\n")) {
    if (!text) continue;
    const m = JSON.parse(text) as { method?: string; params?: { name?: unknown; arguments?: unknown } };
    if (m.method === "tools/call") calls.push({ tool: m.params?.name, args: m.params?.arguments ?? {} });
  }
  return calls;
}

function expectOnlyAllowedCalls(log: string): void {
  for (const call of forwardedCalls(log)) expect(decide(policy, call), JSON.stringify(call)).toMatchObject({ decision: "allow" });
}

describe("the gateway process under malformed JSON-RPC", () => {
  let dir: string;
  let record: string;
  let gw: RawGateway;
  let sync = 0;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-gateway-fuzz-"));
    record = path.join(dir, "received.jsonl");
    writeFileSync(record, "");
    writeFileSync(path.join(dir, "fuzz.agentspec.yaml"), SPEC);
    gw = await spawnRawGateway(
      [path.join(dir, "fuzz.agentspec.yaml"), "--quiet", "--max-message-bytes", String(MAX_BYTES)],
      [process.execPath, RECORDER, record],
    );
  });
  afterAll(async () => {
    gw.child.stdin!.end();
    await gw.exit;
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    "answers after every sequence and forwards no denied call",
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 12 }), async (lines) => {
          for (const l of lines) gw.write(l.replace(/\n/g, " "));
          const id = `sync-${sync++}`;
          gw.send({ jsonrpc: "2.0", id, method: "ping" });
          await waitFor(() => gw.received.some((m) => m.id === id), `the answer to ${id}`);
          expect(gw.child.exitCode).toBeNull();
        }),
        settings,
      );
      gw.send({ jsonrpc: "2.0", id: "last", method: "tools/call", params: { name: "safe_read", arguments: {} } });
      const last = await waitFor(() => gw.received.find((m) => m.id === "last"), "the last call");
      expect(last).toMatchObject({ result: { content: [{ text: "ran safe_read" }] } });
      expectOnlyAllowedCalls(readFileSync(record, "utf8"));
      expect(forwardedCalls(readFileSync(record, "utf8")).some((c) => c.tool === "safe_read")).toBe(true);
    },
    fuzzTimeout(RUNS, 1500),
  );
});

describe("a session fed junk from both sides", () => {
  const serverLine = fc.oneof(
    line,
    fc.tuple(ids, fc.jsonValue({ maxDepth: 3 })).map(([id, result]) => JSON.stringify({ jsonrpc: "2.0", id, result })),
    fc
      .tuple(ids, fc.array(fc.record({ name: names }), { maxLength: 4 }))
      .map(([id, tools]) => JSON.stringify({ jsonrpc: "2.0", id, result: { tools } })),
    fc.constant('{"jsonrpc":"2.0","method":"notifications/tools/list_changed"}'),
  );
  it(
    "never throws, and sends the server only calls decide() allows",
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.boolean(), fc.oneof(line, serverLine)), { maxLength: 30 }), async (steps) => {
          const toServer: string[] = [];
          const toClient: unknown[] = [];
          const session = new GatewaySession(
            {
              guard: createGuard(policy),
              maxMessageBytes: MAX_BYTES,
              approver: undefined,
              approvalTimeoutMs: 1000,
              shadow: false,
              context: undefined,
              log: () => {},
            },
            { toClient: (m) => toClient.push(m), toServer: (m, raw) => toServer.push(raw ?? JSON.stringify(m)) },
          );
          for (const [fromClient, text] of steps) {
            if (fromClient) session.fromClientBytes(Buffer.from(text));
            else session.fromServerBytes(Buffer.from(text));
            await new Promise((resolve) => setImmediate(resolve));
          }
          expectOnlyAllowedCalls(toServer.join("\n"));
          for (const m of toClient) expect(() => JSON.stringify(m)).not.toThrow();
        }),
        { ...settings, numRuns: RUNS * 5 },
      );
    },
    fuzzTimeout(RUNS * 5, 100),
  );
});
