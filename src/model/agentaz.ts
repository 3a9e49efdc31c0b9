/**
 * Reads an AgentAz v1.0 agentaz.json into the Spec model. Both tool_boundary shapes are read:
 * allowed_tools (+ execution_tools_absent), and auto_executable_tools / approval_required_tools.
 * Tools carry no effect class in AgentAz, so it is inferred from the name (a tool that needs
 * approval is at least a write); pointerFor maps agentspec pointers back into the AgentAz file.
 * The kit.json beside it, when the caller read one, adds tool purposes, failure modes and
 * evaluation; AgentAz fields the model has no place for are kept in extensions.agentaz.
 */
import type { AgentAzInput } from "../../generated/agentaz-input.js";
import { escapePointerSegment, joinPointer, type SourceDoc } from "../load/index.js";
import { inferEffect, max } from "./infer-effect.js";
import type { KitSpec, Spec, ToolSpec } from "./types.js";

/** The fields of an agentaz.json the model maps; anything else is kept in extensions.agentaz. */
const MAPPED: Record<string, true | string[]> = {
  agent_id: true,
  version: true,
  last_reviewed: true,
  trust_level: true,
  dna_pattern: true,
  worst_case_action: true,
  authority_boundary: true,
  tool_boundary: [
    "allowed_tools",
    "auto_executable_tools",
    "approval_required_tools",
    "execution_tools_absent",
    "rollback_required",
    "branch_isolated",
  ],
  output_boundary: ["format", "never_emits"],
  cost_boundary: ["max_usd_per_trace_loop", "alert_threshold_usd"],
  loop_boundary: ["max_reasoning_turns"],
  human_handoff: ["triggers", "destination"],
  audit: ["append_only", "logs"],
};

/**
 * What the model does not map, as AgentAz wrote it (`tags`, `tool_boundary: { read_only }`), and
 * which list held the ungated tools when it was allowed_tools (auto_executable_tools is the default).
 */
export function agentazExtensions(doc: AgentAzInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    const mapped = MAPPED[key];
    if (mapped === undefined) out[key] = value;
    else if (Array.isArray(mapped) && value !== null && typeof value === "object" && !Array.isArray(value)) {
      const rest = Object.fromEntries(Object.entries(value).filter(([inner]) => !mapped.includes(inner)));
      if (Object.keys(rest).length > 0) out[key] = rest;
    }
  }
  if (doc.tool_boundary.allowed_tools !== undefined) out.ungated_tools_field = "allowed_tools";
  return out;
}

export function fromAgentaz(source: SourceDoc, doc: AgentAzInput, kit?: KitSpec): Spec {
  const purposes = new Map((kit?.tools ?? []).map((t) => [t.name, t.purpose]));
  const boundary = doc.tool_boundary;
  const gated = new Set(boundary.approval_required_tools ?? []);
  const toolPointers = new Map<string, string>();
  const tools: ToolSpec[] = [];
  const addTools = (list: string[] | undefined, field: string): void => {
    list?.forEach((name, index) => {
      if (toolPointers.has(name)) return;
      toolPointers.set(name, joinPointer("/tool_boundary", field, index));
      const inferred = inferEffect(name);
      tools.push({
        name,
        effect: gated.has(name) ? max(inferred, "write") : inferred,
        effectInferred: true,
        description: purposes.get(name),
        resources: [],
        approval: gated.has(name) ? {} : undefined,
        limits: {},
      });
    });
  };
  addTools(boundary.allowed_tools, "allowed_tools");
  addTools(boundary.auto_executable_tools, "auto_executable_tools");
  addTools(boundary.approval_required_tools, "approval_required_tools");

  const pointers: Record<string, string> = {
    "/agent/id": "/agent_id",
    "/agent/version": "/version",
    "/agent/last_reviewed": "/last_reviewed",
    "/agent": "",
    "/trust_level": "/trust_level",
    "/dna_pattern": "/dna_pattern",
    "/worst_case_action": "/worst_case_action",
    "/authority_boundary": "/authority_boundary",
    "/execution/tools_absent": "/tool_boundary/execution_tools_absent",
    "/execution": "/tool_boundary",
    "/tools": "/tool_boundary",
    "/outputs/never_emits": "/output_boundary/never_emits",
    "/outputs/format": "/output_boundary/format",
    "/outputs": "/output_boundary",
    "/limits/max_usd_per_loop": "/cost_boundary/max_usd_per_trace_loop",
    "/limits/alert_usd": "/cost_boundary/alert_threshold_usd",
    "/limits/max_turns": "/loop_boundary/max_reasoning_turns",
    "/limits": "/cost_boundary",
    "/handoff": "/human_handoff",
    "/audit": "/audit",
  };

  return {
    source,
    format: "agentaz",
    agent: { id: doc.agent_id, version: doc.version, last_reviewed: doc.last_reviewed },
    declaredTrustLevel: doc.trust_level,
    dnaPattern: doc.dna_pattern,
    worstCaseAction: doc.worst_case_action,
    authorityBoundary: doc.authority_boundary,
    execution: {
      tools_absent: boundary.execution_tools_absent,
      rollback_required: boundary.rollback_required,
      sandboxed: boundary.branch_isolated,
    },
    tools,
    deny: [],
    outputs: { format: doc.output_boundary?.format, never_emits: doc.output_boundary?.never_emits },
    limits: {
      max_usd_per_loop: doc.cost_boundary?.max_usd_per_trace_loop,
      alert_usd: doc.cost_boundary?.alert_threshold_usd,
      max_turns: doc.loop_boundary?.max_reasoning_turns,
    },
    handoff: { ...doc.human_handoff },
    audit: { ...doc.audit },
    // AgentAz v1.0 has no failure modes or evaluation: the kit's are the agent's.
    failureModes: kit?.failureModes ?? [],
    evaluation: kit?.evaluation,
    tests: [],
    suppressions: [],
    kit,
    extensions: { agentaz: agentazExtensions(doc) },
    pointerFor(pointer) {
      for (const [name, target] of toolPointers) {
        const prefix = "/tools/" + escapePointerSegment(name);
        if (pointer === prefix || pointer.startsWith(prefix + "/")) return target;
      }
      // The longest mapped prefix; the rest of the pointer is kept, as field names below it match.
      for (let p = pointer; p !== ""; p = p.slice(0, p.lastIndexOf("/"))) {
        const target = pointers[p];
        if (target !== undefined) return target + pointer.slice(p.length);
      }
      return pointer;
    },
  };
}
