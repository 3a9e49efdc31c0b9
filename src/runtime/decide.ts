/**
 * decide(policy, call): allow, deny or require_approval for one tool call. Order: a deny
 * pattern wins; a tool outside the allowlist is denied; a hard limit broken is denied; an
 * approval condition that holds requires approval; otherwise allow. It never throws: a
 * malformed call or policy is denied with the reason.
 */
import type { ArgumentLimit, Condition, Policy, PolicyTool } from "../../generated/policy.js";
import { compilePattern, isPattern, matchToolPattern, type CompiledPattern } from "./glob.js";

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

interface ResolvedTool {
  denied?: { pattern: string; reason?: string };
  entry?: { name: string; tool: PolicyTool };
}

/** What decide() precomputes once per policy object: no pattern is compiled per call. */
interface PolicyIndex {
  hash: string;
  denyExact: Map<string, { pattern: string; reason?: string }>;
  denyGlobs: { compiled: CompiledPattern; pattern: string; reason?: string }[];
  toolsExact: Map<string, PolicyTool>;
  toolGlobs: { compiled: CompiledPattern; name: string; tool: PolicyTool }[];
  /** Tool name → resolution, bounded so arbitrary names cannot grow it without limit. */
  cache: Map<string, ResolvedTool>;
}

const MAX_CACHED_NAMES = 4096;
const indexes = new WeakMap<object, PolicyIndex>();

function indexPolicy(policy: Policy): PolicyIndex {
  let index = indexes.get(policy);
  if (index) return index;
  index = { hash: policy.hash, denyExact: new Map(), denyGlobs: [], toolsExact: new Map(), toolGlobs: [], cache: new Map() };
  for (const d of policy.deny) {
    if (isPattern(d.pattern)) index.denyGlobs.push({ compiled: compilePattern(d.pattern), pattern: d.pattern, reason: d.reason });
    else if (!index.denyExact.has(d.pattern)) index.denyExact.set(d.pattern, d);
  }
  for (const name of Object.keys(policy.tools)) {
    const tool = policy.tools[name]!;
    if (isPattern(name)) index.toolGlobs.push({ compiled: compilePattern(name), name, tool });
    else index.toolsExact.set(name, tool);
  }
  indexes.set(policy, index);
  return index;
}

function resolveTool(index: PolicyIndex, name: string): ResolvedTool {
  const cached = index.cache.get(name);
  if (cached) return cached;
  let resolved: ResolvedTool = {};
  const denied = index.denyExact.get(name) ?? index.denyGlobs.find((d) => matchToolPattern(d.compiled, name));
  if (denied) resolved = { denied: { pattern: denied.pattern, reason: denied.reason } };
  else {
    const exact = index.toolsExact.get(name);
    if (exact) resolved = { entry: { name, tool: exact } };
    else {
      const glob = index.toolGlobs.find((g) => matchToolPattern(g.compiled, name));
      if (glob) resolved = { entry: { name: glob.name, tool: glob.tool } };
    }
  }
  if (index.cache.size >= MAX_CACHED_NAMES) index.cache.clear();
  index.cache.set(name, resolved);
  return resolved;
}

export function decide(policy: Policy, call: unknown): Decision {
  const hash = typeof policy?.hash === "string" ? policy.hash : "";
  if (!policy || typeof policy !== "object" || !Array.isArray(policy.deny) || !policy.tools || typeof policy.tools !== "object") {
    return { decision: "deny", rule: "invalid-policy", reason: "The policy is missing or malformed: every call is denied", policyHash: hash };
  }
  const problem = malformed(call);
  if (problem) return { decision: "deny", rule: "malformed-call", reason: problem, policyHash: hash };
  const { tool: name, args = {}, context = {} } = call as ToolCall;
  const index = indexPolicy(policy);
  const resolved = resolveTool(index, name);
  if (resolved.denied) {
    const why = resolved.denied.reason ? `: ${resolved.denied.reason}` : "";
    const by = resolved.denied.pattern === name ? "denied by the policy" : `denied by "${resolved.denied.pattern}"`;
    return { decision: "deny", rule: "deny-pattern", reason: `"${name}" is ${by}${why}`, policyHash: index.hash };
  }
  if (!resolved.entry) {
    return { decision: "deny", rule: "not-allowed", reason: `"${name}" is not in the allowlist`, policyHash: index.hash };
  }
  const { tool } = resolved.entry;
  const broken = brokenLimit(tool.limits, args);
  if (broken) return { decision: "deny", rule: "hard-limit", reason: `"${name}": ${broken}`, policyHash: index.hash };
  if (tool.approval && (tool.approval.when === undefined || holds(tool.approval.when, args, context))) {
    const channel = tool.approval.channel;
    const why = tool.approval.when === undefined ? "always requires approval" : `requires approval when ${describeCondition(tool.approval.when)}`;
    return { decision: "require_approval", rule: "approval", reason: `"${name}" ${why}`, policyHash: index.hash, ...(channel ? { channel } : {}) };
  }
  return { decision: "allow", rule: "allowed", reason: `"${name}" is allowed`, policyHash: index.hash };
}

function malformed(call: unknown): string | undefined {
  if (!call || typeof call !== "object" || Array.isArray(call)) return "The call is not an object: expected { tool, args?, context? }";
  const { tool, args, context } = call as Record<string, unknown>;
  if (typeof tool !== "string" || tool.length === 0) return "The call has no tool name";
  if (args !== undefined && (args === null || typeof args !== "object" || Array.isArray(args))) return "The call's args must be an object";
  if (context !== undefined && (context === null || typeof context !== "object" || Array.isArray(context))) return "The call's context must be an object";
  return undefined;
}

/** Reads an own property along a dotted path, never a prototype's. */
export function readPath(source: unknown, path: string): unknown {
  let value: unknown = source;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object" || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
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
  const ops: [keyof Condition, string][] = [["gt", ">"], ["gte", ">="], ["lt", "<"], ["lte", "<="], ["eq", "="], ["ne", "≠"], ["in", "in"], ["not_in", "not in"]];
  for (const [key, symbol] of ops) if (condition[key] !== undefined) parts.push(`${subject} ${symbol} ${JSON.stringify(condition[key])}`);
  return parts.join(" and ");
}
