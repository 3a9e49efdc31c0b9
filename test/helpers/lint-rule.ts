/** Runs one lint rule over spec text in memory: what its data-table tests need. */
import { parseSource } from "../../src/load/index.js";
import { lintSpec, rules, type LintConfig } from "../../src/lint/index.js";
import { checkSource, type Companions } from "../../src/model/index.js";
import type { Diagnostic } from "../../src/diagnostics.js";

/** One rule's diagnostics on spec text (companions: the kit.json beside an AgentAz spec). */
export function lintRule(
  ruleId: string,
  text: string,
  file = "spec.agentspec.yaml",
  config: LintConfig = {},
  companions: Companions = {},
): Diagnostic[] {
  const rule = rules.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`No rule "${ruleId}"`);
  const checked = checkSource(parseSource(file, text), companions);
  if (!checked.spec)
    throw new Error(`The snippet is not a valid spec: ${checked.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join("; ")}`);
  return lintSpec(checked.spec, config, [rule]);
}

export interface Found {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
}

/** The rule's findings without pointers, for exact table assertions. */
export function findings(ruleId: string, text: string, file?: string, config?: LintConfig, companions?: Companions): Found[] {
  return lintRule(ruleId, text, file, config, companions).map(({ ruleId: id, severity, message, line, column }) => ({
    ruleId: id,
    severity,
    message,
    line,
    column,
  }));
}

/** The first lines every agentspec snippet needs. */
export const HEADER = `agentspec: "1.0"\nagent: { id: demo, version: 1.0.0 }\n`;

/**
 * An agentaz.json text: a valid base with `fields` merged over it (a field set to undefined is
 * dropped), two-space indented, so positions in tests are those of the printed JSON.
 */
export function agentaz(fields: Record<string, unknown>): string {
  const base: Record<string, unknown> = {
    agent_id: "demo-agent",
    version: "1.0.0",
    trust_level: "A2",
    worst_case_action: "Drafts a wrong reply.",
    authority_boundary: "Reads and drafts.",
    last_reviewed: "2026-06-24",
    tool_boundary: { allowed_tools: ["read_ticket", "draft_reply"], execution_tools_absent: true },
    cost_boundary: { max_usd_per_trace_loop: 0.2, alert_threshold_usd: 0.14 },
    loop_boundary: { max_reasoning_turns: 8 },
    human_handoff: { triggers: ["low_confidence"], destination: "support_agent" },
    audit: { append_only: true, logs: ["drafts"] },
  };
  return JSON.stringify({ ...base, ...fields }, null, 2) + "\n";
}

/** A kit.json companion for an AgentAz snippet: its tools by name, each with a purpose. */
export function kitOf(tools: string[], extra: Record<string, unknown> = {}): Companions {
  const text = JSON.stringify({ tools: tools.map((name) => ({ name, purpose: `Does ${name}.` })), ...extra }, null, 2) + "\n";
  return { kit: parseSource("kits/demo/kit.json", text) };
}
