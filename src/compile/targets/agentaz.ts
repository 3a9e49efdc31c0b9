/** `agentaz` → <id>.agentaz.json. */
import { computeTrustLevel } from "../../tier/index.js";
import { effectRank, type Spec } from "../../model/index.js";
import type { Target } from "./types.js";
import { isObject, nonEmpty, prune } from "../../load/index.js";

export const AGENTAZ_SCHEMA_ID = "https://www.agent-kits.com/agentaz/agentaz-v1.0.schema.json";

export function toAgentaz(spec: Spec): Record<string, unknown> {
  const { ungated_tools_field: ungatedField, ...kept } = spec.extensions.agentaz ?? {};
  return restore(mapped(spec, ungatedField === "allowed_tools" ? "allowed_tools" : "auto_executable_tools"), kept);
}

/** What the model maps, in AgentAz terms. */
function mapped(spec: Spec, ungatedField: "allowed_tools" | "auto_executable_tools"): Record<string, unknown> {
  const worst = [...spec.tools].sort((a, b) => effectRank(b.effect) - effectRank(a.effect))[0];
  const { outputs, limits } = spec;
  const gated = spec.tools.filter((t) => t.approval).map((t) => t.name);
  return prune({
    $schema: AGENTAZ_SCHEMA_ID,
    agent_id: spec.agent.id,
    version: spec.agent.version,
    last_reviewed: spec.agent.last_reviewed ?? new Date(0).toISOString().slice(0, 10),
    trust_level: spec.declaredTrustLevel ?? computeTrustLevel(spec).level,
    dna_pattern: spec.dnaPattern,
    worst_case_action:
      spec.worstCaseAction ??
      (worst ? `Calls ${worst.name} (${worst.effect}) (derived by agentspec)` : "None: no tools (derived by agentspec)"),
    authority_boundary:
      spec.authorityBoundary ?? spec.agent.goal ?? `Tools: ${spec.tools.map((t) => t.name).join(", ") || "none"} (derived by agentspec)`,
    tool_boundary: prune({
      [ungatedField]: spec.tools.filter((t) => !t.approval).map((t) => t.name),
      // The allowed_tools shape leaves the gated list out when it is empty; the other always has both.
      approval_required_tools: ungatedField === "allowed_tools" && gated.length === 0 ? undefined : gated,
      execution_tools_absent: spec.execution.tools_absent,
      rollback_required: spec.execution.rollback_required,
      branch_isolated: spec.execution.sandboxed,
    }),
    output_boundary: nonEmpty(prune({ format: outputs.format, never_emits: outputs.never_emits })),
    cost_boundary: nonEmpty(prune({ max_usd_per_trace_loop: limits.max_usd_per_loop, alert_threshold_usd: limits.alert_usd })),
    loop_boundary: nonEmpty(prune({ max_reasoning_turns: limits.max_turns })),
    human_handoff: nonEmpty(prune({ triggers: spec.handoff.triggers, destination: spec.handoff.destination })),
    audit: nonEmpty(prune({ append_only: spec.audit.append_only, logs: spec.audit.logs })),
  });
}

export const agentaz: Target = {
  id: "agentaz",
  description: "An AgentAz v1.0 agentaz.json (auto_executable_tools / approval_required_tools)",
  docs: `\`agentaz\` → <id>.agentaz.json: an AgentAz v1.0 spec in the auto_executable_tools /
approval_required_tools shape. Fields AgentAz requires but a spec leaves out are derived and
say so: the trust level is computed, the worst-case action names the most severe tool.
\`extensions.agentaz\` (filled by \`agentspec import agentaz\`, or kept from an agentaz.json input)
is restored: its fields are merged back, one level deep, and \`ungated_tools_field:
allowed_tools\` writes the allowed_tools shape, so agentaz → agentspec → agentaz keeps every field.`,
  extension: ".agentaz.json",
  emit: (spec) => [{ path: `${spec.agent.id}.agentaz.json`, contents: JSON.stringify(toAgentaz(spec), null, 2) + "\n" }],
};

/** The kept fields over the mapped ones: objects are merged one level deep (tool_boundary.read_only). */
function restore(out: Record<string, unknown>, kept: Record<string, unknown>): Record<string, unknown> {
  const result = { ...out };
  for (const [key, value] of Object.entries(kept)) {
    const current = result[key];
    result[key] = isObject(current) && isObject(value) ? { ...current, ...value } : value;
  }
  return result;
}
