/**
 * The diff of authority over files: two spec files (`agentspec diff <old> <new>`), or every spec
 * changed since a git revision (`--base`). A spec that does not parse or match its schema, old or
 * new, is not compared: its diagnostics are returned, located, as lint reports them.
 */
import { basename, isAbsolute, join } from "node:path";
import type { FileResult } from "../diagnostics.js";
import { existsSync } from "node:fs";
import { AgentspecError } from "../errors.js";
import { isSpecFileName, sourceFromBytes } from "../load/index.js";
import { checkSource, loadSpec, type CheckedSource } from "../model/index.js";
import { diffAddedSpec, diffAuthority, diffRemovedSpec } from "./diff.js";
import { changedFiles, existsAt, resolveCommit } from "./git.js";
import type { AuthorityChange } from "./types.js";

export interface SpecDiff {
  /** The new file's path; the old one's for a spec that was removed. */
  file: string;
  /** The old version: its path, or <ref>:<path> with --base; null for a spec that is new. */
  old: string | null;
  status: "changed" | "added" | "removed" | "renamed";
  changes: AuthorityChange[];
  /** Why the spec could not be compared: syntax or schema errors in either version. Empty when it was. */
  problems: FileResult[];
}

export interface DiffOptions {
  /** The working directory relative paths are read from (and git runs in); default process.cwd(). */
  cwd?: string;
}

/** `agentspec diff <old> <new>`: two spec files. */
export async function diffFiles(oldFile: string, newFile: string, options: DiffOptions = {}): Promise<SpecDiff> {
  const cwd = options.cwd ?? process.cwd();
  const [before, after] = await Promise.all([loadAs(cwd, oldFile), loadAs(cwd, newFile)]);
  return compare(newFile, oldFile, before, after);
}

/** Reads a spec at a path relative to cwd; messages name it as given. */
async function loadAs(cwd: string, file: string): Promise<CheckedSource> {
  const resolved = resolvePath(cwd, file);
  let checked: CheckedSource;
  try {
    checked = await loadSpec(resolved);
  } catch (error) {
    if (error instanceof AgentspecError) throw new AgentspecError(error.code, error.message.split(resolved).join(file));
    throw error;
  }
  checked.source.file = file;
  return checked;
}

/** `agentspec diff --base <ref> [paths..]`: every spec under the paths changed since the revision. */
export async function diffSince(ref: string, paths: readonly string[], options: DiffOptions = {}): Promise<SpecDiff[]> {
  const cwd = options.cwd ?? process.cwd();
  const commit = resolveCommit(ref, cwd);
  for (const path of paths) {
    if (!existsSync(resolvePath(cwd, path)) && !existsAt(commit, path, cwd)) {
      throw new AgentspecError("NOT_FOUND", `${path}: no such file or directory, in the working tree or at ${ref}`);
    }
  }
  const named = new Set(paths.map(normalize));
  const isSpec = (path: string | undefined) => path !== undefined && (isSpecFileName(basename(path)) || named.has(normalize(path)));
  const out: SpecDiff[] = [];
  for (const file of changedFiles(commit, paths, cwd)) {
    if (!isSpec(file.path) && !isSpec(file.oldPath)) continue;
    const oldLabel = file.oldPath === undefined ? null : `${ref}:${file.oldPath}`;
    const before =
      file.oldPath !== undefined && file.oldBytes !== undefined ? checkSource(sourceFromBytes(oldLabel!, file.oldBytes)) : undefined;
    const after = file.path !== undefined ? await loadAs(cwd, file.path) : undefined;
    const diff = compare(file.path ?? oldLabel!, oldLabel, before, after);
    if (file.path !== undefined && file.oldPath !== undefined && file.path !== file.oldPath) diff.status = "renamed";
    out.push(diff);
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function compare(file: string, old: string | null, before: CheckedSource | undefined, after: CheckedSource | undefined): SpecDiff {
  const status = !before ? "added" : !after ? "removed" : "changed";
  const problems = [before, after].flatMap((checked) => (checked ? invalid(checked) : []));
  if (problems.length > 0) return { file, old, status, changes: [], problems };
  const changes = !before ? diffAddedSpec(after!.spec!) : !after ? diffRemovedSpec(before.spec!) : diffAuthority(before.spec!, after.spec!);
  return { file, old, status, changes, problems: [] };
}

/** The errors of a version that cannot be compared, as one lint result. */
function invalid(checked: CheckedSource): FileResult[] {
  const errors = checked.diagnostics.filter((d) => d.severity === "error");
  if (checked.spec && errors.length === 0) return [];
  return [{ file: checked.source.file, diagnostics: errors }];
}

function normalize(path: string): string {
  return path.replace(/^\.\//, "").replace(/\/+$/, "");
}

function resolvePath(cwd: string, path: string): string {
  return isAbsolute(path) ? path : join(cwd, path);
}
