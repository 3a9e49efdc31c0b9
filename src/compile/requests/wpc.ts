/**
 * What a runtime must supply to a Work Policy Contract from the `wpc` target: the request
 * context for one tool call (`wpcRequestContext`), and how to read WPC's two answers back as
 * allow / deny / require_approval (`fromWpcDecisions`). Ask the WPC engine for action
 * `tool:execute` on resource <tool name> with this context, once unapproved and, if that is
 * denied, once approved. WPC context values are strings, so every typed fact about an
 * argument is its own key; the contract is self-describing: only the keys its statements read
 * are supplied. Pure data, no engine: the caller passes it to its WPC evaluator.
 */
import { ambiguousReading, foldToolName, readPath, type DecisionKind } from "../../policy/index.js";
import { malformedReason } from "./call-shape.js";
import { valueType } from "./value-type.js";

/** The request keys the contract reads, beyond WPC's built-in Request:HasHumanApproval. */
export const WPC_CONTEXT = {
  /** "well-formed" when decide() would not reject the call as malformed; any other value (or none) is denied. */
  call: "Agentspec:Call",
  /** The tool name, with "/" written as U+0000 so WPC's `*` and `?` (which stop at "/") match as decide()'s do. */
  tool: "Agentspec:Tool",
  /** The folded reading of the tool name deny patterns are matched against (see foldToolName), "/" written as U+0000. */
  foldedTool: "Agentspec:FoldedTool",
  /** "true" when the folded reading differs from the name as written (a respelling of some name), else "false". */
  respelled: "Agentspec:Respelled",
  approval: "Request:HasHumanApproval",
  argValue: "Tool:Arg:",
  argType: "Tool:ArgType:",
  argLength: "Tool:ArgLength:",
} as const;

export const WELL_FORMED = "well-formed";

/** The call context fields a condition may read, and their key in the WPC request. */
export const CONTEXT_FIELDS = { actor: "Request:Actor", tenant: "Request:Tenant", environment: "Request:Environment" } as const;

/** WPC's globs stop at "/": both sides of a match write it as U+0000, which no well-formed tool name holds. */
export function encodeSlashes(text: string): string {
  return text.replaceAll("/", "\u0000");
}

/** The string WPC compares for a value: a string itself, a finite number as JavaScript prints it (parseFloat reads it back exactly), a boolean as "true"/"false". */
export function wpcValueText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * The request context for `call` against `contract`; `approved` says a human has approved this
 * call. A malformed call gets only the keys that deny it.
 */
export function wpcRequestContext(contract: unknown, call: unknown, approved: boolean): Record<string, string> {
  const context: Record<string, string> = Object.create(null);
  context[WPC_CONTEXT.approval] = approved ? "true" : "false";
  const problem = malformedReason(call);
  if (problem !== undefined) {
    context[WPC_CONTEXT.call] = "malformed";
    return { ...context };
  }
  const { tool, args = {}, context: callContext = {} } = call as { tool: string; args?: object; context?: object };
  // Two readings of a path the contract reads (a key "a.b" beside a.b, a key "Amount" beside or
  // instead of amount): malformed, as decide() says for the paths of the tool's own entries (this
  // checks every statement's: stricter).
  for (const key of contextKeys(contract)) {
    const path = argPathOf(key);
    const field = path === undefined ? contextFieldOf(key) : undefined;
    if (
      (path !== undefined && ambiguousReading(args, path) !== undefined) ||
      (field !== undefined && ambiguousReading(callContext, field) !== undefined)
    ) {
      context[WPC_CONTEXT.call] = "malformed";
      return { ...context };
    }
  }
  context[WPC_CONTEXT.call] = WELL_FORMED;
  context[WPC_CONTEXT.tool] = encodeSlashes(tool);
  const folded = foldToolName(tool);
  context[WPC_CONTEXT.foldedTool] = encodeSlashes(folded);
  context[WPC_CONTEXT.respelled] = folded === tool ? "false" : "true";
  for (const key of contextKeys(contract)) {
    const fact = factFor(key, args, callContext);
    if (fact !== undefined) context[key] = fact;
  }
  return { ...context };
}

/** WPC's answers without and with approval → the agentspec decision. */
export function fromWpcDecisions(unapproved: "ALLOW" | "DENY", approved: "ALLOW" | "DENY"): DecisionKind {
  if (unapproved === "ALLOW") return "allow";
  return approved === "ALLOW" ? "require_approval" : "deny";
}

/** The keys of each contract object, read once (a runtime asks about the same contract for every call). */
const keysByContract = new WeakMap<object, Set<string>>();

/** Every condition key the contract's statements read. The contract is data: anything malformed reads as no keys. */
function contextKeys(contract: unknown): Set<string> {
  if (contract === null || typeof contract !== "object") return new Set();
  let keys = keysByContract.get(contract);
  if (!keys) {
    keys = readContextKeys(contract);
    keysByContract.set(contract, keys);
  }
  return keys;
}

function readContextKeys(contract: object): Set<string> {
  const keys = new Set<string>();
  const statements = (contract as { statements?: unknown } | null)?.statements;
  if (!Array.isArray(statements)) return keys;
  for (const statement of statements) {
    const conditions = (statement as { conditions?: unknown } | null)?.conditions;
    if (conditions === null || typeof conditions !== "object") continue;
    for (const map of Object.values(conditions)) {
      if (map !== null && typeof map === "object") for (const key of Object.keys(map)) keys.add(key);
    }
  }
  return keys;
}

/** The argument path a condition key reads, or undefined for a key about the tool or the call's context. */
function argPathOf(key: string): string | undefined {
  for (const prefix of [WPC_CONTEXT.argType, WPC_CONTEXT.argLength, WPC_CONTEXT.argValue])
    if (key.startsWith(prefix)) return key.slice(prefix.length);
  return undefined;
}

/** The call context field a condition key reads (Request:Environment, Request:EnvironmentType), or undefined. */
function contextFieldOf(key: string): string | undefined {
  for (const [field, valueKey] of Object.entries(CONTEXT_FIELDS)) if (key === valueKey || key === valueKey + "Type") return field;
  return undefined;
}

function factFor(key: string, args: object, callContext: object): string | undefined {
  if (key.startsWith(WPC_CONTEXT.argType)) return valueType(readPath(args, key.slice(WPC_CONTEXT.argType.length)));
  if (key.startsWith(WPC_CONTEXT.argLength)) {
    const value = readPath(args, key.slice(WPC_CONTEXT.argLength.length));
    // UTF-16 code units, as decide() counts max_length.
    return typeof value === "string" ? String(value.length) : undefined;
  }
  if (key.startsWith(WPC_CONTEXT.argValue)) return wpcValueText(readPath(args, key.slice(WPC_CONTEXT.argValue.length)));
  for (const [field, valueKey] of Object.entries(CONTEXT_FIELDS)) {
    if (key === valueKey) return wpcValueText(readPath(callContext, field));
    if (key === valueKey + "Type") return valueType(readPath(callContext, field));
  }
  return undefined;
}
