/**
 * deny-added and deny-removed: the deny patterns, compared as decide() matches names with them.
 * A reorder or a reason edited is no change. A pattern respelled in another case or width (the
 * same folded pattern) is no change when neither spelling has a wildcard (either denies exactly
 * the names that fold to it); with a wildcard the spellings differ as written (`?` takes one code
 * unit of the name as written: `a?b` denies `aßb`, `A?b` does not), so the old spelling is
 * reported removed and the new one added, each settled by the search like any other.
 * A pattern removed widens where a name it denied, and no new pattern denies, is admitted by the
 * new allowlist; one added narrows where it denies a name the old policy admitted.
 */
import type { Decision } from "../../policy/index.js";
import { isPattern } from "../../policy/index.js";
import { denies, findName, foldName, type NamePattern } from "../names.js";
import { isDeniedName, searchCalls, type PolicyView, type Witness } from "../search.js";
import type { Comparator, DiffContext } from "../types.js";

export const deny: Comparator = {
  id: "deny",
  description: "The deny patterns",
  compare(context) {
    const before = spellingsByFold(context.old);
    const after = spellingsByFold(context.new);
    for (const [folded, spellings] of before) {
      const now = after.get(folded);
      if (!now) reportRemoved(context, first(spellings));
      else if (respelled(spellings, now)) {
        for (const [raw, index] of spellings) if (!now.has(raw)) reportRemoved(context, index, first(now));
      }
    }
    for (const [folded, spellings] of after) {
      const then = before.get(folded);
      if (!then) reportAdded(context, first(spellings));
      else if (respelled(then, spellings)) {
        for (const [raw, index] of spellings) if (!then.has(raw)) reportAdded(context, index, first(then));
      }
    }
  },
};

/** Each folded pattern with its spellings as written, each with the index of its first entry. */
function spellingsByFold(view: PolicyView): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  view.policy.deny.forEach((d, i) => {
    const folded = foldName(d.pattern);
    const spellings = out.get(folded) ?? new Map<string, number>();
    if (!spellings.has(d.pattern)) spellings.set(d.pattern, i);
    out.set(folded, spellings);
  });
  return out;
}

function first(spellings: Map<string, number>): number {
  return Math.min(...spellings.values());
}

/**
 * Whether the spellings of one folded pattern changed in a way decide() can tell apart: a
 * literal spelling denies a name only when they are equal as written, and then they fold alike,
 * so only a spelling with a wildcard adds names of its own.
 */
function respelled(old: Map<string, number>, now: Map<string, number>): boolean {
  const changed = [...old.keys()].some((raw) => !now.has(raw)) || [...now.keys()].some((raw) => !old.has(raw));
  return changed && [...old.keys(), ...now.keys()].some((raw) => isPattern(raw));
}

/** `respelledAs`: the index in the new deny list of the spelling that replaced it. */
function reportRemoved(context: DiffContext, index: number, respelledAs?: number): void {
  const pattern = context.old.policy.deny[index]!.pattern;
  const found = admittedNow(context, pattern);
  const widened = !("none" in found);
  const what =
    respelledAs === undefined
      ? `${JSON.stringify(pattern)} is no longer denied`
      : `${JSON.stringify(pattern)} is respelled ${JSON.stringify(context.new.policy.deny[respelledAs]!.pattern)}, which matches names as written differently`;
  context.report({
    kind: "deny-removed",
    direction: widened ? "widened" : "neutral",
    pointer: `/deny/${index}`,
    side: "old",
    message: widened
      ? `${what}, and the allowlist admits names it denied`
      : `${what}; the new allowlist admits no name it denied, or another pattern still denies it`,
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

/** `respelling`: the index in the old deny list of the spelling it replaces. */
function reportAdded(context: DiffContext, index: number, respelling?: number): void {
  const pattern = context.new.policy.deny[index]!.pattern;
  const narrowed = deniesAdmitted(context.old, pattern);
  const what =
    respelling === undefined
      ? `${JSON.stringify(pattern)} is denied`
      : `${JSON.stringify(pattern)} is denied, respelling ${JSON.stringify(context.old.policy.deny[respelling]!.pattern)}`;
  context.report({
    kind: "deny-added",
    direction: narrowed ? "narrowed" : "neutral",
    pointer: `/deny/${index}`,
    side: "new",
    message: narrowed ? what : `${what}; the old policy admitted no name it matches`,
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
