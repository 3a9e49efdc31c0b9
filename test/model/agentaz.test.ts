import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/load/index.js";
import { checkSource, inferEffect, loadSpecs, toolPointer } from "../../src/model/index.js";
import { corpusPath, hasCorpus } from "../helpers/corpus.js";

const allowedShape = `{
  "agent_id": "order-support-agent",
  "version": "2.0.0",
  "trust_level": "A2",
  "worst_case_action": "Drafts a wrong reply.",
  "authority_boundary": "Reads and drafts.",
  "last_reviewed": "2026-06-24",
  "tool_boundary": {
    "allowed_tools": ["read_order_status", "draft_reply", "route"],
    "execution_tools_absent": true
  },
  "cost_boundary": { "max_usd_per_trace_loop": 0.2, "alert_threshold_usd": 0.14 },
  "loop_boundary": { "max_reasoning_turns": 8 },
  "human_handoff": { "triggers": ["low_confidence"], "destination": "support_agent" },
  "audit": { "append_only": true, "logs": ["lookups"] }
}`;

const gatedShape = `{
  "agent_id": "incident-response-agent",
  "version": "2.0.0",
  "trust_level": "A4",
  "worst_case_action": "Restarts a service.",
  "authority_boundary": "Auto-runs reversible steps.",
  "last_reviewed": "2026-06-24",
  "tool_boundary": {
    "auto_executable_tools": ["restart_service", "health_check"],
    "approval_required_tools": ["rollback_deploy", "change_config"],
    "execution_tools_absent": false
  }
}`;

describe("the AgentAz adapter", () => {
  it("reads the allowed_tools shape, inferring effects", () => {
    const { spec, diagnostics } = checkSource(parseSource("kits/x/agentaz.json", allowedShape));
    expect(diagnostics).toEqual([]);
    expect(spec?.format).toBe("agentaz");
    expect(spec?.tools.map((t) => [t.name, t.effect, t.effectInferred, t.approval !== undefined])).toEqual([
      ["read_order_status", "read", true, false],
      ["draft_reply", "draft", true, false],
      ["route", "draft", true, false],
    ]);
    expect(spec?.execution.tools_absent).toBe(true);
    expect(spec?.limits).toEqual({ max_usd_per_loop: 0.2, alert_usd: 0.14, max_turns: 8 });
    expect(spec?.handoff).toEqual({ triggers: ["low_confidence"], destination: "support_agent" });
  });

  it("reads the auto_executable / approval_required shape: gated tools are at least writes", () => {
    const { spec } = checkSource(parseSource("agentaz.json", gatedShape));
    expect(spec?.tools.map((t) => [t.name, t.effect, t.approval !== undefined])).toEqual([
      ["restart_service", "write", false],
      ["health_check", "read", false],
      ["rollback_deploy", "write", true],
      ["change_config", "write", true],
    ]);
  });

  it("maps agentspec pointers back into the AgentAz file", () => {
    const { spec } = checkSource(parseSource("agentaz.json", allowedShape));
    expect(spec!.pointerFor(toolPointer("draft_reply"))).toBe("/tool_boundary/allowed_tools/1");
    expect(spec!.pointerFor("/limits/alert_usd")).toBe("/cost_boundary/alert_threshold_usd");
    expect(spec!.pointerFor("/handoff/destination")).toBe("/human_handoff/destination");
    expect(spec!.source.locate(spec!.pointerFor("/limits/alert_usd"))).toEqual({ line: 12, column: 76 });
  });

  it("reports a missing required AgentAz field", () => {
    const { diagnostics } = checkSource(parseSource("agentaz.json", allowedShape.replace('"version": "2.0.0",', "")));
    expect(diagnostics).toMatchObject([
      { ruleId: "schema", message: 'Missing required property "version" in the spec', line: 1, column: 1 },
    ]);
  });

  it.each([
    ["read_order_status", "read"],
    ["run_readonly_query", "read"],
    ["draft_reply", "draft"],
    ["write_description", "draft"],
    ["write_branch", "write"],
    ["post_comment", "write"],
    ["process_refund", "irreversible"],
    ["send_customer_email", "irreversible"],
    ["merge_pr", "irreversible"],
    ["rollback_deploy", "write"],
    ["open_draft_pr", "write"],
    // namespace.verb_object: the last segment's words come first, the namespace after them
    ["email.draft", "draft"],
    ["email.send", "irreversible"],
    ["file.read", "read"],
    ["file.write", "write"],
    ["crm.lookup", "read"],
    ["tickets.add_label", "write"],
    ["billing.refund", "irreversible"],
    ["slack.notify", "irreversible"],
    ["deploy.production", "irreversible"], // no verb in the last segment: the namespace is read next
    ["crm.customers.export", "read"],
  ])("infers %s as %s", (name, effect) => {
    expect(inferEffect(name)).toBe(effect);
  });
});

describe.skipIf(!hasCorpus)("the AgentAz corpus", () => {
  it("reads all 42 agentaz.json files into the model without a schema error", async () => {
    const checked = await loadSpecs([corpusPath("agentaz/kits")]);
    expect(checked).toHaveLength(42);
    expect(checked.flatMap((c) => c.diagnostics)).toEqual([]);
    expect(checked.every((c) => c.spec && c.spec.tools.length > 0)).toBe(true);
  });
});
