/**
 * One client's connection through the gateway: every message from either side is read strictly
 * (messages.ts), matched to what it answers by request id, and forwarded, except that tools/call
 * is decided by the guard before it may reach the server and tools/list results lose the tools
 * the policy denies. Everything else passes through unchanged.
 *
 * Nothing a client or server sends may throw out of here: every handler catches, and an error
 * while deciding a call denies it.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { foldToolName, MAX_TOOL_NAME_LENGTH } from "../../policy/tool-name.js";
import { isThenable } from "../../runtime/decision-record.js";
import type { Admission, CallOptions, Guard, GuardCall, GuardDecision } from "../../runtime/guard.js";
import { markParsedArgs } from "../../runtime/guard-input.js";
import { traceParentFromMeta } from "../../runtime/telemetry.js";
import type { ApprovalAsk, GatewayApprover } from "./approvals/types.js";
import {
  errorResponse,
  GATEWAY_ID_PREFIX,
  INTERNAL_ERROR,
  INVALID_REQUEST,
  isGatewayId,
  readMessageBytes,
  type JsonRpcMessage,
  type JsonRpcNotification,
  type JsonRpcRequest,
  type JsonRpcResponse,
  type ReadResult,
  type RequestId,
} from "./messages.js";
import { listedTwice, notListed, pinVerdict, twinVerdict, type PinVerdict, type Pins } from "./pinning.js";
import { deniedToolResult, listVisibility } from "./tool-results.js";

/** The 2026-07-28 envelope key naming a request's protocol revision (no initialize in that revision). */
export const PROTOCOL_VERSION_META_KEY = "io.modelcontextprotocol/protocolVersion";
export const CLIENT_CAPABILITIES_META_KEY = "io.modelcontextprotocol/clientCapabilities";
/**
 * How long the gateway's own tools/list may take, every page together (pinning a call of a tool
 * not yet listed): one deadline for the whole listing, not one per page, so a server answering
 * each of its 1,000 pages just in time cannot hold a call for hours. Past it the call is refused
 * and the listing is not remembered (the next such call lists again).
 */
export const PIN_LIST_DEADLINE_MS = 30_000;
/** Bounds of the gateway's own tools/list, as mcp check's: a hostile server cannot make it read forever. */
const PIN_LIST_MAX_TOOLS = 10_000;
export const PIN_LIST_MAX_PAGES = 1_000;
/** The names of one such listing kept, in characters at most (names are kept, definitions are not). */
const PIN_LIST_MAX_NAME_CHARS = 1_000_000;
/** Verdicts kept from the client's own tools/list pages, at most (a hostile server's pages cannot grow the map without end). */
const MAX_KEPT_VERDICTS = 20_000;
/** Budgets only the client can report: its reasoning turn and a call's cost. */
export const TURN_META_KEY = "agentspec/turn";
export const COST_META_KEY = "agentspec/costUsd";

/** Where a session sends: the client side and the server side. */
export interface SessionPorts {
  /** `raw` is the message's exact text when it is forwarded unchanged; `related` the client request it belongs to. */
  toClient(message: JsonRpcMessage, raw?: string, related?: RequestId): void;
  toServer(message: JsonRpcMessage, raw?: string): void;
}

/** What all sessions of one gateway share. */
export interface SessionShared {
  guard: Guard;
  maxMessageBytes: number;
  approver: GatewayApprover | undefined;
  approvalTimeoutMs: number;
  /** The call context (actor, tenant, environment) every call is decided with. */
  context: GuardCall["context"];
  log: (line: string) => void;
  /** Shadow mode: the guard lets through what the policy would deny, and tools/list hides nothing the policy would. */
  shadow: boolean;
  /** The MCP lock's pinned definitions: a tool that differs is hidden and its calls refused (shadow mode too). */
  pins?: Pins;
  /**
   * The spec server's `prefix`: the policy names this server's tool `read_file` as
   * `<prefix>read_file`. Calls and listed tools are decided under that name; the client and the
   * server keep the server's own names (a client never sends the prefix). Empty or absent: none.
   */
  toolPrefix?: string;
  /** The deadline of the gateway's own tools/list, in milliseconds (default PIN_LIST_DEADLINE_MS). */
  pinListDeadlineMs?: number;
}

interface ClientRequestEntry {
  method: string;
  /** tools/list: the tool list generation it was sent in (a list_changed since makes its answer stale for pinning). */
  generation?: number;
  /** tools/list without a cursor: an answer without nextCursor is then the whole list. */
  whole?: boolean;
  /**
   * tools/call: the call has ended (the guard holds its concurrency slot until then); `why` when it
   * ended without the server's answer.
   */
  done?: (why?: string) => void;
}

interface OwnRequest {
  resolve: (response: JsonRpcResponse) => void;
  reject: (error: Error) => void;
}

/** Where a call being decided came from: its session and request, for an approver that asks the client. */
export interface CallOrigin {
  session: GatewaySession;
  requestId: RequestId;
  /** Aborted when the client cancels the call. */
  signal: AbortSignal;
  modern: boolean;
}

/**
 * The origin of the call being decided, carried through guard.run() to the approve callback (the
 * guard hands the approver its own copy of the call, so the call object cannot carry it).
 */
const origins = new AsyncLocalStorage<CallOrigin>();

export class GatewaySession {
  readonly #shared: SessionShared;
  readonly #ports: SessionPorts;
  /** Client requests forwarded to the server and not yet answered, by id. */
  readonly #fromClient = new Map<RequestId, ClientRequestEntry>();
  /** tools/call requests being decided (an approval may be pending), by id. */
  readonly #deciding = new Map<RequestId, Cancellation>();
  /** Server requests forwarded to the client and not yet answered, by id. */
  readonly #fromServer = new Map<RequestId, string>();
  /** The gateway's own requests to the client (approval by elicitation), by id. */
  readonly #ownToClient = new Map<string, OwnRequest>();
  /** Progress tokens of pending client requests → the request, so progress reaches the request's HTTP stream. */
  readonly #progress = new Map<RequestId, RequestId>();
  /** The same, by request: a request's token is forgotten in one step when it is answered. */
  readonly #progressOf = new Map<RequestId, RequestId>();
  #nextOwnId = 1;
  /** The gateway's own requests to the server (tools/list, to pin a call), by id. */
  readonly #ownToServer = new Map<string, OwnRequest>();
  /** Pinning: each listed tool's verdict against the lock, for the server's current tool list. */
  #verdicts = new Map<string, PinVerdict>();
  /** Moves on each notifications/tools/list_changed: verdicts of an older list are not kept. */
  #generation = 0;
  /**
   * The generation whose whole tool list #verdicts holds (every page read): a name without a
   * verdict is then not listed, refused without listing again until the list changes. Without it
   * each call of an unlisted name would make the gateway read every page again.
   */
  #settled: { generation: number; cutAt?: number } | undefined;
  /**
   * Pinning: each folded reading (foldToolName) of the names listed in this generation, with the
   * names seen with it, so a twin on another page of the client's listing is caught too.
   */
  #readings = new Map<string, Reading>();
  /** The gateway's own listing in flight, shared by the calls waiting for it. */
  #listing: { generation: number; done: Promise<void> } | undefined;
  /** Pin problems already logged (name and reason), so a client listing every second does not flood stderr. */
  readonly #loggedPins = new Set<string>();
  /** Told the protocol version an initialize negotiated (the HTTP transport sends it as a header). */
  onNegotiated: ((version: string) => void) | undefined;
  #clientCapabilities: Record<string, unknown> = {};
  /** The protocol version the client's requests last named in their `_meta` (2026-07-28). */
  #envelopeVersion: string | undefined;
  readonly #logsVersion: boolean;
  #closed: string | undefined;

  /** `logsVersion: false`: a session of one request (2026-07-28 over HTTP), whose listener says the versions it sees. */
  constructor(shared: SessionShared, ports: SessionPorts, options: { logsVersion?: boolean } = {}) {
    this.#shared = shared;
    this.#ports = ports;
    this.#logsVersion = options.logsVersion ?? true;
  }

  /** Whether the client said it can answer elicitation requests. */
  get clientElicits(): boolean {
    const elicitation = this.#clientCapabilities.elicitation;
    return elicitation !== null && typeof elicitation === "object";
  }

  /** Requests of the client the server has not answered yet. */
  get pendingCount(): number {
    return this.#fromClient.size + this.#deciding.size;
  }

  /**
   * Progress-token entries the session holds (both directions): one pair per pending request that
   * named a token, none once it is answered — whoever answered it. For tests and diagnostics.
   */
  get progressTracked(): number {
    return this.#progress.size + this.#progressOf.size;
  }

  /** One framed message from the client (stdio): read, checked, then handled. */
  fromClientBytes(bytes: Buffer): void {
    this.fromClientRead(readMessageBytes(bytes, "client", { maxBytes: this.#shared.maxMessageBytes }));
  }

  /** One message from the client, already read (HTTP reads its body itself). */
  fromClientRead(read: ReadResult): void {
    try {
      if (!read.ok) return this.#refuseFromClient(read.refusal);
      const text = read.text;
      const { kind, message } = read.read;
      if (kind === "request") this.#clientRequest(message, text);
      else if (kind === "notification") this.#clientNotification(message, text);
      else this.#clientResponse(message, text);
    } catch (error) {
      this.#internalError("a client message", error, read.ok && read.read.kind === "request" ? read.read.message.id : undefined);
    }
  }

  /** One framed message from the server (stdio). */
  fromServerBytes(bytes: Buffer): void {
    this.fromServerRead(readMessageBytes(bytes, "server", { maxBytes: this.#shared.maxMessageBytes }));
  }

  /** One message from the server; its text is there when the transport kept it (stdio), not when it parsed it (HTTP). */
  fromServerRead(read: ReadResult): void {
    try {
      if (!read.ok) return this.#refuseFromServer(read);
      const text = read.text;
      const { kind, message } = read.read;
      if (kind === "response") this.#serverResponse(message, text);
      else if (kind === "request") this.#serverRequest(message, text);
      else this.#serverNotification(message, text);
    } catch (error) {
      this.#internalError("a server message", error, undefined);
    }
  }

  /**
   * The server is gone: every request still waiting for it is answered with an error naming why,
   * so no client call hangs; calls still being decided fail when they would be forwarded.
   */
  upstreamClosed(why: string): void {
    if (this.#closed !== undefined) return;
    this.#closed = why;
    for (const [id, entry] of this.#fromClient) {
      this.#ports.toClient(
        errorResponse(id, { code: INTERNAL_ERROR, message: `The MCP server is gone (${why}): the request was not answered` }),
      );
      entry.done?.(why);
    }
    this.#fromClient.clear();
    for (const own of this.#ownToClient.values()) own.reject(new Error(`the session ended (${why})`));
    this.#ownToClient.clear();
    for (const own of this.#ownToServer.values()) own.reject(new Error(`the MCP server is gone (${why})`));
    this.#ownToServer.clear();
    for (const abort of this.#deciding.values()) abort.abort();
  }

  /** A forwarded request the server connection could not deliver: answered with the reason. */
  failRequest(id: RequestId, why: string): void {
    const entry = this.#fromClient.get(id);
    if (!entry) return;
    this.#fromClient.delete(id);
    this.#forgetProgress(id);
    this.#answerError(id, INTERNAL_ERROR, `The request could not be delivered to the MCP server: ${why}`);
    entry.done?.(why);
  }

  /** Asks the client something (approval by elicitation); the answer or an error when the session ends or the signal aborts. */
  askClient(method: string, params: Record<string, unknown>, signal: AbortSignal, related?: RequestId): Promise<JsonRpcResponse> {
    if (this.#closed !== undefined) return Promise.reject(new Error(`the session ended (${this.#closed})`));
    const id = `${GATEWAY_ID_PREFIX}${this.#nextOwnId++}`;
    return new Promise<JsonRpcResponse>((resolve, reject) => {
      const onAbort = () => {
        this.#ownToClient.delete(id);
        this.#ports.toClient({
          jsonrpc: "2.0",
          method: "notifications/cancelled",
          params: { requestId: id, reason: "the approval timed out" },
        });
        reject(new Error("no answer in time"));
      };
      if (signal.aborted) return reject(new Error("no answer in time"));
      signal.addEventListener("abort", onAbort, { once: true });
      this.#ownToClient.set(id, {
        resolve: (response) => {
          signal.removeEventListener("abort", onAbort);
          resolve(response);
        },
        reject: (error) => {
          signal.removeEventListener("abort", onAbort);
          reject(error);
        },
      });
      this.#ports.toClient({ jsonrpc: "2.0", id, method, params }, undefined, related);
    });
  }

  // ---- from the client -------------------------------------------------------------------

  #clientRequest(request: JsonRpcRequest, raw: string | undefined): void {
    const { id, method } = request;
    if (isGatewayId(id)) {
      return this.#answerError(
        id,
        INVALID_REQUEST,
        `Request ids starting with "${GATEWAY_ID_PREFIX}" are the gateway's own: use another id`,
      );
    }
    if (this.#fromClient.has(id) || this.#deciding.has(id)) {
      return this.#answerError(id, INVALID_REQUEST, `The request id ${JSON.stringify(id)} is already in use by a request not yet answered`);
    }
    if (method === "initialize") this.#noteInitialize(request);
    this.#noteEnvelope(request);
    const token = (request.params?._meta as { progressToken?: unknown } | undefined)?.progressToken;
    if (typeof token === "string" || typeof token === "number") {
      this.#progress.set(token, id);
      this.#progressOf.set(id, token);
    }
    if (method === "tools/call") {
      void this.#toolCall(request);
      return;
    }
    this.#fromClient.set(
      id,
      method === "tools/list" ? { method, generation: this.#generation, whole: request.params?.cursor === undefined } : { method },
    );
    this.#forwardToServer(request, raw, id);
  }

  #clientNotification(notification: JsonRpcNotification, raw: string | undefined): void {
    // A request method sent without an id (a "tools/call" notification) would reach the server
    // undecided, and a lenient server might run it without answering: every MCP notification's
    // method starts with notifications/, so anything else is dropped.
    if (!notification.method.startsWith("notifications/")) {
      this.#shared.log(`refused a client notification named ${JSON.stringify(notification.method)}: a request needs an id`);
      return;
    }
    if (notification.method === "notifications/cancelled") {
      const requestId = notification.params?.requestId as RequestId | undefined;
      const deciding = requestId === undefined ? undefined : this.#deciding.get(requestId);
      if (deciding) {
        // Not yet forwarded: stop deciding and, as MCP asks of a cancelled request, do not answer it.
        deciding.abort();
        return;
      }
      // Forwarded: the server may never answer now, so the request stops waiting (its guard slot is freed)
      // and a late answer is dropped, as the client drops it.
      const pending = requestId === undefined ? undefined : this.#fromClient.get(requestId);
      if (pending) {
        this.#fromClient.delete(requestId!);
        this.#forgetProgress(requestId!);
        pending.done?.("cancelled by the client");
      }
    }
    this.#forwardToServer(notification, raw);
  }

  #clientResponse(response: JsonRpcResponse & { id: RequestId }, raw: string | undefined): void {
    const own = typeof response.id === "string" ? this.#ownToClient.get(response.id) : undefined;
    if (own) {
      this.#ownToClient.delete(response.id as string);
      own.resolve(response);
      return;
    }
    if (!this.#fromServer.has(response.id)) {
      this.#shared.log(`dropped a client response to ${JSON.stringify(response.id)}: the server sent no such request`);
      return;
    }
    this.#fromServer.delete(response.id);
    this.#forwardToServer(response, raw);
  }

  // ---- tools/call --------------------------------------------------------------------------

  /**
   * A tools/call, decided and then forwarded or answered with its denial. A call the guard admits
   * at once (no lock to compare the tool with, no approver, within every budget: see Guard.admit)
   * is forwarded without a promise, as most calls are; every other is decided by #decideCall.
   */
  #toolCall(request: JsonRpcRequest): void {
    const params = request.params ?? {};
    // The server's name for the tool; the policy's is the spec server's prefix followed by it.
    const name = params.name as string;
    const prefix = this.#shared.toolPrefix;
    const args = (params.arguments ?? {}) as Record<string, unknown>;
    const call: GuardCall = { tool: prefix && typeof name === "string" ? prefix + name : name, args };
    if (this.#shared.context) call.context = this.#shared.context;
    const meta = params._meta as Record<string, unknown> | undefined;
    const cost = meta?.[COST_META_KEY];
    if (cost !== undefined) call.costUsd = cost as number; // the guard refuses a cost that is not a number ≥ 0
    this.#advanceTurn(meta?.[TURN_META_KEY]);
    const started = performance.now();
    const trace = { trace: traceParentFromMeta(meta) };
    // Pinning, for a name the policy could allow (a name it denies is left to the policy's own rule;
    // in shadow mode, for every name, since any may be forwarded): the tool the server lists now
    // must be the one the lock pinned.
    const pinned =
      this.#shared.pins !== undefined &&
      typeof call.tool === "string" &&
      (this.#shared.shadow || listVisibility(this.#shared.guard.policy, call.tool).visible);
    if (pinned || this.#shared.approver) return void this.#decideCall(request, call, trace, started, pinned);
    let admitted: Admission | Promise<Admission>;
    try {
      admitted = this.#admit(call, trace);
    } catch (error) {
      return this.#failedDeciding(request, call, error);
    }
    // Forwarded at once only when allowed: a denial (a guard of another kind may answer one at once) is answered as any other.
    if (isThenable(admitted) || admitted.decision.decision !== "allow") {
      return void this.#decideCall(request, call, trace, started, false, Promise.resolve(admitted));
    }
    this.#forwardAdmitted(request, call, admitted, started);
  }

  /** A call decided over time: compared with the lock, waiting for an approver, a store or a record; cancellable meanwhile. */
  async #decideCall(
    request: JsonRpcRequest,
    call: GuardCall,
    trace: CallOptions,
    started: number,
    pinned: boolean,
    admitting?: Promise<Admission>,
  ): Promise<void> {
    const { id } = request;
    const modern = isModern(request);
    const name = request.params?.name as string;
    const abort = new Cancellation();
    this.#deciding.set(id, abort);
    let admission: Admission | undefined;
    // Whether the call was answered with its denial (or its refusal) rather than forwarded.
    const deny = (decision: GuardDecision, why?: string) => {
      // A call the client cancelled is not answered; one whose server went away meanwhile is.
      const cancelled = abort.aborted && this.#closed === undefined;
      if (!cancelled) this.#answer(id, deniedToolResult(decision, modern));
      this.#logCall(decision, call, cancelled ? "cancelled by the client" : why, started);
    };
    try {
      if (pinned) {
        const verdict = await this.#pinFor(name, request);
        if (!verdict.pinned) {
          return deny(await this.#refuseChanged(call, verdict.reason, trace));
        }
      }
      if (admitting === undefined) {
        const admit = () => this.#admit(call, trace);
        // The origin is only read by the gateway's approver. Node 20 and 22 carry an AsyncLocalStorage
        // through promise hooks, which once enabled tax every promise of the process: without an
        // approver nothing reads it, so the hooks stay off.
        admitting = Promise.resolve(
          this.#shared.approver ? origins.run({ session: this, requestId: id, signal: abort.signal, modern }, admit) : admit(),
        );
      }
      admission = await admitting;
      if (admission.decision.decision !== "allow") return deny(admission.decision);
      // The tool is compared again just before the call is forwarded: while the call waited (for an
      // approval, a slot, a record) a list_changed or a client's listing may have shown it changed (a
      // server need not say list_changed), and an approved call must reach the reviewed tool, not its
      // replacement. Without a new listing this is a lookup.
      if (pinned) {
        const again = await this.#pinFor(name, request);
        if (!again.pinned) {
          // Allowed by the policy, refused at forwarding: the tool changed after the call was decided.
          const refused = await this.#refuseChanged(call, again.reason, trace);
          admission.done();
          return deny(refused);
        }
      }
      if (abort.aborted && this.#closed === undefined) {
        admission.done();
        this.#shared.log(`failed tools/call ${quote(call.tool)}: cancelled by the client while it was being decided`);
        return;
      }
      this.#deciding.delete(id);
      this.#forwardAdmitted(request, call, admission, started);
    } catch (error) {
      // An error while deciding: the call was not forwarded; deny it.
      admission?.done();
      if (!this.#fromClient.has(id)) this.#failedDeciding(request, call, error);
    } finally {
      this.#deciding.delete(id);
      // A call the gateway answered itself (denied, refused, failed) never reaches the server's
      // answer path: its progress token is forgotten here, or every denied call would leak one.
      if (!this.#fromClient.has(id)) this.#forgetProgress(id);
    }
  }

  /**
   * The guard's admission of a call. Its args are this gateway's own reading of the message, which
   * it never changes: the guard, called right after the mark, need not copy them.
   */
  #admit(call: GuardCall, trace: CallOptions): Admission | Promise<Admission> {
    markParsedArgs(call.args);
    return this.#shared.guard.admit(call, trace);
  }

  /** A call refused because the server's tool is not the one the lock pinned: recorded by the guard as a denial. */
  #refuseChanged(call: GuardCall, reason: string, trace: CallOptions): Promise<GuardDecision> {
    markParsedArgs(call.args);
    return this.#shared.guard.refuse(call, { rule: "definition-changed", reason }, trace);
  }

  /**
   * Forwards a call the guard allowed; the guard's concurrency slot is held until the server
   * answers it, the client cancels it or the server goes away (the entry's `done`).
   */
  #forwardAdmitted(request: JsonRpcRequest, call: GuardCall, admission: Admission, started: number): void {
    const { id } = request;
    if (this.#closed !== undefined) {
      admission.done();
      this.#forgetProgress(id);
      this.#shared.log(`failed tools/call ${quote(call.tool)}: the MCP server is gone (${this.#closed})`);
      return this.#answerError(id, INTERNAL_ERROR, `The MCP server is gone (${this.#closed}): the call was not forwarded`);
    }
    // Logged as it is forwarded, not when the server answers: a slow tool's decision shows at once.
    this.#logCall(admission.decision, call, undefined, started);
    this.#fromClient.set(id, {
      method: "tools/call",
      done: (why) => {
        admission.done();
        if (why !== undefined) this.#shared.log(`failed tools/call ${quote(call.tool)}: ${why}`);
      },
    });
    // Re-serialized from what was decided on, never the raw text: the server reads exactly the checked arguments.
    this.#forwardToServer(request, undefined, id);
  }

  /** The gateway failed while deciding a call (nothing of it was forwarded): denied, and said so. */
  #failedDeciding(request: JsonRpcRequest, call: GuardCall, error: unknown): void {
    this.#shared.log(`deny   tools/call ${quote(call.tool)} (internal-error: ${errorText(error)})`);
    this.#forgetProgress(request.id);
    this.#answer(
      request.id,
      deniedToolResult(
        {
          rule: "internal-error",
          reason: `the gateway failed while deciding (${errorText(error)})`,
          policyHash: this.#shared.guard.policy.hash,
        },
        isModern(request),
      ),
    );
  }

  #advanceTurn(turn: unknown): void {
    if (typeof turn !== "number" || !Number.isSafeInteger(turn)) return;
    const guard = this.#shared.guard;
    // Turns only move forward; a client cannot take back the turns it used.
    for (let current = guard.usage().turn; current < turn && current < 1_000_000; current++) guard.nextTurn();
  }

  // ---- from the server ---------------------------------------------------------------------

  #serverResponse(response: JsonRpcResponse & { id: RequestId }, raw: string | undefined): void {
    const own = typeof response.id === "string" ? this.#ownToServer.get(response.id) : undefined;
    if (own) {
      this.#ownToServer.delete(response.id as string);
      own.resolve(response);
      return;
    }
    const entry = this.#fromClient.get(response.id);
    if (!entry) {
      this.#shared.log(`dropped a server response to ${JSON.stringify(response.id)}: no request of the client is waiting for it`);
      return;
    }
    this.#fromClient.delete(response.id);
    this.#forgetProgress(response.id);
    if (entry.method === "tools/list" && response.result !== undefined) {
      this.#toClient(this.#filterToolList(response, entry), undefined, response.id);
      return;
    }
    if (entry.method === "initialize" && response.result !== undefined) this.#noteServerInitialize(response.result);
    this.#toClient(response, raw, response.id);
    entry.done?.();
  }

  #serverRequest(request: JsonRpcRequest, raw: string | undefined): void {
    if (isGatewayId(request.id)) {
      this.#ports.toServer(
        errorResponse(request.id, {
          code: INVALID_REQUEST,
          message: `Request ids starting with "${GATEWAY_ID_PREFIX}" are the gateway's own`,
        }),
      );
      return;
    }
    if (this.#fromServer.has(request.id)) {
      this.#ports.toServer(
        errorResponse(request.id, { code: INVALID_REQUEST, message: `The request id ${JSON.stringify(request.id)} is already in use` }),
      );
      return;
    }
    this.#fromServer.set(request.id, request.method);
    this.#toClient(request, raw);
  }

  #serverNotification(notification: JsonRpcNotification, raw: string | undefined): void {
    if (notification.method === "notifications/tools/list_changed") {
      // Every verdict was about the old list: the next call of any tool lists and compares afresh.
      this.#generation++;
      this.#verdicts = new Map();
      this.#readings = new Map();
      const pinned = this.#shared.pins ? ", and each tool is compared with the MCP lock again" : "";
      this.#shared.log(`the server's tool list changed: the next tools/list is filtered afresh${pinned}`);
    }
    if (notification.method === "notifications/cancelled") {
      const requestId = notification.params?.requestId;
      if (typeof requestId === "string" || typeof requestId === "number") this.#fromServer.delete(requestId);
    }
    const token = (notification.params as { progressToken?: unknown } | undefined)?.progressToken;
    const related = typeof token === "string" || typeof token === "number" ? this.#progress.get(token) : undefined;
    this.#toClient(notification, raw, related);
  }

  /** tools/list: only the tools the policy could allow, so the model is not offered what it cannot call. */
  #filterToolList(response: JsonRpcResponse & { id: RequestId }, entry: ClientRequestEntry): JsonRpcResponse {
    const result = response.result!;
    const tools = result.tools;
    if (!Array.isArray(tools)) {
      this.#shared.log("refused a tools/list result without a tools array");
      return errorResponse(response.id, {
        code: INTERNAL_ERROR,
        message: "The MCP server's tools/list result has no tools array: nothing can be shown",
      });
    }
    const policy = this.#shared.guard.policy;
    const pins = this.#shared.pins;
    const prefix = this.#shared.toolPrefix ?? "";
    // Verdicts from an answer sent before a list_changed describe the old list: used for this answer, not kept.
    const current = entry.generation === this.#generation;
    // The whole list in one answer (asked without a cursor, none to follow): its verdicts replace the
    // kept ones and settle every name for this generation, as the gateway's own listing does.
    const whole =
      pins !== undefined && current && entry.whole === true && result.nextCursor === undefined && tools.length <= PIN_LIST_MAX_TOOLS;
    const verdicts = whole ? new Map<string, PinVerdict>() : this.#verdicts;
    const escalated = new Set(this.#shared.guard.usage().escalated);
    const counts = new Map<string, number>();
    for (const tool of tools) {
      const name = toolName(tool);
      if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    // Kept readings (earlier pages of this generation) find a twin across pages; a whole list starts afresh.
    const keep = pins !== undefined && current;
    const readings = whole || !keep ? new Map<string, Reading>() : this.#readings;
    const twins = foldedTwins(counts.keys(), readings, keep ? MAX_KEPT_VERDICTS : Infinity);
    if (keep) {
      // A twin of a name shown on an earlier page: that name's calls are refused from now on too.
      for (const [name, twin] of twins) {
        const verdict = twinVerdict(name, twin);
        this.#logPin(name, verdict.reason);
        if (verdicts.size < MAX_KEPT_VERDICTS || verdicts.has(name)) verdicts.set(name, verdict);
      }
    }
    const shown: unknown[] = [];
    const hidden: string[] = [];
    const wouldHide: string[] = [];
    for (const tool of tools) {
      const name = toolName(tool);
      if (name === undefined) {
        hidden.push("(a tool without a name)");
        continue;
      }
      // Two definitions under one name: which one the client would use is unknown, so neither is shown.
      if (counts.get(name)! > 1) {
        hidden.push(`${quote(name)} (listed ${counts.get(name)} times)`);
        if (pins && current && verdicts.size < MAX_KEPT_VERDICTS) verdicts.set(name, listedTwice(name, counts.get(name)!));
        continue;
      }
      // Two names one reading (read_file, Read_File): a dispatcher that folds names may run either for
      // a call to either, so neither is shown (and, pinned, neither is called), as mcp check says.
      const twin = twins.get(name);
      if (twin !== undefined) {
        if (pins) this.#logPin(name, twinVerdict(name, twin).reason);
        hidden.push(`${quote(name)} (reads as ${quote(twin)})`);
        continue;
      }
      // The policy knows the tool by the spec's name for it (the server's prefix, then its name).
      const specName = prefix + name;
      const allowed = listVisibility(policy, specName);
      const visibility =
        specName.length <= MAX_TOOL_NAME_LENGTH && escalated.has(foldToolName(specName)) ? { visible: false, rule: "escalation" } : allowed;
      // An escalated tool's calls are still compared with the lock (before the guard denies them): it keeps its verdict.
      if (pins && (allowed.visible || this.#shared.shadow)) {
        // A tool that can be shown is shown only as the lock pinned it, in shadow mode too (pinning is not the policy).
        const verdict = pinVerdict(pins, tool as Record<string, unknown>, name);
        // Bounded: past it, a call of a tool not kept makes the gateway list (bounded) itself.
        if (current && verdicts.size < MAX_KEPT_VERDICTS) verdicts.set(name, verdict);
        if (!verdict.pinned) {
          this.#logPin(name, verdict.reason);
          hidden.push(`${quote(name)} (definition-changed)`);
          continue;
        }
      }
      if (visibility.visible) shown.push(tool);
      else if (this.#shared.shadow) {
        // Shadow mode changes nothing the client sees of the policy: listed, and said what enforcement would hide.
        shown.push(tool);
        wouldHide.push(`${quote(name)} (${visibility.rule})`);
      } else hidden.push(`${quote(name)} (${visibility.rule})`);
    }
    if (whole) {
      this.#verdicts = verdicts;
      this.#readings = readings;
      this.#settled = { generation: this.#generation };
    }
    const page = result.nextCursor !== undefined ? " (one page)" : "";
    const list = hidden.length === 0 ? "" : `: hid ${listed(hidden)}`;
    const shadow = wouldHide.length === 0 ? "" : `; shadow mode: enforcement would hide ${listed(wouldHide)}`;
    this.#shared.log(`list   tools/list${page}: ${shown.length} of ${tools.length} tools shown${list}${shadow}`);
    return { ...response, result: { ...result, tools: shown } };
  }

  // ---- pinning ------------------------------------------------------------------------------

  /**
   * The verdict for a name in the server's current tool list: known from a tools/list this
   * session saw, else — when no whole listing of this generation settled it — the gateway lists
   * the tools itself first. A list that changes while it is read is read again (three times at
   * most); any failure refuses the call.
   */
  async #pinFor(name: string, request: JsonRpcRequest): Promise<PinVerdict> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const generation = this.#generation;
      const known = this.#verdicts.get(name);
      if (known) return known;
      // The whole list of this generation was read and the name is not in it: refused from memory.
      if (this.#settled?.generation === generation) return notListed(name, this.#settled.cutAt);
      const listing = this.#listTools(request);
      try {
        await listing.done;
      } catch (error) {
        // A listing of the list before a list_changed failed: the new list was not read, so read it.
        if (listing.generation !== generation || generation !== this.#generation) continue;
        return {
          pinned: false,
          reason: `the gateway could not list the server's tools to compare ${quote(name)} with the MCP lock (${errorText(error)})`,
        };
      }
      // The list changed while it was read, or the listing joined was of an older list (a call made
      // after list_changed while the gateway was still reading the old one): list again.
      if (generation !== this.#generation || this.#settled?.generation !== generation) continue;
      return this.#verdicts.get(name) ?? notListed(name, this.#settled?.cutAt);
    }
    return { pinned: false, reason: `the server's tool list kept changing while ${quote(name)} was compared with the MCP lock` };
  }

  /** The gateway's own listing in flight (joined by every call that needs one), and the list generation it reads. */
  #listTools(request: JsonRpcRequest): { generation: number; done: Promise<void> } {
    this.#listing ??= { generation: this.#generation, done: this.#readAllTools(request).finally(() => (this.#listing = undefined)) };
    return this.#listing;
  }

  /**
   * Every page of tools/list, asked by the gateway itself, bounded as mcp check bounds it and by
   * one deadline for the whole listing; the verdicts replace the old ones and settle the
   * generation. A listing that fails or runs out of time throws and settles nothing.
   */
  async #readAllTools(request: JsonRpcRequest): Promise<void> {
    const pins = this.#shared.pins!;
    const generation = this.#generation;
    const deadlineMs = this.#shared.pinListDeadlineMs ?? PIN_LIST_DEADLINE_MS;
    const deadline = performance.now() + deadlineMs;
    // A 2026-07-28 server reads the revision and the client's capabilities from each request's _meta.
    const meta = request.params?._meta as Record<string, unknown> | undefined;
    const envelope: Record<string, unknown> = {};
    for (const key of [PROTOCOL_VERSION_META_KEY, CLIENT_CAPABILITIES_META_KEY]) if (meta?.[key] !== undefined) envelope[key] = meta[key];
    // Each page is compared as it comes and let go: only names and verdicts are kept, so a server
    // answering with huge pages cannot grow the gateway by more than one page at a time.
    const counts = new Map<string, number>();
    const compared = new Map<string, PinVerdict>();
    const cursors = new Set<string>();
    let cursor: string | undefined;
    let listed = 0;
    let nameChars = 0;
    let cut = false;
    for (let page = 1; ; page++) {
      if (page > PIN_LIST_MAX_PAGES || listed >= PIN_LIST_MAX_TOOLS) {
        cut = true;
        break;
      }
      const params: Record<string, unknown> = {
        ...(cursor === undefined ? {} : { cursor }),
        ...(Object.keys(envelope).length > 0 ? { _meta: envelope } : {}),
      };
      const left = Math.ceil(deadline - performance.now());
      const late = `the server's tools/list was not read whole within ${deadlineMs / 1000} s (page ${page})`;
      if (left <= 0) throw new Error(late);
      const response = await this.#askServer("tools/list", params, left, late);
      if (response.error) throw new Error(`tools/list answered with an error: ${String(response.error.message)}`);
      const result = response.result ?? {};
      if (!Array.isArray(result.tools)) throw new Error("its tools/list result has no tools array");
      for (const tool of result.tools as unknown[]) {
        if (tool === null || typeof tool !== "object" || Array.isArray(tool)) continue;
        const name = (tool as Record<string, unknown>).name;
        listed++;
        if (typeof name !== "string") continue;
        const seen = counts.get(name);
        if (seen === undefined) {
          // Past the bounds a name is neither compared nor kept: the list counts as cut there.
          if (listed > PIN_LIST_MAX_TOOLS || nameChars + name.length > PIN_LIST_MAX_NAME_CHARS) {
            cut = true;
            continue;
          }
          nameChars += name.length;
          compared.set(name, pinVerdict(pins, tool as Record<string, unknown>, name));
        }
        counts.set(name, (seen ?? 0) + 1);
      }
      const next = result.nextCursor;
      if (typeof next !== "string" || cursors.has(next)) break;
      cursors.add(next);
      cursor = next;
    }
    if (generation !== this.#generation) return;
    const readings = new Map<string, Reading>();
    const twins = foldedTwins(counts.keys(), readings, Infinity);
    const verdicts = new Map<string, PinVerdict>();
    for (const [name, first] of compared) {
      const times = counts.get(name)!;
      const twin = twins.get(name);
      const verdict = times > 1 ? listedTwice(name, times) : twin !== undefined ? twinVerdict(name, twin) : first;
      if (!verdict.pinned) this.#logPin(name, verdict.reason);
      verdicts.set(name, verdict);
    }
    this.#verdicts = verdicts;
    this.#readings = readings;
    // Cut at the bounds, the list is settled as far as it was read: a name past them is refused, saying so.
    this.#settled = { generation, ...(cut ? { cutAt: Math.min(listed, PIN_LIST_MAX_TOOLS) } : {}) };
  }

  /** A request of the gateway's own to the server; rejects when it is not answered within `timeoutMs` or the server goes. */
  #askServer(method: string, params: Record<string, unknown>, timeoutMs: number, late?: string): Promise<JsonRpcResponse> {
    if (this.#closed !== undefined) return Promise.reject(new Error(`the MCP server is gone (${this.#closed})`));
    const id = `${GATEWAY_ID_PREFIX}${this.#nextOwnId++}`;
    return new Promise<JsonRpcResponse>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (!this.#ownToServer.delete(id)) return;
        this.#ports.toServer({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: id, reason: "timed out" } });
        reject(new Error(late ?? `no answer to ${method} within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.#ownToServer.set(id, {
        resolve: (response) => (clearTimeout(timer), resolve(response)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      this.#ports.toServer({ jsonrpc: "2.0", id, method, params });
    });
  }

  #logPin(name: string, reason: string): void {
    const key = `${name}\u0000${reason}`;
    if (this.#loggedPins.has(key)) return;
    if (this.#loggedPins.size > 10_000) this.#loggedPins.clear();
    this.#loggedPins.add(key);
    this.#shared.log(`pin    ${quote(name)} is hidden and its calls refused: ${reason}`);
  }

  // ---- the session's own bookkeeping --------------------------------------------------------

  #forgetProgress(requestId: RequestId): void {
    const token = this.#progressOf.get(requestId);
    if (token === undefined) return;
    this.#progressOf.delete(requestId);
    if (this.#progress.get(token) === requestId) this.#progress.delete(token);
  }

  #noteInitialize(request: JsonRpcRequest): void {
    const capabilities = request.params?.capabilities;
    if (capabilities !== null && typeof capabilities === "object" && !Array.isArray(capabilities)) {
      this.#clientCapabilities = capabilities as Record<string, unknown>;
    }
  }

  /** 2026-07-28 requests carry the client's capabilities on each request; the latest counts. */
  #noteEnvelope(request: JsonRpcRequest): void {
    const meta = request.params?._meta as Record<string, unknown> | undefined;
    const version = meta?.[PROTOCOL_VERSION_META_KEY];
    if (typeof version === "string" && version !== this.#envelopeVersion) {
      // No initialize on this revision: each request names its version, said once per session (and on a change).
      this.#envelopeVersion = version;
      if (this.#logsVersion) this.#shared.log(`protocol ${quote(version)}, named by the request (${quote(request.method)})`);
    }
    const capabilities = meta?.[CLIENT_CAPABILITIES_META_KEY];
    if (capabilities !== null && typeof capabilities === "object" && !Array.isArray(capabilities)) {
      this.#clientCapabilities = capabilities as Record<string, unknown>;
    }
  }

  #noteServerInitialize(result: Record<string, unknown>): void {
    // The gateway speaks whatever version both sides agreed; the server's answer is that version.
    if (typeof result.protocolVersion !== "string") return;
    this.#shared.log(`protocol ${quote(result.protocolVersion)}, agreed by initialize`);
    this.onNegotiated?.(result.protocolVersion);
  }

  #forwardToServer(message: JsonRpcMessage, raw: string | undefined, pendingId?: RequestId): void {
    if (this.#closed !== undefined) {
      if (pendingId !== undefined) {
        this.#fromClient.delete(pendingId);
        this.#answerError(pendingId, INTERNAL_ERROR, `The MCP server is gone (${this.#closed})`);
      }
      return;
    }
    this.#ports.toServer(message, raw);
  }

  #toClient(message: JsonRpcMessage, raw: string | undefined, related?: RequestId): void {
    this.#ports.toClient(message, raw, related);
  }

  #answer(id: RequestId, result: Record<string, unknown>): void {
    this.#ports.toClient({ jsonrpc: "2.0", id, result }, undefined, id);
  }

  #answerError(id: RequestId, code: number, message: string): void {
    this.#ports.toClient(errorResponse(id, { code, message }), undefined, id);
  }

  #refuseFromClient(refusal: { id: RequestId | null; request: boolean; error: { code: number; message: string } }): void {
    this.#shared.log(`refused a client message: ${refusal.error.message}`);
    // A request is answered so the client does not wait; a broken notification or response is only dropped.
    if (refusal.request || refusal.id === null)
      this.#ports.toClient(errorResponse(refusal.id, refusal.error), undefined, refusal.id ?? undefined);
  }

  #refuseFromServer(read: ReadResult & { ok: false }): void {
    const { refusal } = read;
    this.#shared.log(`refused a server message: ${refusal.error.message}`);
    // A refused answer to a client request still answers it, with the reason, so the client does not
    // hang; an answer holding two ids answers every request it might be for.
    const answered = refusal.request ? [] : (refusal.ids ?? (refusal.id === null ? [] : [refusal.id]));
    for (const id of answered) {
      const own = typeof id === "string" ? this.#ownToServer.get(id) : undefined;
      if (own) {
        this.#ownToServer.delete(id as string);
        own.reject(new Error(`its answer was refused: ${refusal.error.message}`));
        continue;
      }
      const entry = this.#fromClient.get(id);
      if (!entry) continue;
      this.#fromClient.delete(id);
      this.#forgetProgress(id);
      const error = errorResponse(id, { code: INTERNAL_ERROR, message: `The MCP server's answer was refused: ${refusal.error.message}` });
      this.#ports.toClient(error, undefined, id);
      entry.done?.();
    }
    if (refusal.id !== null && refusal.request) {
      this.#ports.toServer(errorResponse(refusal.id, refusal.error));
    }
  }

  #internalError(what: string, error: unknown, requestId: RequestId | undefined): void {
    this.#shared.log(`internal error while handling ${what}: ${errorText(error)}`);
    if (requestId !== undefined && !this.#fromClient.has(requestId) && !this.#deciding.has(requestId)) {
      this.#answerError(requestId, INTERNAL_ERROR, `The gateway failed on this request (${errorText(error)}); it was not forwarded`);
    }
  }

  #logCall(decision: GuardDecision, call: GuardCall, note: string | undefined, started: number): void {
    const ms = (performance.now() - started).toFixed(1);
    const by = decision.reviewer ? ` by ${decision.reviewer}` : "";
    const suffix = note ? `; ${note}` : "";
    const verb = decision.rule === "shadow" ? "shadow" : decision.decision === "allow" ? "allow " : "deny  ";
    this.#shared.log(`${verb} tools/call ${quote(call.tool)} (${decision.rule}${by}: ${decision.reason}${suffix}) ${ms} ms`);
  }
}

/**
 * A call's cancellation: a flag, and an AbortSignal made only when something listens (the
 * approver). Most calls are never cancelled and have no approver, and a signal per call costs.
 */
class Cancellation {
  #aborted = false;
  #controller: AbortController | undefined;

  get aborted(): boolean {
    return this.#aborted;
  }

  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#aborted) this.#controller.abort();
    }
    return this.#controller.signal;
  }

  abort(): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#controller?.abort();
  }
}

/** The origin of the call whose approval is being asked, inside the guard's approve callback. */
export function approvalOrigin(): CallOrigin | undefined {
  return origins.getStore();
}

export type { ApprovalAsk };

function isModern(request: JsonRpcRequest): boolean {
  const meta = request.params?._meta as Record<string, unknown> | undefined;
  const version = meta?.[PROTOCOL_VERSION_META_KEY];
  return typeof version === "string" && version >= "2026-07-28";
}

/** A folded reading's first name in a listing, and a second name with it once one is seen. */
interface Reading {
  first: string;
  twin?: string;
}

/**
 * The names that share a folded reading (foldToolName, the fold decide() uses) with another name,
 * each with one such twin. `readings` holds what earlier pages of the same list said (a reading
 * seen twin stays so) and gains this list's (at most `max` readings). A name over
 * MAX_TOOL_NAME_LENGTH is folded too: it is hidden anyway, but the name it reads as must not stay
 * shown (folding costs its length, which the message size bounds).
 */
function foldedTwins(names: Iterable<string>, readings: Map<string, Reading>, max: number): Map<string, string> {
  const twins = new Map<string, string>();
  for (const name of names) {
    const key = foldToolName(name);
    const reading = readings.get(key);
    if (reading === undefined) {
      if (readings.size < max) readings.set(key, { first: name });
    } else if (reading.first !== name) {
      reading.twin ??= name;
      twins.set(name, reading.first);
      twins.set(reading.first, name);
    } else if (reading.twin !== undefined) twins.set(name, reading.twin);
  }
  return twins;
}

/** The first 20 names of a long list, and how many more. */
function listed(names: string[]): string {
  return `${names.slice(0, 20).join(", ")}${names.length > 20 ? `, and ${names.length - 20} more` : ""}`;
}

function toolName(tool: unknown): string | undefined {
  if (tool === null || typeof tool !== "object") return undefined;
  const name = (tool as { name?: unknown }).name;
  return typeof name === "string" ? name : undefined;
}

/** A name for a log line: quoted and escaped, so a name holding a newline cannot forge a line. */
function quote(name: unknown): string {
  return typeof name === "string" ? JSON.stringify(name) : String(name);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
