/**
 * handoff-removed / -added / -changed and escalation-raised / -lowered: when and to whom the agent
 * hands over to a human. Without escalate_after_denials the guard escalates after 3 denials.
 */
import type { Comparator } from "../types.js";
import { NOT_DECIDED_PER_CALL } from "./messages.js";

/** The guard's default when the policy sets no escalate_after_denials. */
const DEFAULT_ESCALATION = 3;

export const handoff: Comparator = {
  id: "handoff",
  description: "Handoff triggers and destination, and the escalation threshold",
  compare(context) {
    const before = context.old.policy.handoff ?? {};
    const after = context.new.policy.handoff ?? {};
    const oldTriggers = before.triggers ?? [];
    const newTriggers = after.triggers ?? [];
    oldTriggers.forEach((trigger, i) => {
      if (newTriggers.includes(trigger) || oldTriggers.indexOf(trigger) !== i) return;
      context.report({
        kind: "handoff-removed",
        direction: "widened",
        pointer: `/handoff/triggers/${i}`,
        side: "old",
        message: `the handoff trigger ${JSON.stringify(trigger)} is removed: the agent no longer hands over to a human then`,
        noWitness: NOT_DECIDED_PER_CALL.handoff,
      });
    });
    newTriggers.forEach((trigger, i) => {
      if (oldTriggers.includes(trigger) || newTriggers.indexOf(trigger) !== i) return;
      context.report({
        kind: "handoff-added",
        direction: "narrowed",
        pointer: `/handoff/triggers/${i}`,
        side: "new",
        message: `the agent hands over to a human on ${JSON.stringify(trigger)}`,
      });
    });
    if (before.destination !== after.destination) {
      if (after.destination === undefined) {
        context.report({
          kind: "handoff-removed",
          direction: "widened",
          pointer: "/handoff/destination",
          side: "old",
          message: `the handoff destination ${JSON.stringify(before.destination)} is removed: handoffs reach no one`,
          noWitness: NOT_DECIDED_PER_CALL.handoff,
        });
      } else if (before.destination === undefined) {
        context.report({
          kind: "handoff-added",
          direction: "narrowed",
          pointer: "/handoff/destination",
          side: "new",
          message: `handoffs go to ${JSON.stringify(after.destination)}`,
        });
      } else {
        context.report({
          kind: "handoff-changed",
          direction: "neutral",
          pointer: "/handoff/destination",
          side: "new",
          message: `handoffs go to ${JSON.stringify(after.destination)}, were going to ${JSON.stringify(before.destination)}`,
        });
      }
    }
    const oldAfter = before.escalate_after_denials ?? DEFAULT_ESCALATION;
    const newAfter = after.escalate_after_denials ?? DEFAULT_ESCALATION;
    if (oldAfter !== newAfter) {
      const raised = newAfter > oldAfter;
      const set = after.escalate_after_denials !== undefined;
      context.report({
        kind: raised ? "escalation-raised" : "escalation-lowered",
        direction: raised ? "widened" : "narrowed",
        pointer: "/handoff/escalate_after_denials",
        side: set ? "new" : "old",
        message: `a tool is escalated after ${newAfter} denied attempts${set ? "" : " (the default)"}, was ${oldAfter}`,
        ...(raised ? { noWitness: NOT_DECIDED_PER_CALL.escalation } : {}),
      });
    }
  },
};
