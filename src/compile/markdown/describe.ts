/** Plain-language phrases for spec data, shared by the review document's sections. */
import type { ArgumentLimit, Condition, Limits, ToolSpec, TrustLevel } from "../../model/index.js";

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

const OPERATORS: readonly [keyof Condition, string][] = [
  ["gt", ">"],
  ["gte", "≥"],
  ["lt", "<"],
  ["lte", "≤"],
  ["eq", "="],
  ["ne", "≠"],
  ["in", "in"],
  ["not_in", "not in"],
];

/** An approval condition as a reviewer reads it: `amount > 100`, `(environment = production or …)`. */
export function describeCondition(condition: Condition): string {
  const parts: string[] = [];
  const subject = condition.arg ?? (condition.context !== undefined ? condition.context : "");
  for (const [key, symbol] of OPERATORS) {
    const bound = condition[key];
    if (bound !== undefined) parts.push(`${subject} ${symbol} ${formatValue(bound)}`);
  }
  if (condition.any) parts.push(group(condition.any.map(describeCondition).join(" or "), condition.any.length));
  if (condition.all) parts.push(group(condition.all.map(describeCondition).join(" and "), condition.all.length));
  return parts.join(" and ");
}

function group(text: string, count: number): string {
  return count > 1 ? `(${text})` : text;
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return "[" + value.map(formatValue).join(", ") + "]";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** When and where a tool's approval is asked: "always via slack:#x", "when amount > 100 via cli". */
export function describeApproval(tool: ToolSpec, { withReason = true } = {}): string {
  const gate = tool.approval;
  if (!gate) return "none";
  const when = gate.when ? `when ${describeCondition(gate.when)}` : "always";
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
