/**
 * Decision records: one JSON line per guarded call, hash-chained (each record carries the hash
 * of the one before it), so verifyAuditLog can tell when a record was removed, reordered,
 * edited or inserted.
 */
import { types } from "node:util";
import type { Audit } from "../../generated/policy.js";
import { canonicalize, sha256Hex } from "../policy/canonical.js";
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
  /** Shadow mode: what enforcement would have decided for the call let through (decision allow, rule shadow). */
  shadow?: { decision: DecisionKind; rule: string; reason: string };
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
  const encoded = encodeArgs(args);
  return typeof encoded === "string" ? null : "sha256:" + sha256Hex(encoded.canonical);
}

/** What a record says about a call's args: their digest and, when the policy says so, the args themselves. */
export interface RecordedArgs {
  argsDigest: string;
  /** Present when the policy's audit.record_arguments is "full" or "redacted" and the call has args. */
  args?: unknown;
}

/**
 * The args as the policy's audit section says to record them, or why they cannot be recorded
 * (a string): a non-finite number, a bigint, a function, a cycle or nesting too deep to encode.
 * The args are encoded once, and what is recorded is read back from that encoding, so the line
 * written holds exactly what was hashed (a Date or a getter in the args cannot make the line
 * differ from its hash) and reading them twice cannot give two answers.
 */
export function recordArgs(args: unknown, audit: Audit | undefined): RecordedArgs | string {
  const snapshot = snapshotArgs(args);
  return typeof snapshot === "string" ? snapshot : recordSnapshot(snapshot, audit);
}

/**
 * A call's args (or context) read once, as JSON carries them: a plain copy, so decide(), the
 * record and the tool each get what was read that one time, whatever getters or proxies in the
 * original would answer on a later read. `value` is undefined when the args were. Its canonical
 * form is made only for a record (recordSnapshot), from the copy.
 */
export interface ArgsSnapshot {
  value: unknown;
}

/** The snapshot of `args`, or why none can be taken (see recordArgs for what cannot be encoded, and takeSnapshot). */
export function snapshotArgs(args: unknown, what: "args" | "context" = "args"): ArgsSnapshot | string {
  const snapshot = takeSnapshot(args, what);
  return "problem" in snapshot ? snapshot.problem : snapshot;
}

/**
 * Why no snapshot was taken: `notPlain` when the value is no plain JSON data (see copyAsJson),
 * which makes the call malformed whether or not it is recorded; otherwise it cannot be encoded.
 */
export interface SnapshotProblem {
  problem: string;
  notPlain: boolean;
}

const NO_VALUE: ArgsSnapshot = Object.freeze({ value: undefined });

/**
 * The snapshot of `args` (or context), or why none can be taken. `parsed`: the value is what
 * JSON.parse made of a message and nobody else holds it (the MCP gateway's own reading), so it is
 * plain data already and nothing can change it: it is checked for what a copy would refuse (a
 * non-finite number, as "1e400" parses; nesting), and kept, not copied.
 */
export function takeSnapshot(args: unknown, what: "args" | "context" = "args", parsed = false): ArgsSnapshot | SnapshotProblem {
  if (args === undefined) return NO_VALUE;
  try {
    // Checked as a copy would be; only the gateway's own parsed value is kept rather than copied.
    return { value: copyAsJson(args, 1, parsed ? null : new Set()) };
  } catch (error) {
    if (error instanceof NotPlain)
      return {
        problem: `the call's ${what} ${what === "args" ? "are" : "is"} not plain JSON data (${error.describe(what)})`,
        notPlain: true,
      };
    if (error instanceof TooDeep)
      return {
        problem: `the call's ${what} ${what === "args" ? "nest" : "nests"} deeper than ${MAX_RECORD_DEPTH - 1} levels, more than a decision record holds`,
        notPlain: false,
      };
    return {
      problem: `the call's ${what} cannot be encoded as JSON (${error instanceof Error ? error.message : String(error)})`,
      notPlain: false,
    };
  }
}

class TooDeep extends Error {}

/** A value that is no plain JSON data, and where: the keys from the snapshot's root to it. */
class NotPlain extends Error {
  readonly path: (string | number)[] = [];
  constructor(readonly what: string) {
    super(what);
  }
  describe(root: string): string {
    let at = root;
    for (const key of this.path)
      at += typeof key === "number" ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
    return `${at} ${this.what}`;
  }
}

const isProxy = types.isProxy;

/**
 * A plain copy of a JSON-like value as RFC 8785 encodes it (keys with undefined values left out,
 * undefined array items as null), reading each property exactly once, and only from plain data:
 * objects whose prototype is Object.prototype or null, arrays that are plain Arrays without
 * holes or extra keys, every own key a string, enumerable, and a data property. Anything else (a
 * class instance, whose values may sit in prototype getters; Object.create(proto); a
 * non-enumerable or symbol key; a getter; a Proxy; a Date or Map) throws NotPlain: a copy would
 * drop or freeze what the caller's own object still shows the tool, and authorize()'s caller
 * runs the tool with its own object, so the decision would be on other values than the tool's.
 * Property values are read from their descriptors, so no getter runs. Recursion is bounded by
 * the record depth (a record holds the args one level down), cycles are refused, and an own
 * `__proto__` key stays an own key (decide() must still see it). With `ancestors` null the value
 * is checked the same way and returned itself, not copied (takeSnapshot's `parsed`; a cycle is
 * then refused by the depth bound).
 */
function copyAsJson(value: unknown, depth: number, ancestors: Set<object> | null): unknown {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("JSON canonicalization cannot encode a non-finite number");
    return value;
  }
  if (typeof value !== "object") throw new TypeError(`JSON canonicalization cannot encode a ${typeof value}`);
  if (depth > MAX_RECORD_DEPTH - 1) throw new TooDeep();
  if (ancestors?.has(value)) throw new TypeError("the value holds a cycle");
  if (isProxy(value)) throw new NotPlain("is a Proxy");
  ancestors?.add(value);
  const keys = Reflect.ownKeys(value);
  let copy: unknown = value;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) throw new NotPlain("is an array of another kind than Array");
    const length = value.length;
    // Its items and "length", nothing more: a hole or an extra key shows in the count.
    if (keys.length !== length + 1) throw new NotPlain("is an array with holes or keys beside its items");
    const items: unknown[] | undefined = ancestors ? [] : undefined;
    for (let i = 0; i < length; i++) {
      const item = dataValue(value, i);
      try {
        const itemCopy = item === undefined ? null : copyAsJson(item, depth + 1, ancestors);
        items?.push(itemCopy);
      } catch (error) {
        if (error instanceof NotPlain) error.path.unshift(i);
        throw error;
      }
    }
    if (items) copy = items;
  } else {
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) throw new NotPlain(`is ${kindOf(prototype)}, not a plain object`);
    const fields: Record<string, unknown> | undefined = ancestors ? {} : undefined;
    for (const key of keys) {
      if (typeof key === "symbol") throw new NotPlain("has a symbol key");
      const field = dataValue(value, key);
      if (field === undefined) continue;
      let fieldCopy: unknown;
      try {
        fieldCopy = copyAsJson(field, depth + 1, ancestors);
      } catch (error) {
        if (error instanceof NotPlain) error.path.unshift(key);
        throw error;
      }
      // Defined, never assigned: an assigned "__proto__" would set the copy's prototype, and a
      // setter a polluted Object.prototype holds would take any other key.
      if (fields) Object.defineProperty(fields, key, { value: fieldCopy, enumerable: true, writable: true, configurable: true });
    }
    if (fields) copy = fields;
  }
  ancestors?.delete(value);
  return copy;
}

/** An own property's value, read from its descriptor (no getter runs); NotPlain for an accessor, a non-enumerable key or a hole. */
function dataValue(value: object, key: string | number): unknown {
  const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
  if (descriptor === undefined) throw new NotPlain(`is an array with a hole at ${key}`);
  const at = typeof key === "number" ? `[${key}]` : JSON.stringify(key);
  if (!("value" in descriptor)) throw new NotPlain(`has a getter or setter for ${at}`);
  if (!descriptor.enumerable) throw new NotPlain(`has a non-enumerable key ${at}`);
  return descriptor.value;
}

/** What an object's prototype makes it, for a reason: "a Date", "an object with another prototype". */
function kindOf(prototype: unknown): string {
  // Read through descriptors: a hostile prototype's getters must not run.
  const constructor =
    typeof prototype === "object" && prototype !== null ? Reflect.getOwnPropertyDescriptor(prototype, "constructor")?.value : undefined;
  const name = typeof constructor === "function" ? Reflect.getOwnPropertyDescriptor(constructor, "name")?.value : undefined;
  return typeof name === "string" && /^[A-Za-z_$][\w$]{0,63}$/.test(name) && name !== "Object"
    ? `${/^[AEIOU]/.test(name) ? "an" : "a"} ${name}`
    : "an object with another prototype than Object.prototype";
}

/** What a record says about args already snapshotted: their digest and, when the policy says so, the args. */
export function recordSnapshot(snapshot: ArgsSnapshot, audit: Audit | undefined): RecordedArgs {
  // The copy holds only what canonicalize encodes (copyAsJson refused the rest), so this cannot throw.
  const canonical = snapshot.value === undefined ? "{}" : canonicalize(snapshot.value);
  const digest = "sha256:" + sha256Hex(canonical);
  const mode = audit?.record_arguments;
  if (snapshot.value === undefined || (mode !== "full" && mode !== "redacted")) return { argsDigest: digest };
  const copy: unknown = JSON.parse(canonical);
  return { argsDigest: digest, args: mode === "full" ? copy : redact(copy) };
}

/**
 * How deep a record may nest (the record itself is level 1): audit verify checks records up to
 * this depth, and the guard records no args nested deeper, so every record it writes can be
 * checked. Deeper values would also be a stack overflow away from failing to hash.
 */
export const MAX_RECORD_DEPTH = 256;

/** Whether a JSON-like value nests deeper than `limit` levels (a scalar is 0, {} or [] is 1); iterative, so any depth is safe. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    if (depth > limit) return true;
    for (const child of Object.values(current)) if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
  }
  return false;
}

function encodeArgs(args: unknown, what: "args" | "context" = "args"): { canonical: string } | string {
  try {
    // A record holds the args one level down: they may nest one level less than it.
    if (nestsDeeperThan(args, MAX_RECORD_DEPTH - 1)) {
      return `the call's ${what} ${what === "args" ? "nest" : "nests"} deeper than ${MAX_RECORD_DEPTH - 1} levels, more than a decision record holds`;
    }
    // The digest is left to the record: a guard that does not record need not hash.
    return { canonical: canonicalize(args ?? {}) };
  } catch (error) {
    // A stack overflow (args nested thousands deep) is a RangeError like any other here.
    return `the call's ${what} cannot be encoded as JSON (${error instanceof Error ? error.message : String(error)})`;
  }
}

function redact(value: unknown, depth = 0): unknown {
  if (depth > 32) return "[REDACTED]";
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, depth + 1)]));
  }
  return "[REDACTED]";
}

/** Where a chain continues from: the last record's seq and hash. */
export interface ChainTail {
  seq: number;
  hash: string;
}

const HASH = /^sha256:[0-9a-f]{64}$/;

/** Whether a value is a chain position a record could have left (seq a whole number ≥ 0, a sha256 hash). */
export function isChainTail(value: unknown): value is ChainTail {
  if (value === null || typeof value !== "object") return false;
  const { seq, hash } = value as Record<string, unknown>;
  return Number.isSafeInteger(seq) && (seq as number) >= 0 && typeof hash === "string" && HASH.test(hash);
}

/** Assigns seq, prev and hash in order and hands each line to the writer. */
export class RecordChain {
  private seq: number;
  private prev: string;

  constructor(
    private readonly write: (line: string) => void | PromiseLike<void>,
    start?: ChainTail,
  ) {
    this.seq = start?.seq ?? 0;
    this.prev = start?.hash ?? GENESIS_HASH;
  }

  /**
   * Builds the next record. Its line is handed to the writer synchronously, in seq order; the
   * promise settles when the writer is done, and rejects (never throws) when it fails, at once
   * or later. A rejection is handled here too, so a caller that stops waiting cannot turn it
   * into an unhandled rejection that ends the process.
   */
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
    written.catch(() => {});
    return { record, written };
  }
}

/**
 * Whether a value is a sink the guard can write to: a path, a function, or an object with a
 * write method (a Node stream, or anything else with write(line)).
 */
export function isRecordSink(value: unknown): value is RecordSink {
  if (typeof value === "string") return value !== "";
  if (typeof value === "function") return true;
  return value !== null && typeof value === "object" && typeof (value as { write?: unknown }).write === "function";
}

/**
 * A function that hands one line to a function, stream or object sink (a path is the log file's
 * business, see log-file.ts). Whatever the sink does, failing at once (a throw) or later (a
 * rejected promise, a stream's error callback), comes back as the writer's throw or rejection.
 */
export function toWriter(sink: Exclude<RecordSink, string>): (line: string) => void | PromiseLike<void> {
  if (typeof sink === "function") return sink;
  if (isStream(sink)) {
    // A failed write settles the line's promise with the error (so the guard fails closed) and
    // must not also crash the process as an unhandled 'error' event.
    sink.on("error", () => {});
    return (line) => new Promise<void>((resolve, reject) => void sink.write(line, (error) => (error ? reject(error) : resolve())));
  }
  // An object's write may be async: its promise is what says whether the line was written.
  return (line) => {
    const result = sink.write(line);
    return isThenable(result) ? result.then(() => undefined) : undefined;
  };
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null && (typeof value === "object" || typeof value === "function") && typeof (value as { then?: unknown }).then === "function"
  );
}

interface WritableLike {
  write(line: string, done: (error?: Error | null) => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
}

/** A node stream, whose write takes a callback and which reports failures as 'error' events. */
function isStream(sink: object): sink is WritableLike {
  return typeof (sink as { on?: unknown }).on === "function" && typeof (sink as { writable?: unknown }).writable === "boolean";
}
