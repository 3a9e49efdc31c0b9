/**
 * Veto's real local engine (the SDK's ExpressionValidator with its RuleLoader) over a rules
 * file, asked a call the way a runtime hands it over: `flat`, the call's arguments as they are
 * (the engine spreads them beside tool_name, as shipped), or `nested`, `{ arguments, context }`
 * (the paths the IR schema documents: arguments.<path>, context.<field>). Veto has no approval
 * decision: a block is a deny. `readApprovals` reads a block by a rule tagged `approval` as
 * require_approval, as a runtime that routes such blocks to a human would.
 */
import type { ProbeCall } from "./calls.js";
import type { PeerAnswer } from "./differential.js";
import { loadVeto, type VetoPeer } from "./peers.js";

export type VetoForm = "flat" | "nested";

export interface VetoEngineOptions {
  form: VetoForm;
  readApprovals?: boolean;
  /** Builds the engine's `toolName` and `arguments` from the call (a runtime's contract); default: the form as described above. */
  request?: (call: ProbeCall) => { toolName?: string; arguments: unknown } | { refused: string };
}

/** Loads a rules file into a fresh engine: the loader validates it against the IR schema first and throws if it fails. */
export function vetoEngine(veto: VetoPeer, text: string, options: VetoEngineOptions): (call: ProbeCall) => Promise<PeerAnswer> {
  const engine = new veto.ExpressionValidator({ config: {}, logger: veto.silentLogger });
  engine.getRuleLoader().setYamlParser(veto.parseYaml);
  engine.getRuleLoader().loadFromString(text, "export.veto.yaml");
  const approvalRules = new Set(
    ((veto.parseYaml(text) as { rules?: { id: string; tags?: string[] }[] }).rules ?? [])
      .filter((r) => r.tags?.includes("approval"))
      .map((r) => r.id),
  );
  const build: (call: ProbeCall) => { toolName?: string; arguments: unknown } | { refused: string } =
    options.request ??
    ((call: ProbeCall) => ({ arguments: options.form === "flat" ? call.args : { arguments: call.args, context: call.context } }));
  let n = 0;
  return async (call) => {
    const request = build(call);
    if ("refused" in request) return { verdict: "deny", detail: `refused before the engine: ${request.refused}` };
    const answer = await engine.validate({
      toolName: request.toolName ?? call.tool,
      arguments: request.arguments,
      callId: `probe-${n++}`,
      timestamp: new Date(0),
      callHistory: [],
    });
    const rule = answer.metadata?.ruleId;
    if (answer.decision === "allow") return { verdict: "allow", detail: rule ? `allowed by ${rule}` : "no rule matched" };
    return {
      verdict: options.readApprovals && rule && approvalRules.has(rule) ? "require_approval" : "deny",
      detail: `blocked by ${rule}`,
    };
  };
}

export { loadVeto };
