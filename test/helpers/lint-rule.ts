/** Spec snippets for the rule tests (see rule-tester.ts for how they run). */

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

/** A kit.json text for an AgentAz snippet: its tools by name, each with a purpose. */
export function kitJson(tools: string[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ tools: tools.map((name) => ({ name, purpose: `Does ${name}.` })), ...extra }, null, 2) + "\n";
}
