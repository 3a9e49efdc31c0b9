/** approval-added, -removed, -loosened, -tightened and channel-changed: each entry's approval gate, old against new. */
import type { PolicyTool } from "../../../generated/policy.js";
import { toolPointer } from "../../model/index.js";
import { describeCondition } from "../../policy/index.js";
import { compareEntries, type EntryCall } from "../compare.js";
import { entryStrictness } from "../entry.js";
import type { EntryPair } from "../pairs.js";
import { sameEntry } from "../pairs.js";
import { SlotCollector } from "../values.js";
import { namesFor, witnessAmong } from "../witness.js";
import type { Comparator, DiffContext } from "../types.js";
import { noWitnessFound } from "./messages.js";

export const approval: Comparator = {
  id: "approval",
  description: "Each tool's approval gate and channel",
  compare(context) {
    for (const pair of context.entries.changed) compareGate(context, pair);
  },
};

type Gate = PolicyTool["approval"];

function compareGate(context: DiffContext, pair: EntryPair): void {
  const before = pair.oldTool.approval;
  const after = pair.newTool.approval;
  if (!before && !after) return;
  const tool = JSON.stringify(pair.newKey);
  const pointer = toolPointer(pair.newKey) + "/approval";
  if (before && after && before.channel !== after.channel) {
    context.report({
      kind: "channel-changed",
      direction: "neutral",
      pointer: after.channel !== undefined ? pointer + "/channel" : pointer,
      side: "new",
      message: `${tool}: approval requests go to ${channelName(after.channel)}, were going to ${channelName(before.channel)}`,
    });
  }
  if (before && after && sameEntry(before.when, after.when)) return;
  const oldGate = gateOnly(before);
  const newGate = gateOnly(after);
  const comparison = compareEntries(oldGate, newGate);
  if (!before) {
    if (comparison.stricter)
      context.report({
        kind: "approval-added",
        direction: "narrowed",
        pointer,
        side: "new",
        message: `${tool} now needs approval ${when(after)}`,
      });
    return;
  }
  const loosened = comparison.looser !== undefined || !comparison.complete;
  if (loosened) {
    const found = witness(context, pair, oldGate, newGate, before, after, comparison.looser);
    const unproven = comparison.looser ? "" : " (the two conditions could not be compared completely, so it is reported as widened)";
    context.report({
      kind: after ? "approval-loosened" : "approval-removed",
      direction: "widened",
      pointer: after ? (after.when !== undefined ? pointer + "/when" : pointer) : toolPointer(pair.oldKey) + "/approval",
      side: after ? "new" : "old",
      message: after
        ? `${tool} needs approval ${when(after)}, was ${when(before)}${unproven}`
        : `${JSON.stringify(pair.oldKey)} no longer needs approval (before: ${when(before)})`,
      ...found,
    });
  }
  if (after && comparison.stricter) {
    context.report({
      kind: "approval-tightened",
      direction: "narrowed",
      pointer,
      side: "new",
      message: `${tool} needs approval ${when(after)}, was ${when(before)}`,
    });
  }
}

/** The gate alone, as an entry: 1 where it holds, 0 where it does not. */
function gateOnly(gate: Gate): PolicyTool {
  return gate ? { effect: "read", approval: gate.when === undefined ? {} : { when: gate.when } } : { effect: "read" };
}

function witness(
  context: DiffContext,
  pair: EntryPair,
  oldGate: PolicyTool,
  newGate: PolicyTool,
  before: Gate,
  after: Gate,
  hint: EntryCall | undefined,
) {
  const focus = new SlotCollector();
  if (before?.when) focus.addCondition(before.when);
  if (after?.when) focus.addCondition(after.when);
  const names = namesFor(context.old, context.new, pair.oldKey, pair.newKey);
  const result = witnessAmong(context.old, context.new, names, {
    want: "less",
    hints: hint ? [hint] : [],
    focus: [...focus.facts.values()].map((f) => f.slot),
    accept: (call) => entryStrictness(oldGate, call) === 1 && entryStrictness(newGate, call) === 0,
  });
  return result.witness ? { witness: result.witness } : { noWitness: noWitnessFound(names, "the old gate held and the new one does not") };
}

function when(gate: Gate): string {
  if (!gate) return "never";
  return gate.when === undefined ? "always" : `when ${describeCondition(gate.when)}`;
}

function channelName(channel: string | undefined): string {
  return channel === undefined ? "no channel" : JSON.stringify(channel);
}
