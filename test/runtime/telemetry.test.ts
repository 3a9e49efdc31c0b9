// Decision spans through the real OpenTelemetry SDK, exported to its in-memory exporter.
import { context, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DECISION_SPAN, startDecisionSpan, traceParentFromMeta, tracingAvailable } from "../../src/runtime/telemetry.js";

const exporter = new InMemorySpanExporter();
const contextManager = new AsyncLocalStorageContextManager();

beforeAll(() => {
  context.setGlobalContextManager(contextManager.enable());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
});
afterAll(() => {
  trace.disable();
  context.disable();
});
beforeEach(() => exporter.reset());

const outcome = {
  decision: "deny",
  rule: "deny-pattern",
  policyHash: "sha256:abc",
  agent: "order-support",
  tool: "email.send",
};
const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const PARENT_ID = "00f067aa0ba902b7";

describe("decision spans", () => {
  it("finds the installed API", () => {
    expect(tracingAvailable()).toBe(true);
  });

  it("emits agentspec.decide with the decision's attributes", () => {
    startDecisionSpan()!.end({ ...outcome, approval: { outcome: "rejected", reviewer: "dana" } });
    const [span] = exporter.getFinishedSpans();
    expect(span?.name).toBe(DECISION_SPAN);
    expect(span?.attributes).toEqual({
      "agentspec.decision": "deny",
      "agentspec.rule": "deny-pattern",
      "agentspec.policy.hash": "sha256:abc",
      "agentspec.agent.id": "order-support",
      "gen_ai.tool.name": "email.send",
      "agentspec.approval.outcome": "rejected",
      "agentspec.approval.reviewer": "dana",
    });
  });

  it("continues the trace of a W3C traceparent, with its tracestate", () => {
    startDecisionSpan({ traceparent: `00-${TRACE_ID}-${PARENT_ID}-01`, tracestate: "vendor=x" })!.end(outcome);
    const [span] = exporter.getFinishedSpans();
    expect(span?.spanContext().traceId).toBe(TRACE_ID);
    expect(span?.parentSpanContext?.spanId).toBe(PARENT_ID);
    expect(span?.spanContext().traceState?.get("vendor")).toBe("x");
  });

  it.each([
    ["a malformed traceparent", "00-xyz"],
    ["an all-zero trace id", `00-${"0".repeat(32)}-${PARENT_ID}-01`],
    ["the invalid version ff", `ff-${TRACE_ID}-${PARENT_ID}-01`],
    ["version 00 with a fifth field", `00-${TRACE_ID}-${PARENT_ID}-01-extra`],
    ["upper-case hex", `00-${TRACE_ID.toUpperCase()}-${PARENT_ID}-01`],
  ])("starts a new trace for %s", (_, traceparent) => {
    startDecisionSpan({ traceparent })!.end(outcome);
    const [span] = exporter.getFinishedSpans();
    expect(span?.spanContext().traceId).not.toBe(TRACE_ID);
    expect(span?.parentSpanContext).toBeUndefined();
  });

  it("emits a denial of a sampled-out trace as a root span linked to it; not an allowed call", () => {
    const sampledOut = { traceparent: `00-${TRACE_ID}-${PARENT_ID}-00` };
    startDecisionSpan(sampledOut)!.end({ ...outcome, decision: "allow", rule: "allowed" });
    expect(exporter.getFinishedSpans()).toEqual([]);
    startDecisionSpan(sampledOut)!.end(outcome);
    const [span] = exporter.getFinishedSpans();
    expect(span?.attributes["agentspec.decision"]).toBe("deny");
    expect(span?.parentSpanContext).toBeUndefined();
    expect(span?.links.map((l) => [l.context.traceId, l.context.spanId])).toEqual([[TRACE_ID, PARENT_ID]]);
  });

  it("marks the guard's own failures as errors", () => {
    startDecisionSpan()!.end({ ...outcome, rule: "state-unavailable" });
    expect(exporter.getFinishedSpans()[0]?.status).toEqual({ code: 2, message: "state-unavailable" });
  });

  it("makes the decision's span the parent of spans started within it (an approver's)", async () => {
    const decision = startDecisionSpan()!;
    await decision.within(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      trace.getTracer("approver").startSpan("ask-slack").end();
    });
    decision.end(outcome);
    const [child, parent] = exporter.getFinishedSpans();
    expect(child?.name).toBe("ask-slack");
    expect(child?.parentSpanContext?.spanId).toBe(parent?.spanContext().spanId);
  });

  it("cuts a long tool name in the attribute", () => {
    startDecisionSpan()!.end({ ...outcome, tool: "x".repeat(10_000) });
    expect(String(exporter.getFinishedSpans()[0]?.attributes["gen_ai.tool.name"])).toHaveLength(257);
  });
});

describe("without @opentelemetry/api", () => {
  it("traces nothing and starts no span (the module, copied where no node_modules can be found)", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-no-otel-"));
    try {
      copyFileSync(path.resolve("src/runtime/telemetry.ts"), path.join(dir, "telemetry.ts"));
      const isolated = (await import(
        pathToFileURL(path.join(dir, "telemetry.ts")).href
      )) as typeof import("../../src/runtime/telemetry.js");
      expect(isolated.tracingAvailable()).toBe(false);
      expect(isolated.startDecisionSpan()).toBeUndefined();
      expect(exporter.getFinishedSpans()).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("traceParentFromMeta", () => {
  it.each([
    [
      { traceparent: "00-a-b-01", tracestate: "k=v" },
      { traceparent: "00-a-b-01", tracestate: "k=v" },
    ],
    [{ traceparent: "00-a-b-01", tracestate: 7 }, { traceparent: "00-a-b-01" }],
    [{ tracestate: "k=v" }, undefined],
    [JSON.parse('{"__proto__": {"traceparent": "00-a-b-01"}}'), undefined],
    [null, undefined],
    ["00-a-b-01", undefined],
  ])("reads %j as %j", (meta, expected) => {
    expect(traceParentFromMeta(meta)).toEqual(expected);
  });
});
