/** What the rules ask of a spec's authority: which tools act, which are gated, what denies a name. */
import type { DenyPattern, Spec, ToolSpec, TrustLevel } from "../model/index.js";
import { computeTrustLevel, trustLevelRank, type TrustLevelResult } from "../tier/index.js";
import { isPattern, matchToolPattern, patternCovers } from "../policy/glob.js";

/** A tool that changes state: its effect is write or irreversible. */
export function acts(tool: Pick<ToolSpec, "effect">): boolean {
  return tool.effect === "write" || tool.effect === "irreversible";
}

/** Gated every time: an approval without a condition. */
export function alwaysGated(tool: ToolSpec): boolean {
  return tool.approval !== undefined && tool.approval.when === undefined;
}

/** The first deny entry that denies every name the tool entry stands for, with its index. */
export function denyingEntry(spec: Spec, name: string): { entry: DenyPattern; index: number } | undefined {
  const index = spec.deny.findIndex((d) => patternCovers(d.pattern, name));
  return index === -1 ? undefined : { entry: spec.deny[index]!, index };
}

/** Whether some deny entry matches this (literal) tool name. */
export function isDenied(spec: Spec, name: string): boolean {
  return spec.deny.some((d) => matchToolPattern(d.pattern, name));
}

/** Whether an allowlist entry (a name or a pattern) stands for this literal name. */
export function isDeclared(spec: Spec, name: string): boolean {
  return spec.tools.some((t) => t.name === name || (isPattern(t.name) && matchToolPattern(t.name, name)));
}

/** The level a spec claims or reaches, whichever is higher: rules that apply from A3 up use it. */
export function effectiveLevel(spec: Spec): { level: TrustLevel; source: "declared" | "computed"; computed: TrustLevelResult } {
  const computed = computeTrustLevel(spec);
  const declared = spec.declaredTrustLevel;
  if (declared !== undefined && trustLevelRank(declared) > trustLevelRank(computed.level))
    return { level: declared, source: "declared", computed };
  return { level: computed.level, source: "computed", computed };
}

export function atLeast(level: TrustLevel, floor: TrustLevel): boolean {
  return trustLevelRank(level) >= trustLevelRank(floor);
}
