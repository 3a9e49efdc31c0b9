// Beyond one gateway: budgets shared in a real redis-server by two gateway processes (--redis),
// shadow mode (--shadow), and the decision span continuing the client's trace (_meta.traceparent).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { context, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMcpGateway } from "../../../src/index.js";
import { compilePolicy } from "../../../src/policy/compile-policy.js";
import { parseSource } from "../../../src/load/index.js";
import { checkSource } from "../../../src/model/index.js";
import { runCli } from "../../helpers/run-cli.js";
import { hasRedisServer, reportMissingRedis, startRedisServer, type RedisServer } from "../../helpers/redis-server.js";
import { FILESYSTEM_SERVER, resultText, startGateway, waitFor, type RunningGateway } from "./helpers.js";

const SPEC = `agentspec: "1.0"
agent: { id: fleet-agent, version: 1.0.0 }
tools:
  read_text_file: { effect: read }
deny: [write_file]
limits: { rate_per_minute: 3 }
`;

let dir: string;
let files: string;
let spec: string;
let hello: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-gateway-fleet-"));
  files = path.join(dir, "files");
  mkdirSync(files);
  hello = path.join(files, "hello.txt");
  writeFileSync(hello, "hello\n");
  spec = path.join(dir, "fleet.agentspec.yaml");
  writeFileSync(spec, SPEC);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const server = () => [process.execPath, FILESYSTEM_SERVER, files];
const read = (gw: RunningGateway) => gw.client.callTool({ name: "read_text_file", arguments: { path: hello } });

describe.skipIf(!hasRedisServer)("--redis: two gateway processes share one budget in a real redis-server", { timeout: 60_000 }, () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(() => redis?.dispose());

  it("counts the agent's rate across both, and denies every call (state-unavailable) while Redis is down", async () => {
    const a = await startGateway([spec, "--redis", redis.url], server());
    const b = await startGateway([spec, "--redis", redis.url], server());
    try {
      expect(a.stderr()).toContain(`budgets shared in redis redis://127.0.0.1:${redis.port}`);
      const answers = [await read(a), await read(b), await read(a), await read(b)];
      expect(answers.map((r) => resultText(r))).toEqual(["hello\n", "hello\n", "hello\n", expect.any(String)]);
      expect(answers[3]!.isError).toBe(true);
      expect(resultText(answers[3])).toMatch(
        /\(budget\): "read_text_file" is denied: 3 tool calls in the last minute reach rate_per_minute 3/,
      );
      await redis.stop();
      const down = await read(a);
      expect(down.isError).toBe(true);
      expect(resultText(down)).toMatch(/\(state-unavailable\)/);
      await waitFor(() => /deny {3}tools\/call "read_text_file" \(state-unavailable/.test(a.stderr()), "the state-unavailable line");
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("refuses a --redis that is not a Redis URL before starting (exit 2)", async () => {
    const result = await runCli("mcp", "proxy", spec, "--redis", "http://nope", "--", ...server());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/redis/i);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
reportMissingRedis("the gateway's --redis tests");

describe("--shadow: forwards what the policy would deny, and records what enforcement would decide", { timeout: 30_000 }, () => {
  it("lists and forwards write_file, records shadow: true, and warns on start", async () => {
    const record = path.join(dir, "shadow.jsonl");
    const gw = await startGateway([spec, "--shadow", "--record", record], server());
    try {
      expect(gw.stderr()).toMatch(/warning: shadow mode: calls the policy would deny or gate are forwarded/);
      const { tools } = await gw.client.listTools();
      expect(tools.map((t) => t.name)).toContain("write_file");
      await waitFor(() => /shadow mode: enforcement would hide .*"write_file" \(deny-pattern\)/.test(gw.stderr()), "the list line");
      const target = path.join(files, "shadow.txt");
      const written = await gw.client.callTool({ name: "write_file", arguments: { path: target, content: "let through\n" } });
      expect(written.isError).toBeFalsy();
      expect(readFileSync(target, "utf8")).toBe("let through\n");
      await waitFor(() => /shadow tools\/call "write_file" \(shadow: Shadow mode: "write_file" is let through/.test(gw.stderr()), "log");
      // A malformed name is no policy question: denied in shadow mode too, and never forwarded.
      const malformed = await gw.client.callTool({ name: "write_file\u200b", arguments: { path: target, content: "x" } });
      expect(malformed.isError).toBe(true);
      expect(resultText(malformed)).toMatch(/\(malformed-call\)/);
      expect(readFileSync(target, "utf8")).toBe("let through\n");
    } finally {
      await gw.close();
    }
    const records = readFileSync(record, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(records.find((r) => r.tool === "write_file")).toMatchObject({
      decision: "allow",
      rule: "shadow",
      shadow: { decision: "deny", rule: "deny-pattern" },
    });
    expect(records.find((r) => r.tool === "write_file\u200b")).toMatchObject({ decision: "deny", rule: "malformed-call" });
  });
});

describe("the decision span continues the client's trace from _meta.traceparent", { timeout: 30_000 }, () => {
  const exporter = new InMemorySpanExporter();
  beforeAll(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  });
  afterAll(() => {
    trace.disable();
    context.disable();
  });

  it("makes each tools/call's agentspec.decide span a child of the request's traceparent; an invalid one is ignored", async () => {
    const gateway = createMcpGateway({
      policy: compilePolicy(checkSource(parseSource("fleet.agentspec.yaml", SPEC)).spec!),
      upstream: { command: process.execPath, args: [FILESYSTEM_SERVER, files], stderr: "ignore" },
      downstream: { listen: { port: 0 } },
      log: null,
    });
    const { url } = await gateway.start();
    const client = new Client({ name: "traced", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(url!)));
    const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    const PARENT = "00f067aa0ba902b7";
    try {
      const traced = { traceparent: `00-${TRACE_ID}-${PARENT}-01` };
      expect(resultText(await client.callTool({ name: "read_text_file", arguments: { path: hello }, _meta: traced }))).toBe("hello\n");
      const denied = await client.callTool({ name: "write_file", arguments: { path: hello, content: "x" }, _meta: traced });
      expect(denied.isError).toBe(true);
      await client.callTool({ name: "read_text_file", arguments: { path: hello }, _meta: { traceparent: "00-not-a-trace-01" } });
    } finally {
      await client.close();
      await gateway.close();
    }
    const spans = exporter.getFinishedSpans().filter((s) => s.name === "agentspec.decide");
    expect(spans.map((s) => [s.attributes["gen_ai.tool.name"], s.attributes["agentspec.decision"]])).toEqual([
      ["read_text_file", "allow"],
      ["write_file", "deny"],
      ["read_text_file", "allow"],
    ]);
    for (const span of spans.slice(0, 2)) {
      expect(span.spanContext().traceId).toBe(TRACE_ID);
      expect(span.parentSpanContext?.spanId).toBe(PARENT);
    }
    expect(spans[2]!.spanContext().traceId).not.toBe(TRACE_ID);
  });
});
