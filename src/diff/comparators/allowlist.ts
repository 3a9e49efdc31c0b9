/**
 * tool-added, tool-removed, allow-glob-widened and allow-glob-narrowed: which names the allowlist
 * admits. decide() takes every entry that matches a name and the strictest of them wins, so:
 *   - an entry added widens exactly where it admits a name no old entry matched (or one a deny
 *     pattern no longer denies); elsewhere it only adds its own gates and limits;
 *   - an entry removed narrows where no new entry matches its names any more, and widens where
 *     another entry still admits one of its names without its gates or limits;
 *   - a pattern replaced by another is both: the first for the names only the new one matches,
 *     the second for those only the old one matched (the names both match are compared entry to
 *     entry by the approval and limit comparators).
 * Names are found by the patterns they must and must not match (names.ts), calls by search.ts,
 * and every witness is decided by decide() under both policies.
 */
import type { PolicyTool } from "../../../generated/policy.js";
import { toolPointer } from "../../model/index.js";
import { isPattern, matchToolPattern, type Decision, type ToolCall } from "../../policy/index.js";
import { compareEntries } from "../compare.js";
import { entryStrictness } from "../entry.js";
import { strictness } from "../strictness.js";
import { findName, type NamePattern } from "../names.js";
import { entriesFor, isDeniedName, searchCalls, type PolicyView, type Witness } from "../search.js";
import type { Comparator, DiffContext } from "../types.js";

export const allowlist: Comparator = {
  id: "allowlist",
  description: "Which tool names the allowlist admits",
  compare(context) {
    for (const key of context.entries.added) reportAdded(context, key);
    for (const key of context.entries.removed) reportRemoved(context, key);
    for (const pair of context.entries.pairs)
      if (pair.relation !== "same") reportReplaced(context, pair.oldKey, pair.newKey, pair.relation);
  },
};

/** What a search for a widening found: a witness, proof there is none, or neither. */
type Widening = { witness: Witness } | { none: true } | { unknown: string };

const NOT_ADMITTED = new Set(["not-allowed", "deny-pattern"]);

function reportAdded(context: DiffContext, key: string): void {
  const tool = JSON.stringify(key);
  const pointer = toolPointer(key);
  const widening = admitsNewNames(context, key);
  if ("witness" in widening || "unknown" in widening) {
    context.report({
      kind: "tool-added",
      direction: "widened",
      pointer,
      side: "new",
      message: `${tool} is added to the allowlist (${context.new.policy.tools[key]!.effect})`,
      ...outcome(widening),
    });
    return;
  }
  const denied = !isPattern(key) && isDeniedName(context.new, key);
  const stricter = !denied && stricterSomewhere(context, key);
  context.report({
    kind: "tool-added",
    direction: stricter ? "narrowed" : "neutral",
    pointer,
    side: "new",
    message: denied
      ? `${tool} is added to the allowlist, but a deny pattern denies it`
      : `${tool} is added to the allowlist; every name it matches was already allowed or is denied${stricter ? ", and its gates or limits now apply to them too" : ""}`,
  });
}

function reportRemoved(context: DiffContext, key: string): void {
  const widening = dropsGates(context, key, []);
  const narrowed = stopsAdmitting(context, key);
  const tool = JSON.stringify(key);
  const widened = "witness" in widening || "unknown" in widening;
  context.report({
    kind: "tool-removed",
    direction: widened ? "widened" : narrowed ? "narrowed" : "neutral",
    pointer: toolPointer(key),
    side: "old",
    message: widened
      ? `${tool} is removed from the allowlist, but another entry still allows ${isPattern(key) ? "names it matched" : "it"} without its gates or limits`
      : narrowed
        ? `${tool} is removed from the allowlist`
        : `${tool} is removed from the allowlist; the names it matched are still allowed by other entries, as strictly, or denied`,
    ...(widened ? outcome(widening) : {}),
  });
}

function reportReplaced(context: DiffContext, oldKey: string, newKey: string, relation: "widened" | "narrowed"): void {
  const admits = admitsNewNames(context, newKey);
  const drops = dropsGates(context, oldKey, [{ pattern: newKey, folded: false }]);
  const widening = "witness" in admits ? admits : "witness" in drops ? drops : "unknown" in admits ? admits : drops;
  const widened = !("none" in widening);
  const narrowed = !widened && relation === "narrowed" && stopsAdmitting(context, oldKey);
  context.report({
    kind: relation === "widened" ? "allow-glob-widened" : "allow-glob-narrowed",
    direction: widened ? "widened" : narrowed ? "narrowed" : "neutral",
    pointer: toolPointer(newKey),
    side: "new",
    message: `${JSON.stringify(oldKey)} is replaced by ${JSON.stringify(newKey)} in the allowlist, which matches ${relation === "widened" ? "more" : "fewer"} names`,
    ...(widened ? outcome(widening) : {}),
  });
}

function outcome(widening: Widening): { witness: Witness } | { noWitness: string } {
  if ("witness" in widening) return { witness: widening.witness };
  return { noWitness: "unknown" in widening ? widening.unknown : "No call was found that decides less strictly" };
}

/**
 * Does the new entry admit a name the old policy did not (no old entry matched it, or a deny
 * pattern denied it) and the new one does not deny? The witness is a call to such a name.
 */
function admitsNewNames(context: DiffContext, key: string): Widening {
  const accept = (before: { rule: string }) => NOT_ADMITTED.has(before.rule);
  if (!isPattern(key)) {
    if (isDeniedName(context.new, key)) return { none: true };
    const result = searchCalls(context.old, context.new, { name: key, want: "less", acceptDecisions: accept });
    if (result.witness) return { witness: result.witness };
    return result.complete
      ? { none: true }
      : { unknown: "The calls to it could not all be tried (too many combinations), and none tried decides less strictly" };
  }
  const exclude: NamePattern[] = [...context.old.keys, ...context.new.denies];
  // A name the search finds may be held by another new entry's limits: try a few more, each
  // also kept from the entries that held the last one.
  for (let attempt = 0; attempt < 3; attempt++) {
    const search = findName({ include: [{ pattern: key, folded: false }], exclude });
    if (search.found === undefined) {
      if (search.proven)
        return attempt === 0
          ? { none: true }
          : { unknown: "Every name found that it newly admits is still held by another entry's limits" };
      return {
        unknown: `Could not settle whether ${JSON.stringify(key)} admits a name the old policy did not: the patterns are too involved to search exhaustively, or not ASCII, or a name outside ASCII may read otherwise folded than as written`,
      };
    }
    const result = searchCalls(context.old, context.new, { name: search.found, want: "less", acceptDecisions: accept });
    if (result.witness) return { witness: result.witness };
    for (const [other] of entriesFor(context.new, search.found)) if (other !== key) exclude.push({ pattern: other, folded: false });
    exclude.push({ pattern: search.found, folded: false });
  }
  return { unknown: "Every name found that it newly admits is still held by another entry's limits" };
}

/**
 * Removing an entry (or narrowing its pattern) widens where another new entry still admits one
 * of its names: that entry's gates and limits alone then decide, and may be weaker. `kept` are
 * patterns whose names are compared entry to entry instead (the replacing pattern).
 */
function dropsGates(context: DiffContext, key: string, kept: readonly NamePattern[]): Widening {
  const removed = context.old.policy.tools[key]!;
  if (!removed.approval && !removed.limits) return { none: true };
  // Only a call the removed entry alone would have decided more strictly shows its removal.
  const acceptDecisions = (_before: Decision, after: Decision, call: ToolCall) => entryStrictness(removed, call) > strictness(after);
  if (!isPattern(key)) {
    if (kept.some((k) => matchToolPattern(k.pattern, key))) return { none: true };
    if (isDeniedName(context.old, key) || isDeniedName(context.new, key) || entriesFor(context.new, key).length === 0)
      return { none: true };
    const result = searchCalls(context.old, context.new, { name: key, want: "less", acceptDecisions });
    if (result.witness) return { witness: result.witness };
    return result.complete
      ? { none: true }
      : { unknown: "The calls to it could not all be tried (too many combinations), and none tried decides less strictly" };
  }
  let unknown: string | undefined;
  const denies = [...context.new.denies, ...context.old.denies];
  for (const [otherKey, other] of candidates(context.new, key)) {
    if (kept.some((k) => k.pattern === otherKey)) continue;
    const search = findName({
      include: [
        { pattern: key, folded: false },
        { pattern: otherKey, folded: false },
      ],
      exclude: [...denies, ...kept],
    });
    if (search.found === undefined) {
      if (!search.proven) unknown ??= `Could not settle which names ${JSON.stringify(key)} and ${JSON.stringify(otherKey)} share`;
      continue;
    }
    const result = searchCalls(context.old, context.new, { name: search.found, want: "less", acceptDecisions });
    if (result.witness) return { witness: result.witness };
    if (!atLeastAsStrict(other, removed))
      unknown ??= `${JSON.stringify(otherKey)} still allows names ${JSON.stringify(key)} matched, and is less strict than it for some calls; no call found decides less strictly as a whole`;
  }
  return unknown ? { unknown } : { none: true };
}

/** The new entries whose names may overlap a pattern's: literal keys it matches, and every pattern. */
function candidates(view: PolicyView, pattern: string): [string, PolicyTool][] {
  const out: [string, PolicyTool][] = [];
  for (const [name, tool] of view.exact) if (matchToolPattern(pattern, name)) out.push([name, tool]);
  return [...out, ...view.globs];
}

/** Whether `entry` decides every call at least as strictly as `than` (so dropping `than` beside it changes nothing). */
function atLeastAsStrict(entry: PolicyTool, than: PolicyTool): boolean {
  const comparison = compareEntries(than, entry);
  return comparison.complete && comparison.looser === undefined;
}

/** Does the old entry leave names no new entry matches, which the new policy therefore denies? */
function stopsAdmitting(context: DiffContext, key: string): boolean {
  if (!isPattern(key)) return !isDeniedName(context.old, key) && entriesFor(context.new, key).length === 0;
  const search = findName({ include: [{ pattern: key, folded: false }], exclude: [...context.new.keys, ...context.old.denies] });
  return search.found !== undefined;
}

/** For an entry that admits nothing new: does it make some call to a name it matches stricter? */
function stricterSomewhere(context: DiffContext, key: string): boolean {
  const name = isPattern(key) ? findName({ include: [{ pattern: key, folded: false }], exclude: context.new.denies }).found : key;
  if (name === undefined) return false;
  return searchCalls(context.old, context.new, { name, want: "stricter" }).witness !== undefined;
}
