/**
 * Whether decide() rejects a call as malformed, asked of decide() itself, so a request builder
 * can never judge a call's shape otherwise than decide() does (a name that is no name, args or
 * context that are not objects, and whatever else decide() refuses).
 */
import { decide, policyHash, type Policy } from "../../policy/index.js";

const unhashed: Omit<Policy, "hash"> = {
  format: "agentspec-policy/1",
  agent: { id: "shape-check", version: "0" },
  default: "deny",
  deny: [],
  tools: {},
  budgets: {},
};
const NOTHING_ALLOWED: Policy = Object.freeze({ ...unhashed, hash: policyHash(unhashed) });

/** decide()'s reason for refusing the call as malformed, or undefined when it is well-formed. */
export function malformedReason(call: unknown): string | undefined {
  const decision = decide(NOTHING_ALLOWED, call);
  return decision.rule === "malformed-call" ? decision.reason : undefined;
}
