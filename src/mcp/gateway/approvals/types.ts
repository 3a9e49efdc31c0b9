/** What an approver is asked and answers: one call, bound to the digest of its exact arguments. */
import type { ApprovalResult } from "../../../runtime/guard.js";
import type { RequestId } from "../messages.js";

export type { ApprovalResult };

export interface ApprovalAsk {
  tool: string;
  args: Record<string, unknown>;
  /** sha256 of the canonical arguments, as in the decision record: what an approval is bound to. */
  argsDigest: string;
  /** decide()'s reason for asking ("… requires approval when amount > 100"). */
  reason: string;
  channel?: string;
  policyHash: string;
  agent: string;
  /** Aborted when the client cancels the call or the approval times out: stop asking. */
  signal: AbortSignal;
  timeoutMs: number;
  /** The client connection the call came through, for an approver that asks the client itself. */
  client?: ApprovalClient;
}

/** The client connection of a call, as the elicitation approver needs it. */
export interface ApprovalClient {
  /** Whether the client declared the elicitation capability. */
  readonly elicits: boolean;
  /** Whether the call came on the 2026-07-28 revision, which has no server-to-client requests. */
  readonly modern: boolean;
  /** Sends a request to the client and waits for its answer. */
  ask(
    method: string,
    params: Record<string, unknown>,
    signal: AbortSignal,
  ): Promise<{ result?: Record<string, unknown>; error?: { message: string } }>;
  readonly requestId: RequestId;
}

export interface GatewayApprover {
  /** How it asks: "webhook", "tty", "elicit", or an embedder's own. */
  readonly kind: string;
  /** One line for the gateway's start-up message ("approvals by webhook to https://…"). */
  readonly description: string;
  approve(ask: ApprovalAsk): Promise<ApprovalResult>;
  close?(): void;
}
