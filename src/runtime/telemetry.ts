/**
 * OpenTelemetry spans for the guard's decisions, when @opentelemetry/api is installed (an optional
 * peer dependency). It is looked for once, when the first decision is traced, never by lint or
 * compile; without it nothing is loaded and a decision costs one check of a cached flag.
 *
 * Each decision is one span `agentspec.decide` (kind internal) with its outcome as attributes.
 * A denial is always emitted: when its span is not recorded (a trace sampled out), it is emitted
 * again as a root span linked to the trace, so a parent-based sampler keeps every denial.
 */
import { createRequire } from "node:module";
import type * as OtelApi from "@opentelemetry/api";

/** A W3C trace context to continue, as an MCP request's `_meta` carries it. */
export interface TraceParent {
  traceparent: string;
  tracestate?: string;
}

export type ApprovalOutcome = "approved" | "rejected" | "failed" | "timed-out" | "no-approver";

export interface DecisionOutcome {
  decision: string;
  rule: string;
  policyHash: string;
  agent: string;
  /** The call's tool name, when it has one. */
  tool?: string;
  /** When a reviewer was to be asked: what came of it, and who decided. */
  approval?: { outcome: ApprovalOutcome; reviewer?: string };
}

export interface DecisionSpan {
  /** Runs fn with the decision's span active, so spans the approver starts nest under it. */
  within<T>(fn: () => T): T;
  /** Sets the outcome's attributes and ends the span. */
  end(outcome: DecisionOutcome): void;
}

export const DECISION_SPAN = "agentspec.decide";
/** Longer tool names are cut in the attribute: a hostile call must not grow every trace. */
const MAX_ATTRIBUTE_LENGTH = 256;
const MAX_TRACESTATE_LENGTH = 512;

let api: typeof OtelApi | null | undefined;

function loadApi(): typeof OtelApi | undefined {
  if (api === undefined) {
    try {
      api = createRequire(import.meta.url)("@opentelemetry/api") as typeof OtelApi;
    } catch {
      api = null;
    }
  }
  return api ?? undefined;
}

/** The API's no-op tracer provider, which a global tracer provider delegates to until one is registered. */
let noopProvider: unknown;

/**
 * Whether no tracer provider is registered (the API then makes every span a no-op, denials too):
 * no span is started. Asked at each decision, so a provider registered later is used at once.
 */
function noTracer(otel: typeof OtelApi): boolean {
  const provider = otel.trace.getTracerProvider() as { getDelegate?: () => unknown };
  if (typeof provider.getDelegate !== "function") return false;
  noopProvider ??= new otel.ProxyTracerProvider().getDelegate();
  return provider.getDelegate() === noopProvider;
}

let tracer: { provider: OtelApi.TracerProvider; tracer: OtelApi.Tracer } | undefined;

/**
 * The tracer, made once per global tracer provider (getTracer makes a new one each time): the
 * API's proxy tracer follows a provider registered later, and a provider set after
 * trace.disable() is a new global, for which a new tracer is made.
 */
function tracerOf(otel: typeof OtelApi): OtelApi.Tracer {
  const provider = otel.trace.getTracerProvider();
  if (tracer?.provider !== provider) tracer = { provider, tracer: provider.getTracer("agentspec") };
  return tracer.tracer;
}

/** Whether decisions are traced: @opentelemetry/api is installed. */
export function tracingAvailable(): boolean {
  return loadApi() !== undefined;
}

/**
 * Starts the span of one decision, under `parent` when given, else under the active span;
 * undefined without OpenTelemetry. Without a tracer provider registered, a deferred span (unless
 * `deferred` is false: then undefined), which emits a denial if a provider is registered by the
 * time the decision ends (an SDK that finishes starting while a call waits for its approver).
 */
export function startDecisionSpan(parent?: TraceParent, deferred = true): DecisionSpan | undefined {
  const otel = loadApi();
  if (!otel) return undefined;
  if (noTracer(otel)) return deferred ? new DeferredSpan(otel, parent, otel.context.active()) : undefined;
  const remote = parent === undefined ? undefined : remoteSpanContext(otel, parent);
  const parentContext = remote ? otel.trace.setSpanContext(otel.ROOT_CONTEXT, remote) : otel.context.active();
  const startTime = Date.now();
  const tracer = tracerOf(otel);
  const span = tracer.startSpan(DECISION_SPAN, { kind: otel.SpanKind.INTERNAL, startTime }, parentContext);
  return {
    within: (fn) => otel.context.with(otel.trace.setSpan(parentContext, span), fn),
    end(outcome) {
      // A span nobody records (no OpenTelemetry SDK, or sampled out) of a call not denied: nothing to set.
      if (outcome.decision !== "deny" && !span.isRecording()) return span.end();
      const attributes = attributesOf(outcome);
      if (span.isRecording() || outcome.decision !== "deny") {
        span.setAttributes(attributes);
        return finish(otel, span, outcome.rule);
      }
      span.end();
      emitDenial(otel, tracer, parentContext, startTime, attributes, outcome.rule);
    },
  };
}

/** A denial as a root span linked to the trace it was decided in (a parent-based sampler keeps it). */
function emitDenial(
  otel: typeof OtelApi,
  tracer: OtelApi.Tracer,
  parentContext: OtelApi.Context,
  startTime: number,
  attributes: OtelApi.Attributes,
  rule: string,
): void {
  const sampledOut = otel.trace.getSpanContext(parentContext);
  const links = sampledOut && otel.isSpanContextValid(sampledOut) ? [{ context: sampledOut }] : [];
  finish(otel, tracer.startSpan(DECISION_SPAN, { kind: otel.SpanKind.INTERNAL, startTime, attributes, links, root: true }), rule);
}

/** Ends a decision's span; the guard could not do its part (count, record): an error of the guard, not only a denial. */
function finish(otel: typeof OtelApi, span: OtelApi.Span, rule: string): void {
  if (rule === "state-unavailable" || rule === "audit-failed") span.setStatus({ code: otel.SpanStatusCode.ERROR, message: rule });
  span.end();
}

/** The span of a decision begun while no tracer provider was registered: nothing, unless it ends in a denial with one registered. */
class DeferredSpan implements DecisionSpan {
  readonly #startTime = Date.now();
  constructor(
    readonly otel: typeof OtelApi,
    readonly parent: TraceParent | undefined,
    readonly active: OtelApi.Context,
  ) {}

  within<T>(fn: () => T): T {
    return fn();
  }

  end(outcome: DecisionOutcome): void {
    const { otel } = this;
    if (outcome.decision !== "deny" || noTracer(otel)) return;
    const remote = this.parent === undefined ? undefined : remoteSpanContext(otel, this.parent);
    const parentContext = remote ? otel.trace.setSpanContext(otel.ROOT_CONTEXT, remote) : this.active;
    emitDenial(otel, tracerOf(otel), parentContext, this.#startTime, attributesOf(outcome), outcome.rule);
  }
}

function attributesOf(outcome: DecisionOutcome): OtelApi.Attributes {
  const attributes: OtelApi.Attributes = {
    "agentspec.decision": outcome.decision,
    "agentspec.rule": outcome.rule,
    "agentspec.policy.hash": outcome.policyHash,
    "agentspec.agent.id": outcome.agent,
  };
  if (outcome.tool !== undefined) attributes["gen_ai.tool.name"] = cut(outcome.tool);
  if (outcome.approval) {
    attributes["agentspec.approval.outcome"] = outcome.approval.outcome;
    if (outcome.approval.reviewer !== undefined) attributes["agentspec.approval.reviewer"] = cut(outcome.approval.reviewer);
  }
  return attributes;
}

function cut(text: string): string {
  return text.length <= MAX_ATTRIBUTE_LENGTH ? text : `${text.slice(0, MAX_ATTRIBUTE_LENGTH)}…`;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/** The span context a W3C traceparent names, or undefined when it is not a valid one (then the active context is the parent). */
function remoteSpanContext(otel: typeof OtelApi, parent: TraceParent): OtelApi.SpanContext | undefined {
  const match = typeof parent.traceparent === "string" ? TRACEPARENT.exec(parent.traceparent) : null;
  if (!match) return undefined;
  const [, version, traceId, spanId, flags, rest] = match as unknown as [string, string, string, string, string, string | undefined];
  // Version ff is invalid; version 00 has exactly four fields; later versions may add fields.
  if (version === "ff" || (version === "00" && rest !== undefined)) return undefined;
  const context: OtelApi.SpanContext = { traceId, spanId, traceFlags: parseInt(flags, 16) & 1, isRemote: true };
  if (!otel.isSpanContextValid(context)) return undefined;
  const state = parent.tracestate;
  if (typeof state === "string" && state.length > 0 && state.length <= MAX_TRACESTATE_LENGTH)
    context.traceState = otel.createTraceState(state);
  return context;
}

/** The trace context an MCP request's `params._meta` carries (`traceparent`, `tracestate`), if any. */
export function traceParentFromMeta(meta: unknown): TraceParent | undefined {
  if (meta === null || typeof meta !== "object" || Array.isArray(meta)) return undefined;
  const own = (key: string): unknown => (Object.hasOwn(meta, key) ? (meta as Record<string, unknown>)[key] : undefined);
  const traceparent = own("traceparent");
  const tracestate = own("tracestate");
  if (typeof traceparent !== "string") return undefined;
  return typeof tracestate === "string" ? { traceparent, tracestate } : { traceparent };
}
