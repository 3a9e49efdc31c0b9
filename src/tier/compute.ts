/**
 * computeTrustLevel: the AgentAz authority class a spec's tools actually give it, from their
 * effect classes and gates, never from the declared level.
 *   A0 no tools · A1 every tool reads · A2 tools read or draft only ·
 *   A3 write/irreversible tools exist and each is behind an unconditional approval gate ·
 *   A4 some write/irreversible tool runs without approval (ungated, or gated only under a
 *      condition) and the spec bounds calls or turns, bounds cost, and keeps an append-only audit ·
 *   A5 otherwise.
 */
import type { Spec, ToolSpec, TrustLevel } from "../model/index.js";

export interface TrustLevelResult {
  level: TrustLevel;
  /** A sentence a reviewer can check: which tools put the spec at this level, and why. */
  explanation: string;
  /** true when some effect was inferred from a tool name rather than declared. */
  inferred: boolean;
}

const LEVELS: readonly TrustLevel[] = ["A0", "A1", "A2", "A3", "A4", "A5"];

export function trustLevelRank(level: TrustLevel): number {
  return LEVELS.indexOf(level);
}

export function computeTrustLevel(spec: Spec): TrustLevelResult {
  const inferred = spec.tools.some((t) => t.effectInferred);
  const note = inferred ? " (effects inferred from tool names: AgentAz tools declare none)" : "";
  const result = (level: TrustLevel, explanation: string): TrustLevelResult => ({ level, explanation: explanation + note, inferred });
  if (spec.tools.length === 0) return result("A0", "A0: the spec allows no tools");
  const acting = spec.tools.filter((t) => t.effect === "write" || t.effect === "irreversible");
  if (acting.length === 0) {
    const drafting = spec.tools.filter((t) => t.effect === "draft");
    if (drafting.length === 0) return result("A1", `A1: every tool only reads (${names(spec.tools)})`);
    return result("A2", `A2: tools read or draft only (drafting: ${names(drafting)})`);
  }
  const autonomous = acting.filter((t) => !t.approval || t.approval.when !== undefined);
  if (autonomous.length === 0) {
    return result("A3", `A3: every write or irreversible tool (${names(acting)}) needs approval every time`);
  }
  const missing = missingBounds(spec);
  const why = autonomous
    .map((t) => `${t.name} (${t.effect}, ${t.approval ? "approval only under a condition" : "no approval"})`)
    .join(", ");
  if (missing.length === 0) {
    return result("A4", `A4: ${why} can act without approval, within a call/turn bound, a cost bound and an append-only audit`);
  }
  return result("A5", `A5: ${why} can act without approval, and the spec has no ${missing.join(", no ")}`);
}

/** The bounds A4 needs that the spec lacks. */
export function missingBounds(spec: Spec): string[] {
  const { limits, audit } = spec;
  const missing: string[] = [];
  if (limits.max_tool_calls === undefined && limits.max_turns === undefined) missing.push("call or turn bound");
  if (limits.max_usd_per_loop === undefined) missing.push("cost bound");
  if (audit.append_only !== true) missing.push("append-only audit");
  return missing;
}

function names(tools: readonly ToolSpec[]): string {
  return tools.map((t) => t.name).join(", ");
}
