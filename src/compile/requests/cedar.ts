/**
 * The Cedar request for one tool call against policies from the `cedar` target, and how to read
 * Cedar's two answers back as allow / deny / require_approval (the mapping is described in
 * src/compile/targets/cedar.ts). Pure data: the caller passes it to its Cedar engine.
 */
import type { Policy } from "../../../generated/policy.js";
import { cedarArgTypes, decimalText, isCedarDecimal, type CedarArgType } from "../targets/cedar.js";
import { readPath, type DecisionKind, type ToolCall } from "../../policy/index.js";

type CedarValue = string | boolean | number | { __extn: { fn: string; arg: string } } | CedarValue[] | { [key: string]: CedarValue };

export interface CedarRequest {
  principal: { type: string; id: string };
  action: { type: string; id: string };
  resource: { type: string; id: string };
  context: Record<string, CedarValue>;
}

const CALL_CONTEXT_FIELDS = ["actor", "tenant", "environment"] as const;

/** The request for `call`; `approved` says a human has approved this call. */
export function cedarRequest(policy: Policy, call: ToolCall, approved: boolean, types = cedarArgTypes(policy)): CedarRequest {
  const args: Record<string, CedarValue> = {};
  const lengths: Record<string, CedarValue> = {};
  const mistyped: string[] = [];
  for (const [path, type] of types) {
    const value = readPath(call.args ?? {}, path);
    if (value === undefined) continue;
    const cedarValue = typed(value, type);
    if (cedarValue === undefined) mistyped.push("args." + path);
    else {
      args[path] = cedarValue;
      // UTF-16 code units, as decide() counts max_length.
      if (typeof value === "string") lengths[path] = value.length;
    }
  }
  const callContext: Record<string, CedarValue> = {};
  for (const field of CALL_CONTEXT_FIELDS) {
    const value = readPath(call.context ?? {}, field);
    if (value === undefined) continue;
    if (typeof value === "string") callContext[field] = value;
    else mistyped.push("call_context." + field);
  }
  return {
    principal: { type: "Agentspec::Agent", id: policy.agent.id },
    action: { type: "Agentspec::Action", id: "call" },
    resource: { type: "Agentspec::Tool", id: call.tool },
    context: { tool: call.tool, args, arg_lengths: lengths, call_context: callContext, mistyped, approved },
  };
}

function typed(value: unknown, type: CedarArgType): CedarValue | undefined {
  if (type === "decimal") {
    return typeof value === "number" && isCedarDecimal(value) ? { __extn: { fn: "decimal", arg: decimalText(value) } } : undefined;
  }
  if (type === "Bool") return typeof value === "boolean" ? value : undefined;
  return typeof value === "string" ? value : undefined;
}

/** Cedar's answers without and with approval → the agentspec decision. */
export function fromCedarDecisions(unapproved: "allow" | "deny", approved: "allow" | "deny"): DecisionKind {
  if (unapproved === "allow") return "allow";
  return approved === "allow" ? "require_approval" : "deny";
}
