/**
 * An exclusive lock on a file, held by one process: `<file>.lock`, created atomically. Node has
 * no flock, so the lock is a file whose creation fails when it exists (link(2) of a complete
 * temporary file, so no process ever sees a half-written lock; O_EXCL where links are not
 * supported). It names its owner (pid, host, the process's start time), so a lock left by a
 * process that died (killed, crashed) is recognized as stale and taken over, and one held by a
 * live process is refused with its owner named. Taking over a stale lock goes through a second
 * O_EXCL file (`<file>.lock.break`), so two processes that both find the same stale lock cannot
 * both end up holding the lock.
 */
import { randomBytes } from "node:crypto";
import { closeSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { AgentspecError } from "../errors.js";

export interface FileLock {
  /** The lock file. */
  readonly path: string;
  /** Removes the lock file, when it is still this lock's. Safe to call twice. */
  release(): void;
}

interface LockOwner {
  pid: number;
  host: string;
  /** The owner's start time as /proc gives it (clock ticks since boot), to tell a reused pid apart; null off Linux. */
  started: string | null;
  /** When the lock was taken (ISO 8601), for the message. */
  since: string;
  /** Random: which lock this is, so a process never removes a lock that is not its own. */
  token: string;
}

/** Locks held by this process, released when it exits (a killed process leaves them stale instead). */
const held = new Set<{ path: string; token: string }>();
let exitHookInstalled = false;

/**
 * Takes the lock on `target` or throws AgentspecError LOCKED naming who holds it and how to
 * recover; UNWRITABLE when the lock file cannot be created at all.
 */
export function acquireFileLock(target: string): FileLock {
  const path = `${target}.lock`;
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    started: processStart(process.pid),
    since: new Date().toISOString(),
    token: randomBytes(16).toString("hex"),
  };
  if (!tryCreate(path, owner)) {
    const current = readOwner(path);
    if (current === undefined || !isStale(current)) throw lockedError(target, path, current);
    breakStaleLock(target, path, current, owner);
  }
  const entry = { path, token: owner.token };
  held.add(entry);
  installExitHook();
  let released = false;
  return {
    path,
    release() {
      if (released) return;
      released = true;
      held.delete(entry);
      removeIfOurs(path, owner.token);
    },
  };
}

/** Creates the lock file holding `owner`, or returns false when a lock file exists. */
function tryCreate(path: string, owner: LockOwner): boolean {
  const text = JSON.stringify(owner) + "\n";
  const temporary = `${path}.${owner.token}.tmp`;
  try {
    writeExclusive(temporary, text);
  } catch (error) {
    throw new AgentspecError(
      "UNWRITABLE",
      `${path}: the lock file cannot be created (${codeOf(error)}): check the directory's permissions`,
    );
  }
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") {
      throw new AgentspecError("UNWRITABLE", `${path}: the lock file cannot be created (${codeOf(error)})`);
    }
    // A file system without hard links: O_EXCL is atomic there too, only the content is written after.
    try {
      writeExclusive(path, text);
      return true;
    } catch (fallback) {
      if ((fallback as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw new AgentspecError("UNWRITABLE", `${path}: the lock file cannot be created (${codeOf(fallback)})`);
    }
  } finally {
    tryUnlink(temporary);
  }
}

function writeExclusive(path: string, text: string): void {
  const fd = openSync(path, "wx", 0o600);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces a stale lock with ours, holding `<path>.break` meanwhile: whoever holds it re-reads the
 * lock, and removes it only if it is still the stale one it judged.
 */
function breakStaleLock(target: string, path: string, stale: LockOwner, owner: LockOwner): void {
  const breaker = `${path}.break`;
  try {
    writeExclusive(breaker, JSON.stringify(owner) + "\n");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
      throw new AgentspecError("UNWRITABLE", `${breaker}: cannot be created (${codeOf(error)})`);
    }
    throw new AgentspecError(
      "LOCKED",
      `${target}: another process is taking over the stale lock ${path} right now; try again. If ${breaker} stays, no process is doing so: remove it`,
    );
  }
  try {
    const current = readOwner(path);
    if (current !== undefined && current.token !== stale.token) throw lockedError(target, path, current);
    if (current !== undefined) tryUnlink(path);
    if (!tryCreate(path, owner)) throw lockedError(target, path, readOwner(path));
  } finally {
    tryUnlink(breaker);
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const value = JSON.parse(readFileSync(path, "utf8")) as Partial<LockOwner>;
    if (typeof value.pid === "number" && typeof value.host === "string" && typeof value.token === "string") {
      return {
        pid: value.pid,
        host: value.host,
        started: typeof value.started === "string" ? value.started : null,
        since: typeof value.since === "string" ? value.since : "an unknown time",
        token: value.token,
      };
    }
  } catch {
    // Unreadable or not ours: treated as held (below), never as stale.
  }
  return undefined;
}

/** A lock is stale only when its owner is provably gone: on this host, and its pid dead or reused. */
function isStale(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false;
  if (!Number.isSafeInteger(owner.pid) || owner.pid <= 0) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
  // Alive, but perhaps a new process that was given the dead owner's pid (this one included).
  const started = processStart(owner.pid);
  return owner.started !== null && started !== null && started !== owner.started;
}

/** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot), or null where there is no /proc. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function lockedError(target: string, path: string, owner: LockOwner | undefined): AgentspecError {
  const who =
    owner === undefined
      ? `its lock file ${path} exists but does not say who holds it`
      : owner.pid === process.pid && owner.host === hostname()
        ? `another guard in this process holds it (lock file ${path}, since ${owner.since}): close() that guard first`
        : `process ${owner.pid} on ${owner.host} holds it (lock file ${path}, since ${owner.since})`;
  return new AgentspecError(
    "LOCKED",
    `${target}: another guard is writing this decision log: ${who}. Two writers would fork its hash chain, so this one writes nothing and denies every call. ` +
      `Give this guard its own log file, or stop the other one; if no guard is writing the log, remove ${path}`,
  );
}

function removeIfOurs(path: string, token: string): void {
  if (readOwner(path)?.token === token) tryUnlink(path);
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const { path, token } of held) removeIfOurs(path, token);
    held.clear();
  });
}

function tryUnlink(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/** An I/O error's code (ENOENT, EACCES…), for messages; the message when it has none. */
export function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}
