/**
 * verifyAuditLog: checks a decision log's hash chain. Each record must hash to its own `hash`
 * (else it was edited), carry the previous record's hash in `prev` and the next `seq` (else a
 * record was removed, reordered or inserted). A chain cannot show that records were cut off
 * its end: keep the last hash somewhere else to check that.
 */
import { GENESIS_HASH, MAX_RECORD_DEPTH, nestsDeeperThan, recordHash } from "./decision-record.js";

export interface AuditProblem {
  /** 1-based line in the log. */
  line: number;
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  /** Lines that hold a decision record (intact or not). */
  records: number;
  problems: AuditProblem[];
}

interface ChainPosition {
  seq: number;
  hash: string;
  line: number;
}

export function verifyAuditLog(text: string): AuditVerification {
  const problems: AuditProblem[] = [];
  let records = 0;
  let previous: ChainPosition = { seq: 0, hash: GENESIS_HASH, line: 0 };
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, "");
    if (raw.trim() === "") continue;
    const line = i + 1;
    const record = parseRecord(raw);
    if (typeof record === "string") {
      problems.push({ line, message: record });
      continue;
    }
    records += 1;
    const hash = hashOf(record);
    if (hash === undefined) {
      problems.push({
        line,
        message: "The record holds a number JSON cannot represent exactly (such as 1e400): no guard writes one, so it was edited or forged",
      });
    } else if (hash !== record.hash) {
      problems.push({ line, message: `The record was edited: its contents do not hash to its hash ${record.hash}` });
    }
    const broken = brokenLink(previous, record);
    if (broken) problems.push({ line, message: broken });
    previous = { seq: record.seq, hash: record.hash, line };
  }
  return { ok: problems.length === 0, records, problems };
}

type ChainedRecord = Record<string, unknown> & { seq: number; prev: string; hash: string };

function parseRecord(raw: string): ChainedRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return `Not a JSON line: ${(error as Error).message}`;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "Not a decision record: expected a JSON object";
  // Checked before anything recurses into it: hashing a record thousands of levels deep would overflow the stack.
  if (nestsDeeperThan(value, MAX_RECORD_DEPTH)) {
    return `Not a decision record: it nests deeper than ${MAX_RECORD_DEPTH} levels, which no guard writes`;
  }
  const { seq, prev, hash } = value as Record<string, unknown>;
  const missing = [
    Number.isInteger(seq) && (seq as number) >= 1 ? "" : "seq",
    typeof prev === "string" ? "" : "prev",
    typeof hash === "string" ? "" : "hash",
  ].filter(Boolean);
  if (missing.length > 0) return `Not a decision record: ${missing.join(", ")} missing or malformed`;
  return value as ChainedRecord;
}

/** The record's hash, or undefined when it holds a value canonical JSON cannot encode (1e400 parses as Infinity). */
function hashOf(record: ChainedRecord): string | undefined {
  try {
    return recordHash(record);
  } catch {
    return undefined;
  }
}

function brokenLink(previous: ChainPosition, record: ChainedRecord): string | undefined {
  const after = previous.line === 0 ? "the start of the log" : `seq ${previous.seq} (line ${previous.line})`;
  const expected = previous.seq + 1;
  if (record.seq > expected) {
    const gap = record.seq - expected;
    return `seq ${record.seq} follows ${after}: ${gap} record${gap === 1 ? " is" : "s are"} missing before it (removed or moved)`;
  }
  if (record.seq < expected) return `seq ${record.seq} follows ${after}: records are out of order, or this one was inserted`;
  if (record.prev !== previous.hash) {
    return `Its prev ${record.prev} is not the hash of ${after}: a record before it was edited, removed or inserted`;
  }
  return undefined;
}
