/** What the gateway answers in place of the server: a denied tool call, and the visibility of listed tools. */
import type { Policy } from "../../../generated/policy.js";
import { decide } from "../../policy/decide.js";

/** The `_meta` key of the decision on a result the gateway wrote itself. */
export const DECISION_META_KEY = "agentspec/decision";

export interface DeniedCall {
  rule: string;
  reason: string;
  policyHash: string;
  /** The policy entries that decided it (JSON pointers), when the policy did. */
  entries?: readonly string[];
}

/**
 * A denied call as a tool result with isError, not a JSON-RPC error: MCP hands tool errors to
 * the model, which can then correct itself, where a protocol error usually ends the turn.
 * `modern` marks a 2026-07-28 request, whose results say they are complete.
 */
export function deniedToolResult(denial: DeniedCall, modern: boolean): Record<string, unknown> {
  const text = `agentspec denied this call (${denial.rule}): ${denial.reason}. Policy ${denial.policyHash}.`;
  return {
    content: [{ type: "text", text }],
    isError: true,
    _meta: {
      [DECISION_META_KEY]: {
        decision: "deny",
        rule: denial.rule,
        reason: denial.reason,
        policyHash: denial.policyHash,
        entries: [...(denial.entries ?? [])],
      },
    },
    ...(modern ? { resultType: "complete" } : {}),
  };
}

/**
 * Whether a tool is listed: decide() on its name with no arguments, and the tool is hidden when
 * that decision is a denial no arguments could change (a deny pattern, outside the allowlist, a
 * malformed name — controls, invisible characters, empty segments, which a dispatcher may strip
 * into another tool's name —, a policy that cannot be evaluated). A denial by a hard limit depends on the
 * arguments (a required argument is absent here), so such a tool is listed and each call decided.
 */
export function listVisibility(policy: Policy, name: string): { visible: true } | { visible: false; rule: string; reason: string } {
  const decision = decide(policy, { tool: name });
  if (decision.decision !== "deny" || decision.rule === "hard-limit") return { visible: true };
  return { visible: false, rule: decision.rule, reason: decision.reason };
}
