/**
 * aex's real engines, as each reads a policy: the MCP proxy (`AEXProxy.handleToolsCall`), the
 * Claude Code hook (`evaluateGate`, what `aex gate` runs) and the task runtime (`runTask` with a
 * JSON policy, what `aex run --policy x.json` runs, or with an .aex policy as `aex run` loads
 * one). Each is given a call and answers allow, deny or require_approval, with what aex said.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ProbeCall } from "./calls.js";
import { NOT_ASKED, type PeerAnswer } from "./differential.js";
import { loadAex, type AexPermissions, type AexPeer } from "./peers.js";

/** The effective permissions of an .aex policy, as `aex proxy` and `aex gate` build them. */
export function aexPermissions(aex: AexPeer, text: string): AexPermissions {
  return aex.mergePolicyAndTask(aex.extractPolicyLayer(aex.parseAEX(text, { tolerant: true }).task));
}

/** aex's MCP proxy, fresh per call so its call budget never decides (a budget is not a per-call rule). */
export function proxyEngine(aex: AexPeer, permissions: AexPermissions): (call: ProbeCall) => PeerAnswer {
  return (call) => {
    const proxy = new aex.AEXProxy({ permissions, logger: () => {} });
    const { action, response } = proxy.handleToolsCall({
      jsonrpc: "2.0",
      id: 1,
      method: "tools/call",
      params: { name: call.tool, arguments: call.args },
    });
    if (action === "forward") return { verdict: "allow", detail: "forwarded to the upstream server" };
    // The proxy runs its meta-tools itself: the call does something, whatever the policy says.
    if (action === "meta") return { verdict: "allow", detail: "answered by the proxy as a meta-tool" };
    // A confirmation the proxy cannot ask for blocks the call (without --auto-confirm).
    return { verdict: "deny", detail: String(response?.error?.message ?? "blocked") };
  };
}

/** aex gate's decision for a PreToolUse hook input naming the call's tool. */
export function gateEngine(aex: AexPeer, permissions: AexPermissions, cwd: string): (call: ProbeCall) => PeerAnswer {
  return (call) => {
    try {
      const input = { session_id: "probe", cwd, hook_event_name: "PreToolUse", tool_name: call.tool, tool_input: call.args ?? {} };
      const decision = aex.evaluateGate(input, permissions).output.permissionDecision;
      return { verdict: decision === "ask" ? "require_approval" : decision === "allow" ? "allow" : "deny", detail: `gate: ${decision}` };
    } catch (error) {
      // `aex gate` exits 2 when evaluation throws, which Claude Code takes as a block.
      return { verdict: "deny", detail: `gate threw: ${(error as Error).message}` };
    }
  };
}

/** A tool name a task's `use` and `do` lines can hold (aex's parser); others cannot be run by runTask at all. */
const TASK_TOOL = /^[A-Za-z0-9._*]+$/;

/**
 * runTask over a one-step task calling the tool, with the given runtime policy (the object
 * `aex run --policy` passes: a JSON policy through resolvePolicy, or an .aex policy through
 * loadAEXPolicy). aex's runtime reads the tool name only, so answers are kept per name.
 */
export function runTaskEngine(aex: AexPeer, policy: unknown, dir: string): (call: ProbeCall) => Promise<PeerAnswer | typeof NOT_ASKED> {
  const byName = new Map<string, Promise<PeerAnswer | typeof NOT_ASKED>>();
  let n = 0;
  return (call) => {
    let answer = byName.get(call.tool);
    if (!answer) {
      answer = runOnce(aex, policy, call.tool, path.join(dir, `probe-${n++}.aex`));
      byName.set(call.tool, answer);
    }
    return answer;
  };
}

async function runOnce(aex: AexPeer, policy: unknown, tool: string, file: string): Promise<PeerAnswer | typeof NOT_ASKED> {
  if (!TASK_TOOL.test(tool)) return NOT_ASKED;
  writeFileSync(file, `task probe v0\n\ngoal "probe"\n\nuse ${tool}\n\ndo ${tool}() -> result\n\nreturn result\n`);
  let asked = false;
  let ran = false;
  const result = await aex.runTask(file, {
    policy,
    tools: { [tool]: async () => ((ran = true), "ran") },
    confirm: async () => ((asked = true), true),
  });
  if (result.status === "success" && ran)
    return { verdict: asked ? "require_approval" : "allow", detail: asked ? "ran after confirmation" : "ran" };
  return { verdict: "deny", detail: result.issues.join("; ") };
}

/** A scratch folder for task files, removed by the returned function. */
export function scratchDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-aex-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export { loadAex };
