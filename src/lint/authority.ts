/** What the rules ask of a spec's authority: which tools act, which are gated, what denies a name. */
import type { DenyPattern, Spec, ToolSpec, TrustLevel } from "../model/index.js";
import { computeTrustLevel, trustLevelRank, type TrustLevelResult } from "../tier/index.js";
import { indexPatternList, type PatternList } from "../policy/pattern-list.js";

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
  const index = denyList(spec).firstCovering(name);
  return index === undefined ? undefined : { entry: spec.deny[index]!, index };
}

/** The first other deny entry that covers entry `index`, or an earlier copy of it. */
export function coveringDenyEntry(spec: Spec, index: number): { entry: DenyPattern; index: number } | undefined {
  const cover = denyList(spec).firstCovering(spec.deny[index]!.pattern, index);
  return cover === undefined ? undefined : { entry: spec.deny[cover]!, index: cover };
}

/** Whether some deny entry matches this (literal) tool name. */
export function isDenied(spec: Spec, name: string): boolean {
  return denyList(spec).firstMatching(name) !== undefined;
}

/** Whether an allowlist entry (a name or a pattern) stands for this literal name. */
export function isDeclared(spec: Spec, name: string): boolean {
  return toolList(spec).firstMatching(name) !== undefined;
}

// Rules ask these for every tool and every deny entry: each list is indexed once per spec (the
// model's arrays are not changed after the spec is built; a changed length is indexed again).
const indexed = new WeakMap<readonly unknown[], { length: number; list: PatternList }>();

function listOf<T>(items: readonly T[], patternOf: (item: T) => string): PatternList {
  const known = indexed.get(items);
  if (known && known.length === items.length) return known.list;
  const list = indexPatternList(items.map(patternOf));
  indexed.set(items, { length: items.length, list });
  return list;
}

function denyList(spec: Spec): PatternList {
  return listOf(spec.deny, (d) => d.pattern);
}

function toolList(spec: Spec): PatternList {
  return listOf(spec.tools, (t) => t.name);
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
