/** effect-raised and effect-lowered: what each tool is declared to do to the world. */
import type { Effect } from "../../../generated/policy.js";
import { toolPointer } from "../../model/index.js";
import type { Comparator } from "../types.js";
import { NOT_DECIDED_PER_CALL } from "./messages.js";

const RANK: Record<Effect, number> = { read: 0, draft: 1, write: 2, irreversible: 3 };

export const effect: Comparator = {
  id: "effect",
  description: "Each tool's effect class",
  compare(context) {
    for (const { oldKey, newKey, oldTool, newTool } of context.entries.changed) {
      if (oldTool.effect === newTool.effect) continue;
      const raised = RANK[newTool.effect] > RANK[oldTool.effect];
      context.report({
        kind: raised ? "effect-raised" : "effect-lowered",
        direction: raised ? "widened" : "narrowed",
        pointer: toolPointer(newKey) + "/effect",
        side: "new",
        message: `${JSON.stringify(newKey)} is declared ${newTool.effect}, was ${oldTool.effect}${oldKey === newKey ? "" : ` (as ${JSON.stringify(oldKey)})`}`,
        ...(raised ? { noWitness: NOT_DECIDED_PER_CALL.effect } : {}),
      });
    }
  },
};
