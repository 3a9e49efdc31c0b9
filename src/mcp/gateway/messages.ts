/**
 * One JSON-RPC message read strictly: its text checked (size, UTF-8, JSON, no batch, no hidden
 * keys; see raw-json.ts), then its shape (a request, a notification or a response, nothing in
 * between). Whatever the gateway cannot read one way only is refused here, before anything
 * decides on it or forwards it.
 */
import { isUtf8 } from "node:buffer";
import { findKeyProblem, parsedClean, type KeyProblem } from "./raw-json.js";

export type RequestId = string | number;

export interface JsonRpcRequest {
  jsonrpc: "2.0";
  id: RequestId;
  method: string;
  params?: Record<string, unknown>;
}

export interface JsonRpcNotification {
  jsonrpc: "2.0";
  method: string;
  params?: Record<string, unknown>;
}

export interface JsonRpcError {
  code: number;
  message: string;
  data?: unknown;
}

export interface JsonRpcResponse {
  jsonrpc: "2.0";
  id: RequestId | null;
  result?: Record<string, unknown>;
  error?: JsonRpcError;
}

export type JsonRpcMessage = JsonRpcRequest | JsonRpcNotification | JsonRpcResponse;

export type ReadMessage =
  | { kind: "request"; message: JsonRpcRequest }
  | { kind: "notification"; message: JsonRpcNotification }
  | { kind: "response"; message: JsonRpcResponse & { id: RequestId } };

/** A message refused: the error to answer with, and the request id it belongs to when one could be read. */
export interface Refusal {
  id: RequestId | null;
  /** Every id a message with a repeated "id" key holds (the requests it might answer). */
  ids?: RequestId[];
  /** Whether the refused message was a request (so it is answered) rather than a notification or response. */
  request: boolean;
  error: JsonRpcError;
}

/** `text` is the message as it was received (when the transport kept it), for forwarding it unchanged. */
export type ReadResult = { ok: true; read: ReadMessage; text?: string } | { ok: false; refusal: Refusal };

export const PARSE_ERROR = -32700;
export const INVALID_REQUEST = -32600;
export const INVALID_PARAMS = -32602;
export const INTERNAL_ERROR = -32603;

/** Which side sent the message: the client's params are decided on, so they are held to more. */
export type Direction = "client" | "server";

export interface ReadOptions {
  maxBytes: number;
  /** Deeper nesting is refused (default 128). */
  maxDepth?: number;
}

/** Ids the gateway gives its own requests (to the server when it lists tools, to the client when it asks for approval). */
export const GATEWAY_ID_PREFIX = "agentspec-gateway:";

/** Reads one message from raw bytes (stdio): the byte limit and UTF-8 are checked before decoding. */
export function readMessageBytes(bytes: Buffer, from: Direction, options: ReadOptions): ReadResult {
  if (bytes.length > options.maxBytes) return refuse(null, false, INVALID_REQUEST, oversize(bytes.length, options.maxBytes));
  if (!isUtf8(bytes)) return refuse(null, false, PARSE_ERROR, "The message is not valid UTF-8");
  return readMessageText(bytes.toString("utf8"), from, options, true);
}

/** Reads one message from its text (HTTP bodies, tests). */
export function readMessageText(text: string, from: Direction, options: ReadOptions, sizeChecked = false): ReadResult {
  if (!sizeChecked && Buffer.byteLength(text, "utf8") > options.maxBytes) {
    return refuse(null, false, INVALID_REQUEST, oversize(Buffer.byteLength(text, "utf8"), options.maxBytes));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return refuse(null, false, PARSE_ERROR, `The message is not JSON (${(error as Error).message})`);
  }
  if (Array.isArray(value)) {
    return refuse(
      null,
      false,
      INVALID_REQUEST,
      "JSON-RPC batches are refused: send one message at a time (MCP removed batching in 2025-06-18)",
    );
  }
  const shape = readShape(value);
  if (!shape.ok) return shape;
  shape.text = text;
  const scan = { caseVariants: from === "client", maxDepth: options.maxDepth ?? 128 };
  // Most messages are clean, and are found so without the full scan; the scan says what and where.
  const problem = parsedClean(value, text, scan) ? undefined : findKeyProblem(text, scan);
  if (problem) {
    const id = "id" in shape.read.message ? shape.read.message.id : null;
    const refused = refuse(id, shape.read.kind === "request", INVALID_REQUEST, describeKeyProblem(problem));
    if (problem.ids) refused.refusal.ids = problem.ids;
    return refused;
  }
  return shape;
}

/** The shape of a parsed message: exactly one of request, notification or response. */
export function readShape(value: unknown): ReadResult {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return refuse(null, false, INVALID_REQUEST, "A JSON-RPC message must be an object");
  }
  const m = value as Record<string, unknown>;
  const hasId = Object.hasOwn(m, "id");
  const id = hasId ? readId(m.id) : null;
  const idOrNull = id === undefined ? null : id;
  const isRequest = typeof m.method === "string" && hasId;
  if (m.jsonrpc !== "2.0") return refuse(idOrNull, isRequest, INVALID_REQUEST, 'The message must have "jsonrpc": "2.0"');
  if (hasId && id === undefined) {
    return refuse(null, typeof m.method === "string", INVALID_REQUEST, "A request id must be a string or an integer within ±2^53");
  }
  if (Object.hasOwn(m, "method")) {
    if (typeof m.method !== "string" || m.method === "")
      return refuse(idOrNull, hasId, INVALID_REQUEST, "The method must be a non-empty string");
    if (Object.hasOwn(m, "result") || Object.hasOwn(m, "error")) {
      return refuse(idOrNull, hasId, INVALID_REQUEST, "A message is a request or a response, not both");
    }
    if (m.params !== undefined && (m.params === null || typeof m.params !== "object" || Array.isArray(m.params))) {
      return refuse(idOrNull, hasId, INVALID_REQUEST, "MCP params must be an object");
    }
    if (hasId && id === null) return refuse(null, true, INVALID_REQUEST, "A request id must not be null");
    return hasId
      ? { ok: true, read: { kind: "request", message: m as unknown as JsonRpcRequest }, text: undefined }
      : { ok: true, read: { kind: "notification", message: m as unknown as JsonRpcNotification }, text: undefined };
  }
  const hasResult = Object.hasOwn(m, "result");
  const hasError = Object.hasOwn(m, "error");
  if (hasResult === hasError) return refuse(null, false, INVALID_REQUEST, "A response has either a result or an error");
  if (!hasId || id === null) return refuse(null, false, INVALID_REQUEST, "A response without a request id cannot be matched to a request");
  if (hasResult && (m.result === null || typeof m.result !== "object" || Array.isArray(m.result))) {
    return refuse(null, false, INVALID_REQUEST, "A result must be an object");
  }
  if (hasError && !isError(m.error)) return refuse(null, false, INVALID_REQUEST, "An error must have a numeric code and a message");
  // `text` is set by the reader that has it: a field from the start, so setting it adds no property.
  return { ok: true, read: { kind: "response", message: m as unknown as JsonRpcResponse & { id: RequestId } }, text: undefined };
}

/** A string, a safe integer, or null; undefined for anything else (1.5, 1e400, objects). */
function readId(value: unknown): RequestId | null | undefined {
  if (value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  return undefined;
}

function isError(value: unknown): value is JsonRpcError {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const e = value as Record<string, unknown>;
  return typeof e.code === "number" && Number.isInteger(e.code) && typeof e.message === "string";
}

function describeKeyProblem(problem: KeyProblem): string {
  const where = problem.pointer === "" ? "at the top level" : `in ${problem.pointer}`;
  const key = JSON.stringify(problem.key);
  switch (problem.kind) {
    case "duplicate-key":
      return `The key ${key} appears twice ${where}: decoders disagree on which one counts, so the message is refused`;
    case "case-variant-key":
      return `The keys ${JSON.stringify(problem.other)} and ${key} ${where} differ only by case or form: a case-insensitive decoder reads either, so the message is refused`;
    case "proto-key":
      return `The key "__proto__" ${where} is refused: it can change an object's prototype in the code that reads it`;
    case "too-deep":
      return `The message nests deeper than the gateway reads (${where}), so it is refused`;
  }
}

function oversize(size: number, max: number): string {
  return `The message is ${size} bytes, over the gateway's limit of ${max} (--max-message-bytes)`;
}

function refuse(id: RequestId | null, request: boolean, code: number, message: string): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: { id, request, error: { code, message } } };
}

export function errorResponse(id: RequestId | null, error: JsonRpcError): JsonRpcResponse {
  return { jsonrpc: "2.0", id, error };
}

export function isGatewayId(id: RequestId | null | undefined): boolean {
  return typeof id === "string" && id.startsWith(GATEWAY_ID_PREFIX);
}

/** The refusal of a message over the size limit, whose id cannot be read. */
export function oversizeRefusal(size: number, max: number): ReadResult {
  return refuse(null, false, INVALID_REQUEST, oversize(size, max));
}
