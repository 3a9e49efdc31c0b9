/**
 * createGuard: one policy enforced over a whole run. On top of decide() it counts the run
 * against the policy's budgets, asks a reviewer when approval is required, escalates a tool
 * after repeated denials, and writes a hash-chained decision record for every call.
 *
 * Contract: run a tool only when the decision is "allow". authorize() never returns
 * "require_approval": without an approver, or when the approver fails, the call is denied.
 * authorize() never throws or rejects, whatever the call, the approver, the clock, the state
 * store or the record sink do: what cannot be decided, asked, counted, timed or recorded is
 * denied, and the denial recorded when it can be.
 *
 * The budgets that outlive one call (rate, concurrency, sessions, the run's calls and cost,
 * escalations) are counted in a state store: the guard's own in memory by default, or one shared
 * by guards in several processes (redisStore). A store that does not answer denies every call
 * (rule state-unavailable) until it answers again.
 */
import type { Policy } from "../../generated/policy.js";
import { AgentspecError } from "../errors.js";
import { countCall, exceededReason, newUsage, pruneRecent, storeLimits, turnProblem } from "./budgets.js";
import { memoryStore, syncMemoryStore } from "./store/memory.js";
import type { AdmitAnswer, AdmitRequest, StateScope, StateStore } from "./store/types.js";
import { startDecisionSpan, type ApprovalOutcome, type DecisionSpan, type TraceParent } from "./telemetry.js";
import { callProblem, decide, type Decision, type DecisionRule, type ToolCall } from "../policy/decide.js";
import { AexEventLog } from "./aex-events.js";
import {
  isThenable,
  RecordChain,
  recordSnapshot,
  takeSnapshot,
  toWriter,
  type DecisionRecord,
  type RecordedArgs,
  type RecordSink,
} from "./decision-record.js";
import { openDecisionLog, type DecisionLogFile } from "./log-file.js";
import { denyAllPolicy, tryLoadPolicy, type PolicyLoad, type PolicySource } from "./load-policy.js";
import type { KeyInput } from "./policy-signature.js";
import { checkOptions, errorMessage, readAnswer, readCall, type CallView } from "./guard-input.js";

/** The policy entry a budget denial names. */
const BUDGETS = "/budgets";
const NO_ENTRIES: string[] = [];

export interface GuardCall extends ToolCall {
  /** What the call is expected to cost, in US dollars: counted against max_usd_per_loop when it is allowed. */
  costUsd?: number;
}

export type GuardRule =
  | DecisionRule
  | "budget"
  | "escalation"
  | "audit-failed"
  | "approval-timeout"
  | "clock-failed"
  | "state-unavailable"
  | "shadow"
  | RefusalRule;

/** In shadow mode: what enforcement would have decided for a call the guard let through. */
export interface ShadowDecision {
  decision: "deny" | "require_approval";
  rule: GuardRule;
  reason: string;
  /** The policy entries that would have decided it. */
  entries: string[];
  /** The approval channel, for a call that would have required approval. */
  channel?: string;
}

/**
 * Denials an enforcement point decides before the policy is asked (guard.refuse): a tool whose
 * definition differs from the one pinned at review (the MCP gateway's lock).
 */
export type RefusalRule = "definition-changed";

/** Per call, beside the call itself. */
export interface CallOptions {
  /**
   * The W3C trace context to continue (an MCP request's `_meta.traceparent`, read with
   * traceParentFromMeta): the decision's span is its child. Otherwise the active span is the parent.
   */
  trace?: TraceParent;
}

export interface GuardDecision extends Omit<Decision, "rule"> {
  rule: GuardRule;
  /** Who approved or rejected the call. */
  reviewer?: string;
  /**
   * Shadow mode only: the call is let through (decision "allow", rule "shadow"), and this is what
   * enforcement would have decided.
   */
  shadow?: ShadowDecision;
  /** The decision record written, when the guard records. */
  record?: DecisionRecord;
}

export interface ApprovalRequest {
  call: GuardCall;
  /** decide()'s require_approval, with its reason and channel. */
  decision: Decision;
  /** Aborted when the guard stops waiting (approvalTimeoutMs): stop asking then. */
  signal: AbortSignal;
}

export interface ApprovalResult {
  /** Only `true` approves. */
  approved: boolean;
  reviewer?: string;
  reason?: string;
}

export interface EscalationEvent {
  /** The tool, as every spelling of it reads (foldToolName): `email.Send` and `email.send` are one tool. */
  tool: string;
  /** Denied attempts at this tool so far in the run. */
  denials: number;
  call: GuardCall;
  decision: GuardDecision;
  /** The policy's handoff destination and message, when it has them. */
  destination?: string;
  message?: string;
}

/** How long authorize() waits for the approver (and for onEscalate) unless approvalTimeoutMs says otherwise: 10 minutes. */
export const DEFAULT_APPROVAL_TIMEOUT_MS = 600_000;

/**
 * How long authorize() waits for a record sink to say a decision record was written unless
 * recordTimeoutMs says otherwise: 30 seconds, far beyond a healthy file, stream or collector,
 * short enough that a stuck sink cannot hold a call (and its concurrency slot) for good.
 */
export const DEFAULT_RECORD_TIMEOUT_MS = 30_000;

export interface GuardOptions {
  /**
   * "enforce" (the default) denies what the policy denies. "shadow" lets through every call the
   * policy, its budgets or an escalation would deny or gate, without asking the approver or
   * calling onEscalate: the call is allowed with rule "shadow", and `shadow` (returned and
   * recorded) holds what enforcement would have decided. The budgets and escalations are counted
   * as enforcement counts them (a call that would need approval as approved), so each decision is
   * the one an enforcing guard would make for the same calls. What is not the policy's to decide is
   * denied in both modes: a malformed call, a record that cannot be written, a failing clock, a
   * state store that does not answer.
   */
  mode?: "enforce" | "shadow";
  /** Refuse (and so deny everything) unless the policy's hash is this "sha256:…". */
  pin?: string;
  /**
   * Require the policy's Ed25519 signature by this public key, exactly as loadPolicy does
   * (`<file>.sig` beside a policy file, else the signature option): an unsigned, re-keyed,
   * forged or edited policy is refused, and the guard denies everything.
   */
  publicKey?: KeyInput;
  /** The signature envelope (parsed or JSON text), for a policy given as text or an object. */
  signature?: unknown;
  /** Asked when a call requires approval. Without it such calls are denied. */
  approve?: (request: ApprovalRequest) => ApprovalResult | Promise<ApprovalResult>;
  /**
   * How long to wait for approve (and for onEscalate), in ms: past it the call is denied with
   * rule approval-timeout and the request's signal aborted. A whole number from 1 to 2^31 - 1;
   * DEFAULT_APPROVAL_TIMEOUT_MS (10 minutes) by default.
   */
  approvalTimeoutMs?: number;
  /**
   * How long to wait for the record sink to finish writing a call's decision record, in ms: a
   * sink whose promise (or stream callback) has not settled by then counts as failed, so an
   * allowed call is denied with rule audit-failed (and its slot given back). The record may
   * still reach the sink later, saying "allow" for a call that did not run. A whole number from
   * 1 to 2^31 - 1; DEFAULT_RECORD_TIMEOUT_MS (30 seconds) by default.
   */
  recordTimeoutMs?: number;
  /** Called once per tool when its denials reach the escalation threshold. */
  onEscalate?: (event: EscalationEvent) => void | Promise<void>;
  /** Denied attempts at one tool before escalating (default: the policy's handoff.escalate_after_denials, else 3). */
  escalateAfterDenials?: number;
  /** Called once, when the run's cost reaches the policy's alert_usd. */
  onCostAlert?: (event: { spentUsd: number; alertUsd: number }) => void;
  /**
   * Where decision records go; none are written without it. A file path is appended to under an
   * exclusive lock (`<file>.lock`) and continued from its last record; see guard.recordError.
   */
  record?: RecordSink;
  /**
   * Where to write the run in aex's audit event vocabulary (run.started, tool.allowed,
   * tool.denied, confirm.required, confirm.approved, confirm.denied, budget.exhausted,
   * run.finished), as JSON lines; in addition to, not instead of, the decision records.
   */
  aexEvents?: RecordSink;
  /** Continue an existing chain from its last record (a file path sink continues its file by itself). */
  chainFrom?: { seq: number; hash: string };
  /** The clock, in ms since the epoch (default Date.now): record times, and the memory store's rate window. */
  now?: () => number;
  /**
   * Where the budgets are counted (default: a memory store of this guard's own). Guards sharing
   * a store share the agent's rate window, concurrency slots and daily sessions, and a run's
   * call count, cost and escalations when they share its runId.
   */
  store?: StateStore;
  /** The run this guard's calls belong to (default: a random id): processes serving one run pass the same id. */
  runId?: string;
  /**
   * Count rate_per_minute, max_concurrency and max_sessions_per_day per tenant (the call's
   * context.tenant), each tenant with the policy's full budget. Off by default: the budgets then
   * bound the agent as a whole, whatever tenant a call names, since a caller that picks its own
   * tenant would otherwise get a fresh budget per name. Turn it on only where context.tenant is
   * set by trusted code, never copied from the request.
   */
  tenantBudgets?: boolean;
}

/** This guard's own view of its run: the calls it allowed, and what the store said last. */
export interface GuardUsage {
  runId: string;
  toolCalls: number;
  turn: number;
  /** The run's cost as the store last counted it, with cost recorded here and not yet counted. */
  spentUsd: number;
  inFlight: number;
  /** Calls this guard allowed in the last minute (the store's window counts every guard sharing it). */
  callsLastMinute: number;
  /** Denied attempts per tool (by its folded name: every spelling of a tool counts as that tool). */
  denials: Record<string, number>;
  /** Tools escalated, whose further calls are denied (folded names). */
  escalated: string[];
  /**
   * Shadow mode only: calls let through that enforcement would have denied, or gated. The other
   * fields count as enforcement would have: `toolCalls` leaves out the calls it would have denied.
   */
  shadow?: { denied: number; gated: number };
}

/** The denials shadow mode lets through: the policy's, its budgets' and escalation's, never the guard's own failures. */
const SHADOWED: ReadonlySet<GuardRule> = new Set([
  "deny-pattern",
  "not-allowed",
  "hard-limit",
  "approval",
  "invalid-policy",
  "budget",
  "escalation",
]);

/**
 * A guard over a policy given as loadPolicy takes it (file path, JSON text, object) or as a
 * tryLoadPolicy result. The policy is checked (schema, hash, options.pin, options.publicKey)
 * here too; one that fails is replaced by a deny-all policy and the reason kept in
 * guard.loadError, so a guard never runs on a policy that was not checked, and creating one
 * never throws for a bad policy. Options of the wrong type throw AgentspecError BAD_ARGUMENT.
 */
export function createGuard(policy: PolicySource | PolicyLoad, options: GuardOptions = {}): Guard {
  return new Guard(policy, options);
}

/** What one call carries through the guard: its concurrency slot, its span, what came of asking for approval. */
interface Attempt {
  /** Whether the call holds a concurrency slot (allowed calls through run() do), and its lease in the store. */
  held: boolean;
  lease?: string;
  scope?: StateScope;
  span?: DecisionSpan;
  approval?: { outcome: ApprovalOutcome; reviewer?: string };
}

/** What admit() gives: the decision and, for an allowed call, the call as decided and the end of its run. */
export interface Admission {
  decision: GuardDecision;
  /** An allowed call as it was decided (its args and context read once): run the tool with these. */
  call?: GuardCall;
  /**
   * The call has ended (it returned, failed or was cancelled): gives its concurrency slot back, the
   * first time (later calls do nothing); nothing for a call not allowed. Synchronous in the memory
   * store, else a promise that never rejects.
   */
  done(): Promise<void> | undefined;
}

const nothingHeld = (): undefined => undefined;

/** What #authorize gives admit() and authorize(): the decision, the call's attempt, and the call as decided. */
interface Authorized {
  decision: GuardDecision;
  attempt: Attempt;
  decided?: GuardCall;
}

type Bounded<T> = { ok: true; value: T } | { ok: false; timedOut: true } | { ok: false; timedOut: false; error: unknown };

export class Guard {
  /** The policy enforced: a deny-all policy when the one given failed to load. */
  readonly policy: Policy;
  /** Why the policy given was refused, when it was. */
  readonly loadError: AgentspecError | undefined;
  /**
   * Why no decision record can be written, when none can (the log file is locked by another
   * guard, its last line is not an intact record, it cannot be opened): every call is then
   * denied with rule audit-failed and this message, and the file is left as it is.
   */
  readonly recordError: AgentspecError | undefined;
  readonly #options: GuardOptions;
  readonly #usage = newUsage();
  readonly #denials = new Map<string, number>();
  readonly #escalated = new Set<string>();
  readonly #chain: RecordChain | undefined;
  readonly #log: DecisionLogFile | undefined;
  readonly #now: () => number;
  readonly #escalateAfter: number;
  readonly #approvalTimeoutMs: number;
  readonly #recordTimeoutMs: number;
  readonly #aex: AexEventLog | undefined;
  readonly #store: StateStore;
  readonly #limits: ReturnType<typeof storeLimits>;
  /** The run's id in the store. */
  readonly runId: string;
  /** Cost recorded with recordCost that the store has not counted yet, and the request adding it. */
  #pendingUsd = 0;
  #costFlush: Promise<string | undefined> | undefined;
  /** The scope of every call without a tenant, made once. */
  #agentScope: StateScope | undefined;
  /** Shadow mode's tally; undefined when enforcing. */
  readonly #shadow: { denied: number; gated: number } | undefined;
  #closed = false;

  constructor(source: PolicySource | PolicyLoad, options: GuardOptions = {}) {
    checkOptions(options);
    const check = { pin: options.pin, publicKey: options.publicKey, signature: options.signature };
    const load = isPolicyLoad(source) ? (source.ok ? tryLoadPolicy(source.policy, check) : source) : tryLoadPolicy(source, check);
    this.loadError = load.ok ? undefined : load.error;
    this.policy = load.ok ? load.policy : denyAllPolicy(`the policy could not load: ${load.error.message}`);
    this.#options = options;
    this.#shadow = options.mode === "shadow" ? { denied: 0, gated: 0 } : undefined;
    this.#now = options.now ?? Date.now;
    this.#approvalTimeoutMs = options.approvalTimeoutMs ?? DEFAULT_APPROVAL_TIMEOUT_MS;
    this.#recordTimeoutMs = options.recordTimeoutMs ?? DEFAULT_RECORD_TIMEOUT_MS;
    this.#escalateAfter = options.escalateAfterDenials ?? this.policy.handoff?.escalate_after_denials ?? 3;
    if (!Number.isInteger(this.#escalateAfter) || this.#escalateAfter < 1) {
      throw new AgentspecError("BAD_ARGUMENT", `escalateAfterDenials must be a whole number of at least 1, not ${this.#escalateAfter}`);
    }
    const { record } = options;
    if (typeof record === "string") {
      try {
        const log = openDecisionLog(record, options.chainFrom);
        this.#log = log;
        this.#chain = new RecordChain((line) => log.write(line), log.tail);
      } catch (error) {
        this.recordError =
          error instanceof AgentspecError
            ? error
            : new AgentspecError("UNWRITABLE", `${record}: the decision log cannot be used (${errorMessage(error)})`);
      }
    } else if (record !== undefined) {
      this.#chain = new RecordChain(toWriter(record), options.chainFrom);
    }
    if (options.aexEvents !== undefined) {
      try {
        this.#aex = new AexEventLog(options.aexEvents, this.policy.agent);
      } catch (error) {
        // The aex view changes no decision, but a file it cannot hold alone (another writer's, a
        // decision log by another name) must not be written into: the guard denies, as for its log.
        this.#log?.close();
        this.recordError =
          error instanceof AgentspecError
            ? error
            : new AgentspecError("UNWRITABLE", `${options.aexEvents}: the aex event file cannot be used (${errorMessage(error)})`);
      }
    }
    this.#store = options.store ?? memoryStore();
    this.#limits = storeLimits(this.policy.budgets);
    this.runId = options.runId ?? globalThis.crypto.randomUUID();
  }

  /** The final decision for one call: allow or deny, after budgets, approval and escalation; recorded. Never rejects. */
  async authorize(call: GuardCall, options?: CallOptions): Promise<GuardDecision> {
    return (await this.#authorize(call, false, options)).decision;
  }

  /**
   * authorize(), then execute() only when allowed, given the decision (an enforcement point that
   * forwards the call can say why at once). Calls in execute() count against max_concurrency,
   * which only calls made through run() can be held to. The slot is released on every path: a
   * denial, a failed record, execute() throwing or rejecting.
   */
  async run<T>(
    call: GuardCall,
    execute: (decision: GuardDecision, call: GuardCall) => T | Promise<T>,
    options?: CallOptions,
  ): Promise<{ decision: GuardDecision; result?: T }> {
    const admitted = this.admit(call, options);
    const { decision, call: decided, done } = isThenable(admitted) ? await admitted : admitted;
    if (decision.decision !== "allow") return { decision };
    try {
      // The call as it was decided (its args and context read once): run the tool with these.
      return { decision, result: await execute(decision, decided!) };
    } finally {
      const released = done();
      if (released) await released;
    }
  }

  /**
   * run() for an enforcement point that runs the call itself and knows when it ends (the MCP
   * gateway forwards it and waits for the server's answer): the decision, exactly as run() takes
   * it, and for an allowed call the call as decided and done(), to call once it has ended, which
   * gives its concurrency slot back. The answer comes synchronously, not as a promise, when every
   * part of the decision can be taken at once (a guard that records nothing, over its own memory
   * store, and a call allowed within every budget); await it either way. Never rejects.
   */
  admit(call: GuardCall, options?: CallOptions): Admission | Promise<Admission> {
    const authorized = this.#authorize(call, true, options);
    return isThenable(authorized) ? authorized.then((taken) => this.#admission(taken)) : this.#admission(authorized);
  }

  #admission({ decision, attempt, decided }: Authorized): Admission {
    if (decision.decision !== "allow") return { decision, done: nothingHeld };
    // A lease that can expire is renewed while the call runs, so only a process that died loses it.
    const renewal = this.#keepLease(attempt);
    return {
      decision,
      call: decided!,
      done: () => {
        if (renewal) clearInterval(renewal);
        return this.#release(attempt);
      },
    };
  }

  /** Starts the next turn (a run starts in turn 1); calls in a turn past max_turns are denied. */
  nextTurn(): number {
    this.#usage.turn += 1;
    return this.#usage.turn;
  }

  /** Adds model or tool cost spent outside authorize(); once the total reaches max_usd_per_loop, calls are denied. */
  recordCost(usd: number): void {
    if (typeof usd !== "number" || !Number.isFinite(usd) || usd < 0) {
      throw new AgentspecError("BAD_ARGUMENT", `recordCost takes a cost in US dollars of 0 or more, not ${String(usd)}`);
    }
    this.#pendingUsd += usd;
    this.#usage.spentUsd += usd;
    // Sent now, so other processes of the run see it and the alert fires; the next call waits for it.
    void this.#flushCost();
  }

  /** Ends the run: writes aex's run.finished (when aexEvents is set). Calls after it are still decided and recorded. */
  finish(status: "success" | "failed" | "aborted" = "success"): void {
    this.#aex?.finish(status);
  }

  /**
   * Closes the guard: a decision log file is closed and its lock released, so another guard can
   * continue it. Every call after close() is denied. Safe to call twice.
   */
  close(): void {
    this.#closed = true;
    this.#log?.close();
    this.#aex?.close();
  }

  /**
   * Records a call an enforcement point refused before the policy was asked (an MCP gateway: a
   * tool whose definition differs from its lock), so that the denial is in the hash-chained record
   * and counts toward escalation like any other. Returns the denial as recorded. Never rejects.
   */
  async refuse(call: GuardCall, refusal: { rule: RefusalRule; reason: string }, options?: CallOptions): Promise<GuardDecision> {
    const attempt = newAttempt(decisionSpan(options));
    const view = readCall(call);
    let recorded: RecordedArgs | string | undefined;
    // A call decide() would refuse as malformed is recorded as such, whatever the refusal says.
    const problem = typeof view === "string" ? view : (view.notPlain ?? callProblem(view.call));
    let decision = this.#deny(problem === undefined ? refusal.rule : "malformed-call", problem ?? String(refusal.reason));
    if (typeof view !== "string" && problem === undefined) {
      try {
        recorded = this.#chain ? recordedArgs(view, this.policy.audit) : undefined;
        if (typeof recorded === "string") decision = this.#deny("audit-failed", `"${view.tool}": ${recorded}; ${decision.reason}`);
        const now = this.#readClock();
        decision = await this.#countDenial(view, decision, typeof now === "number" ? now : Date.now());
      } catch (error) {
        decision = this.#deny(refusal.rule, `${decision.reason} (${errorMessage(error)})`);
      }
    }
    const final = await this.#record(typeof view === "string" ? undefined : view, recorded, decision);
    this.#endSpan(attempt, typeof view === "string" ? undefined : view, final);
    return final;
  }

  usage(): GuardUsage {
    const now = this.#readClock();
    // A clock that fails must not empty the rate window (an Infinity would prune every call).
    if (typeof now === "number") pruneRecent(this.#usage, now);
    const { toolCalls, turn, spentUsd, inFlight, recentCalls } = this.#usage;
    return {
      runId: this.runId,
      toolCalls,
      turn,
      spentUsd,
      inFlight,
      callsLastMinute: recentCalls.length,
      denials: Object.fromEntries(this.#denials),
      escalated: [...this.#escalated],
      ...(this.#shadow ? { shadow: { ...this.#shadow } } : {}),
    };
  }

  /** The decision, synchronously when every part of it can be taken at once (see #allowNow), else later. */
  #authorize(call: GuardCall, reserveSlot: boolean, options: CallOptions | undefined): Authorized | Promise<Authorized> {
    // A span now only when a tracer provider is registered: an allowed call decided at once needs none.
    const attempt = newAttempt(decisionSpan(options, false));
    const view = readCall(call);
    if (typeof view === "string") return this.#authorizeLater(view, reserveSlot, withSpan(attempt, options), undefined);
    let allowed: GuardDecision | undefined;
    this.#clockRead = undefined;
    try {
      allowed = this.#allowNow(view, reserveSlot, attempt);
    } catch {
      // The general path decides it, and says why.
    }
    // The clock is read once a call: the general path decides on what #allowNow read, if it did.
    const clock = this.#clockRead;
    this.#clockRead = undefined;
    if (allowed) {
      // Allowed and counted; nothing to record or wait for (#allowNow takes no call that has them).
      this.#endSpan(attempt, view, allowed);
      return { decision: allowed, attempt, decided: view.call as GuardCall };
    }
    return this.#authorizeLater(view, reserveSlot, withSpan(attempt, options), clock);
  }

  /** What #allowNow read of the clock for the call being authorized (set and taken back synchronously). */
  #clockRead: number | string | undefined;

  /** The decision and its record, for every call #allowNow does not allow (`now`: the clock it read, if it did). */
  async #authorizeLater(
    view: CallView | string,
    reserveSlot: boolean,
    attempt: Attempt,
    now: number | string | undefined,
  ): Promise<Authorized> {
    let decision: GuardDecision;
    let recorded: RecordedArgs | string | undefined;
    if (typeof view === "string") {
      decision = this.#deny("malformed-call", view);
    } else {
      try {
        recorded = this.#chain ? recordedArgs(view, this.policy.audit) : undefined;
        decision = await this.#decide(view, recorded, reserveSlot, attempt, now);
      } catch (error) {
        // Nothing above is meant to throw; if something does, the call is not allowed.
        decision = this.#deny("malformed-call", `The call could not be decided (${errorMessage(error)}): it is denied`);
      }
    }
    const final = await this.#record(typeof view === "string" ? undefined : view, recorded, decision);
    if (final.decision !== "allow") await this.#release(attempt);
    this.#endSpan(attempt, typeof view === "string" ? undefined : view, final);
    return { decision: final, attempt, ...(typeof view === "string" ? {} : { decided: view.call as GuardCall }) };
  }

  /**
   * The common case, decided without a promise: a guard that records nothing (no record, no aex
   * events), enforcing, over its memory store, and a call decide() allows within every budget.
   * Returns the decision when the call is allowed and counted; otherwise nothing was counted, and
   * the general path decides the call as it decides every other (a denial, an approval, a failing
   * clock), on the clock's reading taken here (#clockRead) when one was.
   */
  #allowNow(view: CallView, reserveSlot: boolean, attempt: Attempt): GuardDecision | undefined {
    if (this.#chain || this.#aex || this.#closed || this.recordError || this.#shadow) return undefined;
    const store = syncMemoryStore(this.#store);
    if (store === undefined || this.#costFlush !== undefined || this.#pendingUsd > 0) return undefined;
    if (view.notPlain !== undefined || typeof view.args === "string" || view.contextProblem !== undefined) return undefined;
    if (typeof view.cost === "string" || (view.key !== undefined && this.#escalated.has(view.key))) return undefined;
    const now = (this.#clockRead = this.#readClock());
    if (typeof now === "string") return undefined;
    const decided: GuardDecision = decide(this.policy, view.call);
    if (decided.decision !== "allow" || turnProblem(this.policy.budgets, this.#usage)) return undefined;
    const scope = this.#scope(view);
    const answer = store.admitNow(this.#admitRequest(view, scope, now, reserveSlot, true));
    // A budget or an escalation that refuses it: admit counted nothing, and the general path asks again.
    if (!answer.ok) return undefined;
    this.#counted(answer, scope, now, reserveSlot, attempt);
    return decided;
  }

  /** Ends the decision's span; a tracer that throws changes no decision (and holds no slot: run() still releases it). */
  #endSpan(attempt: Attempt, view: CallView | undefined, final: GuardDecision): void {
    try {
      attempt.span?.end({
        decision: final.decision,
        rule: final.rule,
        policyHash: final.policyHash,
        agent: this.policy.agent.id,
        ...(view !== undefined && view.tool !== undefined ? { tool: view.tool } : {}),
        ...(attempt.approval ? { approval: attempt.approval } : {}),
      });
    } catch {
      // A broken exporter or span processor is the tracer's failure, not the call's.
    }
  }

  async #decide(
    view: CallView,
    recorded: RecordedArgs | string | undefined,
    reserveSlot: boolean,
    attempt: Attempt,
    /** The clock as #allowNow read it for this call (a reading, or why it failed), if it did. */
    clock?: number | string,
  ): Promise<GuardDecision> {
    const name = view.tool ?? "the call";
    if (this.#closed) return this.#deny("audit-failed", `The guard was closed (guard.close()): "${name}" is denied`);
    if (this.recordError)
      return this.#deny("audit-failed", `No decision record can be written (${this.recordError.message}): "${name}" is denied`);
    // Args or context that are not plain data are malformed, recorded or not (see CallView.notPlain).
    if (view.notPlain !== undefined) {
      const at = this.#readClock();
      return this.#countDenial(view, this.#deny("malformed-call", view.notPlain), typeof at === "number" ? at : Date.now());
    }
    if (typeof recorded === "string") {
      const at = this.#readClock();
      return this.#countDenial(
        view,
        this.#deny("audit-failed", `"${name}": ${recorded}, so its decision record cannot be written: it is denied`),
        typeof at === "number" ? at : Date.now(),
      );
    }
    // Without a record to write, args (or context) no snapshot can be taken of are still denied:
    // decide() and the tool must see one reading of the call, and there is none to give them.
    const unreadable = typeof view.args === "string" ? view.args : view.contextProblem;
    if (unreadable !== undefined) {
      const at = this.#readClock();
      return this.#countDenial(
        view,
        this.#deny(
          "malformed-call",
          `"${name}": ${unreadable}, so no one reading of it can be decided and given to the tool: it is denied`,
        ),
        typeof at === "number" ? at : Date.now(),
      );
    }
    const now = clock ?? this.#readClock();
    if (typeof now === "string") return this.#deny("clock-failed", `"${name}" is denied: ${now}`);
    let decision = await this.#evaluate(view, now, reserveSlot, attempt);
    if (decision.decision === "require_approval" && this.#shadow) {
      // Nobody is asked: the call runs, so it is counted as an approved call would be.
      const refused = await this.#admit(view, now, reserveSlot, true, attempt, `"${view.tool}" would need approval and is denied`);
      if (refused === undefined) return this.#letThrough(view, decision);
      decision = refused;
    } else if (decision.decision === "require_approval") {
      this.#aex?.emit({ event: "confirm.required", tool: view.tool!, ...(decision.channel ? { channel: decision.channel } : {}) });
      decision = await this.#askApproval(view, decision, reserveSlot, attempt);
      this.#aexConfirmation(view.tool!, decision);
    }
    if (decision.decision === "deny" && decision.rule !== "escalation" && decision.rule !== "state-unavailable")
      decision = await this.#countDenial(view, decision, now);
    if (this.#shadow && decision.decision !== "allow" && SHADOWED.has(decision.rule)) return this.#letThrough(view, decision);
    return decision;
  }

  /**
   * Shadow mode: lets through a call enforcement would deny or gate, saying what enforcement would
   * have decided. Its counting is done already, as enforcement counts (a denial toward escalation,
   * a gated call as approved), so the next call's decision is the one an enforcing guard would make.
   */
  #letThrough(view: CallView, would: GuardDecision): GuardDecision {
    const denied = would.decision === "deny";
    if (denied) this.#shadow!.denied += 1;
    else this.#shadow!.gated += 1;
    const shadow: ShadowDecision = {
      decision: denied ? "deny" : "require_approval",
      rule: would.rule,
      reason: would.reason,
      entries: would.entries,
      ...(would.channel ? { channel: would.channel } : {}),
    };
    return {
      decision: "allow",
      rule: "shadow",
      reason: `Shadow mode: "${view.tool}" is let through; enforcement would ${denied ? "deny it" : "ask for approval"} (${would.rule}): ${would.reason}`,
      policyHash: this.policy.hash,
      entries: would.entries,
      shadow,
    };
  }

  /** A denial by the guard itself; `entries` names the policy entries it rests on (none for a failure around the policy). */
  #deny(rule: GuardRule, reason: string, entries: string[] = NO_ENTRIES): GuardDecision {
    return { decision: "deny", rule, reason, policyHash: this.policy.hash, entries };
  }

  /** confirm.approved, or confirm.denied when the reviewer rejected it or could not be asked. */
  #aexConfirmation(tool: string, decision: GuardDecision): void {
    if (!this.#aex) return;
    const reviewer = decision.reviewer ? { reviewer: decision.reviewer } : {};
    if (decision.rule === "approval" && decision.decision === "allow") this.#aex.emit({ event: "confirm.approved", tool, ...reviewer });
    else if (decision.rule === "approval" || decision.rule === "approval-timeout" || decision.rule === "clock-failed")
      this.#aex.emit({ event: "confirm.denied", tool, ...reviewer, reason: decision.reason });
    // An approved call a budget then denies was approved: its denial follows as budget.exhausted.
    else this.#aex.emit({ event: "confirm.approved", tool, ...reviewer });
  }

  #aexOutcome(tool: string | undefined, decision: GuardDecision): void {
    if (!this.#aex) return;
    if (decision.decision === "allow") return this.#aex.allowed(tool!);
    if (decision.rule === "budget") this.#aex.emit({ event: "budget.exhausted", tool: tool ?? null, reason: decision.reason });
    this.#aex.emit({ event: "tool.denied", tool: tool ?? null, reason: decision.reason });
  }

  /** Escalation, decide(), and the budgets: an allowed call is counted here, one that needs approval only checked. */
  async #evaluate(view: CallView, now: number, reserveSlot: boolean, attempt: Attempt): Promise<GuardDecision> {
    // An escalation this guard has seen holds for the rest of the run: no need to ask the store.
    if (view.key !== undefined && this.#escalated.has(view.key)) return this.#escalatedDenial(view, this.#denials.get(view.key) ?? 0);
    if (typeof view.cost === "string") return this.#deny("malformed-call", view.cost);
    const decided: GuardDecision = decide(this.policy, view.call);
    if (decided.decision === "deny") return decided;
    const turns = turnProblem(this.policy.budgets, this.#usage);
    if (turns) return this.#deny("budget", `"${view.tool}" is denied: ${turns}`, [BUDGETS]);
    const refused = await this.#admit(view, now, reserveSlot, decided.decision === "allow", attempt, `"${view.tool}" is denied`);
    return refused ?? decided;
  }

  #escalatedDenial(view: CallView, times: number): GuardDecision {
    const which = view.tool === view.key ? `"${view.key}"` : `"${view.tool}" reads as "${view.key}", which`;
    return this.#deny("escalation", `${which} was escalated after ${times} denied attempts: further calls to it are denied for this run`);
  }

  async #askApproval(view: CallView, decision: GuardDecision, reserveSlot: boolean, attempt: Attempt): Promise<GuardDecision> {
    const tool = view.tool!;
    const base = { policyHash: decision.policyHash, entries: decision.entries, ...(decision.channel ? { channel: decision.channel } : {}) };
    const denied = (rule: GuardRule, reason: string, reviewer?: string, entries = decision.entries): GuardDecision => ({
      ...base,
      ...(reviewer ? { reviewer } : {}),
      decision: "deny",
      rule,
      reason,
      entries,
    });
    const approve = this.#options.approve;
    const outcome = (value: ApprovalOutcome, reviewer?: string) =>
      (attempt.approval = { outcome: value, ...(reviewer ? { reviewer } : {}) });
    if (!approve) {
      outcome("no-approver");
      return denied("approval", `${decision.reason}; no approver is configured, so it is denied`);
    }
    const controller = new AbortController();
    const ask = () => approve({ call: callbackCopy(view), decision: decision as Decision, signal: controller.signal });
    // The approver runs inside the decision's span: its own spans (a Slack call) nest under it.
    const asked = await this.#bounded(() => withinSpan(attempt.span, ask));
    if (!asked.ok) outcome(asked.timedOut ? "timed-out" : "failed");
    if (!asked.ok && asked.timedOut) {
      controller.abort(new Error(`no answer within approvalTimeoutMs (${this.#approvalTimeoutMs} ms)`));
      return denied(
        "approval-timeout",
        `${decision.reason}; the approver did not answer within ${this.#approvalTimeoutMs} ms (approvalTimeoutMs), so it is denied`,
      );
    }
    if (!asked.ok)
      return denied("approval", `${decision.reason}; asking for approval failed (${errorMessage(asked.error)}), so it is denied`);
    const answer = readAnswer(asked.value);
    if (typeof answer === "string") {
      outcome("failed");
      return denied("approval", `${decision.reason}; the approver's answer could not be read (${answer}), so it is denied`);
    }
    outcome(answer.approved ? "approved" : "rejected", answer.reviewer);
    const by = answer.reviewer ? ` by ${answer.reviewer}` : "";
    const why = answer.reason ? `: ${answer.reason}` : "";
    if (!answer.approved) return denied("approval", `"${tool}" was rejected${by}${why}`, answer.reviewer);
    // Budgets are checked again, on the clock read now: other calls may have used them while the reviewer decided.
    const now = this.#readClock();
    if (typeof now === "string")
      return denied("clock-failed", `"${tool}" was approved${by} but is denied: ${now}`, answer.reviewer, NO_ENTRIES);
    const turns = turnProblem(this.policy.budgets, this.#usage);
    if (turns) return denied("budget", `"${tool}" was approved${by} but is denied: ${turns}`, answer.reviewer, [BUDGETS]);
    const refused = await this.#admit(view, now, reserveSlot, true, attempt, `"${tool}" was approved${by} but is denied`);
    if (refused) return { ...refused, ...(answer.reviewer ? { reviewer: answer.reviewer } : {}) };
    return {
      ...base,
      ...(answer.reviewer ? { reviewer: answer.reviewer } : {}),
      decision: "allow",
      rule: "approval",
      reason: `"${tool}" was approved${by}${why}`,
    };
  }

  /**
   * Asks the store whether the call fits every budget, counting it when `commit` (and taking a
   * concurrency slot for run()); undefined when it fits, else the denial (`denied` starts its reason).
   */
  async #admit(
    view: CallView,
    now: number,
    reserveSlot: boolean,
    commit: boolean,
    attempt: Attempt,
    denied: string,
  ): Promise<GuardDecision | undefined> {
    const scope = this.#scope(view);
    // Most calls have no cost to send first: they do not wait a turn for it.
    const unavailable = this.#costFlush !== undefined || this.#pendingUsd > 0 ? await this.#flushCost() : undefined;
    if (unavailable) return this.#unavailable(`${denied}: ${unavailable}`);
    let answer: AdmitAnswer;
    try {
      answer = await this.#store.admit(this.#admitRequest(view, scope, now, reserveSlot, commit));
    } catch (error) {
      return this.#unavailable(`${denied}: ${this.#storeFailure(error)}`);
    }
    if (!answer.ok) {
      if ("escalated" in answer) {
        this.#denials.set(view.key!, answer.escalated);
        this.#escalated.add(view.key!);
        return this.#escalatedDenial(view, answer.escalated);
      }
      if (answer.exceeded.budget === "max_usd_per_loop") this.#usage.spentUsd = answer.exceeded.used + this.#pendingUsd;
      return this.#deny("budget", `${denied}: ${exceededReason(answer.exceeded, scope.tenant)}`, [BUDGETS]);
    }
    if (commit) this.#counted(answer, scope, now, reserveSlot, attempt);
    return undefined;
  }

  #admitRequest(view: CallView, scope: StateScope, now: number, slot: boolean, commit: boolean): AdmitRequest {
    return { scope, tool: view.key!, now, costUsd: view.cost as number, limits: this.#limits, slot, commit };
  }

  /** What this guard keeps of a call the store admitted and counted: its usage, and the slot it holds. */
  #counted(answer: AdmitAnswer & { ok: true }, scope: StateScope, now: number, reserveSlot: boolean, attempt: Attempt): void {
    countCall(this.#usage, now, 0);
    this.#usage.spentUsd = answer.spentUsd + this.#pendingUsd;
    if (reserveSlot) {
      this.#usage.inFlight += 1;
      attempt.held = true;
      attempt.scope = scope;
      if (answer.lease !== undefined) attempt.lease = answer.lease;
    }
    if (answer.alert) this.#alert(answer.spentUsd);
  }

  /**
   * Gives back a call's concurrency slot, here and in the store (a lease the store cannot free
   * expires): at once in the memory store, else a promise that never rejects.
   */
  #release(attempt: Attempt): Promise<void> | undefined {
    if (!attempt.held) return undefined;
    attempt.held = false;
    this.#usage.inFlight -= 1;
    const { lease, scope } = attempt;
    if (lease === undefined || scope === undefined) return undefined;
    try {
      const store = syncMemoryStore(this.#store);
      if (store) return void store.releaseNow(scope, lease);
      return Promise.resolve(this.#store.release(scope, lease)).then(undefined, ignore);
    } catch {
      // The store is away: the lease runs out by itself (store.leaseMs).
      return undefined;
    }
  }

  /** Renews a held lease every third of its length while the call runs; undefined when it cannot expire. */
  #keepLease(attempt: Attempt): ReturnType<typeof setInterval> | undefined {
    const { lease, scope } = attempt;
    if (lease === undefined || scope === undefined || !Number.isFinite(this.#store.leaseMs)) return undefined;
    const timer = setInterval(
      () => {
        const now = this.#readClock();
        this.#store.renew(scope, lease, typeof now === "number" ? now : Date.now()).then(undefined, () => {
          // A renewal the store missed is tried again at the next tick; the call itself is already running.
        });
      },
      Math.max(1, Math.floor(this.#store.leaseMs / 3)),
    );
    timer.unref();
    return timer;
  }

  /** Sends cost recorded with recordCost to the store; the reason when it could not (the cost stays pending). */
  #flushCost(): Promise<string | undefined> {
    // One request at a time, so a cost is never sent twice; a call waits for the one in flight.
    if (this.#costFlush) return this.#costFlush;
    if (this.#pendingUsd <= 0) return Promise.resolve(undefined);
    const flush = this.#sendCost().finally(() => {
      if (this.#costFlush === flush) this.#costFlush = undefined;
    });
    this.#costFlush = flush;
    return flush;
  }

  async #sendCost(): Promise<string | undefined> {
    while (this.#pendingUsd > 0) {
      const usd = this.#pendingUsd;
      const now = this.#readClock();
      let answer;
      try {
        answer = await this.#store.addCost({
          scope: { agent: this.policy.agent.id, run: this.runId },
          usd,
          ...(this.#limits.alertUsd !== undefined ? { alertUsd: this.#limits.alertUsd } : {}),
          now: typeof now === "number" ? now : Date.now(),
        });
      } catch (error) {
        return `the cost recorded with recordCost cannot be counted: ${this.#storeFailure(error)}`;
      }
      this.#pendingUsd -= usd;
      this.#usage.spentUsd = answer.spentUsd + this.#pendingUsd;
      if (answer.alert) this.#alert(answer.spentUsd);
    }
    return undefined;
  }

  /** Whose budgets a call counts against: the agent's (per tenant when tenantBudgets and the call names one), and this run's. */
  #scope(view: CallView): StateScope {
    const tenant = this.#options.tenantBudgets === true ? view.context.tenant : undefined;
    if (tenant !== undefined) return { agent: this.policy.agent.id, run: this.runId, tenant };
    // One frozen object for every call without a tenant (a store may key its state by it).
    return (this.#agentScope ??= Object.freeze({ agent: this.policy.agent.id, run: this.runId }));
  }

  #unavailable(reason: string): GuardDecision {
    return this.#deny("state-unavailable", reason);
  }

  #storeFailure(error: unknown): string {
    return `the guard's state store (${this.#store.description}) did not answer: ${errorMessage(error)}; every call is denied until it does`;
  }

  /** Counts a denial against the tool every spelling of the name reads as, and escalates at the threshold. */
  async #countDenial(view: CallView, decision: GuardDecision, now: number): Promise<GuardDecision> {
    const key = view.key;
    if (key === undefined) return decision;
    let counted;
    try {
      counted = await this.#store.recordDenial({ scope: this.#scope(view), tool: key, escalateAfter: this.#escalateAfter, now });
    } catch (error) {
      // Escalation cannot be counted, so the denial is also a failure of the guard's state.
      return this.#unavailable(`${decision.reason}; the denial cannot be counted toward escalation: ${this.#storeFailure(error)}`);
    }
    const { denials } = counted;
    this.#denials.set(key, denials);
    if (counted.alreadyEscalated) {
      this.#escalated.add(key);
      return this.#escalatedDenial(view, denials);
    }
    if (!counted.escalatedNow) return decision;
    this.#escalated.add(key);
    const handoff = this.policy.handoff;
    const to = handoff?.destination ? `escalated to ${handoff.destination}` : "escalated";
    const escalated: GuardDecision = {
      ...decision,
      rule: "escalation",
      reason: `${decision.reason}; ${to} after ${denials} denied attempts at "${key}": further calls to it are denied for this run`,
    };
    const onEscalate = this.#options.onEscalate;
    // Shadow mode escalates as enforcement would, but tells no one: nothing was handed off.
    if (!onEscalate || this.#shadow) return escalated;
    const event: EscalationEvent = {
      tool: key,
      denials,
      call: callbackCopy(view),
      decision: escalated,
      destination: handoff?.destination,
      message: handoff?.message,
    };
    const done = await this.#bounded(() => onEscalate(event));
    if (done.ok) return escalated;
    const failure = done.timedOut ? `did not finish within ${this.#approvalTimeoutMs} ms` : `failed: ${errorMessage(done.error)}`;
    return { ...escalated, reason: `${escalated.reason} (the escalation callback ${failure})` };
  }

  /**
   * Writes the decision record, and the aex outcome event in the same order as the records: both
   * before waiting for the sink. An allowed call whose record then fails, at once or later, is
   * denied, and its aex tool.allowed followed by a tool.denied. Never throws.
   */
  async #record(view: CallView | undefined, recorded: RecordedArgs | string | undefined, decision: GuardDecision): Promise<GuardDecision> {
    const tool = view?.tool;
    if (this.#closed && decision.decision === "allow") {
      // Closed while the call was decided (waiting for its approver, say): every call after close() is denied.
      const denied = this.#deny("audit-failed", `The guard was closed (guard.close()) while "${tool}" was being decided: it is denied`);
      this.#aexOutcome(tool, denied);
      return denied;
    }
    if (!this.#chain || this.#closed) {
      this.#aexOutcome(tool, decision);
      return decision;
    }
    let outcome = decision;
    let record: DecisionRecord;
    let written: Promise<void>;
    try {
      let now = this.#readClock();
      if (typeof now === "string") {
        // The record needs a time: the system's, with the reason saying the guard's clock failed.
        if (outcome.decision === "allow") outcome = this.#deny("clock-failed", `"${tool}" is denied: ${now}`);
        now = Date.now();
      }
      const args = typeof recorded === "object" ? recorded : { argsDigest: null };
      ({ record, written } = this.#chain.append({
        time: new Date(now).toISOString(),
        agent: this.policy.agent.id,
        policyHash: this.policy.hash,
        tool: tool ?? null,
        ...args,
        ...view?.context,
        decision: outcome.decision,
        rule: outcome.rule,
        reason: outcome.reason,
        ...(outcome.reviewer !== undefined ? { reviewer: outcome.reviewer } : {}),
        ...(outcome.shadow !== undefined
          ? { shadow: { decision: outcome.shadow.decision, rule: outcome.shadow.rule, reason: outcome.shadow.reason } }
          : {}),
      }));
    } catch (error) {
      const denied = this.#deny(
        "audit-failed",
        `The decision record could not be made (${errorMessage(error)}): "${tool ?? "the call"}" is denied`,
      );
      this.#aexOutcome(tool, denied);
      return outcome.decision === "allow" ? denied : outcome;
    }
    this.#aexOutcome(tool, outcome);
    // A sink that never settles (a stuck socket, a promise nobody resolves) must not hold the call.
    const done = await this.#bounded(() => written, this.#recordTimeoutMs);
    if (done.ok) return { ...outcome, record };
    // An allowed call that leaves no record is not allowed (fail closed).
    if (outcome.decision !== "allow") return { ...outcome, record };
    const failure = done.timedOut
      ? `the sink did not finish writing it within ${this.#recordTimeoutMs} ms (recordTimeoutMs)`
      : errorMessage(done.error);
    // A shadow allow that leaves no record is denied as any other: it no longer says what enforcement would do.
    const { shadow: _letThrough, ...allowed } = outcome;
    const denied: GuardDecision = {
      ...allowed,
      decision: "deny",
      rule: "audit-failed",
      reason: `The decision record could not be written (${failure}): "${tool}" is denied`,
      record,
    };
    this.#aexOutcome(tool, denied);
    return denied;
  }

  /** The clock's reading, or why it cannot be used: a clock that throws or gives NaN or ±Infinity would switch the rate limit off. */
  #readClock(): number | string {
    let now: unknown;
    try {
      now = this.#now();
    } catch (error) {
      return `the guard's clock (options.now) failed (${errorMessage(error)})`;
    }
    if (typeof now !== "number" || !Number.isFinite(now) || Math.abs(now) > 8.64e15) {
      return `the guard's clock (options.now) gave ${typeof now === "number" ? String(now) : typeof now}, not a time in ms: the rate limit and the record's time cannot be kept`;
    }
    return now;
  }

  /** Runs a callback, waiting for it at most `ms` (approvalTimeoutMs unless given); never throws. */
  async #bounded<T>(start: () => T | PromiseLike<T>, ms = this.#approvalTimeoutMs): Promise<Bounded<T>> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<Bounded<T>>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, timedOut: true }), ms);
    });
    const settled = Promise.resolve()
      .then(start)
      .then(
        (value): Bounded<T> => ({ ok: true, value }),
        (error: unknown): Bounded<T> => ({ ok: false, timedOut: false, error }),
      );
    try {
      return await Promise.race([settled, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** onCostAlert, for the one answer of the store that said the run's cost reached alert_usd. */
  #alert(spentUsd: number): void {
    const alertUsd = this.policy.budgets.alert_usd;
    if (alertUsd === undefined) return;
    try {
      const result: unknown = this.#options.onCostAlert?.({ spentUsd, alertUsd });
      // An async alert that rejects must not become an unhandled rejection that ends the process.
      if (isThenable(result)) result.then(undefined, () => {});
    } catch {
      // An alert that cannot be delivered must not change a decision.
    }
  }
}

/** The record's view of the call's args: from their snapshot, or why none could be taken (the call is then denied). */
function recordedArgs(view: CallView, audit: Policy["audit"]): RecordedArgs | string {
  return typeof view.args === "string" ? view.args : recordSnapshot(view.args, audit);
}

/** The call's decision span (see startDecisionSpan); none when the tracer fails to start one, which changes no decision. */
function decisionSpan(options: CallOptions | undefined, deferred = true): DecisionSpan | undefined {
  try {
    return startDecisionSpan(readTrace(options), deferred);
  } catch {
    return undefined;
  }
}

/** An attempt with every field from the start (a field added later would change its shape on every call). */
function newAttempt(span: DecisionSpan | undefined): Attempt {
  return { held: false, lease: undefined, scope: undefined, span, approval: undefined };
}

/**
 * The attempt of a call decided over time, with a span: a deferred one when no tracer provider was
 * registered, which still emits a denial if one is by the time the decision ends.
 */
function withSpan(attempt: Attempt, options: CallOptions | undefined): Attempt {
  attempt.span ??= decisionSpan(options);
  return attempt;
}

/** The call's trace context, when the options carry one (anything else is no trace context, not an error). */
function readTrace(options: CallOptions | undefined): TraceParent | undefined {
  try {
    const trace = options?.trace;
    return trace !== null && typeof trace === "object" && typeof trace.traceparent === "string" ? trace : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The call as a callback (approve, onEscalate) is given it: a copy, so a callback that changes
 * what it was given cannot change the call that was decided and is run (the snapshot is shared
 * with the caller's own object when the gateway's args were not copied; see markParsedArgs).
 */
function callbackCopy(view: CallView): GuardCall {
  const { tool, args, context } = view.call as GuardCall;
  const copy = (value: unknown) => {
    const taken = takeSnapshot(value);
    return "value" in taken ? taken.value : undefined;
  };
  return { tool, args: copy(args) as GuardCall["args"], context: copy(context) as GuardCall["context"] };
}

/**
 * Runs fn inside the decision's span; a tracer or context manager that throws before running fn
 * changes nothing (fn runs without the span), one that throws after it is fn's failure (fn is never run twice).
 */
function withinSpan<T>(span: DecisionSpan | undefined, fn: () => T): T {
  if (!span) return fn();
  let ran = false;
  try {
    return span.within(() => {
      ran = true;
      return fn();
    });
  } catch (error) {
    if (ran) throw error;
    return fn();
  }
}

function ignore(): void {
  // The store is away: the lease runs out by itself (store.leaseMs).
}

function isPolicyLoad(value: PolicySource | PolicyLoad): value is PolicyLoad {
  return value !== null && typeof value === "object" && typeof (value as PolicyLoad).ok === "boolean" && !("format" in value);
}
