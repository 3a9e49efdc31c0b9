/**
 * createMcpGateway: an MCP proxy that enforces a policy between a client and a server. It speaks
 * MCP to its client over stdio (or Streamable HTTP, see http-listen.ts) and to the server over
 * stdio or Streamable HTTP; every tools/call goes through one guard (budgets, approvals,
 * escalation, decision records) and tools/list shows only what the policy could allow.
 *
 * The library never exits the process: `closed` settles with why the gateway stopped, and the
 * CLI turns that into an exit code.
 */
import type { Readable, Writable } from "node:stream";
import { AgentspecError } from "../../errors.js";
import { argsDigest } from "../../runtime/decision-record.js";
import { createGuard, type ApprovalRequest, type ApprovalResult, type Guard, type GuardCall } from "../../runtime/guard.js";
import type { PolicyLoad, PolicySource } from "../../runtime/load-policy.js";
import type { RecordSink } from "../../runtime/decision-record.js";
import type { StateStore } from "../../runtime/store/types.js";
import { tracingAvailable } from "../../runtime/telemetry.js";
import type { ApprovalAsk, GatewayApprover } from "./approvals/types.js";
import { LineFramer } from "./framing.js";
import { oversizeRefusal, type JsonRpcMessage } from "./messages.js";
import { loadPins, type GatewayLockOption } from "./pinning.js";
import { approvalOrigin, GatewaySession, PIN_LIST_DEADLINE_MS, type SessionShared } from "./session.js";
import { describeExit, type Upstream, type UpstreamExit } from "./upstream.js";
import { spawnStdioUpstream, type StdioUpstreamSpec } from "./upstream-stdio.js";
import type { HttpUpstreamSpec } from "./upstream-http.js";
import { connectModernHttpUpstream } from "./upstream-http-modern.js";
import { ParamHeaderBook } from "./param-headers.js";
import { DEFAULT_APPROVAL_TIMEOUT_MS, DEFAULT_GATEWAY_MAX_MESSAGE_BYTES, type ListenSpec } from "./settings.js";

export { DEFAULT_APPROVAL_TIMEOUT_MS, DEFAULT_GATEWAY_MAX_MESSAGE_BYTES };

export type UpstreamSpec = StdioUpstreamSpec | HttpUpstreamSpec;

/** A spec server's `prefix`, as schema/agentspec.schema.json's McpServer.prefix pattern says (a test holds them equal). */
export const TOOL_PREFIX = /^[A-Za-z0-9_-]+(?:[._-][A-Za-z0-9_-]+)*[._-]?$/;

export interface McpGatewayOptions {
  /** The policy, as createGuard takes it (a file path, JSON text, a parsed policy, a tryLoadPolicy result). */
  policy?: PolicySource | PolicyLoad;
  /** A guard to enforce with instead (its policy, pin, records and approver are used). */
  guard?: Guard;
  /** The MCP server: `{ command, args }` to start it, or `{ url }` to reach it over Streamable HTTP. */
  upstream: UpstreamSpec;
  /** Where the client is: stdio streams (default process.stdin / process.stdout), or an HTTP address to listen on. */
  downstream?: { input: Readable; output: Writable } | { listen: ListenSpec };
  /** Refuse the policy unless its hash is this sha256:… (deny everything, see guard.loadError). */
  pin?: string;
  /** Hash-chained decision records (a file path, a function, a stream). */
  record?: RecordSink;
  /** aex audit events beside the records. */
  aexEvents?: RecordSink;
  /** Who approves calls that need approval; without one they are denied. */
  approver?: GatewayApprover;
  /** How long an approval may take before the call is denied (default 120 s). */
  approvalTimeoutMs?: number;
  /** Messages over this many bytes are refused (default 10 MiB). */
  maxMessageBytes?: number;
  /** The call context every call is decided with (approval conditions on actor, tenant, environment). */
  context?: GuardCall["context"];
  /**
   * Where budgets and escalation counts live (createGuard's store): a redisStore() shares them
   * with other gateways of the same agent. Default: this process's memory. The caller closes it.
   */
  store?: StateStore;
  /** The run whose call counts and escalations the store keys (default: one random run per gateway). */
  runId?: string;
  /**
   * "shadow": calls the policy would deny or gate are forwarded, each recorded with what
   * enforcement would have decided, and tools/list shows every tool. The gateway's own refusals
   * (protocol hygiene, a policy that does not load, a record that cannot be written) still deny.
   */
  mode?: "enforce" | "shadow";
  /**
   * Pin tool definitions to an MCP lock (`agentspec mcp lock`'s file, or its text): a tool whose
   * definition differs from the lock, or that the lock does not know, is hidden from tools/list and
   * its calls are refused (rule definition-changed, recorded), in shadow mode too. A lock that
   * cannot be read or used refuses every tool. A string is the lock file's path.
   */
  lock?: string | GatewayLockOption;
  /**
   * The `prefix` the spec gives this server (`mcp.servers.<name>.prefix`): the spec names the
   * server's `read_file` as `<prefix>read_file`. Each call and listed tool is decided under that
   * name, while the client and the server keep the server's names: the client shows and calls
   * `read_file`, the record and the decision say `fs.read_file`. Default: none.
   */
  toolPrefix?: string;
  /**
   * With a lock: how long the gateway's own listing of the server's tools (every page, for a call
   * of a tool it has not seen listed) may take in all before the call is refused (default 30 s,
   * PIN_LIST_DEADLINE_MS).
   */
  pinListDeadlineMs?: number;
  /** One line per decision and event; default: stderr, prefixed "agentspec mcp proxy: ". null: silent. */
  log?: ((line: string) => void) | null;
}

export type GatewayExit =
  | { reason: "client-closed"; message: string }
  | { reason: "upstream-exited"; message: string; exit: UpstreamExit }
  | { reason: "upstream-failed"; message: string }
  | { reason: "closed"; message: string };

export interface McpGateway {
  readonly guard: Guard;
  /**
   * Starts the gateway: the server is started (stdio) or the listener opened (HTTP, whose address
   * is returned). Once: a second call returns the first start; after close() it rejects.
   */
  start(): Promise<{ url?: string }>;
  /** Stops: closes the server connection(s) and the listener, after a start() in progress has ended. */
  close(): Promise<void>;
  /** Settles once, when the gateway has stopped, with why. */
  readonly closed: Promise<GatewayExit>;
}

export function createMcpGateway(options: McpGatewayOptions): McpGateway {
  if (!options.guard && options.policy === undefined)
    throw new AgentspecError("BAD_ARGUMENT", "createMcpGateway needs a policy (or a guard)");
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_GATEWAY_MAX_MESSAGE_BYTES;
  if (!Number.isSafeInteger(maxMessageBytes) || maxMessageBytes < 1024) {
    throw new AgentspecError("BAD_ARGUMENT", `maxMessageBytes must be a whole number of bytes, at least 1024, not ${maxMessageBytes}`);
  }
  const approvalTimeoutMs = options.approvalTimeoutMs ?? DEFAULT_APPROVAL_TIMEOUT_MS;
  if (!Number.isInteger(approvalTimeoutMs) || approvalTimeoutMs < 1 || approvalTimeoutMs > 2 ** 31 - 1) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `approvalTimeoutMs must be a whole number of milliseconds from 1 to 2^31 - 1, not ${approvalTimeoutMs}`,
    );
  }
  const pinListDeadlineMs = options.pinListDeadlineMs ?? PIN_LIST_DEADLINE_MS;
  if (!Number.isInteger(pinListDeadlineMs) || pinListDeadlineMs < 1 || pinListDeadlineMs > 2 ** 31 - 1) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `pinListDeadlineMs must be a whole number of milliseconds from 1 to 2^31 - 1, not ${pinListDeadlineMs}`,
    );
  }
  const toolPrefix = options.toolPrefix ?? "";
  if (typeof toolPrefix !== "string" || (toolPrefix !== "" && !TOOL_PREFIX.test(toolPrefix))) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `toolPrefix ${JSON.stringify(toolPrefix)} is not a tool prefix: letters, digits, _ and -, in segments joined by . _ or -, optionally ending with one (e.g. "fs.")`,
    );
  }
  const log = options.log === null ? () => {} : (options.log ?? stderrLog);
  const safeLog = (line: string) => {
    try {
      log(oneLine(line));
    } catch {
      // A log that cannot be written changes no decision.
    }
  };
  const approver = options.approver;
  const guard: Guard =
    options.guard ??
    createGuard(options.policy!, {
      pin: options.pin,
      record: options.record,
      aexEvents: options.aexEvents,
      approve: approver
        ? (request): Promise<ApprovalResult> => askApprover(approver, request, approvalTimeoutMs, guard.policy.agent.id)
        : undefined,
      approvalTimeoutMs,
      ...(options.store ? { store: options.store } : {}),
      ...(options.runId !== undefined ? { runId: options.runId } : {}),
      ...(options.mode ? { mode: options.mode } : {}),
    });
  const ownGuard = options.guard === undefined;
  const shared: SessionShared = {
    guard,
    maxMessageBytes,
    approver,
    approvalTimeoutMs,
    context: options.context,
    log: safeLog,
    shadow: guard.usage().shadow !== undefined,
    pinListDeadlineMs,
    ...(toolPrefix !== "" ? { toolPrefix } : {}),
    ...(options.lock !== undefined ? { pins: loadPins(typeof options.lock === "string" ? { file: options.lock } : options.lock) } : {}),
  };
  // What the server's tools declare of their Mcp-Param-* headers (2026-07-28 over HTTP), kept across its requests.
  const book = new ParamHeaderBook();
  let settle!: (exit: GatewayExit) => void;
  let finished = false;
  const closed = new Promise<GatewayExit>((resolve) => (settle = resolve));
  const finish = (exit: GatewayExit) => {
    if (finished) return;
    finished = true;
    approver?.close?.();
    book.close();
    // The guard's record file is locked while it is open: released for the next gateway.
    if (ownGuard) guard.close();
    settle(exit);
  };
  let stopper: (() => Promise<void>) | undefined;
  /** Set by close(): a start() still loading its parts serves nothing once they load. */
  let closing = false;
  let starting: Promise<{ url?: string }> | undefined;
  const startNow = async (): Promise<{ url?: string }> => {
    if (guard.loadError) safeLog(`the policy could not load, so every call is denied: ${guard.loadError.message}`);
    if (shared.pins?.problem) safeLog(`${shared.pins.problem}: every tool is hidden and every call refused (definition-changed)`);
    // OpenTelemetry, when installed, is loaded now rather than by the first call (it took ~90 ms there).
    tracingAvailable();
    const downstream = options.downstream ?? { input: process.stdin, output: process.stdout };
    // The Streamable HTTP parts load the MCP SDK's HTTP client and server (and zod) when first
    // needed: a gateway on stdio in front of a stdio server, what MCP clients start, never does.
    const connectHttp = "url" in options.upstream ? (await import("./upstream-http.js")).connectHttpUpstream : undefined;
    if (closing) return {};
    const connect = (session: GatewaySession, modern: boolean) =>
      connectUpstream(options.upstream, session, maxMessageBytes, modern, connectHttp, book, safeLog);
    if ("listen" in downstream) {
      const { listenHttp } = await import("./http-listen.js");
      if (closing) return {};
      const listener = await listenHttp(downstream.listen, {
        shared,
        connect: (session, how) => connect(session, how?.modern === true),
        forwardsNotifications: "url" in options.upstream,
        log: safeLog,
        onClosed: (message) => finish({ reason: "closed", message }),
      });
      stopper = () => listener.close();
      return { url: listener.url };
    }
    stopper = serveStdio(downstream.input, downstream.output, connect, shared, finish);
    return {};
  };
  return {
    guard,
    closed,
    start() {
      // Once: a second start() would serve a second listener close() does not know of.
      if (closing) return Promise.reject(new AgentspecError("BAD_ARGUMENT", "the gateway was closed: create another to start again"));
      return (starting ??= startNow());
    },
    async close() {
      closing = true;
      // A start() in progress ends first: what it set up (a listener, a connection) is stopped below.
      await starting?.catch(() => {});
      await stopper?.();
      finish({ reason: "closed", message: "the gateway was closed" });
    },
  };
}

/**
 * The guard's approve callback: the gateway's approver, asked with the call's client. The guard
 * bounds it (approvalTimeoutMs, then request.signal aborts); a client's cancellation aborts it too.
 */
async function askApprover(approver: GatewayApprover, request: ApprovalRequest, timeoutMs: number, agent: string): Promise<ApprovalResult> {
  const { call, decision } = request;
  const digest = argsDigest(call.args);
  if (digest === null) return { approved: false, reason: "its arguments cannot be put in canonical form to be approved" };
  const origin = approvalOrigin();
  const signal = origin ? AbortSignal.any([origin.signal, request.signal]) : request.signal;
  const ask: ApprovalAsk = {
    tool: call.tool,
    args: call.args ?? {},
    argsDigest: digest,
    reason: decision.reason,
    ...(decision.channel ? { channel: decision.channel } : {}),
    policyHash: decision.policyHash,
    agent,
    signal,
    timeoutMs,
    ...(origin
      ? {
          client: {
            elicits: origin.session.clientElicits,
            modern: origin.modern,
            requestId: origin.requestId,
            ask: (method, params, s) => origin.session.askClient(method, params, s, origin.requestId),
          },
        }
      : {}),
  };
  // A client's cancellation answers at once; the guard's own timeout bounds an approver that ignores the signal.
  const cancelled = new Promise<ApprovalResult>((resolve) => {
    const onAbort = () => resolve({ approved: false, reason: "the client cancelled the call" });
    if (origin?.signal.aborted) onAbort();
    else origin?.signal.addEventListener("abort", onAbort, { once: true });
  });
  return Promise.race([approver.approve(ask), cancelled]);
}

function connectUpstream(
  spec: UpstreamSpec,
  session: GatewaySession,
  maxBytes: number,
  modern: boolean,
  connectHttp: typeof import("./upstream-http.js").connectHttpUpstream | undefined,
  book: ParamHeaderBook,
  log: (line: string) => void,
): Upstream {
  // connectHttp is loaded whenever the upstream is a URL (start()).
  if ("url" in spec) {
    return modern ? connectModernHttpUpstream(spec, session, maxBytes, book, log) : connectHttp!(spec, session, maxBytes);
  }
  return spawnStdioUpstream(
    spec,
    maxBytes,
    (bytes) => session.fromServerBytes(bytes),
    (read) => session.fromServerRead(read),
  );
}

/** One session over stdio: the client's stdin and stdout, one server connection; stops when either side ends. */
function serveStdio(
  input: Readable,
  output: Writable,
  connect: (session: GatewaySession, modern: boolean) => Upstream,
  shared: SessionShared,
  finish: (exit: GatewayExit) => void,
): () => Promise<void> {
  let upstream!: Upstream;
  let clientGone = false;
  let waitingForClient = false;
  let waitingForServer = false;
  const toClient = (message: JsonRpcMessage, raw?: string) => {
    if (clientGone) return;
    if (!output.write((raw ?? JSON.stringify(message)) + "\n") && !waitingForClient) {
      // The client reads slower than the server writes: stop reading the server until it catches up.
      waitingForClient = true;
      upstream.pause();
      output.once("drain", () => {
        waitingForClient = false;
        upstream.resume();
      });
    }
  };
  const session = new GatewaySession(shared, {
    toClient,
    toServer: (message, raw) => {
      upstream.send(message, raw);
      if (!waitingForServer && upstream.onDrain(() => ((waitingForServer = false), input.resume()))) {
        waitingForServer = true;
        input.pause();
      }
    },
  });
  upstream = connect(session, false);
  const framer = new LineFramer(
    shared.maxMessageBytes,
    (line) => session.fromClientBytes(line),
    (size) => session.fromClientRead(oversizeRefusal(size, shared.maxMessageBytes)),
  );
  const onData = (chunk: Buffer | string) => framer.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  const onEnd = () => {
    if (clientGone) return;
    clientGone = true;
    void upstream.close();
  };
  input.on("data", onData);
  input.on("end", onEnd);
  input.on("error", onEnd);
  output.on("error", onEnd);
  void upstream.gone.then((exit) => {
    input.off("data", onData);
    input.off("end", onEnd);
    input.pause();
    const why = describeExit(exit);
    if (clientGone) {
      // Calls still forwarded end with the session: their slots are given back (a guard or store may serve other gateways).
      session.upstreamClosed("the client closed the connection");
      return finish({ reason: "client-closed", message: "the client closed the connection" });
    }
    const pending = session.pendingCount;
    session.upstreamClosed(why);
    const failed = pending > 0 ? `; ${pending} pending request${pending === 1 ? "" : "s"} failed` : "";
    if (exit.kind === "failed") {
      shared.log(`${why}${failed}`);
      return finish({ reason: "upstream-failed", message: why });
    }
    shared.log(`${why} while the client was connected${failed}`);
    finish({ reason: "upstream-exited", message: `${why}${failed}`, exit });
  });
  return async () => {
    clientGone = true;
    input.off("data", onData);
    await upstream.close();
  };
}

function stderrLog(line: string): void {
  process.stderr.write(`agentspec mcp proxy: ${line}\n`);
}

/**
 * A log line stays one line, and shows what it holds, whatever names and reasons are in it:
 * controls, line separators, spaces other than the space, invisible characters (a zero-width
 * space in a tool name) and combining marks (U+0338 drawn across "write_file") are escaped.
 */
const UNSHOWN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Zs}\p{Default_Ignorable_Code_Point}\p{Cs}\p{M}\u2800]/gu;
/** Printable ASCII only: nothing to escape (most lines). A pattern of one range: a few times faster than a loop over the line, and cheaper still while V8 has not compiled the loop. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function oneLine(line: string): string {
  if (PRINTABLE_ASCII.test(line)) return line;
  return line.replace(UNSHOWN, (c) => {
    // Spaces other than the space itself (no-break, ideographic, …) and the braille blank look like
    // a space or nothing: escaped, so "read\u00a0file" does not read as "read file".
    if (c === " ") return c;
    const code = c.codePointAt(0)!;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
