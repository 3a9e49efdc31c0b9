/**
 * What changed since a git revision, for `agentspec diff --base <ref>`: the files under the given
 * paths that differ between the revision and the working tree (renames followed, new untracked
 * files included), and each one's old content. git runs with the revision resolved to a commit
 * first (so a ref can never be read as an option), pathspecs taken literally, and no external
 * diff or text conversion; old contents are read by blob id in one `git cat-file --batch`.
 */
import { spawnSync } from "node:child_process";
import { AgentspecError } from "../errors.js";

export interface ChangedFile {
  /** The path in the working tree (relative to cwd); undefined when the file was deleted. */
  path?: string;
  /** The path at the revision; undefined when the file is new. */
  oldPath?: string;
  /** The file's bytes at the revision. */
  oldBytes?: Buffer;
}

/** The revision as a commit id: refuses what git does not know, and anything that could read as an option. */
export function resolveCommit(ref: string, cwd: string): string {
  if (ref === "" || ref.startsWith("-") || /[\0\n\r]/.test(ref)) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `--base ${JSON.stringify(ref)} is not a revision: name a commit, branch or tag, e.g. --base origin/main`,
    );
  }
  const inside = git(["rev-parse", "--is-inside-work-tree"], cwd);
  if (inside.status !== 0 || inside.stdout.toString("utf8").trim() !== "true") {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `--base needs a git working tree, and ${cwd} is not inside one: run it from the repository, or compare two files (agentspec diff <old> <new>)`,
    );
  }
  const result = git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`], cwd);
  if (result.status !== 0) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `--base ${ref}: git knows no commit by that name in ${cwd}; fetch it first (git fetch origin ${ref}) or name another`,
    );
  }
  return result.stdout.toString("utf8").trim();
}

/** Whether a path (relative to cwd) names a file or directory at the commit. */
export function existsAt(commit: string, path: string, cwd: string): boolean {
  const relative = path.startsWith("/") ? path : `./${path.replace(/^\.\//, "")}`;
  return git(["cat-file", "-e", `${commit}:${relative}`], cwd).status === 0;
}

/**
 * Files under `paths` that differ between `commit` and the working tree, with their old contents.
 * `paths` are relative to cwd; an empty list means cwd.
 */
export function changedFiles(commit: string, paths: readonly string[], cwd: string): ChangedFile[] {
  const pathspec = ["--", ...(paths.length > 0 ? paths : ["."])];
  const diff = git(["diff", "--raw", "-z", "-M", "--relative", "--no-ext-diff", "--no-textconv", commit, ...pathspec], cwd);
  if (diff.status !== 0) throw gitFailed("git diff", diff.stderr);
  const changed = parseRaw(diff.stdout.toString("utf8"));
  const untracked = git(["ls-files", "-z", "--others", "--exclude-standard", ...pathspec], cwd);
  if (untracked.status !== 0) throw gitFailed("git ls-files", untracked.stderr);
  for (const path of untracked.stdout.toString("utf8").split("\0")) if (path) changed.push({ entry: { path } });
  const blobs = readBlobs(
    changed.flatMap((c) => (c.blob ? [c.blob] : [])),
    cwd,
  );
  return changed.map(({ entry, blob }) => (blob ? { ...entry, oldBytes: blobs.get(blob) } : entry));
}

interface RawChange {
  entry: ChangedFile;
  /** The old blob, for a file that existed at the revision and is a regular file there. */
  blob?: string;
}

/** `git diff --raw -z`: ":oldmode newmode oldsha newsha status\0path\0" (a rename or copy has two paths). */
function parseRaw(text: string): RawChange[] {
  const fields = text.split("\0");
  const out: RawChange[] = [];
  for (let i = 0; i < fields.length - 1;) {
    const header = fields[i++]!;
    const [oldMode, newMode, oldSha, , status] = header.slice(1).split(" ");
    const kind = status?.[0];
    const first = fields[i++]!;
    const second = kind === "R" || kind === "C" ? fields[i++]! : undefined;
    // The old side is read from git, where only a regular file holds a spec (a link's blob is its
    // target's name). The new side is read from the working tree, where a symbolic link is read
    // through, as lint, compile and the gateway read it: a spec replaced by a link to an allow-all
    // file is compared with what the link now gives, never reported as removed (narrowed).
    const oldRegular = oldMode === "100644" || oldMode === "100755";
    const newRegular = newMode === "100644" || newMode === "100755" || newMode === "120000";
    if (kind === "A") out.push({ entry: { path: first } });
    else if (kind === "D") out.push({ entry: { oldPath: first }, blob: oldRegular ? oldSha : undefined });
    else if (kind === "R" || kind === "C") out.push({ entry: { oldPath: first, path: second }, blob: oldRegular ? oldSha : undefined });
    else out.push({ entry: { oldPath: first, path: newRegular ? first : undefined }, blob: oldRegular ? oldSha : undefined });
  }
  return out;
}

/** Blob contents by id, read in one `git cat-file --batch`. */
function readBlobs(ids: readonly string[], cwd: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (ids.length === 0) return out;
  const result = git(["cat-file", "--batch"], cwd, ids.join("\n") + "\n");
  if (result.status !== 0) throw gitFailed("git cat-file", result.stderr);
  const bytes = result.stdout;
  let at = 0;
  for (const id of ids) {
    const end = bytes.indexOf(0x0a, at);
    const header = bytes.subarray(at, end).toString("utf8");
    const [, type, size] = header.split(" ");
    if (type !== "blob" || size === undefined) throw gitFailed("git cat-file", Buffer.from(`unexpected answer for ${id}: ${header}`));
    const start = end + 1;
    out.set(id, bytes.subarray(start, start + Number(size)));
    at = start + Number(size) + 1;
  }
  return out;
}

function git(args: readonly string[], cwd: string, input?: string) {
  const result = spawnSync("git", ["--literal-pathspecs", "--no-pager", ...args], {
    cwd,
    input,
    maxBuffer: 1 << 30,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" },
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new AgentspecError(
      "UNREADABLE",
      code === "ENOENT"
        ? "--base needs git, which is not installed or not on PATH"
        : `git could not run in ${cwd} (${code ?? result.error.message})`,
    );
  }
  return result;
}

function gitFailed(what: string, stderr: Buffer): AgentspecError {
  const detail = stderr.toString("utf8").trim().split("\n")[0] ?? "";
  return new AgentspecError("UNREADABLE", `${what} failed${detail ? `: ${detail}` : ""}; is this a git working tree?`);
}
