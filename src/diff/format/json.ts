/** `--format json`: [{ file, old, status, changes: [{ kind, direction, pointer, line, column, side, message, witness?, noWitness? }], problems? }]. */
import type { DiffReporter } from "./types.js";

export const json: DiffReporter = {
  id: "json",
  description: "One entry per spec with its changes and witnesses: for machines",
  docs: '`[{ "file", "old", "status", "changes": [{ "kind", "direction", "pointer", "line", "column", "side", "message", "witness"?: { "call", "before", "after" }, "noWitness"?, "inNew"? }], "problems"? }]`: one entry per spec compared.',
  format(diffs) {
    return (
      JSON.stringify(
        diffs.map(({ file, old, status, changes, problems }) => ({
          file,
          old,
          status,
          changes,
          ...(problems.length > 0 ? { problems } : {}),
        })),
      ) + "\n"
    );
  },
};
