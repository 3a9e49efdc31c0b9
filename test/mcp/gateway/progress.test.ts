// Progress tokens (G8): a call the gateway answers itself (denied by the policy, escalated, refused
// as malformed) must not leave its progress token behind, or a client looping on a denied tool
// grows the session without end and slows every later answer. The real SDK client drives one
// GatewaySession (a transport that hands its messages to the session), the real guard decides,
// and server-everything behind it sends the progress of the allowed call.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, describe, expect, it } from "vitest";
import { readShape } from "../../../src/mcp/gateway/messages.js";
import { GatewaySession } from "../../../src/mcp/gateway/session.js";
import { spawnStdioUpstream } from "../../../src/mcp/gateway/upstream-stdio.js";
import type { Upstream } from "../../../src/mcp/gateway/upstream.js";
import { parseSource } from "../../../src/load/index.js";
import { checkSource } from "../../../src/model/index.js";
import { compilePolicy } from "../../../src/policy/compile-policy.js";
import { createGuard } from "../../../src/runtime/guard.js";
import { EVERYTHING_SERVER, resultText } from "./helpers.js";

const SPEC = `agentspec: "1.0"
agent: { id: progress-agent, version: 1.0.0, owner: test, last_reviewed: 2026-11-01 }
tools:
  trigger-long-running-operation: { effect: read }
deny: [get-env]
`;

/** The SDK client's side of one session: what it sends goes into the session, what the session answers comes back. */
class SessionTransport implements Transport {
  onmessage?: (message: JSONRPCMessage) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  constructor(private readonly deliver: (message: unknown) => void) {}
  async start(): Promise<void> {}
  async send(message: JSONRPCMessage): Promise<void> {
    this.deliver(message);
  }
  async close(): Promise<void> {
    this.onclose?.();
  }
}

let upstream: Upstream | undefined;
afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
});

describe("progress tokens of calls the gateway answers itself", { timeout: 60_000 }, () => {
  it("are forgotten: 300 denied calls with fresh tokens leave none; an allowed call's progress still arrives", async () => {
    const lines: string[] = [];
    const guard = createGuard(compilePolicy(checkSource(parseSource("progress.agentspec.yaml", SPEC)).spec!));
    let transport!: SessionTransport;
    const session = new GatewaySession(
      {
        guard,
        maxMessageBytes: 1 << 20,
        approver: undefined,
        approvalTimeoutMs: 1000,
        context: undefined,
        log: (l) => lines.push(l),
        shadow: false,
      },
      {
        // A tick later, as a real transport delivers.
        toClient: (message) => void setImmediate(() => transport.onmessage?.(message as JSONRPCMessage)),
        toServer: (message, raw) => upstream!.send(message, raw),
      },
    );
    upstream = spawnStdioUpstream(
      { command: process.execPath, args: [EVERYTHING_SERVER], stderr: "ignore" },
      1 << 20,
      (bytes) => session.fromServerBytes(bytes),
      (read) => session.fromServerRead(read),
    );
    transport = new SessionTransport((message) => session.fromClientRead(readShape(message)));
    const client = new Client({ name: "progress-test", version: "1.0.0" });
    await client.connect(transport);
    expect(session.progressTracked).toBe(0);

    // Each call with onprogress carries a fresh progress token (the SDK uses the request id).
    const denied: string[] = [];
    for (let i = 0; i < 300; i++) {
      const name = i % 3 === 0 ? "get-env" : i % 3 === 1 ? `not_allowed_${i}` : `bad..name${i}`;
      const result = await client.callTool({ name, arguments: {} }, undefined, { onprogress: () => {} });
      expect(result.isError).toBe(true);
      denied.push((result._meta as Record<string, { rule: string }>)["agentspec/decision"]!.rule);
    }
    // The policy's denials, the escalation that follows repeated ones, and malformed names: all answered by the gateway.
    expect(new Set(denied)).toEqual(new Set(["deny-pattern", "escalation", "not-allowed", "malformed-call"]));
    expect(session.progressTracked).toBe(0);

    const progress: number[] = [];
    const whileRunning: number[] = [];
    const result = await client.callTool({ name: "trigger-long-running-operation", arguments: { duration: 0.4, steps: 4 } }, undefined, {
      onprogress: (p) => {
        progress.push(p.progress);
        whileRunning.push(session.progressTracked);
      },
    });
    expect(resultText(result)).toMatch(/Long running operation completed/);
    // The last progress and the answer may arrive back to back (the SDK client can drop that one); the first three arrive in order.
    expect(progress.slice(0, 3)).toEqual([1, 2, 3]);
    // While the allowed call ran, its token was held (one entry each way); once answered, nothing is.
    expect(whileRunning.slice(0, 3)).toEqual([2, 2, 2]);
    expect(session.progressTracked).toBe(0);
    await client.close();
  });
});
