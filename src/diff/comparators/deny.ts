/**
 * deny-added and deny-removed: the deny patterns, compared as the set of folded patterns decide()
 * matches names with, so a reorder, a reason edited or a pattern respelled in another case is no
 * change. A pattern removed widens where a name it denied, and no new pattern denies, is admitted
 * by the new allowlist; one added narrows where it denies a name the old policy admitted.
 */
import type { Decision } from "../../policy/index.js";
import { denies, findName, foldName, type NamePattern } from "../names.js";
import { isDeniedName, searchCalls, type PolicyView, type Witness } from "../search.js";
import type { Comparator, DiffContext } from "../types.js";

export const deny: Comparator = {
  id: "deny",
  description: "The deny patterns",
  compare(context) {
    const before = foldedPatterns(context.old);
    const after = foldedPatterns(context.new);
    for (const [folded, index] of before) if (!after.has(folded)) reportRemoved(context, index);
    for (const [folded, index] of after) if (!before.has(folded)) reportAdded(context, index);
  },
};

/** Each folded pattern with the index of its first entry. */
function foldedPatterns(view: PolicyView): Map<string, number> {
  const out = new Map<string, number>();
  view.policy.deny.forEach((d, i) => {
    const folded = foldName(d.pattern);
    if (!out.has(folded)) out.set(folded, i);
  });
  return out;
}

function reportRemoved(context: DiffContext, index: number): void {
  const pattern = context.old.policy.deny[index]!.pattern;
  const found = admittedNow(context, pattern);
  const widened = !("none" in found);
  context.report({
    kind: "deny-removed",
    direction: widened ? "widened" : "neutral",
    pointer: `/deny/${index}`,
    side: "old",
    message: widened
      ? `${JSON.stringify(pattern)} is no longer denied, and the allowlist admits names it denied`
      : `${JSON.stringify(pattern)} is no longer denied; the new allowlist admits no name it denied, or another pattern still denies it`,
    ...("witness" in found ? { witness: found.witness } : "unknown" in found ? { noWitness: found.unknown } : {}),
  });
}

type Found = { witness: Witness } | { none: true } | { unknown: string };

/** A call to a name the removed pattern denied, that no new pattern denies and the new allowlist admits. */
function admittedNow(context: DiffContext, pattern: string): Found {
  const denied: NamePattern = { pattern, folded: true };
  const acceptDecisions = (before: Decision) => before.rule === "deny-pattern";
  let unknown: string | undefined;
  // Literal allowlist keys first: a real tool name is the plainest witness.
  for (const name of context.new.exact.keys()) {
    if (!denies(pattern, name) || isDeniedName(context.new, name)) continue;
    const result = searchCalls(context.old, context.new, { name, want: "less", acceptDecisions });
    if (result.witness) return { witness: result.witness };
    if (!result.complete) unknown ??= `The calls to ${JSON.stringify(name)} could not all be tried, and none tried decides less strictly`;
  }
  for (const [key] of context.new.globs) {
    const search = findName({ include: [denied, { pattern: key, folded: false }], exclude: context.new.denies });
    if (search.found === undefined) {
      if (!search.proven) unknown ??= `Could not settle whether ${JSON.stringify(key)} admits a name ${JSON.stringify(pattern)} denied`;
      continue;
    }
    const result = searchCalls(context.old, context.new, { name: search.found, want: "less", acceptDecisions });
    if (result.witness) return { witness: result.witness };
    unknown ??= `${JSON.stringify(key)} admits ${JSON.stringify(search.found)}, which ${JSON.stringify(pattern)} denied, but every call to it found is still denied by a limit`;
  }
  return unknown ? { unknown } : { none: true };
}

function reportAdded(context: DiffContext, index: number): void {
  const pattern = context.new.policy.deny[index]!.pattern;
  const narrowed = deniesAdmitted(context.old, pattern);
  context.report({
    kind: "deny-added",
    direction: narrowed ? "narrowed" : "neutral",
    pointer: `/deny/${index}`,
    side: "new",
    message: narrowed
      ? `${JSON.stringify(pattern)} is denied`
      : `${JSON.stringify(pattern)} is denied; the old policy admitted no name it matches`,
  });
}

/** Whether the pattern denies a name the old allowlist admitted and no old pattern denied. */
function deniesAdmitted(old: PolicyView, pattern: string): boolean {
  for (const name of old.exact.keys()) if (denies(pattern, name) && !isDeniedName(old, name)) return true;
  const denied: NamePattern = { pattern, folded: true };
  return old.globs.some(
    ([key]) => findName({ include: [denied, { pattern: key, folded: false }], exclude: old.denies }).found !== undefined,
  );
}
