import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditLog } from "../../src/runtime/audit-verify.js";
import { recordHash } from "../../src/runtime/decision-record.js";
import { createGuard } from "../../src/runtime/guard.js";
import { SUPPORT_POLICY } from "../helpers/policy.js";

let lines: string[];
beforeAll(async () => {
  lines = [];
  let now = Date.parse("2026-06-24T10:00:00.000Z");
  const guard = createGuard(SUPPORT_POLICY, { record: (line) => void lines.push(line.trimEnd()), now: () => (now += 1000) });
  for (const tool of ["crm.get", "email.send", "read_order_status", "shell.exec", "crm.list"]) await guard.authorize({ tool });
});

const log = (rows: string[]) => rows.join("\n") + "\n";
const hashOf = (line: string) => JSON.parse(line).hash as string;

describe("verifyAuditLog", () => {
  it("accepts an intact log", () => {
    expect(verifyAuditLog(log(lines))).toEqual({ ok: true, records: 5, problems: [] });
    expect(verifyAuditLog("")).toEqual({ ok: true, records: 0, problems: [] });
    expect(verifyAuditLog(lines.join("\r\n"))).toEqual({ ok: true, records: 5, problems: [] });
  });

  it("detects a removed record", () => {
    const rows = [...lines];
    rows.splice(2, 1);
    expect(verifyAuditLog(log(rows))).toEqual({
      ok: false,
      records: 4,
      problems: [{ line: 3, message: "seq 4 follows seq 2 (line 2): 1 record is missing before it (removed or moved)" }],
    });
  });

  it("detects a removed first record", () => {
    expect(verifyAuditLog(log(lines.slice(1))).problems).toEqual([
      { line: 1, message: "seq 2 follows the start of the log: 1 record is missing before it (removed or moved)" },
    ]);
  });

  it("detects reordered records", () => {
    const rows = [lines[0]!, lines[2]!, lines[1]!, lines[3]!, lines[4]!];
    expect(verifyAuditLog(log(rows)).problems).toEqual([
      { line: 2, message: "seq 3 follows seq 1 (line 1): 1 record is missing before it (removed or moved)" },
      { line: 3, message: "seq 2 follows seq 3 (line 2): records are out of order, or this one was inserted" },
      { line: 4, message: "seq 4 follows seq 2 (line 3): 1 record is missing before it (removed or moved)" },
    ]);
  });

  it("detects an edited record", () => {
    const rows = [...lines];
    rows[1] = rows[1]!.replace('"decision":"deny"', '"decision":"allow"');
    expect(rows[1]).not.toBe(lines[1]);
    expect(verifyAuditLog(log(rows)).problems).toEqual([
      { line: 2, message: `The record was edited: its contents do not hash to its hash ${hashOf(lines[1]!)}` },
    ]);
  });

  it("detects an edited record whose hash was recomputed, at the record after it", () => {
    const rows = [...lines];
    const edited = JSON.parse(rows[1]!);
    edited.decision = "allow";
    edited.hash = recordHash(edited);
    rows[1] = JSON.stringify(edited);
    expect(verifyAuditLog(log(rows)).problems).toEqual([
      {
        line: 3,
        message: `Its prev ${hashOf(lines[1]!)} is not the hash of seq 2 (line 2): a record before it was edited, removed or inserted`,
      },
    ]);
  });

  it("detects an inserted record, even one forged with a valid hash and link", () => {
    const forged = JSON.parse(lines[1]!);
    forged.seq = 3;
    forged.tool = "payment.transfer";
    forged.prev = hashOf(lines[1]!);
    forged.hash = recordHash(forged);
    const rows = [lines[0]!, lines[1]!, JSON.stringify(forged), ...lines.slice(2)];
    expect(verifyAuditLog(log(rows))).toEqual({
      ok: false,
      records: 6,
      problems: [{ line: 4, message: "seq 3 follows seq 3 (line 3): records are out of order, or this one was inserted" }],
    });
  });

  it("reports lines that are not records and carries on", () => {
    const rows = [lines[0]!, "not json", '{"seq":"2"}', ...lines.slice(1)];
    expect(verifyAuditLog(log(rows))).toEqual({
      ok: false,
      records: 5,
      problems: [
        { line: 2, message: expect.stringMatching(/^Not a JSON line: /) },
        { line: 3, message: "Not a decision record: seq, prev, hash missing or malformed" },
      ],
    });
  });
});
