// A forwarded call holds its max_concurrency slot until it ends, whichever way it ends: the
// server's answer, the client's cancellation, the server going away. Most calls are forwarded
// without a promise (Guard.admit answers at once); the slot is given back by the session then.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createGuard, createMcpGateway, Guard, type Admission, type CallOptions, type GuardCall } from "../../../src/index.js";
import { readMessageText } from "../../../src/mcp/gateway/messages.js";
import { GatewaySession } from "../../../src/mcp/gateway/session.js";
import { DECISION_META_KEY } from "../../../src/mcp/gateway/tool-results.js";
import { parseSource } from "../../../src/load/index.js";
import { checkSource } from "../../../src/model/index.js";
import { compilePolicy } from "../../../src/policy/compile-policy.js";
import { EVERYTHING_SERVER, rawLibraryClient, waitFor } from "./helpers.js";

const SPEC = `agentspec: "1.0"
agent: { id: slots, version: 1.0.0 }
tools:
  echo: { effect: read }
  trigger-long-running-operation: { effect: read }
limits: { max_concurrency: 1 }
`;

/** On the server's command line (which ignores it), so this file's server alone can be stopped. */
const MARKER = `agentspec-slots-test-${process.pid}`;

function start() {
  const input = new PassThrough();
  const output = new PassThrough();
  const lines: string[] = [];
  const gateway = createMcpGateway({
    policy: compilePolicy(checkSource(parseSource("slots.agentspec.yaml", SPEC)).spec!),
    upstream: { command: process.execPath, args: [EVERYTHING_SERVER, "stdio", MARKER], stderr: "ignore" },
    downstream: { input, output },
    log: (line) => lines.push(line),
  });
  return { gateway, input, output, lines };
}

const call = (id: string, name: string, args: Record<string, unknown>) => ({
  jsonrpc: "2.0",
  id,
  method: "tools/call",
  params: { name, arguments: args },
});

const rule = (answer: Record<string, unknown>) =>
  (answer.result as { _meta?: Record<string, { rule?: string }> })._meta?.[DECISION_META_KEY]?.rule ?? "none";

describe("a forwarded call's concurrency slot", { timeout: 60_000 }, () => {
  it("is held until the server answers, given back by the answer, and by the client's cancellation", async () => {
    const { gateway, input, output, lines } = start();
    const { send, answer } = await rawLibraryClient(gateway, input, output);
    try {
      send(call("slow", "trigger-long-running-operation", { duration: 1, steps: 1 }));
      await waitFor(() => lines.some((l) => l.startsWith('allow  tools/call "trigger-long-running-operation"')), "the slow call forwarded");
      expect(gateway.guard.usage().inFlight).toBe(1);
      // The slot is taken: a second call is denied by the budget, at once, and never forwarded.
      send(call("busy", "echo", { message: "busy" }));
      const busy = await answer("busy");
      expect(rule(busy)).toBe("budget");
      expect(JSON.stringify(busy)).toMatch(/max_concurrency/);
      // The server's answer gives the slot back.
      expect((await answer("slow")).result).toBeDefined();
      expect(gateway.guard.usage().inFlight).toBe(0);
      send(call("free", "echo", { message: "free" }));
      expect(JSON.stringify((await answer("free")).result)).toContain("free");
      // A call the client cancels after it was forwarded gives its slot back without an answer.
      send(call("cancelled", "trigger-long-running-operation", { duration: 30, steps: 2 }));
      await waitFor(() => gateway.guard.usage().inFlight === 1, "the long call holding the slot");
      send({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: "cancelled", reason: "test" } });
      await waitFor(() => gateway.guard.usage().inFlight === 0, "the slot given back");
      expect(lines).toContain('failed tools/call "trigger-long-running-operation": cancelled by the client');
      send(call("after", "echo", { message: "after" }));
      expect(JSON.stringify((await answer("after")).result)).toContain("after");
    } finally {
      input.end();
      await gateway.closed;
    }
    expect(gateway.guard.usage().inFlight).toBe(0);
  });

  it("is given back when the client goes away while the call waits (review attack6)", async () => {
    // A guard of the embedding program's, which may serve other gateways: the call's slot must not stay taken.
    const guard = createGuard(compilePolicy(checkSource(parseSource("slots.agentspec.yaml", SPEC)).spec!));
    const input = new PassThrough();
    const output = new PassThrough();
    const gateway = createMcpGateway({
      guard,
      upstream: { command: process.execPath, args: [EVERYTHING_SERVER, "stdio", MARKER], stderr: "ignore" },
      downstream: { input, output },
      log: null,
    });
    const { send } = await rawLibraryClient(gateway, input, output);
    send(call("slow", "trigger-long-running-operation", { duration: 30, steps: 2 }));
    await waitFor(() => guard.usage().inFlight === 1, "the long call holding the slot");
    input.end();
    expect((await gateway.closed).reason).toBe("client-closed");
    expect(guard.usage().inFlight).toBe(0);
  });

  it("is given back with an error answer when the server goes away while the call waits", async () => {
    const { gateway, input, output } = start();
    const { send, answer } = await rawLibraryClient(gateway, input, output);
    send(call("slow", "trigger-long-running-operation", { duration: 30, steps: 2 }));
    await waitFor(() => gateway.guard.usage().inFlight === 1, "the long call holding the slot");
    // The server is stopped under the gateway (its process group, as the gateway started it).
    const { execFileSync } = await import("node:child_process");
    execFileSync("pkill", ["-f", MARKER]);
    const failed = await answer("slow");
    expect((failed.error as { message: string }).message).toMatch(/^The MCP server is gone/);
    expect(gateway.guard.usage().inFlight).toBe(0);
    expect((await gateway.closed).reason).toBe("upstream-exited");
  });
});

describe("the synchronous path", () => {
  it("forwards only what is allowed: a denial a guard answers at once is answered, not forwarded (review attack6)", () => {
    /** A guard that answers a denial at once, as the Admission type allows (an embedder's, say). */
    class DeniesAtOnce extends Guard {
      override admit(call: GuardCall, options?: CallOptions): Admission | Promise<Admission> {
        void super.admit(call, options);
        return {
          decision: { decision: "deny", rule: "escalation", reason: "denied at once", policyHash: this.policy.hash, entries: [] },
          done: () => undefined,
        };
      }
    }
    const guard = new DeniesAtOnce(compilePolicy(checkSource(parseSource("slots.agentspec.yaml", SPEC)).spec!));
    const toServer: unknown[] = [];
    const toClient: Record<string, unknown>[] = [];
    const shared = {
      guard,
      maxMessageBytes: 1 << 20,
      approver: undefined,
      approvalTimeoutMs: 1000,
      context: undefined,
      log: () => {},
      shadow: false,
    };
    const session = new GatewaySession(shared, {
      toClient: (m) => void toClient.push(m as unknown as Record<string, unknown>),
      toServer: (m) => void toServer.push(m),
    });
    session.fromClientRead(readMessageText(JSON.stringify(call("c", "echo", { message: "x" })), "client", { maxBytes: 1 << 20 }));
    return waitFor(() => toClient.find((m) => m.id === "c"), "the denial").then((answer) => {
      expect(rule(answer)).toBe("escalation");
      expect(toServer).toEqual([]);
    });
  });
});
