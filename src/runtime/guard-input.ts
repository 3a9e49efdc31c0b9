/**
 * What the guard reads from outside it, each read once and checked: its options (wrong types
 * throw BAD_ARGUMENT at creation), each call, and each approver's answer. A getter that throws
 * while being read turns into a reason the guard denies with, never into a rejection.
 */
import { AgentspecError } from "../errors.js";
import { isObject } from "../load/data.js";
import { foldToolName, MAX_TOOL_NAME_LENGTH } from "../policy/tool-name.js";
import { isChainTail, isRecordSink, snapshotArgs, takeSnapshot, type ArgsSnapshot } from "./decision-record.js";
import { sameFile } from "./log-file.js";
import type { GuardOptions } from "./guard.js";

/** The escalation key of every tool name over MAX_TOOL_NAME_LENGTH. */
const OVERLONG_KEY = `(a tool name over ${MAX_TOOL_NAME_LENGTH} characters)`;

/** setTimeout's limit: a longer delay would fire at once. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * The args object the MCP gateway made itself, with JSON.parse of a client's message, and holds
 * alone, for the guard call it makes next: the guard checks it without copying (see
 * takeSnapshot's `parsed`). Kept here, not as a flag on the call, so no call can claim it (a
 * Proxy's get trap answers any key): only that very object is taken so, by the next readCall.
 */
let parsedNext: object | undefined;

/**
 * For the MCP gateway only (not exported from the package), just before it calls the guard:
 * `args` is its own JSON.parse of a message, held by no other code.
 */
export function markParsedArgs(args: unknown): void {
  parsedNext = args !== null && typeof args === "object" ? args : undefined;
}

/** What the guard read from a call once, so every later step sees the same call. */
export interface CallView {
  /**
   * The call as decide() gets it, and as run() hands it to execute(): the same fields, read once,
   * with args and context snapshotted (read once, as JSON), so a getter or proxy cannot show
   * the decision one value and the tool another.
   */
  call: unknown;
  /** A non-empty tool name, or undefined. */
  tool: string | undefined;
  /** The tool every spelling of the name reads as: the key of denials and escalation. */
  key: string | undefined;
  cost: number | string;
  /** The args' snapshot, or why none could be taken (a non-finite number, a bigint, a cycle, …). */
  args: ArgsSnapshot | string;
  /** Why the context could not be snapshotted, when it could not. */
  contextProblem?: string;
  /**
   * Why the call is malformed because its args or context are not plain JSON data (a class
   * instance, Object.create, a getter, a non-enumerable or symbol key, a Proxy): the whole reason.
   * Such a call is denied whether or not it is recorded: decide() would see a copy without what
   * the caller's object still shows the tool.
   */
  notPlain?: string;
  context: { actor?: string; tenant?: string; environment?: string };
}

export function checkOptions(options: GuardOptions): void {
  if (options === null || typeof options !== "object") throw new AgentspecError("BAD_ARGUMENT", "createGuard's options must be an object");
  for (const key of ["approve", "onEscalate", "onCostAlert", "now"] as const) {
    if (options[key] !== undefined && typeof options[key] !== "function") {
      throw new AgentspecError("BAD_ARGUMENT", `options.${key} must be a function, not ${describe(options[key])}`);
    }
  }
  for (const key of ["record", "aexEvents"] as const) {
    if (options[key] !== undefined && !isRecordSink(options[key])) {
      throw new AgentspecError(
        "BAD_ARGUMENT",
        `options.${key} must be a file path, a function, or an object with a write method (a stream), not ${describe(options[key])}`,
      );
    }
  }
  if (typeof options.record === "string" && typeof options.aexEvents === "string" && sameFile(options.record, options.aexEvents)) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `options.record and options.aexEvents are the same file (${options.record}): give aex events their own file`,
    );
  }
  if (options.chainFrom !== undefined && !isChainTail(options.chainFrom)) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      "options.chainFrom must be { seq, hash } of a record: seq a whole number of 0 or more, hash sha256: and 64 hex digits",
    );
  }
  const store = options.store as unknown;
  if (store !== undefined) {
    const methods = ["admit", "recordDenial", "addCost", "renew", "release"] as const;
    const missing =
      store === null || typeof store !== "object"
        ? methods
        : methods.filter((m) => typeof (store as Record<string, unknown>)[m] !== "function");
    if (missing.length > 0)
      throw new AgentspecError(
        "BAD_ARGUMENT",
        `options.store must be a state store (memoryStore() or redisStore({ url })), not ${describe(store)}: it has no ${missing.join(", ")}`,
      );
    const leaseMs = (store as { leaseMs?: unknown }).leaseMs;
    if (typeof leaseMs !== "number" || !(leaseMs > 0))
      throw new AgentspecError(
        "BAD_ARGUMENT",
        `options.store.leaseMs must be a positive number of ms (or Infinity), not ${describe(leaseMs)}`,
      );
  }
  const runId = options.runId as unknown;
  if (runId !== undefined && (typeof runId !== "string" || runId === "" || runId.length > 1024))
    throw new AgentspecError("BAD_ARGUMENT", `options.runId must be a string of 1 to 1,024 characters, not ${describe(runId)}`);
  if (options.tenantBudgets !== undefined && typeof options.tenantBudgets !== "boolean")
    throw new AgentspecError("BAD_ARGUMENT", `options.tenantBudgets must be true or false, not ${describe(options.tenantBudgets)}`);
  if (options.mode !== undefined && options.mode !== "enforce" && options.mode !== "shadow") {
    throw new AgentspecError("BAD_ARGUMENT", `options.mode must be "enforce" or "shadow", not ${describe(options.mode)}`);
  }
  for (const key of ["approvalTimeoutMs", "recordTimeoutMs"] as const) {
    const timeout = options[key];
    if (timeout !== undefined && (!Number.isInteger(timeout) || timeout < 1 || timeout > MAX_TIMEOUT_MS)) {
      throw new AgentspecError("BAD_ARGUMENT", `${key} must be a whole number of ms from 1 to ${MAX_TIMEOUT_MS}, not ${String(timeout)}`);
    }
  }
}

/** Reads what the guard needs from the call, once; getters that throw make the call malformed. */
export function readCall(call: unknown): CallView | string {
  // The gateway's mark is for this call or none: taken before anything here can return or throw.
  const marked = parsedNext;
  parsedNext = undefined;
  try {
    if (!isObject(call)) return { call, tool: undefined, key: undefined, cost: 0, args: snapshotArgs(undefined), context: {} };
    const { tool: rawTool, args: rawArgs, context: rawContext, costUsd } = call as Record<string, unknown>;
    const argsTaken = takeSnapshot(rawArgs, "args", marked !== undefined && rawArgs === marked);
    const contextTaken = takeSnapshot(rawContext, "context");
    const args = "problem" in argsTaken ? argsTaken.problem : argsTaken;
    const contextSnapshot = "problem" in contextTaken ? contextTaken.problem : contextTaken;
    const context = typeof contextSnapshot === "string" ? undefined : contextSnapshot.value;
    const tool = typeof rawTool === "string" && rawTool !== "" ? rawTool : undefined;
    const notPlain =
      "problem" in argsTaken && argsTaken.notPlain
        ? argsTaken
        : "problem" in contextTaken && contextTaken.notPlain
          ? contextTaken
          : undefined;
    // An over-long name is malformed before it is folded (folding costs its length); all such
    // names count as one tool toward escalation, under a key no name folds to (it has spaces).
    const folded = tool === undefined ? undefined : tool.length > MAX_TOOL_NAME_LENGTH ? OVERLONG_KEY : foldToolName(tool);
    return {
      call: { tool: rawTool, args: typeof args === "string" ? undefined : args.value, context },
      tool,
      // A name that folds to nothing (only invisible characters) still counts as itself.
      key: folded === "" ? tool : folded,
      cost: costOf(costUsd),
      args,
      ...(typeof contextSnapshot === "string" ? { contextProblem: contextSnapshot } : {}),
      ...(notPlain
        ? {
            notPlain: `"${tool ?? "the call"}": ${notPlain.problem}, so the tool, given the caller's own object, could read values this decision never saw: it is denied`,
          }
        : {}),
      context: contextOf(context),
    };
  } catch (error) {
    return `The call could not be read (${errorMessage(error)}): it is denied`;
  }
}

/** The approver's answer, each field read once; a getter that throws gives the reason as a string. */
export function readAnswer(answer: unknown): { approved: boolean; reviewer?: string; reason?: string } | string {
  try {
    if (answer === null || typeof answer !== "object") return { approved: false };
    const { approved, reviewer, reason } = answer as Record<string, unknown>;
    return {
      approved: approved === true,
      ...(typeof reviewer === "string" && reviewer !== "" ? { reviewer } : {}),
      ...(typeof reason === "string" && reason !== "" ? { reason } : {}),
    };
  } catch (error) {
    return errorMessage(error);
  }
}

/** The call's cost, or why it is malformed. */
function costOf(cost: unknown): number | string {
  if (cost === undefined) return 0;
  return typeof cost === "number" && Number.isFinite(cost) && cost >= 0
    ? cost
    : "The call's costUsd must be a number of US dollars, 0 or more";
}

function contextOf(context: unknown): { actor?: string; tenant?: string; environment?: string } {
  const out: { actor?: string; tenant?: string; environment?: string } = {};
  if (!isObject(context)) return out;
  for (const key of ["actor", "tenant", "environment"] as const) {
    const value = context[key];
    if (typeof value === "string") out[key] = value;
  }
  return out;
}

function describe(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "string" ? `"${value}"` : `a ${typeof value}`;
}

export function errorMessage(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return "an error that cannot be shown";
  }
}
