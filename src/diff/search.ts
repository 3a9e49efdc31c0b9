/**
 * Searching for a call whose decision differs between two policies: for one tool name, every
 * slot the entries that match it read (arguments, context fields) takes each of its
 * representative values (values.ts), and decide() answers the call under both policies. What
 * the search returns was decided by decide() itself, so a witness is verified by construction.
 */
import type { Policy, PolicyTool } from "../../generated/policy.js";
import { decide, type Decision, type ToolCall, isPattern, matchToolPattern } from "../policy/index.js";
import type { NamePattern } from "./names.js";
import { denies } from "./names.js";
import { entryStrictness } from "./entry.js";
import { strictness } from "./strictness.js";
import {
  ABSENT,
  buildCall,
  forEachCall,
  representatives,
  SlotCollector,
  slotKey,
  type Axis,
  type Slot,
  type SlotFacts,
  type SlotValue,
} from "./values.js";

/** A policy with what the diff asks of it precomputed. */
export interface PolicyView {
  policy: Policy;
  exact: Map<string, PolicyTool>;
  globs: [string, PolicyTool][];
  /** The deny patterns, as names are compared with them (folded). */
  denies: NamePattern[];
  /** The allowlist keys, as names are compared with them (raw). */
  keys: NamePattern[];
}

export function viewOf(policy: Policy): PolicyView {
  const exact = new Map<string, PolicyTool>();
  const globs: [string, PolicyTool][] = [];
  for (const key of Object.keys(policy.tools)) {
    if (isPattern(key)) globs.push([key, policy.tools[key]!]);
    else exact.set(key, policy.tools[key]!);
  }
  return {
    policy,
    exact,
    globs,
    denies: policy.deny.map((d) => ({ pattern: d.pattern, folded: true })),
    keys: Object.keys(policy.tools).map((pattern) => ({ pattern, folded: false })),
  };
}

/** The allowlist entries that apply to a name: its exact entry and every glob that matches it. */
export function entriesFor(view: PolicyView, name: string): [string, PolicyTool][] {
  const out: [string, PolicyTool][] = [];
  const exact = view.exact.get(name);
  if (exact) out.push([name, exact]);
  for (const glob of view.globs) if (matchToolPattern(glob[0], name)) out.push(glob);
  return out;
}

/** Whether a deny pattern of the view matches the name, as decide() compares them. */
export function isDeniedName(view: PolicyView, name: string): boolean {
  return view.denies.some((d) => denies(d.pattern, name));
}

export interface Witness {
  call: ToolCall;
  /** The decision under the old policy. */
  before: Decision;
  /** The decision under the new policy: less strict than `before`. */
  after: Decision;
}

export interface CallSearch {
  name: string;
  /** Less strict under the new policy (a widening), or stricter. */
  want: "less" | "stricter";
  /**
   * Slots to vary first: the ones the change is about, so the witness shows its boundary. Slots
   * neither focused nor read by a condition then keep one value; without a focus all vary.
   */
  focus?: readonly Slot[];
  /** Only calls this accepts count: the change's own condition or limit must tell them apart. */
  accept?: (call: ToolCall) => boolean;
  /** Calls (arguments and context) to try before the search: where the change's own comparison found its boundary. */
  hints?: readonly { args?: Record<string, unknown>; context?: Record<string, unknown> }[];
  /** Only decision pairs this accepts count (e.g. the old policy did not admit the name at all). */
  acceptDecisions?: (before: Decision, after: Decision, call: ToolCall) => boolean;
}

export interface SearchResult {
  witness?: Witness;
  /** Every region of every slot was tried: no witness means there is none for this name. */
  complete: boolean;
}

/** Calls tried per search before it stops (and says it is incomplete). */
export const MAX_CALLS_PER_SEARCH = 50_000;

export function searchCalls(old: PolicyView, next: PolicyView, search: CallSearch): SearchResult {
  const tryCall = (call: ToolCall): Witness | undefined => {
    if (search.accept && !search.accept(call)) return undefined;
    const before = decide(old.policy, call);
    const after = decide(next.policy, call);
    const drop = strictness(before) - strictness(after);
    if (search.want === "less" ? drop <= 0 : drop >= 0) return undefined;
    if (search.acceptDecisions && !search.acceptDecisions(before, after, call)) return undefined;
    return { call, before, after };
  };
  for (const hint of search.hints ?? []) {
    const witness = tryCall({ tool: search.name, ...hint } as ToolCall);
    if (witness) return { witness, complete: false };
  }
  const entries = [...entriesFor(old, search.name), ...entriesFor(next, search.name)].map(([, tool]) => tool);
  const collector = new SlotCollector();
  for (const slot of search.focus ?? []) collector.slotFor(slot);
  for (const tool of entries) collector.addTool(tool);
  const slots = collector.slots();
  const conditionSlots = new SlotCollector();
  for (const tool of entries) if (tool.approval?.when) conditionSlots.addCondition(tool.approval.when);
  const focusKeys = new Set((search.focus ?? []).map(slotKey));
  // Without a focus every slot varies (a full search); with one, the slots only limits read keep
  // one value every limit allows, and the search is no longer complete.
  const varied = search.focus ? new Set([...focusKeys, ...conditionSlots.facts.keys()]) : new Set(collector.facts.keys());
  // A parent or child of a varied slot is varied too: their values must be consistent.
  for (const facts of slots) {
    for (const key of [...varied]) {
      const other = collector.facts.get(key)!;
      if (related(facts.slot, other.slot)) varied.add(slotKey(facts.slot));
    }
  }
  let complete = true;
  const axes: Axis[] = [];
  for (const facts of slots) {
    const reps = representatives(facts);
    if (!varied.has(slotKey(facts.slot))) {
      complete = false;
      axes.push({ facts, values: [benignValue(facts, reps.values, entries)] });
      continue;
    }
    if (!reps.complete) complete = false;
    axes.push({ facts, values: reps.values });
  }
  // Focus slots vary slowest, so the first witness found sits at their smallest telling value.
  axes.sort((a, b) => Number(focusKeys.has(slotKey(b.facts.slot))) - Number(focusKeys.has(slotKey(a.facts.slot))));
  let witness: Witness | undefined;
  const run = forEachCall(search.name, axes, MAX_CALLS_PER_SEARCH, (call) => {
    witness = tryCall(call as ToolCall);
    return witness !== undefined;
  });
  return { witness, complete: complete && run.complete };
}

function related(a: Slot, b: Slot): boolean {
  if (a.from !== "args" || b.from !== "args" || a.path === b.path) return false;
  return a.path.startsWith(b.path + ".") || b.path.startsWith(a.path + ".");
}

/**
 * A value for a slot only limits read: absent where every limit allows that, else the first
 * representative every limit of both policies allows, else one the new policy's allow.
 */
function benignValue(facts: SlotFacts, values: readonly SlotValue[], tools: readonly PolicyTool[]): SlotValue {
  const candidates = [ABSENT, ...values];
  const passes = (value: SlotValue, tool: PolicyTool) => {
    const limit = tool.limits?.[facts.slot.path];
    if (!limit) return true;
    const call = buildCall("x", new Map([[slotKey(facts.slot), value]]), [facts]);
    return call !== undefined && entryStrictness({ effect: "read", limits: { [facts.slot.path]: limit } }, call) < 2;
  };
  return candidates.find((v) => tools.every((t) => passes(v, t))) ?? ABSENT;
}

export interface DecisionRange {
  /** The least strict decision some arguments get (0 allow, 1 require_approval, 2 deny). */
  min: number;
  /** The strictest. */
  max: number;
  /** Every region of every argument was tried. */
  complete: boolean;
}

/**
 * How strictly a policy can decide calls to a tool name when only the name (and the context) is
 * known: over every argument value the entries that match it read. What a replay of a record that
 * kept only a digest of its arguments can say.
 */
export function decisionRange(view: PolicyView, name: string, context: ToolCall["context"] | undefined): DecisionRange {
  const collector = new SlotCollector();
  for (const [, tool] of entriesFor(view, name)) collector.addTool(tool);
  const slots = collector.slots().filter((facts) => facts.slot.from === "args");
  let complete = true;
  const axes: Axis[] = slots.map((facts) => {
    const reps = representatives(facts);
    if (!reps.complete) complete = false;
    return { facts, values: reps.values };
  });
  let min = 2;
  let max = 0;
  const run = forEachCall(name, axes, MAX_CALLS_PER_SEARCH, (call) => {
    const rank = strictness(decide(view.policy, context ? { ...call, context } : call));
    min = Math.min(min, rank);
    max = Math.max(max, rank);
    return min === 0 && max === 2;
  });
  return { min, max, complete: complete && (run.complete || run.stopped) };
}
