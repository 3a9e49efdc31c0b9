/**
 * audit-weakened and audit-strengthened: what decision records keep. Arguments are recorded as a
 * digest (the default), redacted, or in full: from full to a digest records less of each call.
 */
import type { Audit } from "../../../generated/policy.js";
import type { Comparator } from "../types.js";
import { NOT_DECIDED_PER_CALL } from "./messages.js";

const RECORDED = { digest: 0, redacted: 1, full: 2 } as const;

export const audit: Comparator = {
  id: "audit",
  description: "Append-only records, what they record of the arguments, the logs kept and their retention",
  compare(context) {
    const before: Audit = context.old.policy.audit ?? {};
    const after: Audit = context.new.policy.audit ?? {};
    const weakened = (pointer: string, side: "new" | "old", message: string) =>
      context.report({ kind: "audit-weakened", direction: "widened", pointer, side, message, noWitness: NOT_DECIDED_PER_CALL.audit });
    const strengthened = (pointer: string, message: string) =>
      context.report({ kind: "audit-strengthened", direction: "narrowed", pointer, side: "new", message });
    if (before.append_only === true && after.append_only !== true)
      weakened("/audit/append_only", after.append_only === false ? "new" : "old", "decision records are no longer append-only");
    else if (before.append_only !== true && after.append_only === true)
      strengthened("/audit/append_only", "decision records are append-only");
    const oldRecorded = before.record_arguments ?? "digest";
    const newRecorded = after.record_arguments ?? "digest";
    if (RECORDED[newRecorded] < RECORDED[oldRecorded])
      weakened(
        "/audit/record_arguments",
        after.record_arguments ? "new" : "old",
        `arguments are recorded as ${newRecorded}, were ${oldRecorded}`,
      );
    else if (RECORDED[newRecorded] > RECORDED[oldRecorded])
      strengthened("/audit/record_arguments", `arguments are recorded as ${newRecorded}, were ${oldRecorded}`);
    const oldLogs = before.logs ?? [];
    const newLogs = after.logs ?? [];
    oldLogs.forEach((log, i) => {
      if (!newLogs.includes(log) && oldLogs.indexOf(log) === i)
        weakened(`/audit/logs/${i}`, "old", `${JSON.stringify(log)} is no longer logged`);
    });
    newLogs.forEach((log, i) => {
      if (!oldLogs.includes(log) && newLogs.indexOf(log) === i) strengthened(`/audit/logs/${i}`, `${JSON.stringify(log)} is logged`);
    });
    const oldDays = before.retention_days;
    const newDays = after.retention_days;
    if (oldDays !== newDays) {
      if (newDays === undefined) weakened("/audit/retention_days", "old", `records are no longer kept for ${oldDays} days`);
      else if (oldDays === undefined || newDays > oldDays)
        strengthened("/audit/retention_days", `records are kept ${newDays} days${oldDays === undefined ? "" : `, were ${oldDays}`}`);
      else weakened("/audit/retention_days", "new", `records are kept ${newDays} days, were ${oldDays}`);
    }
  },
};
