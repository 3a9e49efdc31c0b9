/**
 * Reading a file the user named, with the one set of messages for what went wrong: a missing
 * file is NOT_FOUND ("no such <what>"), anything else UNREADABLE with the system's code, and
 * both name the file as the user wrote it.
 */
import { readFileSync } from "node:fs";
import { AgentspecError, type AgentspecErrorCode } from "../errors.js";

export interface ReadOptions {
  /** What the file is, for the message: "no such policy file". */
  what?: string;
  /** The name to show (default: the path read). */
  shown?: string;
  /** Report every failure with this code instead (BAD_CONFIG for a config file). */
  code?: AgentspecErrorCode;
}

/** The file's bytes; throws AgentspecError naming the file. */
export function readBytes(file: string, options: ReadOptions = {}): Buffer {
  const bytes = readOrMissing(file, options, false);
  if (bytes === undefined) throw missing(file, options);
  return bytes;
}

/** The file's UTF-8 text; throws AgentspecError naming the file. */
export function readText(file: string, options: ReadOptions = {}): string {
  return readBytes(file, options).toString("utf8");
}

/** The file's UTF-8 text, or undefined when it does not exist (a path through a file counts as missing). */
export function readTextIfExists(file: string, options: ReadOptions = {}): string | undefined {
  return readOrMissing(file, options, true)?.toString("utf8");
}

function readOrMissing(file: string, options: ReadOptions, notDirIsMissing: boolean): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || (notDirIsMissing && code === "ENOTDIR")) return undefined;
    const shown = options.shown ?? file;
    const why =
      code === "EISDIR" ? `is a directory, not a ${options.what ?? "file"}` : `cannot be read (${code ?? (error as Error).message})`;
    throw new AgentspecError(options.code ?? "UNREADABLE", `${shown}: ${why}`);
  }
}

function missing(file: string, options: ReadOptions): AgentspecError {
  return new AgentspecError(options.code ?? "NOT_FOUND", `${options.shown ?? file}: no such ${options.what ?? "file"}`);
}
