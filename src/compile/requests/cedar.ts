/**
 * The Cedar request for one tool call against policies from the `cedar` target, and how to read
 * Cedar's two answers back as allow / deny / require_approval (the mapping is in the target's
 * docs and README "The Cedar mapping"). Pure data: the caller passes it to its Cedar engine.
 */
import type { Policy } from "../../../generated/policy.js";
import { ambiguousReading, ambiguousReason, foldToolName, readPath, type DecisionKind } from "../../policy/index.js";
import { malformedReason } from "./call-shape.js";
import { cedarSubjects, decimalText, isCedarDecimal, MALFORMED_ACTION } from "../targets/cedar.js";
import { valueType } from "./value-type.js";

type CedarValue = string | boolean | number | { __extn: { fn: string; arg: string } } | CedarValue[] | { [key: string]: CedarValue };

export interface CedarRequest {
  principal: { type: string; id: string };
  action: { type: string; id: string };
  resource: { type: string; id: string };
  context: Record<string, CedarValue>;
}

/**
 * The request for `call`; `approved` says a human has approved this call. `subjects` is
 * `cedarSubjects(policy)`, to compute once per policy. A call decide() rejects as malformed is
 * asked as the action no policy permits.
 */
export function cedarRequest(policy: Policy, call: unknown, approved: boolean, subjects = cedarSubjects(policy)): CedarRequest {
  const principal = { type: "Agentspec::Agent", id: policy.agent.id };
  const malformedCall = (reason: string): CedarRequest => {
    const tool = (call as { tool?: unknown } | null)?.tool;
    return {
      principal,
      action: { type: "Agentspec::Action", id: MALFORMED_ACTION },
      resource: { type: "Agentspec::Tool", id: typeof tool === "string" ? tool : "" },
      context: { reason },
    };
  };
  const problem = malformedReason(call);
  if (problem !== undefined) return malformedCall(problem);
  const { tool, args = {}, context = {} } = call as { tool: string; args?: object; context?: object };
  // Two readings of a path the policies read (a key "a.b" beside a.b): malformed, as decide() says
  // for the paths of the tool's own entries (this checks every subject: stricter, never looser).
  for (const key of subjects) {
    const [root, path] = key.startsWith("args.") ? (["args", key.slice(5)] as const) : (["context", key.slice(8)] as const);
    const other = ambiguousReading(root === "args" ? args : context, path);
    if (other !== undefined) return malformedCall(ambiguousReason(root, path, other));
  }
  // Records keyed by "args.<path>" / "context.<field>": a key is never "__proto__", so plain objects are safe.
  const records: Record<"types" | "strings" | "numbers" | "bools" | "lengths", Record<string, CedarValue>> = {
    types: {},
    strings: {},
    numbers: {},
    bools: {},
    lengths: {},
  };
  for (const key of subjects) {
    const value = key.startsWith("args.") ? readPath(args, key.slice("args.".length)) : readPath(context, key.slice("context.".length));
    const type = valueType(value);
    if (type === "absent") continue;
    records.types[key] = type;
    if (typeof value === "string") {
      records.strings[key] = value;
      // UTF-16 code units, as decide() counts max_length.
      records.lengths[key] = value.length;
    }
    if (typeof value === "boolean") records.bools[key] = value;
    if (typeof value === "number" && isCedarDecimal(value)) records.numbers[key] = { __extn: { fn: "decimal", arg: decimalText(value) } };
  }
  const folded = foldToolName(tool);
  return {
    principal,
    action: { type: "Agentspec::Action", id: "call" },
    resource: { type: "Agentspec::Tool", id: tool },
    context: { tool, tool_length: tool.length, folded_tool: folded, folded_tool_length: folded.length, approved, ...records },
  };
}

/** Cedar's answers without and with approval → the agentspec decision. */
export function fromCedarDecisions(unapproved: "allow" | "deny", approved: "allow" | "deny"): DecisionKind {
  if (unapproved === "allow") return "allow";
  return approved === "allow" ? "require_approval" : "deny";
}
