/**
 * A decision log file's tail and its lock: what a guard continuing a file repairs (a missing
 * final newline), refuses leaving the file untouched (a partial or edited last line, a chainFrom
 * that is not the file's end), and how two writers are kept apart: in one process, and in real
 * separate processes (a live holder refuses, a killed one's lock is taken over, a race for a
 * stale lock has one winner).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { appendFileSync, existsSync, linkSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { verifyAuditLog } from "../../src/runtime/audit-verify.js";
import { createGuard, type Guard, type GuardOptions } from "../../src/runtime/guard.js";
import { makePolicy } from "../helpers/policy.js";

const POLICY = makePolicy({
  tools: { "crm.get": { effect: "read" } },
  deny: [{ pattern: "email.send" }],
  audit: { record_arguments: "full" },
});

const open: Guard[] = [];
afterEach(() => {
  for (const guard of open.splice(0)) guard.close();
});

function guardOn(file: string, options: GuardOptions = {}): Guard {
  const guard = createGuard(POLICY, { record: file, ...options });
  open.push(guard);
  return guard;
}

function freshLog(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), "agentspec-log-")), "decisions.jsonl");
}

/** A log of `n` records written by a guard that is then closed. */
async function logWith(n: number, file = freshLog()): Promise<string> {
  const guard = createGuard(POLICY, { record: file });
  for (let i = 0; i < n; i++) await guard.authorize({ tool: i % 2 ? "email.send" : "crm.get" });
  guard.close();
  return file;
}

const seqs = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l).seq);

describe("the log's tail", () => {
  it("repairs a missing final newline (provably safe) and continues the chain", async () => {
    const file = await logWith(2);
    writeFileSync(file, readFileSync(file, "utf8").trimEnd());
    const guard = guardOn(file);
    expect(guard.recordError).toBeUndefined();
    await guard.authorize({ tool: "crm.get" });
    expect(seqs(file)).toEqual([1, 2, 3]);
    expect(verifyAuditLog(readFileSync(file, "utf8"))).toEqual({ ok: true, records: 3, problems: [] });
  });

  it("continues past blank trailing lines, and from a last record larger than a read chunk", async () => {
    const file = freshLog();
    const first = createGuard(POLICY, { record: file });
    await first.authorize({ tool: "crm.get", args: { text: "y".repeat(200_000) } });
    first.close();
    appendFileSync(file, "\n  \n");
    await guardOn(file).authorize({ tool: "crm.get" });
    expect(seqs(file)).toEqual([1, 2]);
    expect(verifyAuditLog(readFileSync(file, "utf8")).ok).toBe(true);
  });

  const refusals: [string, (text: string) => string, number, RegExp][] = [
    [
      "a partial last line (a crash mid-write)",
      (t) => t.slice(0, t.length - 40),
      3,
      /is not a complete decision record \(a write was cut off/,
    ],
    ["a cut-off record followed by a newline", (t) => t.trimEnd().slice(0, -30) + "\n", 3, /is not an intact decision record/],
    [
      "an edited last record",
      (t) => t.replace(/"decision":"allow"([^\n]*\n)$/, '"decision":"deny"$1'),
      3,
      /is not an intact decision record/,
    ],
    ["a last line that is not a record", (t) => t + "hello\n", 4, /is not an intact decision record/],
    ["a last record holding 1e400", (t) => t + '{"seq":4,"prev":"x","hash":"y","n":1e400}\n', 4, /is not an intact decision record/],
  ];

  it.each(refusals)("refuses %s: the file is untouched, every call denied, the recovery named", async (_name, damage, line, what) => {
    const file = await logWith(3);
    writeFileSync(file, damage(readFileSync(file, "utf8")));
    const before = readFileSync(file);
    for (const options of [{}, { chainFrom: { seq: 3, hash: "sha256:" + "a".repeat(64) } }]) {
      const guard = guardOn(file, options);
      expect(guard.recordError).toMatchObject({ code: "BAD_LOG" });
      const message = guard.recordError!.message;
      expect(message.startsWith(`${file}:${line}: its last line `)).toBe(true);
      expect(message).toMatch(what);
      expect(message).toContain("The file is left as it is, nothing is written and every call is denied");
      expect(message).toContain(`To recover: check it with \`agentspec audit verify ${file}\``);
      const decision = await guard.authorize({ tool: "crm.get" });
      expect(decision).toMatchObject({ decision: "deny", rule: "audit-failed" });
      expect(decision.reason).toContain(message);
      guard.close();
      expect(readFileSync(file).equals(before)).toBe(true);
      // A refused log holds no lock: the next guard is refused for the tail again, not for a lock.
      expect(existsSync(`${file}.lock`)).toBe(false);
    }
  });

  it("refuses a chainFrom that is not the file's last record, and takes one that is, or one for an empty file", async () => {
    const file = await logWith(2);
    const last = JSON.parse(readFileSync(file, "utf8").trimEnd().split("\n").pop()!);
    const wrong = guardOn(file, { chainFrom: { seq: 7, hash: last.hash } });
    expect(wrong.recordError?.message).toBe(
      `${file}: chainFrom is seq 7 (${last.hash}), but the log's last record is seq 2 (${last.hash}): appending would fork the chain, ` +
        "so nothing is written and every call is denied. Leave chainFrom out to continue this file, or write to a new file",
    );
    wrong.close();
    const right = guardOn(file, { chainFrom: { seq: 2, hash: last.hash } });
    await right.authorize({ tool: "crm.get" });
    expect(seqs(file)).toEqual([1, 2, 3]);
    const rotated = freshLog();
    await guardOn(rotated, { chainFrom: { seq: 2, hash: last.hash } }).authorize({ tool: "crm.get" });
    expect(JSON.parse(readFileSync(rotated, "utf8"))).toMatchObject({ seq: 3, prev: last.hash });
  });

  it("creates a new log readable by its owner only (records may hold arguments)", async () => {
    const file = freshLog();
    await guardOn(file).authorize({ tool: "crm.get" });
    const { statSync } = await import("node:fs");
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe("one writer per log, in one process", () => {
  it("refuses a second guard on the same file, by any path to it, until the first is closed", async () => {
    const file = freshLog();
    const first = guardOn(file);
    await first.authorize({ tool: "crm.get" });
    const link = path.join(path.dirname(file), "link.jsonl");
    symlinkSync(file, link);
    for (const other of [file, link, path.relative(process.cwd(), file)]) {
      const second = guardOn(other);
      expect(second.recordError).toMatchObject({ code: "LOCKED" });
      expect(second.recordError!.message).toContain("another guard in this process holds it");
      expect(second.recordError!.message).toContain("close() that guard first");
      expect((await second.authorize({ tool: "crm.get" })).rule).toBe("audit-failed");
      second.close();
    }
    // Closing a refused guard released nothing: the first still holds the log.
    await first.authorize({ tool: "crm.get" });
    first.close();
    expect((await first.authorize({ tool: "crm.get" })).reason).toBe('The guard was closed (guard.close()): "crm.get" is denied');
    await guardOn(link).authorize({ tool: "crm.get" });
    expect(seqs(file)).toEqual([1, 2, 3]);
    expect(verifyAuditLog(readFileSync(file, "utf8")).ok).toBe(true);
  });

  it("never takes over a lock it cannot prove stale: another host's, or one that names no owner", async () => {
    const file = freshLog();
    const lock = `${file}.lock`;
    writeFileSync(lock, JSON.stringify({ pid: 1, host: "elsewhere.example", started: null, since: "2026-01-01T00:00:00Z", token: "t" }));
    expect(guardOn(file).recordError?.message).toContain("process 1 on elsewhere.example holds it");
    writeFileSync(lock, "garbage");
    expect(guardOn(file).recordError?.message).toContain(`its lock file ${lock} exists but does not say who holds it`);
    expect(guardOn(file).recordError?.message).toContain(`if no guard is writing the log, remove ${lock}`);
  });

  it("takes over the lock of a process that is gone", async () => {
    const file = await logWith(1);
    const gone = spawnSync(process.execPath, ["-e", "0"]).pid!;
    writeFileSync(
      `${file}.lock`,
      JSON.stringify({ pid: gone, host: hostname(), started: "1", since: "2026-01-01T00:00:00Z", token: "old" }),
    );
    const guard = guardOn(file);
    expect(guard.recordError).toBeUndefined();
    await guard.authorize({ tool: "crm.get" });
    expect(seqs(file)).toEqual([1, 2]);
    expect(JSON.parse(readFileSync(`${file}.lock`, "utf8"))).toMatchObject({ pid: process.pid });
  });

  it.skipIf(!existsSync("/proc/self/stat"))(
    "takes over a lock whose pid is alive but now another process's (its start time differs)",
    async () => {
      const file = await logWith(1);
      writeFileSync(
        `${file}.lock`,
        JSON.stringify({ pid: process.pid, host: hostname(), started: "1", since: "2026-01-01T00:00:00Z", token: "old" }),
      );
      const guard = guardOn(file);
      expect(guard.recordError).toBeUndefined();
    },
  );
});

const CHILD = "test/runtime/fixtures/guard-process.mjs";
const built = existsSync("dist/src/index.js");

interface ChildReport {
  pid: number;
  recordError: { code: string; message: string } | null;
  decisions: { decision: string; rule: string; reason: string; seq: number | null }[];
}

/** Starts a guard in its own process and resolves with what it reports (the process may keep running). */
function startGuardProcess(policyFile: string, log: string, mode: "hold" | "exit", calls: string[], shell?: string) {
  const args = [CHILD, policyFile, log, mode, ...calls];
  const child: ChildProcess = shell
    ? spawn("sh", ["-c", `${shell}; exec "$0" "$@"`, process.execPath, ...args], { stdio: ["pipe", "pipe", "inherit"] })
    : spawn(process.execPath, args, { stdio: ["pipe", "pipe", "inherit"] });
  const report = new Promise<ChildReport>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", (line) => resolve(JSON.parse(line) as ChildReport));
    child.once("exit", (code) => reject(new Error(`the guard process exited (${code}) before reporting`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { child, report, exited };
}

/** The test policy as a file, for a guard in another process. */
function policyFile(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "agentspec-policy-")), "policy.json");
  writeFileSync(file, JSON.stringify(POLICY));
  return file;
}

describe.skipIf(!built)("one writer per log, across real processes (needs `npm run build`: dist/)", () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  });

  it("a live process's lock refuses a second writer, here and in another process; killed, its lock is taken over", async () => {
    const policy = policyFile();
    const log = freshLog();
    const holder = startGuardProcess(policy, log, "hold", ["crm.get", "email.send"]);
    children.push(holder.child);
    const held = await holder.report;
    expect(held).toMatchObject({
      recordError: null,
      decisions: [
        { decision: "allow", seq: 1 },
        { rule: "deny-pattern", seq: 2 },
      ],
    });

    const here = guardOn(log);
    expect(here.recordError?.code).toBe("LOCKED");
    expect(here.recordError?.message).toContain(`process ${held.pid} on ${hostname()} holds it`);
    here.close();
    const other = startGuardProcess(policy, log, "exit", ["crm.get"]);
    children.push(other.child);
    const refused = await other.report;
    expect(refused.recordError).toMatchObject({ code: "LOCKED" });
    expect(refused.decisions).toEqual([expect.objectContaining({ decision: "deny", rule: "audit-failed", seq: null })]);

    holder.child.kill("SIGKILL");
    await holder.exited;
    // The killed holder's lock file is still there; its owner is provably gone.
    expect(existsSync(`${log}.lock`)).toBe(true);
    const next = guardOn(log);
    expect(next.recordError).toBeUndefined();
    await next.authorize({ tool: "crm.get" });
    expect(seqs(log)).toEqual([1, 2, 3]);
    expect(verifyAuditLog(readFileSync(log, "utf8")).ok).toBe(true);
  });

  it("a process that exits without close() releases its lock", async () => {
    const log = freshLog();
    const run = startGuardProcess(policyFile(), log, "exit", ["crm.get"]);
    expect((await run.report).recordError).toBeNull();
    await run.exited;
    expect(existsSync(`${log}.lock`)).toBe(false);
  });

  it("processes racing for one stale lock: exactly one wins, the others are refused, the chain stays one", async () => {
    const policy = policyFile();
    const log = await logWith(1);
    const gone = spawnSync(process.execPath, ["-e", "0"]).pid!;
    writeFileSync(
      `${log}.lock`,
      JSON.stringify({ pid: gone, host: hostname(), started: "1", since: "2026-01-01T00:00:00Z", token: "old" }),
    );
    const racers = Array.from({ length: 4 }, () => startGuardProcess(policy, log, "hold", ["crm.get"]));
    children.push(...racers.map((r) => r.child));
    const reports = await Promise.all(racers.map((r) => r.report));
    const winners = reports.filter((r) => r.recordError === null);
    expect(winners).toHaveLength(1);
    for (const loser of reports.filter((r) => r.recordError !== null)) expect(loser.recordError!.code).toBe("LOCKED");
    expect(seqs(log)).toEqual([1, 2]);
    expect(verifyAuditLog(readFileSync(log, "utf8")).ok).toBe(true);
  });

  it("a write cut short by a file size limit is cut off again: no partial line, the next record starts on its own line", async () => {
    const log = freshLog();
    // sh's ulimit -f counts 512-byte blocks; with SIGXFSZ ignored the kernel fails the write (EFBIG) instead of killing.
    const run = startGuardProcess(policyFile(), log, "exit", ["crm.get", "crm.get", "big:3000", "crm.get"], "ulimit -f 4; trap '' XFSZ");
    children.push(run.child);
    const { decisions } = await run.report;
    expect(decisions.map((d) => d.decision)).toEqual(["allow", "allow", "deny", "allow"]);
    expect(decisions[2]!.rule).toBe("audit-failed");
    expect(decisions[2]!.reason).toContain("EFBIG");
    const text = readFileSync(log, "utf8");
    expect(text.endsWith("\n")).toBe(true);
    expect(seqs(log)).toEqual([1, 2, 4]);
    // The lost record is a visible gap, never a corrupt line.
    expect(verifyAuditLog(text).problems).toEqual([
      { line: 3, message: "seq 4 follows seq 2 (line 2): 1 record is missing before it (removed or moved)" },
    ]);
  });
});

describe("a record path that is not a regular file keeps nothing: refused", () => {
  // /dev/null, a FIFO or a device takes every record and keeps none: calls would be allowed with
  // no record anyone can read back.
  it.each([
    ["/dev/null", "a device"],
    ["a FIFO", "a FIFO"],
    ["a directory", "a directory"],
  ])("%s", async (given, kind) => {
    let file = given;
    if (given === "a FIFO") {
      file = path.join(mkdtempSync(path.join(tmpdir(), "agentspec-fifo-")), "log.jsonl");
      expect(spawnSync("mkfifo", [file]).status).toBe(0);
    } else if (given === "a directory") file = mkdtempSync(path.join(tmpdir(), "agentspec-dir-"));
    const guard = guardOn(file);
    expect(guard.recordError).toMatchObject({ code: "UNWRITABLE" });
    expect(guard.recordError!.message).toContain(`is ${kind}, not a regular file`);
    expect((await guard.authorize({ tool: "crm.get" })).rule).toBe("audit-failed");
  });
});

/**
 * A guard writes seq 1 to a log; the log is renamed to moved.jsonl, and a guard in another process
 * (whose lock, moved.jsonl.lock, is free) continues it with seq 2 and exits.
 */
async function renamedAndContinued(): Promise<{ first: Guard; file: string; moved: string }> {
  const file = freshLog();
  const first = guardOn(file);
  expect((await first.authorize({ tool: "crm.get" })).decision).toBe("allow");
  const moved = path.join(path.dirname(file), "moved.jsonl");
  renameSync(file, moved);
  const other = startGuardProcess(policyFile(), moved, "exit", ["crm.get"]);
  const report = await other.report;
  await other.exited;
  expect(report.recordError).toBeNull();
  expect(report.decisions).toEqual([expect.objectContaining({ decision: "allow", seq: 2 })]);
  return { first, file, moved };
}

describe("one log, one writer, by whatever name: hard links, renames, aex events", () => {
  it("a hard link to a log another guard writes is refused (the same file by another name), and the chain stays whole", async () => {
    const file = freshLog();
    const first = guardOn(file);
    await first.authorize({ tool: "crm.get" });
    const other = path.join(path.dirname(file), "other.jsonl");
    linkSync(file, other);
    const second = guardOn(other);
    expect(second.recordError).toMatchObject({ code: "LOCKED" });
    expect(second.recordError!.message).toBe(
      `${other}: this process already writes this file as ${file} (the same file by another name): give each guard, and its aex events, a file of its own`,
    );
    expect((await second.authorize({ tool: "crm.get" })).rule).toBe("audit-failed");
    await first.authorize({ tool: "crm.get" });
    expect(verifyAuditLog(readFileSync(file, "utf8"))).toMatchObject({ ok: true, records: 2 });
  });

  it("a log with more than one hard link is refused, so a writer in another process cannot meet another lock", async () => {
    const file = await logWith(1);
    const other = path.join(path.dirname(file), "other.jsonl");
    linkSync(file, other);
    for (const name of [file, other]) {
      const guard = guardOn(name);
      expect(guard.recordError).toMatchObject({ code: "LOCKED" });
      expect(guard.recordError!.message).toContain("the decision log has 2 hard links");
    }
    expect(seqs(file)).toEqual([1]);
  });

  it.skipIf(!built)("a hard link made while another process writes the log: a process opening it by the link is refused", async () => {
    const policy = policyFile();
    const log = freshLog();
    const holder = startGuardProcess(policy, log, "hold", ["crm.get"]);
    try {
      expect((await holder.report).recordError).toBeNull();
      const link = path.join(path.dirname(log), "link.jsonl");
      linkSync(log, link);
      const other = startGuardProcess(policy, link, "exit", ["crm.get"]);
      const refused = await other.report;
      expect(refused.recordError).toMatchObject({ code: "LOCKED" });
      expect(refused.recordError!.message).toContain("the decision log has 2 hard links");
      expect(refused.decisions).toEqual([expect.objectContaining({ rule: "audit-failed", seq: null })]);
    } finally {
      holder.child.kill("SIGKILL");
      await holder.exited;
    }
    expect(seqs(log)).toEqual([1]);
  });

  it("a log renamed while its guard writes it is still the same file to this process, and its guard stops writing it", async () => {
    const file = freshLog();
    const first = guardOn(file);
    await first.authorize({ tool: "crm.get" });
    const moved = path.join(path.dirname(file), "moved.jsonl");
    renameSync(file, moved);
    expect(guardOn(moved).recordError?.message).toContain(`this process already writes this file as ${file}`);
    const after = await first.authorize({ tool: "crm.get" });
    expect(after).toMatchObject({ decision: "deny", rule: "audit-failed" });
    expect(after.reason).toContain("was renamed, moved or replaced while this guard wrote it (no file has its name now)");
    // A new file under the old name is another file: not written either.
    writeFileSync(file, "");
    expect((await first.authorize({ tool: "crm.get" })).rule).toBe("audit-failed");
    expect(readFileSync(file, "utf8")).toBe("");
    expect(seqs(moved)).toEqual([1]);
  });

  it.skipIf(!built)("a log renamed while its guard writes it, then continued by a guard in another process: one chain", async () => {
    const { first, moved } = await renamedAndContinued();
    // The first guard would fork the chain: it writes nothing more.
    expect((await first.authorize({ tool: "crm.get" })).rule).toBe("audit-failed");
    expect(seqs(moved)).toEqual([1, 2]);
    expect(verifyAuditLog(readFileSync(moved, "utf8"))).toMatchObject({ ok: true, records: 2 });
  });

  it.skipIf(!built)("a log renamed away, written by another process, and renamed back: its first guard still stops", async () => {
    const { first, file, moved } = await renamedAndContinued();
    renameSync(moved, file);
    const after = await first.authorize({ tool: "crm.get" });
    expect(after.rule).toBe("audit-failed");
    expect(after.reason).toContain("another writer appended to it");
    expect(seqs(file)).toEqual([1, 2]);
    expect(verifyAuditLog(readFileSync(file, "utf8"))).toMatchObject({ ok: true, records: 2 });
  });

  it("an aex event file another writer appended to, or renamed away, is not written again; the decisions stand", async () => {
    for (const meddle of [
      (file: string) => appendFileSync(file, '{"event":"tool.allowed","tool":"other","step":9}\n'),
      (file: string) => renameSync(file, `${file}.moved`),
    ]) {
      const aex = path.join(path.dirname(freshLog()), "aex.jsonl");
      const guard = createGuard(POLICY, { aexEvents: aex });
      expect((await guard.authorize({ tool: "crm.get" })).decision).toBe("allow");
      const written = readFileSync(aex, "utf8");
      meddle(aex);
      const after = existsSync(aex) ? readFileSync(aex, "utf8") : undefined;
      expect((await guard.authorize({ tool: "crm.get" })).decision).toBe("allow");
      expect(existsSync(aex) ? readFileSync(aex, "utf8") : undefined).toBe(after);
      expect(written.trim().split("\n").length).toBe(2);
      guard.close();
    }
  });

  it("aexEvents naming the guard's own decision log by another spelling is refused when the guard is made", () => {
    const file = freshLog();
    writeFileSync(file, "");
    const link = path.join(path.dirname(file), "link.jsonl");
    linkSync(file, link);
    const relative = path.relative(process.cwd(), file);
    for (const aexEvents of [path.join(path.dirname(file), ".", "decisions.jsonl"), relative, link]) {
      expect(() => createGuard(POLICY, { record: file, aexEvents })).toThrow(
        `options.record and options.aexEvents are the same file (${file}): give aex events their own file`,
      );
    }
  });

  it("aexEvents naming another guard's decision log, or another guard's aex file, denies everything and writes nothing there", async () => {
    const file = freshLog();
    const owner = guardOn(file);
    await owner.authorize({ tool: "crm.get" });
    const intruder = createGuard(POLICY, { aexEvents: file });
    open.push(intruder);
    expect(intruder.recordError).toMatchObject({ code: "LOCKED" });
    expect((await intruder.authorize({ tool: "crm.get" })).rule).toBe("audit-failed");
    intruder.finish();
    await owner.authorize({ tool: "crm.get" });
    expect(verifyAuditLog(readFileSync(file, "utf8"))).toMatchObject({ ok: true, records: 2 });

    const aex = path.join(path.dirname(file), "run.aex.jsonl");
    const first = createGuard(POLICY, { aexEvents: aex });
    open.push(first);
    expect(first.recordError).toBeUndefined();
    const second = createGuard(POLICY, { aexEvents: aex });
    open.push(second);
    expect(second.recordError).toMatchObject({ code: "LOCKED" });
    await first.authorize({ tool: "crm.get" });
    first.close();
    // Closed, its lock is released: the file can be written again.
    const third = createGuard(POLICY, { aexEvents: aex });
    open.push(third);
    expect(third.recordError).toBeUndefined();
    expect(
      readFileSync(aex, "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).event),
    ).toEqual(["run.started", "tool.allowed"]);
  });
});
