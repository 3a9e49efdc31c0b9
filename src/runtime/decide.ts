/**
 * decide(policy, call): allow, deny or require_approval for one tool call. Order: a deny
 * pattern wins; a tool outside the allowlist is denied; a hard limit broken is denied; an
 * approval condition that holds requires approval; otherwise allow. When several allowlist
 * entries match a name (an exact name and globs, or overlapping globs), all of them apply: any
 * broken limit denies and any approval that holds requires approval (the strictest wins). It
 * never throws: a malformed call or policy is denied with the reason.
 *
 * decide() indexes a policy object once, on first use: mutating a policy afterwards is not
 * seen (loadPolicy returns a frozen policy for that reason).
 */
import type { ArgumentLimit, Condition, Policy, PolicyTool } from "../../generated/policy.js";
import { isPattern } from "./glob.js";
import { addGlob, allMatches, createGlobIndex, firstMatch, type GlobIndex } from "./glob-index.js";

export type DecisionKind = "allow" | "deny" | "require_approval";

export interface ToolCall {
  tool: string;
  args?: Record<string, unknown>;
  context?: { actor?: string; tenant?: string; environment?: string };
}

export type DecisionRule = "deny-pattern" | "not-allowed" | "hard-limit" | "approval" | "allowed" | "malformed-call" | "invalid-policy";

export interface Decision {
  decision: DecisionKind;
  rule: DecisionRule;
  reason: string;
  policyHash: string;
  /** The approval channel, when approval is required. */
  channel?: string;
}

interface ResolvedEntry {
  name: string;
  tool: PolicyTool;
  /** The approval part of the reason ("requires approval when amount > 100: …"), described once. */
  approvalText?: string;
}

interface ResolvedTool {
  /** Every allowlist entry whose name or pattern matches: exact first, then globs in order. */
  entries: ResolvedEntry[];
  /** The decision when it cannot depend on the call's arguments: denied, not allowed, or allowed with no limit or gate. */
  fixed?: Decision;
}

interface DenyEntry {
  pattern: string;
  reason?: string;
}

/** What decide() precomputes once per policy object: no pattern is compiled per call. */
interface PolicyIndex {
  hash: string;
  denyExact: Map<string, DenyEntry>;
  denyGlobs: GlobIndex<DenyEntry>;
  toolsExact: Map<string, PolicyTool>;
  toolGlobs: GlobIndex<{ name: string; tool: PolicyTool }>;
  /** Tool name → resolution, bounded so arbitrary names cannot grow it without limit. */
  cache: Map<string, ResolvedTool>;
}

const MAX_CACHED_NAMES = 4096;
const indexes = new WeakMap<object, PolicyIndex>();
const NO_VALUES: Record<string, unknown> = Object.freeze({});

function indexPolicy(policy: Policy): PolicyIndex {
  let index = indexes.get(policy);
  if (index) return index;
  index = {
    hash: policy.hash,
    denyExact: new Map(),
    denyGlobs: createGlobIndex(),
    toolsExact: new Map(),
    toolGlobs: createGlobIndex(),
    cache: new Map(),
  };
  for (const d of policy.deny) {
    if (isPattern(d.pattern)) addGlob(index.denyGlobs, d.pattern, { pattern: d.pattern, reason: d.reason });
    else if (!index.denyExact.has(d.pattern)) index.denyExact.set(d.pattern, d);
  }
  for (const name of Object.keys(policy.tools)) {
    const tool = policy.tools[name]!;
    if (tool === null || typeof tool !== "object") throw new TypeError(`the allowlist entry "${name}" is not an object`);
    if (isPattern(name)) addGlob(index.toolGlobs, name, { name, tool });
    else index.toolsExact.set(name, tool);
  }
  indexes.set(policy, index);
  return index;
}

function resolveTool(index: PolicyIndex, name: string): ResolvedTool {
  const cached = index.cache.get(name);
  if (cached) return cached;
  const resolved = resolveUncached(index, name);
  if (index.cache.size >= MAX_CACHED_NAMES) index.cache.clear();
  index.cache.set(name, resolved);
  return resolved;
}

/** Everything about a name that does not depend on the call, reasons included, so a cached name costs a Map lookup. */
function resolveUncached(index: PolicyIndex, name: string): ResolvedTool {
  const decision = (kind: DecisionKind, rule: DecisionRule, reason: string): Decision => ({
    decision: kind,
    rule,
    reason,
    policyHash: index.hash,
  });
  const denied = index.denyExact.get(name) ?? firstMatch(index.denyGlobs, name);
  if (denied) {
    const why = denied.reason ? `: ${denied.reason}` : "";
    const by = denied.pattern === name ? "denied by the policy" : `denied by "${denied.pattern}"`;
    return { entries: [], fixed: decision("deny", "deny-pattern", `"${name}" is ${by}${why}`) };
  }
  // All matching entries, not the first: taking the first glob in key order would let a
  // broad "billing.*" without approval shadow "billing.refund*" with one (fail open).
  const exact = index.toolsExact.get(name);
  const entries: ResolvedEntry[] = exact ? [{ name, tool: exact }] : [];
  for (const glob of allMatches(index.toolGlobs, name)) entries.push({ name: glob.name, tool: glob.tool });
  if (entries.length === 0) return { entries, fixed: decision("deny", "not-allowed", `"${name}" is not in the allowlist`) };
  for (const entry of entries) entry.approvalText = entry.tool.approval ? approvalText(entry.tool.approval) : undefined;
  const unconditional = entries.every((e) => !e.tool.limits && !e.tool.approval);
  return unconditional ? { entries, fixed: decision("allow", "allowed", `"${name}" is allowed`) } : { entries };
}

function approvalText(approval: NonNullable<PolicyTool["approval"]>): string {
  const when = approval.when === undefined ? "always requires approval" : `requires approval when ${describeCondition(approval.when)}`;
  return approval.reason ? `${when}: ${approval.reason}` : when;
}

export function decide(policy: Policy, call: unknown): Decision {
  const hash = typeof policy?.hash === "string" ? policy.hash : "";
  try {
    return decideOrThrow(policy, call, hash);
  } catch (error) {
    // A policy that did not pass loadPolicy can hold nulls or wrong types anywhere (a deny
    // entry, a tool, a condition): whatever breaks evaluation denies the call.
    const detail = error instanceof Error ? error.message : String(error);
    return {
      decision: "deny",
      rule: "invalid-policy",
      reason: `The policy could not be evaluated for this call (${detail}): it is denied`,
      policyHash: hash,
    };
  }
}

function decideOrThrow(policy: Policy, call: unknown, hash: string): Decision {
  // A policy already indexed passed this check when it was indexed.
  let index = policy !== null && typeof policy === "object" ? indexes.get(policy) : undefined;
  if (
    !index &&
    (!policy ||
      typeof policy !== "object" ||
      !Array.isArray(policy.deny) ||
      !policy.tools ||
      typeof policy.tools !== "object" ||
      Array.isArray(policy.tools))
  ) {
    return {
      decision: "deny",
      rule: "invalid-policy",
      reason: "The policy is missing or malformed: every call is denied",
      policyHash: hash,
    };
  }
  const problem = malformed(call);
  if (problem) return { decision: "deny", rule: "malformed-call", reason: problem, policyHash: hash };
  index ??= indexPolicy(policy);
  const { tool: name, args = NO_VALUES, context = NO_VALUES } = call as ToolCall;
  const resolved = resolveTool(index, name);
  const fixed = resolved.fixed;
  // A copy: the caller owns the decision it gets back.
  if (fixed) return { decision: fixed.decision, rule: fixed.rule, reason: fixed.reason, policyHash: fixed.policyHash };
  for (const { tool } of resolved.entries) {
    const broken = brokenLimit(tool.limits, args);
    if (broken) return { decision: "deny", rule: "hard-limit", reason: `"${name}": ${broken}`, policyHash: index.hash };
  }
  for (const { tool, approvalText } of resolved.entries) {
    if (tool.approval && (tool.approval.when === undefined || holds(tool.approval.when, args, context))) {
      const channel = tool.approval.channel;
      return {
        decision: "require_approval",
        rule: "approval",
        reason: `"${name}" ${approvalText}`,
        policyHash: index.hash,
        ...(channel ? { channel } : {}),
      };
    }
  }
  return { decision: "allow", rule: "allowed", reason: `"${name}" is allowed`, policyHash: index.hash };
}

function malformed(call: unknown): string | undefined {
  if (!call || typeof call !== "object" || Array.isArray(call)) return "The call is not an object: expected { tool, args?, context? }";
  const { tool, args, context } = call as Record<string, unknown>;
  if (typeof tool !== "string" || tool.length === 0) return "The call has no tool name";
  if (args !== undefined && (args === null || typeof args !== "object" || Array.isArray(args))) return "The call's args must be an object";
  if (context !== undefined && (context === null || typeof context !== "object" || Array.isArray(context)))
    return "The call's context must be an object";
  return undefined;
}

/** Reads an own property along a dotted path, never a prototype's. */
export function readPath(source: unknown, path: string): unknown {
  // Most paths are one name: no split (an array per read was a tenth of a gated decision).
  if (!path.includes(".")) return ownValue(source, path);
  let value: unknown = source;
  for (const key of path.split(".")) {
    value = ownValue(value, key);
    if (value === undefined) return undefined;
  }
  return value;
}

function ownValue(value: unknown, key: string): unknown {
  return value !== null && typeof value === "object" && Object.prototype.hasOwnProperty.call(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function brokenLimit(limits: Record<string, ArgumentLimit> | undefined, args: Record<string, unknown>): string | undefined {
  if (!limits) return undefined;
  for (const arg of Object.keys(limits)) {
    const limit = limits[arg]!;
    const value = readPath(args, arg);
    if (value === undefined) {
      if (limit.required) return `argument "${arg}" is required`;
      continue;
    }
    if (limit.min !== undefined || limit.max !== undefined) {
      // Fail closed: a bound that cannot be checked is broken.
      if (typeof value !== "number" || Number.isNaN(value)) return `argument "${arg}" must be a number`;
      if (limit.max !== undefined && value > limit.max) return `argument "${arg}" is ${value}, above the limit of ${limit.max}`;
      if (limit.min !== undefined && value < limit.min) return `argument "${arg}" is ${value}, below the minimum of ${limit.min}`;
    }
    if (limit.max_length !== undefined) {
      if (typeof value !== "string") return `argument "${arg}" must be a string`;
      if (value.length > limit.max_length) return `argument "${arg}" is ${value.length} characters, above the limit of ${limit.max_length}`;
    }
    if (limit.one_of !== undefined && !limit.one_of.includes(value as string | number | boolean)) {
      return `argument "${arg}" must be one of ${limit.one_of.map((v) => JSON.stringify(v)).join(", ")}`;
    }
  }
  return undefined;
}

/**
 * Whether an approval condition holds. A compared value that is absent does not hold the
 * condition; one of the wrong type for a numeric comparison does (fail closed: ask a human).
 */
export function holds(condition: Condition, args: Record<string, unknown>, context: Record<string, unknown>): boolean {
  if (condition.any && !condition.any.some((c) => holds(c, args, context))) return false;
  if (condition.all && !condition.all.every((c) => holds(c, args, context))) return false;
  if (condition.arg === undefined && condition.context === undefined) return condition.any !== undefined || condition.all !== undefined;
  const value = condition.arg !== undefined ? readPath(args, condition.arg) : readPath(context, condition.context!);
  if (value === undefined) return false;
  const numeric = (bound: number | undefined, test: (v: number, b: number) => boolean): boolean =>
    bound === undefined || typeof value !== "number" || Number.isNaN(value) || test(value, bound);
  return (
    numeric(condition.gt, (v, b) => v > b) &&
    numeric(condition.gte, (v, b) => v >= b) &&
    numeric(condition.lt, (v, b) => v < b) &&
    numeric(condition.lte, (v, b) => v <= b) &&
    (condition.eq === undefined || value === condition.eq) &&
    (condition.ne === undefined || value !== condition.ne) &&
    (condition.in === undefined || condition.in.includes(value as string)) &&
    (condition.not_in === undefined || !condition.not_in.includes(value as string))
  );
}

export function describeCondition(condition: Condition): string {
  const parts: string[] = [];
  if (condition.any) parts.push(condition.any.map(describeCondition).join(" or "));
  if (condition.all) parts.push(condition.all.map(describeCondition).join(" and "));
  const subject = condition.arg !== undefined ? condition.arg : condition.context !== undefined ? `context.${condition.context}` : "";
  const ops: [keyof Condition, string][] = [
    ["gt", ">"],
    ["gte", ">="],
    ["lt", "<"],
    ["lte", "<="],
    ["eq", "="],
    ["ne", "≠"],
    ["in", "in"],
    ["not_in", "not in"],
  ];
  for (const [key, symbol] of ops) if (condition[key] !== undefined) parts.push(`${subject} ${symbol} ${JSON.stringify(condition[key])}`);
  return parts.join(" and ");
}
