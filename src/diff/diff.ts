/**
 * diffAuthority(oldSpec, newSpec): what a change to a spec does to the agent's authority, not to
 * its text. Both specs are compiled to policies, each comparator (comparators/index.ts) compares
 * one part of them, and every change is located in the file it concerns. A widened change comes
 * with a witness, a call decide() answers less strictly under the new policy than under the old,
 * checked again here on both before it is kept.
 */
import type { Policy } from "../../generated/policy.js";
import { compilePolicy, decide } from "../policy/index.js";
import type { Spec } from "../model/index.js";
import { allowlist } from "./comparators/allowlist.js";
import { comparators as registered } from "./comparators/index.js";
import { NOT_DECIDED_PER_CALL } from "./comparators/messages.js";
import { pairEntries } from "./pairs.js";
import { viewOf, type Witness } from "./search.js";
import { strictness } from "./strictness.js";
import type { AuthorityChange, ChangeReport, Comparator, DiffContext } from "./types.js";

export function diffAuthority(oldSpec: Spec, newSpec: Spec, comparators: readonly Comparator[] = registered): AuthorityChange[] {
  return runComparators(oldSpec, newSpec, compilePolicy(oldSpec), compilePolicy(newSpec), comparators);
}

/** A spec that did not exist before: its agent gains every call its allowlist admits. */
export function diffAddedSpec(newSpec: Spec): AuthorityChange[] {
  const policy = compilePolicy(newSpec);
  const empty: Policy = {
    ...policy,
    deny: [],
    tools: {},
    budgets: {},
    outputs: undefined,
    redaction: undefined,
    handoff: undefined,
    audit: undefined,
  };
  const changes = runComparators(newSpec, newSpec, empty, policy, [allowlist]);
  const added: AuthorityChange = {
    kind: "spec-added",
    direction: "widened",
    ...locate(newSpec, "", "new"),
    message: `${newSpec.source.file} is a new spec: agent ${JSON.stringify(newSpec.agent.id)} gains the authority it declares`,
    noWitness: NOT_DECIDED_PER_CALL.spec,
  };
  return [added, ...changes];
}

/** A spec that is gone: its agent has no authority left. */
export function diffRemovedSpec(oldSpec: Spec): AuthorityChange[] {
  return [
    {
      kind: "spec-removed",
      direction: "narrowed",
      ...locate(oldSpec, "", "old"),
      message: `${oldSpec.source.file} is removed: agent ${JSON.stringify(oldSpec.agent.id)} loses the authority it declared`,
    },
  ];
}

function runComparators(
  oldSpec: Spec,
  newSpec: Spec,
  oldPolicy: Policy,
  newPolicy: Policy,
  comparators: readonly Comparator[],
): AuthorityChange[] {
  const old = viewOf(oldPolicy);
  const next = viewOf(newPolicy);
  const changes: AuthorityChange[] = [];
  const context: DiffContext = {
    oldSpec,
    newSpec,
    old,
    new: next,
    entries: pairEntries(old, next),
    report: (change) => changes.push(finish(change, oldSpec, newSpec, oldPolicy, newPolicy)),
  };
  for (const comparator of comparators) comparator.compare(context);
  return changes.sort(byPlace);
}

/** Locates a reported change, and keeps its witness only if decide() confirms it on both policies. */
function finish(change: ChangeReport, oldSpec: Spec, newSpec: Spec, oldPolicy: Policy, newPolicy: Policy): AuthorityChange {
  const { pointer, side, witness, noWitness, ...rest } = change;
  const spec = side === "new" ? newSpec : oldSpec;
  const located = locate(spec, pointer, side);
  const inNew = side === "old" && newSpec !== oldSpec ? { inNew: position(newSpec, pointer) } : {};
  const out: AuthorityChange = { ...rest, ...located, ...inNew };
  if (change.direction !== "widened") return out;
  if (witness && verifies(witness, oldPolicy, newPolicy)) return { ...out, witness: copyWitness(witness) };
  return {
    ...out,
    noWitness: witness
      ? "The call found did not decide less strictly when checked again, so it is not shown"
      : (noWitness ?? "No call was found that decides less strictly under the new policy"),
  };
}

function verifies(witness: Witness, oldPolicy: Policy, newPolicy: Policy): boolean {
  return strictness(decide(newPolicy, witness.call)) < strictness(decide(oldPolicy, witness.call));
}

/** The witness as plain data of its own: nothing in it is shared with the search or the policies. */
function copyWitness(witness: Witness): Witness {
  return {
    call: copyValue(witness.call) as Witness["call"],
    before: copyValue(witness.before) as Witness["before"],
    after: copyValue(witness.after) as Witness["after"],
  };
}

function copyValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyValue);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const copied = copyValue((value as Record<string, unknown>)[key]);
    // __proto__ must stay an own key, not become the copy's prototype.
    if (key === "__proto__") Object.defineProperty(out, key, { value: copied, enumerable: true, writable: true, configurable: true });
    else out[key] = copied;
  }
  return out;
}

function locate(spec: Spec, pointer: string, side: "new" | "old"): { pointer: string; line: number; column: number; side: "new" | "old" } {
  const filePointer = spec.pointerFor(pointer);
  return { pointer: filePointer, ...spec.source.locate(filePointer, "key"), side };
}

/** Where a pointer (or its nearest part still there) is in a spec's file. */
function position(spec: Spec, pointer: string): { line: number; column: number } {
  const { line, column } = spec.source.locate(spec.pointerFor(pointer), "key");
  return { line, column };
}

/** In the order of the new file (a removal where it shows in it); the order reported within one place. */
function byPlace(a: AuthorityChange, b: AuthorityChange): number {
  const placeOf = (c: AuthorityChange) => (c.side === "new" ? c : (c.inNew ?? c));
  return placeOf(a).line - placeOf(b).line || placeOf(a).column - placeOf(b).column;
}
