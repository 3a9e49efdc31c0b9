/**
 * The part of decide() that depends only on the tool's name: a policy is indexed once (exact
 * names in Maps, globs in a segment index), and each name's resolution — malformed, denied, not
 * allowed, or the allowlist entries that apply — is cached, so a cached name costs a Map lookup.
 *
 * Names (see tool-name.ts): a name no tool has (empty, invisible or control characters,
 * whitespace, an empty dot segment) is malformed. A deny pattern matches the name as written and
 * every reading a dispatcher could make of it: both are also compared folded (NFKC, ignorables
 * and surrounding whitespace removed, case folded), so `email.Send` and `email.ｓｅｎｄ` meet
 * `email.send`. The allowlist matches the name exactly as written; the limits and approval gate
 * of every entry the folded name meets apply too (so `billing.Refund`, admitted by `billing.*`,
 * carries `billing.refund`'s gate). Folding happens once per name, here, and is cached with the rest.
 */
import type { Policy, PolicyTool } from "../../generated/policy.js";
import { joinPointer } from "../load/index.js";
import type { Decision, DecisionKind, DecisionRule } from "./decide.js";
import { conditionPaths, describeCondition, readingsOf, type PathReadings } from "./evaluate.js";
import { isPattern } from "./glob.js";
import { addGlob, allMatches, createGlobIndex, firstMatch, type GlobIndex } from "./glob-index.js";
import { foldToolName, MAX_TOOL_NAME_LENGTH, overlongNameProblem, toolNameProblem } from "./tool-name.js";

export interface ResolvedEntry {
  name: string;
  tool: PolicyTool;
  /** The entry's pointer in the policy: /tools/<name>. */
  pointer: string;
  /** The approval part of the reason ("requires approval when amount > 100: …"), described once. */
  approvalText?: string;
}

/**
 * The paths the limits and approval conditions of a name's entries read (`amount`,
 * `payment.amount`), each once: a call holding another reading of one of them (`Amount`, a key
 * "payment.amount") is malformed (see ambiguousReading).
 */
export interface ReadPaths {
  args: PathReadings[];
  context: PathReadings[];
}

export interface ResolvedTool {
  /** Every allowlist entry whose name or pattern matches: exact first, then globs in order. */
  entries: ResolvedEntry[];
  /** The entries' pointers, frozen: what an allow decision names. */
  pointers: readonly string[];
  /** The decision when it cannot depend on the call's arguments: denied, not allowed, or allowed with no limit or gate. */
  fixed?: Decision;
  /** When not fixed: the paths the entries read, which the call must hold one reading of. */
  paths?: ReadPaths;
}

interface DenyEntry {
  pattern: string;
  reason?: string;
  pointer: string;
}

/** What decide() precomputes once per policy object: no pattern is compiled per call. */
export interface PolicyIndex {
  hash: string;
  denyExact: Map<string, DenyEntry>;
  denyGlobs: GlobIndex<DenyEntry>;
  /** The deny patterns folded: what the folded name is matched against. */
  denyFoldedExact: Map<string, DenyEntry>;
  denyFoldedGlobs: GlobIndex<DenyEntry>;
  toolsExact: Map<string, PolicyTool>;
  toolGlobs: GlobIndex<{ name: string; tool: PolicyTool }>;
  /**
   * The entries with limits or an approval gate, by their folded name or pattern: what the
   * folded name is matched against, so a spelling a dispatcher folds onto a gated tool
   * (`billing.Refund` for `billing.refund`) carries that tool's limits and gate, whatever other
   * entry admits it as written.
   */
  constrainedFoldedExact: Map<string, { name: string; tool: PolicyTool }[]>;
  constrainedFoldedGlobs: GlobIndex<{ name: string; tool: PolicyTool }>;
  /** Tool name → resolution, bounded (in entries and in characters) so arbitrary names cannot grow it without limit. */
  cache: Map<string, ResolvedTool>;
  /** The code units of the names in `cache`. */
  cachedChars: number;
}

const MAX_CACHED_NAMES = 4096;
/**
 * The cache's size bound, in code units of the names it keys (each resolution holds about a
 * name's worth of reasons beside it): entries alone do not bound memory when names are long.
 */
const MAX_CACHED_CHARS = 1 << 20;
const indexes = new WeakMap<object, PolicyIndex>();
const NO_ENTRIES: readonly string[] = Object.freeze([]);

/** The index of a policy already indexed (it passed the shape check then), or undefined. */
export function indexOf(policy: object): PolicyIndex | undefined {
  return indexes.get(policy);
}

export function indexPolicy(policy: Policy): PolicyIndex {
  let index = indexes.get(policy);
  if (index) return index;
  index = {
    hash: policy.hash,
    denyExact: new Map(),
    denyGlobs: createGlobIndex(),
    denyFoldedExact: new Map(),
    denyFoldedGlobs: createGlobIndex(),
    toolsExact: new Map(),
    toolGlobs: createGlobIndex(),
    constrainedFoldedExact: new Map(),
    constrainedFoldedGlobs: createGlobIndex(),
    cache: new Map(),
    cachedChars: 0,
  };
  policy.deny.forEach((d, i) => {
    const entry: DenyEntry = { pattern: d.pattern, reason: d.reason, pointer: `/deny/${i}` };
    if (isPattern(d.pattern)) addGlob(index!.denyGlobs, d.pattern, entry);
    else if (!index!.denyExact.has(d.pattern)) index!.denyExact.set(d.pattern, entry);
    // Folding can turn a fullwidth ＊ into *: the folded pattern is then a glob, which only
    // widens what is denied.
    const folded = foldToolName(d.pattern);
    if (isPattern(folded)) addGlob(index!.denyFoldedGlobs, folded, entry);
    else if (!index!.denyFoldedExact.has(folded)) index!.denyFoldedExact.set(folded, entry);
  });
  for (const name of Object.keys(policy.tools)) {
    const tool = policy.tools[name]!;
    if (tool === null || typeof tool !== "object") throw new TypeError(`the allowlist entry "${name}" is not an object`);
    if (isPattern(name)) addGlob(index.toolGlobs, name, { name, tool });
    else index.toolsExact.set(name, tool);
    if (!tool.limits && !tool.approval) continue;
    const folded = foldToolName(name);
    if (isPattern(folded)) addGlob(index.constrainedFoldedGlobs, folded, { name, tool });
    else {
      const list = index.constrainedFoldedExact.get(folded);
      if (list) list.push({ name, tool });
      else index.constrainedFoldedExact.set(folded, [{ name, tool }]);
    }
  }
  indexes.set(policy, index);
  return index;
}

export function resolveTool(index: PolicyIndex, name: string): ResolvedTool {
  const cached = index.cache.get(name);
  if (cached) return cached;
  // Checked before the name is folded or cached: neither may cost more than a name's worth.
  if (name.length > MAX_TOOL_NAME_LENGTH) return malformedName(index, overlongNameProblem(name));
  const resolved = resolveUncached(index, name);
  if (index.cache.size >= MAX_CACHED_NAMES || index.cachedChars + name.length > MAX_CACHED_CHARS) {
    index.cache.clear();
    index.cachedChars = 0;
  }
  index.cache.set(name, resolved);
  index.cachedChars += name.length;
  return resolved;
}

function malformedName(index: PolicyIndex, reason: string): ResolvedTool {
  return {
    entries: [],
    pointers: NO_ENTRIES,
    fixed: { decision: "deny", rule: "malformed-call", reason, policyHash: index.hash, entries: NO_ENTRIES as string[] },
  };
}

/** Everything about a name that does not depend on the call, reasons included. */
function resolveUncached(index: PolicyIndex, name: string): ResolvedTool {
  const decision = (kind: DecisionKind, rule: DecisionRule, reason: string, entries: readonly string[]): Decision => ({
    decision: kind,
    rule,
    reason,
    policyHash: index.hash,
    entries: entries as string[],
  });
  const folded = foldToolName(name);
  const malformed = toolNameProblem(name, folded);
  if (malformed) return malformedName(index, malformed);
  // As written first (a "?" matches one code unit of the name as written, which folding can
  // change), then as any dispatcher could read it.
  const asWritten = index.denyExact.get(name) ?? firstMatch(index.denyGlobs, name);
  const denied = asWritten ?? index.denyFoldedExact.get(folded) ?? firstMatch(index.denyFoldedGlobs, folded);
  if (denied) {
    const why = denied.reason ? `: ${denied.reason}` : "";
    const by = denied.pattern === name || denied.pattern === folded ? "denied by the policy" : `denied by "${denied.pattern}"`;
    const subject = asWritten || folded === name ? `"${name}" is` : `"${name}" reads as "${folded}", which is`;
    return {
      entries: [],
      pointers: NO_ENTRIES,
      fixed: decision("deny", "deny-pattern", `${subject} ${by}${why}`, Object.freeze([denied.pointer])),
    };
  }
  // All matching entries, not the first: taking the first glob in key order would let a
  // broad "billing.*" without approval shadow "billing.refund*" with one (fail open).
  const exact = index.toolsExact.get(name);
  const entries: ResolvedEntry[] = exact ? [entryFor(name, exact)] : [];
  for (const glob of allMatches(index.toolGlobs, name)) entries.push(entryFor(glob.name, glob.tool));
  if (entries.length === 0) {
    return { entries, pointers: NO_ENTRIES, fixed: decision("deny", "not-allowed", `"${name}" is not in the allowlist`, NO_ENTRIES) };
  }
  // The allowlist admits the name as written; the limits and gates of every entry the name
  // reads as also apply, as a deny does (a dispatcher that folds case would run that tool).
  const seen = new Set(entries.map((e) => e.name));
  for (const other of [...(index.constrainedFoldedExact.get(folded) ?? []), ...allMatches(index.constrainedFoldedGlobs, folded)])
    if (!seen.has(other.name)) {
      seen.add(other.name);
      entries.push(entryFor(other.name, other.tool));
    }
  const pointers = Object.freeze(entries.map((e) => e.pointer));
  const unconditional = entries.every((e) => !e.tool.limits && !e.tool.approval);
  return unconditional
    ? { entries, pointers, fixed: decision("allow", "allowed", `"${name}" is allowed`, pointers) }
    : { entries, pointers, paths: readPaths(entries) };
}

/** The paths the entries' limits and approval conditions read, each once. */
function readPaths(entries: readonly ResolvedEntry[]): ReadPaths {
  const read = { args: [] as string[], context: [] as string[] };
  for (const { tool } of entries) {
    for (const arg of Object.keys(tool.limits ?? {})) if (!read.args.includes(arg)) read.args.push(arg);
    conditionPaths(tool.approval?.when, read);
  }
  return { args: read.args.map(readingsOf), context: read.context.map(readingsOf) };
}

function entryFor(name: string, tool: PolicyTool): ResolvedEntry {
  return {
    name,
    tool,
    pointer: joinPointer("/tools", name),
    approvalText: tool.approval ? approvalText(tool.approval) : undefined,
  };
}

function approvalText(approval: NonNullable<PolicyTool["approval"]>): string {
  const when = approval.when === undefined ? "always requires approval" : `requires approval when ${describeCondition(approval.when)}`;
  return approval.reason ? `${when}: ${approval.reason}` : when;
}
