/** Normalizes a schema-valid agentspec document into the Spec model. */
import type { AgentSpec, Approval, DenyEntry } from "../../generated/agentspec.js";
import type { SourceDoc } from "../load/index.js";
import type { ApprovalGate, DenyPattern, Spec, ToolSpec } from "./types.js";

export function fromAgentspec(source: SourceDoc, doc: AgentSpec): Spec {
  return {
    source,
    format: "agentspec",
    agent: doc.agent,
    declaredTrustLevel: doc.trust_level,
    dnaPattern: doc.dna_pattern,
    worstCaseAction: doc.worst_case_action,
    authorityBoundary: doc.authority_boundary,
    contextHandling: doc.context_handling,
    memory: doc.memory,
    execution: doc.execution ?? {},
    tools: Object.entries(doc.tools).map(([name, tool]): ToolSpec => ({
      name,
      effect: tool.effect,
      effectInferred: false,
      description: tool.description,
      resources: tool.resources ?? [],
      approval: normalizeApproval(tool.approval),
      limits: tool.limits ?? {},
    })),
    deny: (doc.deny ?? []).map(normalizeDeny),
    outputs: doc.outputs ?? {},
    limits: doc.limits ?? {},
    handoff: doc.handoff ?? {},
    audit: doc.audit ?? {},
    failureModes: doc.failure_modes ?? [],
    evaluation: doc.evaluation,
    tests: doc.tests ?? [],
    suppressions: doc.suppressions ?? [],
    extensions: (doc.extensions ?? {}) as Spec["extensions"],
    pointerFor: (pointer) => pointer,
  };
}

function normalizeApproval(approval: Approval | undefined): ApprovalGate | undefined {
  if (approval === undefined || approval === false) return undefined;
  if (approval === true) return {};
  return approval;
}

function normalizeDeny(entry: DenyEntry): DenyPattern {
  return typeof entry === "string" ? { pattern: entry } : entry;
}
