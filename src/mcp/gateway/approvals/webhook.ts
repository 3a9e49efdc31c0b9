/**
 * Approval by webhook: the gateway POSTs the request (tool, arguments digest, reason, channel,
 * a single-use nonce), signed, and waits for the answer in the response, signed with the same
 * HMAC-SHA256 key. An answer counts only when its signature checks, it names this request's
 * nonce (each nonce is accepted once), and it is about the same tool, arguments digest and
 * policy; anything else, a timeout included, denies.
 *
 * Request and answer bodies carry different `type`s, so a signed request cannot be sent back as
 * an answer.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { AgentspecError } from "../../../errors.js";
import type { ApprovalAsk, ApprovalResult, GatewayApprover } from "./types.js";

export const SIGNATURE_HEADER = "x-agentspec-signature";
export const REQUEST_TYPE = "agentspec.approval.request";
export const ANSWER_TYPE = "agentspec.approval.answer";
/** The environment variable holding the HMAC key, unless told otherwise. */
export const DEFAULT_KEY_ENV = "AGENTSPEC_APPROVAL_KEY";
const MIN_KEY_BYTES = 32;
const MAX_ANSWER_BYTES = 64 * 1024;

export interface WebhookApproverOptions {
  url: string | URL;
  /** The shared HMAC-SHA256 key (at least 32 bytes). */
  key: string | Buffer;
  /** For tests and embedders; the global fetch by default. */
  fetch?: typeof globalThis.fetch;
}

/** The request body the webhook receives. */
export interface WebhookApprovalRequest {
  type: typeof REQUEST_TYPE;
  nonce: string;
  agent: string;
  policyHash: string;
  tool: string;
  argsDigest: string;
  reason: string;
  channel?: string;
  /** When the gateway stops waiting (ISO 8601). */
  expiresAt: string;
}

/** The answer body the webhook returns, signed in the x-agentspec-signature header. */
export interface WebhookApprovalAnswer {
  type: typeof ANSWER_TYPE;
  nonce: string;
  tool: string;
  argsDigest: string;
  policyHash: string;
  approved: boolean;
  reviewer?: string;
  reason?: string;
}

/** `sha256=<hex>` of HMAC-SHA256(key, body): how both sides sign. */
export function signBody(key: string | Buffer, body: string): string {
  return "sha256=" + createHmac("sha256", key).update(body, "utf8").digest("hex");
}

export function webhookApprover(options: WebhookApproverOptions): GatewayApprover {
  const url = checkUrl(options.url);
  const key = typeof options.key === "string" ? Buffer.from(options.key, "utf8") : options.key;
  if (key.length < MIN_KEY_BYTES) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `The approval webhook's HMAC key is ${key.length} bytes: use at least ${MIN_KEY_BYTES} (e.g. openssl rand -hex 32)`,
    );
  }
  const doFetch = options.fetch ?? globalThis.fetch;
  /** Nonces asked and not yet answered: each is accepted once. */
  const open = new Set<string>();
  return {
    kind: "webhook",
    description: `approvals by webhook to ${url.origin}${url.pathname}`,
    async approve(ask: ApprovalAsk): Promise<ApprovalResult> {
      const nonce = randomBytes(32).toString("base64url");
      const request: WebhookApprovalRequest = {
        type: REQUEST_TYPE,
        nonce,
        agent: ask.agent,
        policyHash: ask.policyHash,
        tool: ask.tool,
        argsDigest: ask.argsDigest,
        reason: ask.reason,
        ...(ask.channel ? { channel: ask.channel } : {}),
        expiresAt: new Date(Date.now() + ask.timeoutMs).toISOString(),
      };
      const body = JSON.stringify(request);
      open.add(nonce);
      try {
        const response = await doFetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signBody(key, body) },
          body,
          signal: ask.signal,
          redirect: "error",
        });
        const text = await readLimited(response, MAX_ANSWER_BYTES);
        if (!response.ok) return rejected(`the webhook answered HTTP ${response.status}`);
        const problem = answerProblem(text, response.headers.get(SIGNATURE_HEADER), key, request);
        if (typeof problem === "string") return rejected(problem);
        if (!open.delete(nonce)) return rejected("the answer's nonce was already used");
        return {
          approved: problem.approved === true,
          ...(problem.reviewer ? { reviewer: problem.reviewer } : {}),
          ...(problem.reason ? { reason: problem.reason } : {}),
        };
      } catch (error) {
        if (ask.signal.aborted) return rejected("no answer in time");
        return rejected(`the webhook could not be reached (${(error as Error).message})`);
      } finally {
        open.delete(nonce);
      }
    },
  };
}

/** The answer when it is valid for this request, else why not. */
function answerProblem(
  text: string,
  signature: string | null,
  key: Buffer,
  request: WebhookApprovalRequest,
): WebhookApprovalAnswer | string {
  if (signature === null) return `the answer has no ${SIGNATURE_HEADER} header`;
  const expected = Buffer.from(signBody(key, text), "utf8");
  const given = Buffer.from(signature.trim(), "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "the answer's signature does not check with the key";
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    return "the answer is not JSON";
  }
  if (answer === null || typeof answer !== "object" || Array.isArray(answer)) return "the answer is not a JSON object";
  const a = answer as Record<string, unknown>;
  if (a.type !== ANSWER_TYPE) return `the answer's type is not "${ANSWER_TYPE}"`;
  if (a.nonce !== request.nonce) return "the answer is for another request (its nonce differs)";
  if (a.tool !== request.tool || a.argsDigest !== request.argsDigest || a.policyHash !== request.policyHash) {
    return "the answer is about another tool, other arguments or another policy";
  }
  if (typeof a.approved !== "boolean") return 'the answer has no boolean "approved"';
  if (a.reviewer !== undefined && typeof a.reviewer !== "string") return 'the answer\'s "reviewer" is not a string';
  if (a.reason !== undefined && typeof a.reason !== "string") return 'the answer\'s "reason" is not a string';
  return a as unknown as WebhookApprovalAnswer;
}

async function readLimited(response: Response, max: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel();
      throw new Error(`its answer is over ${max} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function rejected(reason: string): ApprovalResult {
  return { approved: false, reason };
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

function checkUrl(value: string | URL): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `--approve webhook:${String(value)} is not a URL: e.g. webhook:https://approvals.example/agentspec`,
    );
  }
  if (url.username || url.password) {
    throw new AgentspecError("BAD_ARGUMENT", "The approval webhook URL must not hold credentials: the HMAC key authenticates the gateway");
  }
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && (LOOPBACK.has(url.hostname) || url.hostname.startsWith("127."))) return url;
  throw new AgentspecError(
    "BAD_ARGUMENT",
    `The approval webhook ${url.href} must use https (plain http is accepted only on a loopback address)`,
  );
}
