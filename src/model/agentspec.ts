/** Normalizes a schema-valid agentspec document into the Spec model. */
import type { AgentSpec, Approval, DenyEntry, Mcp } from "../../generated/agentspec.js";
import type { SourceDoc } from "../load/index.js";
import type { ApprovalGate, DenyPattern, McpSpec, Spec, ToolSpec } from "./types.js";

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
    ...(doc.mcp === undefined ? {} : { mcp: normalizeMcp(doc.mcp) }),
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

function normalizeMcp(mcp: Mcp): McpSpec {
  return {
    servers: Object.entries(mcp.servers).map(([name, server]) => ({
      name,
      ...(server.command === undefined ? {} : { command: server.command }),
      args: server.args ?? [],
      env: server.env ?? [],
      ...(server.cwd === undefined ? {} : { cwd: server.cwd }),
      ...(server.url === undefined ? {} : { url: server.url }),
      headers: server.headers ?? {},
      prefix: server.prefix ?? "",
    })),
  };
}
