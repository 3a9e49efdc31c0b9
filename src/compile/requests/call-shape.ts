/**
 * Whether decide() rejects a call as malformed, from decide()'s own check (callProblem), so a
 * request builder never judges a call's shape otherwise than decide() does: a name that is no
 * name, args or context that are not objects, a `__proto__` key at any depth.
 */
import { callProblem } from "../../policy/index.js";

/** decide()'s reason for refusing the call whatever the policy, or undefined when it is well-formed. */
export function malformedReason(call: unknown): string | undefined {
  return callProblem(call);
}
