/**
 * createGuard: one policy enforced over a whole run. On top of decide() it counts the run
 * against the policy's budgets, asks a reviewer when approval is required, escalates a tool
 * after repeated denials, and writes a hash-chained decision record for every call.
 *
 * Contract: run a tool only when the decision is "allow". authorize() never returns
 * "require_approval": without an approver, or when the approver fails, the call is denied.
 */
import type { Policy } from "../../generated/policy.js";
import { AgentspecError } from "../errors.js";
import { budgetProblem, countCall, newUsage, pruneRecent } from "./budgets.js";
import { decide, type Decision, type DecisionRule, type ToolCall } from "../policy/decide.js";
import { AexEventLog } from "./aex-events.js";
import { argsDigest, RecordChain, recordedArgs, type DecisionRecord, type RecordSink } from "./decision-record.js";
import { denyAllPolicy, tryLoadPolicy, type PolicyLoad, type PolicySource } from "./load-policy.js";

/** The policy entry a budget denial names. */
const BUDGETS = "/budgets";

export interface GuardCall extends ToolCall {
  /** What the call is expected to cost, in US dollars: counted against max_usd_per_loop when it is allowed. */
  costUsd?: number;
}

export type GuardRule = DecisionRule | "budget" | "escalation" | "audit-failed";

export interface GuardDecision extends Omit<Decision, "rule"> {
  rule: GuardRule;
  /** Who approved or rejected the call. */
  reviewer?: string;
  /** The decision record written, when the guard records. */
  record?: DecisionRecord;
}

export interface ApprovalRequest {
  call: GuardCall;
  /** decide()'s require_approval, with its reason and channel. */
  decision: Decision;
}

export interface ApprovalResult {
  /** Only `true` approves. */
  approved: boolean;
  reviewer?: string;
  reason?: string;
}

export interface EscalationEvent {
  tool: string;
  /** Denied attempts at this tool so far in the run. */
  denials: number;
  call: GuardCall;
  decision: GuardDecision;
  /** The policy's handoff destination and message, when it has them. */
  destination?: string;
  message?: string;
}

export interface GuardOptions {
  /** Refuse (and so deny everything) unless the policy's hash is this "sha256:…". */
  pin?: string;
  /** Asked when a call requires approval. Without it such calls are denied. */
  approve?: (request: ApprovalRequest) => ApprovalResult | Promise<ApprovalResult>;
  /** Called once per tool when its denials reach the escalation threshold. */
  onEscalate?: (event: EscalationEvent) => void | Promise<void>;
  /** Denied attempts at one tool before escalating (default: the policy's handoff.escalate_after_denials, else 3). */
  escalateAfterDenials?: number;
  /** Called once, when the run's cost reaches the policy's alert_usd. */
  onCostAlert?: (event: { spentUsd: number; alertUsd: number }) => void;
  /** Where decision records go; none are written without it. */
  record?: RecordSink;
  /**
   * Where to write the run in aex's audit event vocabulary (run.started, tool.allowed,
   * tool.denied, confirm.required, confirm.approved, confirm.denied, budget.exhausted,
   * run.finished), as JSON lines; in addition to, not instead of, the decision records.
   */
  aexEvents?: RecordSink;
  /** Continue an existing chain from its last record (a file path sink continues its file by itself). */
  chainFrom?: { seq: number; hash: string };
  /** The clock, in ms since the epoch (default Date.now): record times and the rate window. */
  now?: () => number;
}

export interface GuardUsage {
  toolCalls: number;
  turn: number;
  spentUsd: number;
  inFlight: number;
  callsLastMinute: number;
  /** Denied attempts per tool. */
  denials: Record<string, number>;
  /** Tools escalated, whose further calls are denied. */
  escalated: string[];
}

/**
 * A guard over a policy given as loadPolicy takes it (file path, JSON text, object) or as a
 * tryLoadPolicy result. The policy is checked (schema, hash, options.pin) here too; one that
 * fails is replaced by a deny-all policy and the reason kept in guard.loadError, so a guard
 * never runs on a policy that was not checked, and creating one never throws for a bad policy.
 */
export function createGuard(policy: PolicySource | PolicyLoad, options: GuardOptions = {}): Guard {
  return new Guard(policy, options);
}

export class Guard {
  /** The policy enforced: a deny-all policy when the one given failed to load. */
  readonly policy: Policy;
  /** Why the policy given was refused, when it was. */
  readonly loadError: AgentspecError | undefined;
  readonly #options: GuardOptions;
  readonly #usage = newUsage();
  readonly #denials = new Map<string, number>();
  readonly #escalated = new Set<string>();
  readonly #chain: RecordChain | undefined;
  readonly #now: () => number;
  readonly #escalateAfter: number;
  readonly #aex: AexEventLog | undefined;
  #alerted = false;

  constructor(source: PolicySource | PolicyLoad, options: GuardOptions = {}) {
    const check = { pin: options.pin };
    const load = isPolicyLoad(source) ? (source.ok ? tryLoadPolicy(source.policy, check) : source) : tryLoadPolicy(source, check);
    this.loadError = load.ok ? undefined : load.error;
    this.policy = load.ok ? load.policy : denyAllPolicy(`the policy could not load: ${load.error.message}`);
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#escalateAfter = options.escalateAfterDenials ?? this.policy.handoff?.escalate_after_denials ?? 3;
    if (!Number.isInteger(this.#escalateAfter) || this.#escalateAfter < 1) {
      throw new AgentspecError("BAD_ARGUMENT", `escalateAfterDenials must be a whole number of at least 1, not ${this.#escalateAfter}`);
    }
    this.#chain = options.record === undefined ? undefined : new RecordChain(options.record, options.chainFrom);
    this.#aex = options.aexEvents === undefined ? undefined : new AexEventLog(options.aexEvents, this.policy.agent);
  }

  /** The final decision for one call: allow or deny, after budgets, approval and escalation; recorded. */
  async authorize(call: GuardCall): Promise<GuardDecision> {
    return this.#authorize(call, false);
  }

  /**
   * authorize(), then execute() only when allowed. Calls in execute() count against
   * max_concurrency, which only calls made through run() can be held to.
   */
  async run<T>(call: GuardCall, execute: () => T | Promise<T>): Promise<{ decision: GuardDecision; result?: T }> {
    const decision = await this.#authorize(call, true);
    if (decision.decision !== "allow") return { decision };
    try {
      return { decision, result: await execute() };
    } finally {
      this.#usage.inFlight -= 1;
    }
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
    this.#usage.spentUsd += usd;
    this.#maybeAlert();
  }

  /** Ends the run: writes aex's run.finished (when aexEvents is set). Calls after it are still decided and recorded. */
  finish(status: "success" | "failed" | "aborted" = "success"): void {
    this.#aex?.finish(status);
  }

  usage(): GuardUsage {
    pruneRecent(this.#usage, this.#now());
    const { toolCalls, turn, spentUsd, inFlight, recentCalls } = this.#usage;
    return {
      toolCalls,
      turn,
      spentUsd,
      inFlight,
      callsLastMinute: recentCalls.length,
      denials: Object.fromEntries(this.#denials),
      escalated: [...this.#escalated],
    };
  }

  async #authorize(call: GuardCall, reserveSlot: boolean): Promise<GuardDecision> {
    const tool = toolName(call);
    let decision = this.#evaluate(call, tool, reserveSlot);
    if (decision.decision === "require_approval") {
      this.#aex?.emit({ event: "confirm.required", tool: tool!, ...(decision.channel ? { channel: decision.channel } : {}) });
      decision = await this.#askApproval(call, decision, reserveSlot);
      this.#aexConfirmation(tool!, decision);
    }
    if (decision.decision === "deny" && tool !== undefined && decision.rule !== "escalation")
      decision = await this.#countDenial(call, tool, decision);
    return this.#record(call, tool, decision, reserveSlot);
  }

  /** confirm.approved, or confirm.denied when the reviewer rejected it or could not be asked. */
  #aexConfirmation(tool: string, decision: GuardDecision): void {
    if (!this.#aex) return;
    const reviewer = decision.reviewer ? { reviewer: decision.reviewer } : {};
    if (decision.rule === "approval" && decision.decision === "allow") this.#aex.emit({ event: "confirm.approved", tool, ...reviewer });
    else if (decision.rule === "approval") this.#aex.emit({ event: "confirm.denied", tool, ...reviewer, reason: decision.reason });
    // An approved call a budget then denies was approved: its denial follows as budget.exhausted.
    else this.#aex.emit({ event: "confirm.approved", tool, ...reviewer });
  }

  #aexOutcome(tool: string | undefined, decision: GuardDecision): void {
    if (!this.#aex) return;
    if (decision.decision === "allow") return this.#aex.allowed(tool!);
    if (decision.rule === "budget") this.#aex.emit({ event: "budget.exhausted", tool: tool ?? null, reason: decision.reason });
    this.#aex.emit({ event: "tool.denied", tool: tool ?? null, reason: decision.reason });
  }

  /** Everything that needs no waiting: escalation, decide(), and the budgets (an allowed call is counted here). */
  #evaluate(call: GuardCall, tool: string | undefined, reserveSlot: boolean): GuardDecision {
    const hash = this.policy.hash;
    if (tool !== undefined && this.#escalated.has(tool)) {
      const times = this.#denials.get(tool) ?? 0;
      return {
        decision: "deny",
        rule: "escalation",
        reason: `"${tool}" was escalated after ${times} denied attempts: further calls to it are denied for this run`,
        policyHash: hash,
        entries: [],
      };
    }
    const cost = costOf(call);
    if (typeof cost === "string") return { decision: "deny", rule: "malformed-call", reason: cost, policyHash: hash, entries: [] };
    const decided: GuardDecision = decide(this.policy, call);
    if (decided.decision === "deny") return decided;
    const over = budgetProblem(this.policy.budgets, this.#usage, this.#now(), cost, reserveSlot);
    if (over) return { decision: "deny", rule: "budget", reason: `"${tool}" is denied: ${over}`, policyHash: hash, entries: [BUDGETS] };
    if (decided.decision === "allow") this.#admit(cost, reserveSlot);
    return decided;
  }

  async #askApproval(call: GuardCall, decision: GuardDecision, reserveSlot: boolean): Promise<GuardDecision> {
    const tool = toolName(call)!;
    const base = { policyHash: decision.policyHash, entries: decision.entries, ...(decision.channel ? { channel: decision.channel } : {}) };
    const approve = this.#options.approve;
    if (!approve)
      return { ...base, decision: "deny", rule: "approval", reason: `${decision.reason}; no approver is configured, so it is denied` };
    let answer: ApprovalResult;
    try {
      answer = await approve({ call, decision: decision as Decision });
    } catch (error) {
      return {
        ...base,
        decision: "deny",
        rule: "approval",
        reason: `${decision.reason}; asking for approval failed (${errorMessage(error)}), so it is denied`,
      };
    }
    const reviewer = typeof answer?.reviewer === "string" && answer.reviewer !== "" ? answer.reviewer : undefined;
    const by = reviewer ? ` by ${reviewer}` : "";
    const why = typeof answer?.reason === "string" && answer.reason !== "" ? `: ${answer.reason}` : "";
    const withReviewer = reviewer ? { reviewer } : {};
    if (answer?.approved !== true)
      return { ...base, ...withReviewer, decision: "deny", rule: "approval", reason: `"${tool}" was rejected${by}${why}` };
    // Budgets are checked again: other calls may have used them while the reviewer decided.
    const cost = costOf(call) as number;
    const over = budgetProblem(this.policy.budgets, this.#usage, this.#now(), cost, reserveSlot);
    if (over)
      return {
        ...base,
        ...withReviewer,
        decision: "deny",
        rule: "budget",
        reason: `"${tool}" was approved${by} but is denied: ${over}`,
        entries: [BUDGETS],
      };
    this.#admit(cost, reserveSlot);
    return { ...base, ...withReviewer, decision: "allow", rule: "approval", reason: `"${tool}" was approved${by}${why}` };
  }

  #admit(cost: number, reserveSlot: boolean): void {
    countCall(this.#usage, this.#now(), cost);
    if (reserveSlot) this.#usage.inFlight += 1;
    this.#maybeAlert();
  }

  async #countDenial(call: GuardCall, tool: string, decision: GuardDecision): Promise<GuardDecision> {
    const denials = (this.#denials.get(tool) ?? 0) + 1;
    this.#denials.set(tool, denials);
    if (denials < this.#escalateAfter) return decision;
    this.#escalated.add(tool);
    const handoff = this.policy.handoff;
    const to = handoff?.destination ? `escalated to ${handoff.destination}` : "escalated";
    let escalated: GuardDecision = {
      ...decision,
      rule: "escalation",
      reason: `${decision.reason}; ${to} after ${denials} denied attempts at "${tool}": further calls to it are denied for this run`,
    };
    try {
      await this.#options.onEscalate?.({
        tool,
        denials,
        call,
        decision: escalated,
        destination: handoff?.destination,
        message: handoff?.message,
      });
    } catch (error) {
      escalated = { ...escalated, reason: `${escalated.reason} (the escalation callback failed: ${errorMessage(error)})` };
    }
    return escalated;
  }

  /**
   * Writes the decision record, and the aex outcome event in the same order as the records: both
   * before waiting for the sink. An allowed call whose record then fails is denied, and its aex
   * tool.allowed followed by a tool.denied.
   */
  async #record(call: GuardCall, tool: string | undefined, decision: GuardDecision, reserveSlot: boolean): Promise<GuardDecision> {
    if (!this.#chain) {
      this.#aexOutcome(tool, decision);
      return decision;
    }
    const context = contextOf(call);
    const { record, written } = this.#chain.append({
      time: new Date(this.#now()).toISOString(),
      agent: this.policy.agent.id,
      policyHash: this.policy.hash,
      tool: tool ?? null,
      argsDigest: argsDigest(isObject(call) ? call.args : undefined),
      ...optional("args", recordedArgs(isObject(call) ? call.args : undefined, this.policy.audit)),
      ...context,
      decision: decision.decision,
      rule: decision.rule,
      reason: decision.reason,
      ...optional("reviewer", decision.reviewer),
    });
    this.#aexOutcome(tool, decision);
    try {
      await written;
    } catch (error) {
      // An allowed call that leaves no record is not allowed (fail closed).
      if (decision.decision !== "allow") return { ...decision, record };
      if (reserveSlot) this.#usage.inFlight -= 1;
      const denied: GuardDecision = {
        ...decision,
        decision: "deny",
        rule: "audit-failed",
        reason: `The decision record could not be written (${errorMessage(error)}): "${tool}" is denied`,
        record,
      };
      this.#aexOutcome(tool, denied);
      return denied;
    }
    return { ...decision, record };
  }

  #maybeAlert(): void {
    const alertUsd = this.policy.budgets.alert_usd;
    if (this.#alerted || alertUsd === undefined || this.#usage.spentUsd < alertUsd) return;
    this.#alerted = true;
    try {
      this.#options.onCostAlert?.({ spentUsd: this.#usage.spentUsd, alertUsd });
    } catch {
      // An alert that cannot be delivered must not change a decision.
    }
  }
}

function isPolicyLoad(value: PolicySource | PolicyLoad): value is PolicyLoad {
  return value !== null && typeof value === "object" && typeof (value as PolicyLoad).ok === "boolean" && !("format" in value);
}

function isObject(call: unknown): call is GuardCall {
  return call !== null && typeof call === "object" && !Array.isArray(call);
}

function toolName(call: unknown): string | undefined {
  return isObject(call) && typeof call.tool === "string" && call.tool !== "" ? call.tool : undefined;
}

/** The call's cost, or why it is malformed. */
function costOf(call: unknown): number | string {
  const cost = isObject(call) ? call.costUsd : undefined;
  if (cost === undefined) return 0;
  return typeof cost === "number" && Number.isFinite(cost) && cost >= 0
    ? cost
    : "The call's costUsd must be a number of US dollars, 0 or more";
}

function contextOf(call: unknown): { actor?: string; tenant?: string; environment?: string } {
  const context = (isObject(call) && isObject(call.context) ? call.context : {}) as Record<string, unknown>;
  const out: { actor?: string; tenant?: string; environment?: string } = {};
  for (const key of ["actor", "tenant", "environment"] as const) if (typeof context[key] === "string") out[key] = context[key];
  return out;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
