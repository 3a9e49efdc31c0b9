/**
 * A decision log file a guard appends to: opened under an exclusive lock (file-lock.ts), so two
 * guards cannot fork its chain; continued from its last record, whose tail is checked first; and
 * written so that a record is never glued onto another one or left half-written.
 *
 * The tail: a file whose last record lacks its final newline (an editor, a copy) is repaired by
 * adding the newline, which provably changes no record. A last line that is not a complete,
 * intact record (a crash mid-write, an edit) cannot be chained to and cannot be repaired without
 * deciding what it was: the file is left as it is and the log refused, saying how to recover.
 */
import { closeSync, constants, fstatSync, ftruncateSync, openSync, readSync, realpathSync, statSync, writeSync, type Stats } from "node:fs";
import path from "node:path";
import { AgentspecError } from "../errors.js";
import { acquireFileLock, codeOf, type FileLock } from "./file-lock.js";
import { isChainTail, recordHash, type ChainTail } from "./decision-record.js";

export interface DecisionLogFile {
  readonly file: string;
  /** Where the chain continues: the file's last record, else chainFrom, else undefined (a new chain). */
  readonly tail: ChainTail | undefined;
  /** Appends one line; throws when it cannot, leaving the file as it was before the call. */
  write(line: string): void;
  /** Closes the file and releases the lock. */
  close(): void;
}

const CHUNK = 64 * 1024;
const NEWLINE = 0x0a;

/**
 * Opens a log file for appending, locked, with its tail checked. Throws AgentspecError: LOCKED
 * when another guard writes it, BAD_LOG when its tail cannot be continued, UNREADABLE /
 * UNWRITABLE for I/O failures. Nothing is written to the file unless it opens.
 */
export function openDecisionLog(file: string, chainFrom?: ChainTail): DecisionLogFile {
  const { fd, lock, release, target } = openLocked(file, "decision log");
  try {
    const tail = continueFrom(file, fd, chainFrom);
    return new LogFile(file, target, fd, tail, lock, release);
  } catch (error) {
    closeQuietly(fd);
    release();
    lock.release();
    throw error;
  }
}

/**
 * The files this process holds open for appending (decision logs, aex event files), by device
 * and inode: a second name for one (a hard link, a rename, another spelling) is the same file,
 * whatever its path says.
 */
const openFiles = new Map<string, string>();

/**
 * Opens a file for appending under its lock (`<real path>.lock`), and makes sure no other name
 * leads to it: a file this process already writes under any name is refused, and so is a file
 * with more than one hard link (another process could open it by the other name, which meets
 * another lock). Throws AgentspecError LOCKED / UNWRITABLE.
 */
export function openLocked(file: string, what: string): { fd: number; lock: FileLock; release: () => void; target: string } {
  const target = realTarget(file);
  // Checked before opening too: opening a FIFO for writing waits for a reader.
  refuseIfNotRegular(file, what, statIfExists(target));
  const lock = acquireFileLock(target);
  let fd: number | undefined;
  try {
    fd = openLog(file, target, what);
    const stat = fstatSync(fd);
    refuseIfNotRegular(file, what, stat);
    const id = `${stat.dev}:${stat.ino}`;
    const holder = openFiles.get(id);
    if (holder !== undefined)
      throw new AgentspecError(
        "LOCKED",
        `${file}: this process already writes this file as ${holder} (the same file by another name): give each guard, and its aex events, a file of its own`,
      );
    if (stat.nlink > 1)
      throw new AgentspecError(
        "LOCKED",
        `${file}: the ${what} has ${stat.nlink} hard links, and a writer opening it by another name would not meet its lock: remove the other links (find -samefile) or use a new file`,
      );
    openFiles.set(id, file);
    let released = false;
    return {
      fd,
      lock,
      target,
      release: () => {
        if (!released && openFiles.get(id) === file) openFiles.delete(id);
        released = true;
      },
    };
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    lock.release();
    throw error;
  }
}

/** Whether two paths name one file: the same real path, or (when both exist) the same device and inode. */
export function sameFile(a: string, b: string): boolean {
  try {
    if (realTarget(a) === realTarget(b)) return true;
  } catch {
    return false;
  }
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

class LogFile implements DecisionLogFile {
  #closed = false;
  readonly #appender: Appender;

  constructor(
    readonly file: string,
    target: string,
    private readonly fd: number,
    readonly tail: ChainTail | undefined,
    private readonly lock: FileLock,
    private readonly forget: () => void,
  ) {
    this.#appender = new Appender(file, target, fd, "decision log", `Check it with \`agentspec audit verify ${file}\``);
  }

  write(line: string): void {
    if (this.#closed) throw new AgentspecError("BAD_ARGUMENT", `${this.file}: the decision log was closed (guard.close())`);
    this.#appender.append(line);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    closeQuietly(this.fd);
    this.forget();
    this.lock.release();
  }
}

/** The file's real path (a symlink or a relative path to the same file must meet the same lock). */
function realTarget(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    try {
      return path.join(realpathSync(path.dirname(file)), path.basename(file));
    } catch (error) {
      throw new AgentspecError("UNWRITABLE", `${file}: the decision log's directory cannot be used (${codeOf(error)})`);
    }
  }
}

function openLog(file: string, target: string, what: string): number {
  try {
    // Owner-only when created: records may hold arguments (audit.record_arguments).
    return openSync(target, constants.O_RDWR | constants.O_CREAT | constants.O_APPEND, 0o600);
  } catch (error) {
    throw new AgentspecError("UNWRITABLE", `${file}: the ${what} cannot be opened for appending (${codeOf(error)})`);
  }
}

function continueFrom(file: string, fd: number, chainFrom: ChainTail | undefined): ChainTail | undefined {
  const size = fstatSync(fd).size;
  const last = lastLine(fd, size);
  let tail: ChainTail | undefined;
  if (last !== undefined) {
    tail = intactRecord(last.text);
    if (tail === undefined) throw badTail(file, fd, last.start, last.terminated);
  }
  if (tail !== undefined && chainFrom !== undefined && (chainFrom.seq !== tail.seq || chainFrom.hash !== tail.hash)) {
    throw new AgentspecError(
      "BAD_LOG",
      `${file}: chainFrom is seq ${chainFrom.seq} (${chainFrom.hash}), but the log's last record is seq ${tail.seq} (${tail.hash}): ` +
        `appending would fork the chain, so nothing is written and every call is denied. Leave chainFrom out to continue this file, or write to a new file`,
    );
  }
  if (size > 0 && !endsWithNewline(fd, size)) {
    // Safe: what precedes is a complete record (or only blank space), which a newline ends.
    try {
      writeAll(fd, Buffer.from("\n"));
    } catch (error) {
      throw new AgentspecError("UNWRITABLE", `${file}: the missing newline after its last record cannot be added (${codeOf(error)})`);
    }
  }
  return tail ?? chainFrom;
}

/** The last line holding anything but blank space, as text, with where it starts; undefined for a blank file. */
function lastLine(fd: number, size: number): { text: string; start: number; terminated: boolean } | undefined {
  let from = size;
  let suffix = Buffer.alloc(0);
  for (;;) {
    const content = lastContentByte(suffix);
    if (content !== -1) {
      const lineStart = suffix.lastIndexOf(NEWLINE, content);
      if (lineStart !== -1 || from === 0) {
        const start = lineStart + 1;
        const newline = suffix.indexOf(NEWLINE, content);
        const end = newline === -1 ? suffix.length : newline;
        return { text: suffix.subarray(start, end).toString("utf8"), start: from + start, terminated: newline !== -1 };
      }
    }
    if (from === 0) return undefined;
    const length = Math.min(CHUNK, from);
    from -= length;
    const chunk = Buffer.alloc(length);
    readAll(fd, chunk, from);
    suffix = Buffer.concat([chunk, suffix]);
  }
}

function lastContentByte(buffer: Buffer): number {
  for (let i = buffer.length - 1; i >= 0; i--) {
    const b = buffer[i]!;
    if (b !== NEWLINE && b !== 0x0d && b !== 0x20 && b !== 0x09) return i;
  }
  return -1;
}

function endsWithNewline(fd: number, size: number): boolean {
  const byte = Buffer.alloc(1);
  readAll(fd, byte, size - 1);
  return byte[0] === NEWLINE;
}

/** The record's chain position when the line is one whole, unedited record; undefined otherwise. */
function intactRecord(line: string): ChainTail | undefined {
  try {
    const record = JSON.parse(line) as Record<string, unknown>;
    if (record === null || typeof record !== "object" || Array.isArray(record)) return undefined;
    const tail = { seq: record.seq, hash: record.hash };
    if (!isChainTail(tail) || tail.seq < 1 || typeof record.prev !== "string") return undefined;
    return recordHash(record) === tail.hash ? tail : undefined;
  } catch {
    // Not JSON (cut off), or values no record holds (1e400): not a record.
    return undefined;
  }
}

function badTail(file: string, fd: number, start: number, terminated: boolean): AgentspecError {
  const line = lineNumberAt(fd, start);
  const what = terminated
    ? "is not an intact decision record (it was edited, or is not a record)"
    : "is not a complete decision record (a write was cut off, as by a crash)";
  return new AgentspecError(
    "BAD_LOG",
    `${file}:${line}: its last line ${what}, so new records cannot be chained to it. The file is left as it is, nothing is written and every call is denied. ` +
      `To recover: check it with \`agentspec audit verify ${file}\`, then keep a copy and remove that line (the records before it stay chained), or move the file aside to start a new log`,
  );
}

function lineNumberAt(fd: number, offset: number): number {
  let line = 1;
  const chunk = Buffer.alloc(CHUNK);
  for (let at = 0; at < offset; at += CHUNK) {
    const length = Math.min(CHUNK, offset - at);
    readAll(fd, chunk.subarray(0, length), at);
    for (let i = 0; i < length; i++) if (chunk[i] === NEWLINE) line++;
  }
  return line;
}

function readAll(fd: number, buffer: Buffer, position: number): void {
  let done = 0;
  while (done < buffer.length) {
    const read = readSync(fd, buffer, done, buffer.length - done, position + done);
    if (read === 0) throw new AgentspecError("UNREADABLE", "the decision log changed while it was read");
    done += read;
  }
}

/**
 * The lock is named after the path: a log renamed or moved while its guard writes it would meet
 * another lock under its new name, and a guard in another process could then write it too,
 * forking its chain. So before each write the path must still name the file written: when it
 * names another file or none, the writer stops (the error), and the file stays whole for
 * whoever writes it under its new name.
 */
export function movedProblem(file: string, target: string, open: Stats, what: string): AgentspecError | undefined {
  const named = statIfExists(target);
  if (named !== undefined && named.dev === open.dev && named.ino === open.ino) return undefined;
  return new AgentspecError(
    "UNWRITABLE",
    `${file}: the ${what} was renamed, moved or replaced while this guard wrote it (${named === undefined ? "no file has its name now" : "its name is another file's now"}), so another writer could open it without meeting this guard's lock: nothing more is written to it. Start a new guard on a file of its own; check the old file with \`agentspec audit verify\``,
  );
}

/**
 * Appends lines to a file openLocked opened, only while the file is still this writer's: its path
 * must still name it (movedProblem) and it must end where this writer's last line ended (else
 * another writer appended: it opened the file under another name, which was then named back). A
 * write cut short is cut off again, so no line is glued to a partial one. Once an append fails
 * for any of these reasons but the write's own error, every later one throws that error.
 */
export class Appender {
  #broken: AgentspecError | undefined;
  #end: number;

  /** `check`: how to check the file, for the messages ("Check it with `agentspec audit verify …`"). */
  constructor(
    private readonly file: string,
    private readonly target: string,
    private readonly fd: number,
    private readonly what: string,
    private readonly check: string,
  ) {
    this.#end = fstatSync(fd).size;
  }

  append(line: string): void {
    if (this.#broken) throw this.#broken;
    const stat = fstatSync(this.fd);
    const moved = movedProblem(this.file, this.target, stat, this.what);
    if (moved) throw (this.#broken = moved);
    if (stat.size !== this.#end)
      throw (this.#broken = new AgentspecError(
        "UNWRITABLE",
        `${this.file}: the ${this.what} is ${stat.size} bytes where this guard's last line ended at ${this.#end}: another writer appended to it (it was opened under another name), so nothing more is written to it. ${this.check} and start a new guard on a file of its own`,
      ));
    const bytes = Buffer.from(line, "utf8");
    try {
      writeAll(this.fd, bytes);
      this.#end = stat.size + bytes.length;
    } catch (error) {
      try {
        ftruncateSync(this.fd, stat.size);
      } catch (undo) {
        this.#broken = new AgentspecError(
          "UNWRITABLE",
          `${this.file}: a line could not be written (${codeOf(error)}) and the partial line it left could not be removed (${codeOf(undo)}): ` +
            `nothing more is written to this ${this.what}. ${this.check}, remove its partial last line, and start a new guard`,
        );
      }
      throw error;
    }
  }
}

export function writeAll(fd: number, buffer: Buffer): void {
  let done = 0;
  while (done < buffer.length) done += writeSync(fd, buffer, done, buffer.length - done);
}

export function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Closing cannot lose a record: every write was synchronous.
  }
}

function statIfExists(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * A FIFO, a device or /dev/null takes every record and keeps none: calls would be allowed with
 * no record anyone can read back or verify. Only a regular file is a log.
 */
function refuseIfNotRegular(file: string, what: string, stat: Stats | undefined): void {
  if (stat === undefined || stat.isFile()) return;
  const kind = stat.isFIFO() ? "a FIFO" : stat.isDirectory() ? "a directory" : stat.isSocket() ? "a socket" : "a device";
  throw new AgentspecError(
    "UNWRITABLE",
    `${file}: the ${what} is ${kind}, not a regular file, so its records could not be read back or verified: name a regular file`,
  );
}
