/**
 * The governance matrix: AgentAz's nine rows, in its order and wording, each filled from the
 * spec's own data so a reviewer can hold the two side by side.
 */
import type { Spec } from "../../model/index.js";
import type { TrustLevelResult } from "../../tier/index.js";
import { describeApproval, describeBudgets, humanize, isActing, list, trustLevelLabel, withoutFullStop } from "./describe.js";

export const GOVERNANCE_ROWS = [
  "Agent goal",
  "Trust Level",
  "Tool access",
  "Context handling",
  "Memory strategy",
  "Human approval",
  "Audit trail",
  "Cost & loop bounds",
  "Recovery / escalation",
] as const;

const NOT_DECLARED = "Not declared";

export function governanceMatrix(spec: Spec, computed: TrustLevelResult): [string, string][] {
  const values: Record<(typeof GOVERNANCE_ROWS)[number], string> = {
    // AgentAz writes "Bounded by the authority spec above" here; a declared goal says more.
    "Agent goal": spec.agent.goal ? withoutFullStop(spec.agent.goal) : "Bounded by the authority spec above",
    "Trust Level": trustLevel(spec, computed),
    "Tool access": toolAccess(spec),
    "Context handling": spec.contextHandling ? withoutFullStop(spec.contextHandling) : NOT_DECLARED,
    "Memory strategy": memory(spec),
    "Human approval": humanApproval(spec),
    "Audit trail": auditTrail(spec),
    "Cost & loop bounds": describeBudgets(spec.limits).join(" · ") || "None declared",
    "Recovery / escalation": recovery(spec),
  };
  return GOVERNANCE_ROWS.map((row) => [row, values[row]]);
}

function trustLevel(spec: Spec, computed: TrustLevelResult): string {
  const declared = spec.declaredTrustLevel;
  if (!declared) return `${trustLevelLabel(computed.level)} (computed; none declared)`;
  if (declared === computed.level) return trustLevelLabel(declared);
  return `${trustLevelLabel(declared)} (computed: ${trustLevelLabel(computed.level)})`;
}

function toolAccess(spec: Spec): string {
  if (spec.tools.length === 0) return "No tools — observe only";
  const acting = spec.tools.filter(isActing);
  const extras = [spec.execution.sandboxed ? "sandboxed" : "", spec.execution.rollback_required ? "rollback required" : ""].filter(Boolean);
  const suffix = extras.length > 0 ? " · " + extras.join(" · ") : "";
  if (acting.length === 0) return "Least privilege — execution tools absent (read-only)" + suffix;
  const byEffect = (effect: string) => acting.filter((t) => t.effect === effect).map((t) => t.name);
  const groups = [
    byEffect("write").length > 0 ? `write: ${list(byEffect("write"))}` : "",
    byEffect("irreversible").length > 0 ? `irreversible: ${list(byEffect("irreversible"))}` : "",
  ].filter(Boolean);
  const count = `${spec.tools.length} allowlisted tool${spec.tools.length === 1 ? "" : "s"}`;
  return `Least privilege — ${count} (${groups.join("; ")}); everything else denied` + suffix;
}

function memory(spec: Spec): string {
  if (!spec.memory) return NOT_DECLARED;
  if (spec.memory.description) return withoutFullStop(spec.memory.description);
  const strategies = { none: "No memory", task_scoped: "Task-scoped", session: "Session-scoped", persistent: "Persistent" };
  return strategies[spec.memory.strategy];
}

function humanApproval(spec: Spec): string {
  const parts: string[] = [];
  const gated = spec.tools.filter((t) => t.approval);
  if (gated.length > 0)
    parts.push("Required for " + gated.map((t) => `${t.name} (${describeApproval(t, { withReason: false })})`).join(", "));
  const { triggers = [], destination } = spec.handoff;
  if (triggers.length > 0) {
    const to = destination ? ` → ${humanize(destination)}` : "";
    parts.push(`${parts.length > 0 ? "required" : "Required"} on ${list(triggers.map(humanize))}${to}`);
  }
  return parts.join(" · ") || "None declared";
}

function auditTrail(spec: Spec): string {
  const { append_only, logs = [], record_arguments, retention_days } = spec.audit;
  if (append_only === undefined && logs.length === 0 && !record_arguments && retention_days === undefined) return "None declared";
  const kind = append_only ? "Append-only log" : "Log";
  const parts = [logs.length > 0 ? `${kind} (${list(logs)})` : kind];
  if (record_arguments) parts.push(`arguments recorded as ${record_arguments}`);
  if (retention_days !== undefined) parts.push(`kept ${retention_days} days`);
  return parts.join(" · ");
}

function recovery(spec: Spec): string {
  const { destination, escalate_after_denials } = spec.handoff;
  const parts: string[] = [];
  if (destination) parts.push(`Escalates to ${humanize(destination)}`);
  if (escalate_after_denials !== undefined)
    parts.push(`${parts.length > 0 ? "after" : "Escalates after"} ${escalate_after_denials} denied calls`);
  const text = parts.join(" ");
  if (text) return text;
  return spec.failureModes.length > 0 ? "See the failure modes below" : "None declared";
}
