/**
 * decide(policy, call): allow, deny or require_approval for one tool call. Order: a deny
 * pattern wins; a tool outside the allowlist is denied; a hard limit broken is denied; an
 * approval condition that holds requires approval; otherwise allow. When several allowlist
 * entries match a name (an exact name and globs, or overlapping globs), all of them apply: any
 * broken limit denies and any approval that holds requires approval (the strictest wins). It
 * never throws: a malformed call or policy is denied with the reason.
 *
 * A decision names the policy entries that decided it (`entries`, JSON pointers into the
 * policy, as Cedar's diagnostics name policy ids), so a reviewer, a diff or a gateway can say
 * which entry allowed or denied a call.
 *
 * decide() indexes a policy object once, on first use: mutating a policy afterwards is not
 * seen (loadPolicy returns a frozen policy for that reason).
 */
import type { Policy } from "../../generated/policy.js";
import { escapePointerSegment } from "../load/index.js";
import { brokenLimit, holds, prototypeKeyPath, secondReading, type SecondReading } from "./evaluate.js";
import { indexOf, indexPolicy, resolveTool, type ReadPaths } from "./resolve.js";
import { toolNameProblem } from "./tool-name.js";

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
  /**
   * JSON pointers into the policy of the entries that decided: the deny entry (/deny/3), the
   * broken limit (/tools/<name>/limits/<arg>), the approval gates that hold
   * (/tools/<name>/approval), or every allowlist entry that allowed (/tools/<name>). Empty when
   * nothing in the policy decided (not-allowed, malformed-call, invalid-policy). Frozen: shared
   * between decisions.
   */
  entries: string[];
}

const NO_VALUES: Record<string, unknown> = Object.freeze({});
const NO_ENTRIES = Object.freeze([]) as unknown as string[];

export function decide(policy: Policy, call: unknown): Decision {
  const hash = typeof policy?.hash === "string" ? policy.hash : "";
  try {
    return decideOrThrow(policy, call, hash);
  } catch (error) {
    // A call whose getters throw (or that is malformed in a way evaluation tripped over) is the
    // call's fault; checked here, off the hot path, rather than guarding every read.
    const problem = callProblem(call);
    if (problem) return denial("malformed-call", problem, hash);
    // A policy that did not pass loadPolicy can hold nulls or wrong types anywhere (a deny
    // entry, a tool, a condition): whatever breaks evaluation denies the call.
    const detail = error instanceof Error ? error.message : String(error);
    return denial("invalid-policy", `The policy could not be evaluated for this call (${detail}): it is denied`, hash);
  }
}

function denial(rule: DecisionRule, reason: string, policyHash: string, entries: string[] = NO_ENTRIES): Decision {
  return { decision: "deny", rule, reason, policyHash, entries };
}

function decideOrThrow(policy: Policy, call: unknown, hash: string): Decision {
  // A policy already indexed passed this check when it was indexed.
  let index = policy !== null && typeof policy === "object" ? indexOf(policy) : undefined;
  if (!index && !hasPolicyShape(policy)) return denial("invalid-policy", "The policy is missing or malformed: every call is denied", hash);
  const problem = malformed(call);
  if (problem) return denial("malformed-call", problem, hash);
  index ??= indexPolicy(policy);
  const { tool: name, args = NO_VALUES, context = NO_VALUES } = call as ToolCall;
  const resolved = resolveTool(index, name);
  const fixed = resolved.fixed;
  // A call that is denied whatever its values needs no look at them; any other must not carry
  // a __proto__ key a tool could read as a prototype.
  if (fixed === undefined || fixed.decision !== "deny") {
    const problem = prototypeProblem(args, context);
    if (problem) return denial("malformed-call", problem, index.hash);
  }
  // A copy: the caller owns the decision it gets back (entries is frozen, so it is shared).
  if (fixed)
    return { decision: fixed.decision, rule: fixed.rule, reason: fixed.reason, policyHash: fixed.policyHash, entries: fixed.entries };
  const ambiguous = ambiguityProblem(resolved.paths, args, context);
  if (ambiguous) return denial("malformed-call", ambiguous, index.hash);
  for (const { tool, pointer } of resolved.entries) {
    const broken = brokenLimit(tool.limits, args);
    if (broken)
      return denial("hard-limit", `"${name}": ${broken[1]}`, index.hash, [`${pointer}/limits/${escapePointerSegment(broken[0])}`]);
  }
  let gate: (typeof resolved.entries)[number] | undefined;
  let gates: string[] | undefined;
  for (const entry of resolved.entries) {
    const approval = entry.tool.approval;
    if (!approval || (approval.when !== undefined && !holds(approval.when, args, context))) continue;
    gate ??= entry;
    (gates ??= []).push(`${entry.pointer}/approval`);
  }
  if (gate) {
    const channel = gate.tool.approval!.channel;
    const reason = `"${name}" ${gate.approvalText}`;
    return {
      decision: "require_approval",
      rule: "approval",
      reason,
      policyHash: index.hash,
      entries: gates!,
      ...(channel ? { channel } : {}),
    };
  }
  return {
    decision: "allow",
    rule: "allowed",
    reason: `"${name}" is allowed`,
    policyHash: index.hash,
    entries: resolved.pointers as string[],
  };
}

/**
 * Why the call is malformed because it holds a second reading of a path a limit or condition of
 * its entries reads (a key "payment.amount" beside, or instead of, payment.amount; a key
 * `Amount` or `ſum` a case-insensitive decoder reads as `amount`), or undefined. Which reading a
 * tool takes is the tool's (or its decoder's) choice, so no check of one reading can vouch for
 * the call. Only the keys of objects on those paths are looked at.
 */
function ambiguityProblem(
  paths: ReadPaths | undefined,
  args: Record<string, unknown>,
  context: Record<string, unknown>,
): string | undefined {
  if (paths === undefined) return undefined;
  const { args: argPaths, context: contextPaths } = paths;
  for (let i = 0; i < argPaths.length; i++) {
    const other = secondReading(args, argPaths[i]!);
    if (other !== undefined) return ambiguousReason("args", argPaths[i]!.path, other);
  }
  for (let i = 0; i < contextPaths.length; i++) {
    const other = secondReading(context, contextPaths[i]!);
    if (other !== undefined) return ambiguousReason("context", contextPaths[i]!.path, other);
  }
  return undefined;
}

/** The reason a call holding two readings of a path is denied; the request builders give the same. */
export function ambiguousReason(root: "args" | "context", path: string, reading: SecondReading): string {
  const where = `${root}${reading.other.startsWith("[") ? "" : "."}${reading.other}`;
  const holds = `The call's ${root} ${root === "args" ? "hold" : "holds"} ${where} beside the path ${root}.${path} that a limit or approval condition reads`;
  return reading.exact
    ? `${holds}: a tool may read either, so the call is denied`
    : `${holds}: ${JSON.stringify(reading.key)} reads as ${JSON.stringify(reading.readsAs)} to a decoder that ignores case or compatibility forms (Go's encoding/json, .NET), so a tool may read either and the call is denied`;
}

function prototypeProblem(args: Record<string, unknown>, context: Record<string, unknown>): string | undefined {
  const at =
    (args === NO_VALUES ? undefined : prototypeKeyPath(args, "args")) ??
    (context === NO_VALUES ? undefined : prototypeKeyPath(context, "context"));
  return at === undefined
    ? undefined
    : `The call holds a "__proto__" key (${at}): a tool copying its arguments (Object.assign) would take it as a prototype, with values this decision never checked, so the call is denied`;
}

/**
 * Why decide() denies a call whatever the policy, or undefined: the call, its args or context
 * are not objects (or cannot be read), the tool name is no tool's name (toolNameProblem), or the
 * args or context hold a `__proto__` key at any depth; given the policy, also when they hold a
 * second reading of a path a limit or condition of the tool's entries reads (a key
 * "payment.amount" beside payment.amount, a key `Amount` beside or instead of `amount`). For engines that must refuse what decide() refuses
 * (request builders): whenever it gives a reason decide() denies the call (as malformed-call, or
 * by the deny pattern or allowlist the name meets first), and, given the policy, whenever decide()
 * says malformed-call it gives one. Without the policy, a builder refuses ambiguous paths itself
 * (ambiguousReading over the paths its engine reads).
 */
export function callProblem(call: unknown, policy?: Policy): string | undefined {
  try {
    const shape = malformed(call);
    if (shape) return shape;
    const { tool, args = NO_VALUES, context = NO_VALUES } = call as ToolCall;
    const problem = toolNameProblem(tool) ?? prototypeProblem(args, context);
    if (problem !== undefined || policy === undefined || !hasPolicyShape(policy)) return problem;
    // With the policy: two readings of a path its entries for this tool read.
    const resolved = resolveTool(indexPolicy(policy), tool);
    return resolved.fixed ? undefined : ambiguityProblem(resolved.paths, args, context);
  } catch (error) {
    // A getter or proxy that throws while being read: no tool can be shown what was decided.
    return `The call cannot be read (${error instanceof Error ? error.message : String(error)}): it is denied`;
  }
}

function hasPolicyShape(policy: unknown): policy is Policy {
  if (!policy || typeof policy !== "object") return false;
  const { deny, tools } = policy as Policy;
  return Array.isArray(deny) && tools !== null && typeof tools === "object" && !Array.isArray(tools);
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
