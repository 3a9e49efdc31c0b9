/**
 * Approval through the client's elicitation: the gateway sends the client an elicitation/create
 * form asking to approve the call. This is NOT an independent approval: the client that asked
 * for the call also answers for the human, so a compromised or careless client (or one whose
 * model can answer elicitations) approves its own calls. Use it where the client is trusted to
 * put the question to a person; use a webhook where the approval must not depend on the client.
 *
 * A client that did not declare elicitation, and calls on the 2026-07-28 revision (which has no
 * server-to-client requests), are denied.
 */
import type { ApprovalAsk, ApprovalResult, GatewayApprover } from "./types.js";

export function elicitApprover(): GatewayApprover {
  return {
    kind: "elicit",
    description: "approvals asked of the MCP client by elicitation (not independent of the client)",
    async approve(ask: ApprovalAsk): Promise<ApprovalResult> {
      const client = ask.client;
      if (!client) return { approved: false, reason: "the call did not come through an MCP client that can be asked" };
      if (client.modern) {
        return {
          approved: false,
          reason: "approval by elicitation is not available on protocol 2026-07-28 (no server-to-client requests)",
        };
      }
      if (!client.elicits) return { approved: false, reason: "the MCP client does not support elicitation, so it cannot be asked" };
      const response: { result?: Record<string, unknown>; error?: { message: string } } = await client
        .ask("elicitation/create", elicitationParams(ask), ask.signal)
        .catch((error: Error) => ({ error: { message: error.message } }));
      if (response.error) return { approved: false, reason: `asking the client failed (${response.error.message})` };
      const result = response.result ?? {};
      const content = result.content as Record<string, unknown> | undefined;
      const reviewer = "mcp-client (elicitation)";
      if (result.action === "accept" && content?.approve === true) return { approved: true, reviewer };
      const action = typeof result.action === "string" ? result.action : "no action";
      return { approved: false, reviewer, reason: `the client answered ${JSON.stringify(action)} without approving` };
    },
  };
}

function elicitationParams(ask: ApprovalAsk): Record<string, unknown> {
  // No `mode`: form is the default, and 2025-06-18 clients know no such field.
  return {
    message:
      `Approve the call to ${JSON.stringify(ask.tool)}? ${ask.reason}. ` +
      `Arguments digest ${ask.argsDigest}; policy ${ask.policyHash}. This approval is asked through the same client that made the call.`,
    requestedSchema: {
      type: "object",
      properties: {
        approve: { type: "boolean", title: "Approve this call", description: `Let ${ask.tool} run once with exactly these arguments` },
      },
      required: ["approve"],
    },
  };
}
