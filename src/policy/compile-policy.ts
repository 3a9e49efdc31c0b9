/** Spec → the canonical runtime policy, with its hash. */
import type { Policy, PolicyTool } from "../../generated/policy.js";
import { nonEmpty, prune, setOwn } from "../load/index.js";
import type { Spec } from "../model/index.js";
import { canonicalize, sha256Hex } from "./canonical.js";

export type { Policy, PolicyTool };

export function compilePolicy(spec: Spec): Policy {
  const unhashed = compileUnhashed(spec);
  return { ...unhashed, hash: policyHash(unhashed) };
}

/**
 * The policy with an empty hash, for checks that only decide with it (lint's decision tests):
 * canonicalizing and hashing every spec's policy was a sixth of linting time.
 */
export function compileUnhashedPolicy(spec: Spec): Policy {
  return { ...compileUnhashed(spec), hash: "" };
}

function compileUnhashed(spec: Spec): Omit<Policy, "hash"> {
  const tools: Record<string, PolicyTool> = {};
  for (const tool of spec.tools) {
    // A tool may be called __proto__: it must stay an own key, not become the prototype.
    setOwn(
      tools,
      tool.name,
      prune({
        effect: tool.effect,
        approval: tool.approval && prune({ ...tool.approval }),
        limits: Object.keys(tool.limits).length > 0 ? tool.limits : undefined,
        resources: tool.resources.length > 0 ? tool.resources : undefined,
      }),
    );
  }
  const { mode, required_fields, never_emits, redaction } = spec.outputs;
  const unhashed: Omit<Policy, "hash"> = prune({
    format: "agentspec-policy/1",
    agent: { id: spec.agent.id, version: spec.agent.version },
    default: "deny",
    deny: spec.deny.map((d) => prune({ pattern: d.pattern, reason: d.reason })),
    tools,
    budgets: prune({ ...spec.limits }),
    outputs: nonEmpty(prune({ mode, required_fields, never_emits })),
    redaction,
    handoff: nonEmpty(prune({ ...spec.handoff })),
    audit: nonEmpty(prune({ ...spec.audit })),
  });
  return unhashed;
}

/** sha256 over the RFC 8785 canonical form of the policy without its hash field. */
export function policyHash(policy: Omit<Policy, "hash"> | Policy): string {
  const { hash: _ignored, ...rest } = policy as Policy;
  return "sha256:" + sha256Hex(canonicalize(rest));
}

/** The policy as a file: canonical key order, two-space indent, trailing newline. */
export function serializePolicy(policy: Policy): string {
  return JSON.stringify(JSON.parse(canonicalize(policy)), null, 2) + "\n";
}
