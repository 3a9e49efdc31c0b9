/** Plain-language phrases for spec data, shared by the review document's sections. */
import type { ArgumentLimit, Limits, ToolSpec, TrustLevel } from "../../model/index.js";
import { describeCondition } from "../../policy/index.js";

/** AgentAz's names for its trust levels, as its specification guide publishes them. */
export const TRUST_LEVEL_NAMES: Record<TrustLevel, string> = {
  A0: "Observe Only",
  A1: "Research",
  A2: "Recommend",
  A3: "Human-Approved",
  A4: "Limited Autonomy",
  A5: "Full Autonomy",
};

/** "A2 — Recommend". */
export function trustLevelLabel(level: TrustLevel): string {
  return `${level} — ${TRUST_LEVEL_NAMES[level]}`;
}

/** account_action_needed → account action needed: identifiers read as words in prose. */
export function humanize(identifier: string): string {
  return identifier.replace(/_/g, " ");
}

/** A sentence as a table value: the seed's matrix drops the final full stop. */
export function withoutFullStop(text: string): string {
  return text.trim().replace(/\.$/, "");
}

export function list(items: readonly string[]): string {
  return items.join(", ");
}

/** When and where a tool's approval is asked: "always via slack:#x", "when amount > 100 via cli". */
export function describeApproval(tool: ToolSpec, { withReason = true } = {}): string {
  const gate = tool.approval;
  if (!gate) return "none";
  const when = gate.when ? `when ${describeCondition(gate.when, "review")}` : "always";
  const via = gate.channel ? ` via ${gate.channel}` : "";
  const why = gate.reason && withReason ? ` — ${gate.reason}` : "";
  return when + via + why;
}

/** One argument's hard limits: "amount: ≥ 0, ≤ 5000, required". */
export function describeArgumentLimit(arg: string, limit: ArgumentLimit): string {
  const parts: string[] = [];
  if (limit.min !== undefined) parts.push(`≥ ${limit.min}`);
  if (limit.max !== undefined) parts.push(`≤ ${limit.max}`);
  if (limit.max_length !== undefined) parts.push(`≤ ${limit.max_length} characters`);
  if (limit.one_of !== undefined) parts.push(`one of ${limit.one_of.map(formatValue).join(", ")}`);
  if (limit.required) parts.push("required");
  return `${arg}: ${parts.join(", ")}`;
}

export function describeToolLimits(tool: ToolSpec): string {
  return Object.keys(tool.limits)
    .map((arg) => describeArgumentLimit(arg, tool.limits[arg]!))
    .join("; ");
}

/** The spec's budgets, cost and loop bounds first as AgentAz lists them: "≤ $0.2 per loop · ≤ 8 reasoning turns". */
export function describeBudgets(limits: Limits): string[] {
  const phrases: [number | undefined, (n: number) => string][] = [
    [limits.max_usd_per_loop, (n) => `≤ $${n} per loop`],
    [limits.max_turns, (n) => `≤ ${n} reasoning turns`],
    [limits.max_tool_calls, (n) => `≤ ${n} tool calls`],
    [limits.max_model_calls_per_task, (n) => `≤ ${n} model calls per task`],
    [limits.max_tokens_per_session, (n) => `≤ ${n} tokens per session`],
    [limits.max_sessions_per_day, (n) => `≤ ${n} sessions per day`],
    [limits.rate_per_minute, (n) => `≤ ${n} calls per minute`],
    [limits.max_concurrency, (n) => `≤ ${n} concurrent calls`],
  ];
  return phrases.filter(([value]) => value !== undefined).map(([value, phrase]) => phrase(value!));
}

export function isActing(tool: ToolSpec): boolean {
  return tool.effect === "write" || tool.effect === "irreversible";
}

function formatValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}
