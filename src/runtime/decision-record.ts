/**
 * Decision records: one JSON line per guarded call, hash-chained (each record carries the hash
 * of the one before it), so verifyAuditLog can tell when a record was removed, reordered,
 * edited or inserted.
 */
import { appendFileSync, readFileSync } from "node:fs";
import type { Audit } from "../../generated/policy.js";
import { canonicalize, sha256Hex } from "../policy/canonical.js";
import { AgentspecError } from "../errors.js";
import type { DecisionKind } from "../policy/decide.js";

/** The `prev` of the first record in a log. */
export const GENESIS_HASH = "sha256:" + "0".repeat(64);

export interface DecisionRecord {
  /** 1 for the first record of a log, then +1 for each. */
  seq: number;
  /** ISO 8601. */
  time: string;
  agent: string;
  policyHash: string;
  /** null when the call had no tool name. */
  tool: string | null;
  /** sha256 of the canonical JSON of the call's args ({} when absent); null when they cannot be encoded. */
  argsDigest: string | null;
  /** Present only when the policy's audit.record_arguments is "full" (as given) or "redacted" (values replaced). */
  args?: unknown;
  actor?: string;
  tenant?: string;
  environment?: string;
  decision: DecisionKind;
  rule: string;
  reason: string;
  /** Who approved or rejected the call, when a reviewer decided it. */
  reviewer?: string;
  /** The hash of the previous record (GENESIS_HASH for the first). */
  prev: string;
  /** sha256 of this record's canonical JSON without `hash`. */
  hash: string;
}

export type RecordFields = Omit<DecisionRecord, "seq" | "prev" | "hash">;

/**
 * Where records go: a function given each line (JSON and a newline), a file path the lines are
 * appended to, or anything with write(line) such as a Node stream.
 */
export type RecordSink = ((line: string) => void | Promise<void>) | string | { write(line: string): unknown };

/** sha256 of a record's canonical JSON without its `hash` field (any object, so a verifier can hash what it read). */
export function recordHash(record: object): string {
  const { hash: _ignored, ...rest } = record as { hash?: unknown };
  return "sha256:" + sha256Hex(canonicalize(rest));
}

/** sha256 of the canonical args; null for args JSON cannot hold (NaN, bigint, cycles). */
export function argsDigest(args: unknown): string | null {
  try {
    return "sha256:" + sha256Hex(canonicalize(args ?? {}));
  } catch {
    return null;
  }
}

/** The args as the policy's audit section says to record them, or undefined for a digest only. */
export function recordedArgs(args: unknown, audit: Audit | undefined): unknown {
  if (args === undefined) return undefined;
  if (audit?.record_arguments === "full") return args;
  if (audit?.record_arguments === "redacted") return redact(args);
  return undefined;
}

function redact(value: unknown, depth = 0): unknown {
  if (depth > 32) return "[REDACTED]";
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, depth + 1)]));
  }
  return "[REDACTED]";
}

/** Assigns seq, prev and hash in order and hands each line to the sink. */
export class RecordChain {
  private seq: number;
  private prev: string;
  private readonly write: (line: string) => void | Promise<void>;

  constructor(sink: RecordSink, start?: { seq: number; hash: string }) {
    const tail = start ?? (typeof sink === "string" ? readChainTail(sink) : undefined);
    this.seq = tail?.seq ?? 0;
    this.prev = tail?.hash ?? GENESIS_HASH;
    this.write = toWriter(sink);
  }

  /** Builds the next record. Its line is written synchronously in seq order; the promise settles when the sink is done. */
  append(fields: RecordFields): { record: DecisionRecord; written: Promise<void> } {
    const unhashed = { seq: this.seq + 1, ...fields, prev: this.prev };
    const record: DecisionRecord = { ...unhashed, hash: recordHash(unhashed) };
    // The chain advances even if writing fails: the gap then shows in verifyAuditLog.
    this.seq = record.seq;
    this.prev = record.hash;
    let written: Promise<void>;
    try {
      written = Promise.resolve(this.write(JSON.stringify(record) + "\n"));
    } catch (error) {
      written = Promise.reject(error);
    }
    return { record, written };
  }
}

/** A function that hands one line to the sink. */
export function toWriter(sink: RecordSink): (line: string) => void | Promise<void> {
  if (typeof sink === "function") return sink;
  if (typeof sink === "string") return (line) => appendFileSync(sink, line, "utf8");
  if (isStream(sink)) {
    // A failed write settles the line's promise with the error (so the guard fails closed) and
    // must not also crash the process as an unhandled 'error' event.
    sink.on("error", () => {});
    return (line) => new Promise<void>((resolve, reject) => void sink.write(line, (error) => (error ? reject(error) : resolve())));
  }
  return (line) => {
    sink.write(line);
  };
}

interface WritableLike {
  write(line: string, done: (error?: Error | null) => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
}

/** A node stream, whose write takes a callback and which reports failures as 'error' events. */
function isStream(sink: object): sink is WritableLike {
  return typeof (sink as { on?: unknown }).on === "function" && typeof (sink as { writable?: unknown }).writable === "boolean";
}

/** Where a log file's chain ends, so a new guard appends to it instead of starting a second chain. */
export function readChainTail(file: string): { seq: number; hash: string } | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new AgentspecError(
      "UNREADABLE",
      `${file}: the decision log cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  const last = text.trimEnd().split("\n").pop();
  if (!last) return undefined;
  try {
    const record = JSON.parse(last) as Partial<DecisionRecord>;
    if (typeof record.seq === "number" && typeof record.hash === "string") return { seq: record.seq, hash: record.hash };
  } catch {
    // fall through to the error below
  }
  throw new AgentspecError(
    "BAD_ARGUMENT",
    `${file}: its last line is not a decision record, so new records cannot be chained to it; check it with agentspec audit verify`,
  );
}
