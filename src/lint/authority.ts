/** What the rules ask of a spec's authority: which tools act, which are gated, what denies a name. */
import type { DenyPattern, Spec, ToolSpec, TrustLevel } from "../model/index.js";
import { computeTrustLevel, trustLevelRank, type TrustLevelResult } from "../tier/index.js";
import { indexPatternList, type PatternList } from "../policy/pattern-list.js";
import { foldToolName } from "../policy/tool-name.js";

/** A tool that changes state: its effect is write or irreversible. */
export function acts(tool: Pick<ToolSpec, "effect">): boolean {
  return tool.effect === "write" || tool.effect === "irreversible";
}

/** Gated every time: an approval without a condition. */
export function alwaysGated(tool: ToolSpec): boolean {
  return tool.approval !== undefined && tool.approval.when === undefined;
}

/**
 * The first deny entry that denies every name the tool entry stands for, with its index: as
 * written, else as decide() also compares them, folded (`Email.Send` under `email.send`).
 */
export function denyingEntry(spec: Spec, name: string): { entry: DenyPattern; index: number } | undefined {
  const index = denyList(spec).firstCovering(name) ?? foldedDenyList(spec).firstCovering(foldToolName(name));
  return index === undefined ? undefined : { entry: spec.deny[index]!, index };
}

/** The first other deny entry that covers entry `index`, or an earlier copy of it. */
export function coveringDenyEntry(spec: Spec, index: number): { entry: DenyPattern; index: number } | undefined {
  const cover = denyList(spec).firstCovering(spec.deny[index]!.pattern, index);
  return cover === undefined ? undefined : { entry: spec.deny[cover]!, index: cover };
}

/** Whether some deny entry matches this (literal) tool name, as written or folded (as decide() compares). */
export function isDenied(spec: Spec, name: string): boolean {
  return denyList(spec).firstMatching(name) !== undefined || foldedDenyList(spec).firstMatching(foldToolName(name)) !== undefined;
}

/** Whether an allowlist entry (a name or a pattern) stands for this literal name. */
export function isDeclared(spec: Spec, name: string): boolean {
  return toolList(spec).firstMatching(name) !== undefined;
}

// Rules ask these for every tool and every deny entry: each list is indexed once per spec (the
// model's arrays are not changed after the spec is built; a changed length is indexed again).
type ListCache = WeakMap<readonly unknown[], { length: number; list: PatternList }>;
const asWritten: ListCache = new WeakMap();
const folded: ListCache = new WeakMap();

function listOf<T>(cache: ListCache, items: readonly T[], patternOf: (item: T) => string): PatternList {
  const known = cache.get(items);
  if (known && known.length === items.length) return known.list;
  const list = indexPatternList(items.map(patternOf));
  cache.set(items, { length: items.length, list });
  return list;
}

function denyList(spec: Spec): PatternList {
  return listOf(asWritten, spec.deny, (d) => d.pattern);
}

/** The deny patterns folded, indexes kept: what decide() matches a folded name against. */
function foldedDenyList(spec: Spec): PatternList {
  return listOf(folded, spec.deny, (d) => foldToolName(d.pattern));
}

function toolList(spec: Spec): PatternList {
  return listOf(asWritten, spec.tools, (t) => t.name);
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
