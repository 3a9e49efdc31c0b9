/** Builds hashed policies for runtime tests. */
import type { Policy } from "../../generated/policy.js";
import { policyHash } from "../../src/policy/compile-policy.js";

export function makePolicy(parts: Partial<Omit<Policy, "hash">> = {}): Policy {
  const unhashed: Omit<Policy, "hash"> = {
    format: "agentspec-policy/1",
    agent: { id: "demo", version: "1.0.0" },
    default: "deny",
    deny: [],
    tools: {},
    budgets: {},
    ...parts,
  };
  return { ...unhashed, hash: policyHash(unhashed) };
}

/** A support agent: reads, a refund with a threshold and a cap, and deny patterns. */
export const SUPPORT_POLICY: Policy = makePolicy({
  deny: [{ pattern: "email.send" }, { pattern: "payment.*", reason: "payments go through finance" }],
  tools: {
    read_order_status: { effect: "read" },
    "crm.*": { effect: "read" },
    draft_reply: { effect: "draft", limits: { body: { max_length: 20 } } },
    "billing.refund": {
      effect: "irreversible",
      approval: { when: { arg: "amount", gt: 100 }, channel: "slack:#support-escalations" },
      limits: { amount: { max: 600, min: 0 } },
    },
    "deploy.prod": { effect: "irreversible", approval: { when: { context: "environment", eq: "production" } } },
    "account.close": { effect: "irreversible", approval: { reason: "closing is permanent" } },
  },
});
