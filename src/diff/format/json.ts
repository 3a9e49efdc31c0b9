/** `--format json`: [{ file, old, status, changes: [{ kind, direction, pointer, line, column, side, message, witness?, noWitness? }], problems? }]. */
import { relativePath } from "../../report/paths.js";
import type { DiffReporter } from "./types.js";

export const json: DiffReporter = {
  id: "json",
  description: "One entry per spec with its changes and witnesses: for machines",
  docs: '`[{ "file", "old", "status", "changes": [{ "kind", "direction", "pointer", "line", "column", "side", "message", "witness"?: { "call", "before", "after" }, "noWitness"?, "inNew"? }], "problems"? }]`: one entry per spec compared.',
  format(diffs, { cwd }) {
    // Paths as the sarif and github formats write them; a <ref>:<path> label (--base) is left as it is.
    return (
      JSON.stringify(
        diffs.map(({ file, old, status, changes, problems }) => ({
          file: relativePath(file, cwd),
          old: old === null ? null : relativePath(old, cwd),
          status,
          changes,
          ...(problems.length > 0 ? { problems: problems.map((p) => ({ ...p, file: relativePath(p.file, cwd) })) } : {}),
        })),
      ) + "\n"
    );
  },
};
