// The guard's decisions as OpenTelemetry spans, through the real SDK and its in-memory exporter.
import net from "node:net";
import { context, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGuard } from "../../src/runtime/guard.js";
import { redisStore } from "../../src/runtime/store/redis.js";
import { traceParentFromMeta } from "../../src/runtime/telemetry.js";
import { SUPPORT_POLICY } from "../helpers/policy.js";

const exporter = new InMemorySpanExporter();

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
});
afterAll(() => {
  trace.disable();
  context.disable();
});
beforeEach(() => exporter.reset());

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const PARENT_ID = "00f067aa0ba902b7";
const decideSpans = () => exporter.getFinishedSpans().filter((s) => s.name === "agentspec.decide");

describe("guard decisions as spans", () => {
  it("emits one agentspec.decide span per decision, allowed or denied", async () => {
    const guard = createGuard(SUPPORT_POLICY);
    await guard.authorize({ tool: "read_order_status" });
    await guard.authorize({ tool: "payment.charge" });
    expect(decideSpans().map((s) => s.attributes)).toEqual([
      {
        "agentspec.decision": "allow",
        "agentspec.rule": "allowed",
        "agentspec.policy.hash": SUPPORT_POLICY.hash,
        "agentspec.agent.id": "demo",
        "gen_ai.tool.name": "read_order_status",
      },
      {
        "agentspec.decision": "deny",
        "agentspec.rule": "deny-pattern",
        "agentspec.policy.hash": SUPPORT_POLICY.hash,
        "agentspec.agent.id": "demo",
        "gen_ai.tool.name": "payment.charge",
      },
    ]);
  });

  it("carries the approval's outcome and reviewer, with the approver's own spans nested under the decision", async () => {
    const answers = [
      { approved: true, reviewer: "dana" },
      { approved: false, reviewer: "lee", reason: "too much" },
    ];
    const guard = createGuard(SUPPORT_POLICY, {
      approve: async () => {
        trace.getTracer("approver").startSpan("ask-slack").end();
        return answers.shift()!;
      },
    });
    await guard.authorize({ tool: "billing.refund", args: { amount: 150 } });
    await guard.authorize({ tool: "billing.refund", args: { amount: 150 } });
    const spans = decideSpans();
    expect(
      spans.map((s) => [
        s.attributes["agentspec.decision"],
        s.attributes["agentspec.approval.outcome"],
        s.attributes["agentspec.approval.reviewer"],
      ]),
    ).toEqual([
      ["allow", "approved", "dana"],
      ["deny", "rejected", "lee"],
    ]);
    const slack = exporter.getFinishedSpans().filter((s) => s.name === "ask-slack");
    expect(slack.map((s) => s.parentSpanContext?.spanId)).toEqual(spans.map((s) => s.spanContext().spanId));
  });

  it.each([
    ["no approver is configured", {}, "no-approver"],
    ["the approver fails", { approve: () => Promise.reject(new Error("slack down")) }, "failed"],
    ["the approver does not answer in time", { approve: () => new Promise<never>(() => {}), approvalTimeoutMs: 20 }, "timed-out"],
  ])("says so when %s", async (_, options, outcome) => {
    await createGuard(SUPPORT_POLICY, options).authorize({ tool: "account.close" });
    expect(decideSpans()[0]?.attributes).toMatchObject({ "agentspec.decision": "deny", "agentspec.approval.outcome": outcome });
  });

  it("continues the trace of an MCP request's _meta.traceparent, for authorize and run", async () => {
    const guard = createGuard(SUPPORT_POLICY);
    const meta = { traceparent: `00-${TRACE_ID}-${PARENT_ID}-01`, progressToken: 1 };
    await guard.authorize({ tool: "read_order_status" }, { trace: traceParentFromMeta(meta) });
    await guard.run({ tool: "read_order_status" }, () => "done", { trace: traceParentFromMeta(meta) });
    expect(decideSpans().map((s) => [s.spanContext().traceId, s.parentSpanContext?.spanId])).toEqual([
      [TRACE_ID, PARENT_ID],
      [TRACE_ID, PARENT_ID],
    ]);
  });

  it("emits a malformed call, and a denial of a sampled-out trace as a root span", async () => {
    const guard = createGuard(SUPPORT_POLICY);
    await guard.authorize({ tool: "" } as never);
    await guard.authorize({ tool: "email.send" }, { trace: { traceparent: `00-${TRACE_ID}-${PARENT_ID}-00` } });
    await guard.authorize({ tool: "read_order_status" }, { trace: { traceparent: `00-${TRACE_ID}-${PARENT_ID}-00` } });
    const [malformed, denied, ...rest] = decideSpans();
    expect(malformed?.attributes).toMatchObject({ "agentspec.decision": "deny", "agentspec.rule": "malformed-call" });
    expect(malformed?.attributes["gen_ai.tool.name"]).toBeUndefined();
    expect(denied?.attributes["agentspec.rule"]).toBe("deny-pattern");
    expect(denied?.links[0]?.context.traceId).toBe(TRACE_ID);
    expect(rest).toEqual([]);
  });

  it("marks a denial because the state store cannot answer as an error", async () => {
    const port = await new Promise<number>((resolve) => {
      const listener = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = listener.address() as net.AddressInfo;
        listener.close(() => resolve(port));
      });
    });
    const store = redisStore({ url: `redis://127.0.0.1:${port}`, timeoutMs: 50 });
    await createGuard(SUPPORT_POLICY, { store }).authorize({ tool: "read_order_status" });
    await store.close();
    expect(decideSpans()[0]?.attributes["agentspec.rule"]).toBe("state-unavailable");
    expect(decideSpans()[0]?.status).toEqual({ code: 2, message: "state-unavailable" });
  });
});
