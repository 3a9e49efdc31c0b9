/** Finding spec files: paths named on the command line, directories searched. */
import { readdirSync, statSync, type Dirent } from "node:fs";
import { AgentspecError } from "../errors.js";

/** What a directory is searched for. */
export const SPEC_FILE_PATTERNS = ["**/*.agentspec.yaml", "**/*.agentspec.yml", "**/*.agentspec.json", "**/agentaz.json"];

export interface FindOptions {
  /** Glob patterns (relative to each searched directory) to leave out. */
  ignore?: string[];
}

/**
 * Expands paths into spec files: a directory is searched for SPEC_FILE_PATTERNS, a file named
 * explicitly is always taken, and a path that does not exist but holds glob characters is a
 * pattern (a quoted `'specs/**\/*.yaml'`, which the shell left alone) whose matching files are
 * taken, as ESLint does. Throws NOT_FOUND for a missing path or a pattern that matches nothing,
 * and NO_FILES when nothing matched.
 */
export async function findSpecFiles(paths: readonly string[], options: FindOptions = {}): Promise<string[]> {
  const files = new Set<string>();
  for (const given of paths) {
    const info = statPath(given, GLOB_CHARACTERS.test(given));
    if (info === undefined) {
      for (const file of await globFiles(given, options.ignore ?? [])) files.add(file);
      continue;
    }
    if (info.isDirectory()) {
      const found = options.ignore?.length ? await globSpecFiles(given, options.ignore) : await walkSpecFiles(given);
      const prefix = given.endsWith("/") ? given : given + "/";
      for (const file of found.sort()) files.add(prefix + file);
    } else {
      files.add(given);
    }
  }
  if (files.size === 0) {
    throw new AgentspecError(
      "NO_FILES",
      `No spec files found in ${paths.join(", ")}: agentspec looks for *.agentspec.yaml, *.agentspec.yml, *.agentspec.json and agentaz.json`,
    );
  }
  return [...files];
}

/** What makes a path that does not exist a pattern: fast-glob's wildcards, classes and braces. */
const GLOB_CHARACTERS = /[*?[\]{}]/;

/** The path's stat; undefined for a missing path that may be a pattern. */
function statPath(given: string, mayBePattern = false) {
  try {
    return statSync(given);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === "ENOENT" && mayBePattern) return undefined;
    if (code === "ENOENT") throw new AgentspecError("NOT_FOUND", `${given}: no such file or directory`);
    throw new AgentspecError("UNREADABLE", `${given}: cannot be read (${code ?? message})`);
  }
}

/**
 * The files a command-line pattern matches, relative to the working directory as the pattern is
 * (absolute for an absolute one), sorted. Hidden directories are searched and .git and
 * node_modules are not, as in a directory search; the config's ignore patterns apply, matched
 * relative to the working directory. Linked directories are not entered (a link out of the tree
 * would widen what a pattern names, and may loop); a linked file the pattern names is taken, as a
 * directory search takes it. A pattern that matches nothing is an error, as a missing path is: a
 * typo must not turn a CI run into "no problems".
 */
async function globFiles(pattern: string, ignore: readonly string[]): Promise<string[]> {
  const { default: fg } = await import("fast-glob");
  const found = filesAndLinks(
    await fg(pattern, {
      ignore: [...SKIPPED_DIRECTORIES.map((d) => `**/${d}/**`), ...ignore],
      dot: true,
      onlyFiles: false,
      markDirectories: true,
      followSymbolicLinks: false,
      suppressErrors: true,
    }),
  );
  if (found.length === 0) {
    throw new AgentspecError(
      "NOT_FOUND",
      `${pattern}: no such file or directory, and no file matches it as a pattern (.git and node_modules are not searched${ignore.length > 0 ? ", nor the config's ignore patterns" : ""})`,
    );
  }
  return found.sort();
}

/** fast-glob, loaded only when ignore patterns need it: loading it costs more than a walk of a spec tree. */
async function globSpecFiles(dir: string, ignore: readonly string[]): Promise<string[]> {
  const { default: fg } = await import("fast-glob");
  return filesAndLinks(
    await fg(SPEC_FILE_PATTERNS, {
      cwd: dir,
      ignore: [...SKIPPED_DIRECTORIES.map((d) => `**/${d}/**`), ...ignore],
      dot: true,
      onlyFiles: false,
      markDirectories: true,
      followSymbolicLinks: false,
      suppressErrors: true,
    }),
  );
}

/**
 * fast-glob's entries without its directories. With links not followed, `onlyFiles` would also
 * drop a link to a file, so a spec replaced by a link would pass every search unread; it is kept
 * (read through the link, or reported unreadable when the link leads nowhere), as the walk keeps it.
 */
function filesAndLinks(entries: string[]): string[] {
  return entries.filter((entry) => !entry.endsWith("/"));
}

/**
 * Directories a search never enters: a repository's objects and installed packages. Hidden
 * directories are searched otherwise (`.github/agents/` holds specs in many repositories).
 */
export const SKIPPED_DIRECTORIES: readonly string[] = [".git", "node_modules"];

/**
 * What fast-glob returns for SPEC_FILE_PATTERNS without ignore patterns, by a plain walk: paths
 * relative to `dir`; hidden entries included, .git and node_modules skipped; unreadable
 * directories skipped. A symbolic link with a spec's name is listed and read through (a spec
 * replaced by a link must not pass a search unread); a linked directory is not entered.
 */
export async function walkSpecFiles(dir: string, relative = ""): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = readdirSync(relative ? `${dir}/${relative}` : dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const entry of entries) {
    const name = entry.name;
    const path = relative ? `${relative}/${name}` : name;
    if (entry.isDirectory()) {
      // A loop, not push(...): a spread of ~150,000 names overflows the stack.
      if (!SKIPPED_DIRECTORIES.includes(name)) for (const file of await walkSpecFiles(dir, path)) found.push(file);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isSpecFileName(name)) found.push(path);
  }
  return found;
}

/** Whether a file name (no directory) is one a directory search takes: SPEC_FILE_PATTERNS without the walk. */
export function isSpecFileName(name: string): boolean {
  return name.endsWith(".agentspec.yaml") || name.endsWith(".agentspec.yml") || name.endsWith(".agentspec.json") || name === "agentaz.json";
}
