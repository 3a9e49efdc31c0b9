/**
 * One allowlist entry as a policy of its own. decide() over a policy that holds only the entry
 * (or only one of its gates or limits) answers "what does this entry make of this call", with
 * decide()'s own semantics for absent, mistyped and malformed values: the diff never keeps a
 * second copy of how a condition or a limit is evaluated.
 */
import type { Policy, PolicyTool } from "../../generated/policy.js";
import { canonicalize, decide, type ToolCall } from "../policy/index.js";
import { strictness } from "./strictness.js";

/** The name the entry is called by in its own policy: any well-formed name would do. */
const ENTRY_NAME = "entry";

const byObject = new WeakMap<PolicyTool, Policy>();
/** By content too: the same gate on a hundred tools is one policy, indexed once. */
const byContent = new Map<string, Policy>();
const MAX_CACHED = 4096;

function entryPolicy(tool: PolicyTool): Policy {
  let policy = byObject.get(tool);
  if (policy) return policy;
  const key = canonicalize(tool);
  policy = byContent.get(key);
  if (!policy) {
    policy = {
      format: "agentspec-policy/1",
      agent: { id: "diff", version: "0" },
      default: "deny",
      deny: [],
      tools: { [ENTRY_NAME]: tool },
      budgets: {},
      hash: "",
    };
    if (byContent.size >= MAX_CACHED) byContent.clear();
    byContent.set(key, policy);
  }
  byObject.set(tool, policy);
  return policy;
}

/** How strictly the entry alone decides the call's arguments and context (0 allow, 1 approval, 2 deny). */
export function entryStrictness(tool: PolicyTool, call: Omit<ToolCall, "tool">): number {
  return strictness(decide(entryPolicy(tool), { ...call, tool: ENTRY_NAME }));
}
