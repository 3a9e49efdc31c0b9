/**
 * resources-widened and resources-narrowed: each tool's resource scopes. No scopes means any
 * resource; a new scope no old scope covers widens, an old scope no new scope covers narrows.
 */
import { toolPointer } from "../../model/index.js";
import { patternCovers } from "../../policy/index.js";
import type { Comparator } from "../types.js";
import { NOT_DECIDED_PER_CALL } from "./messages.js";

export const resources: Comparator = {
  id: "resources",
  description: "Each tool's resource scopes",
  compare(context) {
    for (const { newKey, oldTool, newTool } of context.entries.changed) {
      const before = oldTool.resources;
      const after = newTool.resources;
      const tool = JSON.stringify(newKey);
      const pointer = toolPointer(newKey) + (after ? "/resources" : "");
      const gained = after ? after.filter((scope) => !before || !before.some((old) => patternCovers(old, scope))) : before ? ["*"] : [];
      const lost = before ? before.filter((scope) => !after || !after.some((kept) => patternCovers(kept, scope))) : [];
      if (gained.length > 0) {
        const what = after ? gained.map((s) => JSON.stringify(s)).join(", ") : "any resource (its scopes are gone)";
        context.report({
          kind: "resources-widened",
          direction: "widened",
          pointer,
          side: "new",
          message: `${tool} may reach ${what}${before ? `, beyond ${before.map((s) => JSON.stringify(s)).join(", ")}` : ""}`,
          noWitness: NOT_DECIDED_PER_CALL.resources,
        });
      }
      if (lost.length > 0 && after) {
        context.report({
          kind: "resources-narrowed",
          direction: "narrowed",
          pointer,
          side: "new",
          message: `${tool} no longer reaches ${lost.map((s) => JSON.stringify(s)).join(", ")}`,
        });
      } else if (!before && after) {
        context.report({
          kind: "resources-narrowed",
          direction: "narrowed",
          pointer,
          side: "new",
          message: `${tool} is scoped to ${after.map((s) => JSON.stringify(s)).join(", ")}, was any resource`,
        });
      }
    }
  },
};
