/** The normalized in-memory model every later stage (lint, tier, compile, runtime) works on. */
import type {
  Agent,
  ArgumentLimit,
  Audit,
  Condition,
  DecisionTest,
  Effect,
  Evaluation,
  Execution,
  FailureMode,
  Handoff,
  Limits,
  Memory,
  Outputs,
  Suppression,
  TrustLevel,
} from "../../generated/agentspec.js";
import type { SourceDoc } from "../load/index.js";

export type {
  Agent,
  ArgumentLimit,
  Audit,
  Condition,
  DecisionTest,
  Effect,
  Evaluation,
  Execution,
  FailureMode,
  Handoff,
  Limits,
  Memory,
  Outputs,
  Suppression,
  TrustLevel,
};

export interface ApprovalGate {
  /** Without a condition the gate always applies. */
  when?: Condition;
  channel?: string;
  reason?: string;
}

export interface ToolSpec {
  name: string;
  effect: Effect;
  /** true when the effect was not declared but inferred (AgentAz input). */
  effectInferred: boolean;
  description?: string;
  resources: string[];
  /** Absent when the tool runs without approval. */
  approval?: ApprovalGate;
  limits: Record<string, ArgumentLimit>;
}

/** A tool an AgentAz kit.json ships: its effect is inferred from the name. */
export interface KitTool {
  name: string;
  purpose?: string;
  effect: Effect;
}

/** The AgentAz kit.json read beside an agentaz.json. */
export interface KitSpec {
  /** The kit.json path, as found beside the agentaz.json. */
  file: string;
  tools: KitTool[];
  failureModes?: FailureMode[];
  evaluation?: Evaluation;
  /** Why the kit was ignored (unreadable, not JSON, wrong shape), as "line:column: message". */
  problem?: string;
}

/** One MCP server of the spec's mcp section: started with a command (stdio) or reached at a url (Streamable HTTP). */
export interface McpServerSpec {
  /** Its key in mcp.servers. */
  name: string;
  command?: string;
  args: string[];
  /** Names of environment variables passed through to the server (never values). */
  env: string[];
  /** As written: relative to the spec's directory. */
  cwd?: string;
  url?: string;
  /** Header name → the environment variable holding its value. */
  headers: Record<string, string>;
  /** Put before each of the server's tool names to give its name in the spec; "" when absent. */
  prefix: string;
}

/** The spec's mcp section: the servers its tools come from. */
export interface McpSpec {
  servers: McpServerSpec[];
}

export interface DenyPattern {
  pattern: string;
  reason?: string;
}

export interface Spec {
  /** Where the spec came from; `pointerFor` maps model pointers into it. */
  source: SourceDoc;
  format: "agentspec" | "agentaz";
  agent: Agent;
  declaredTrustLevel?: TrustLevel;
  dnaPattern?: string;
  worstCaseAction?: string;
  authorityBoundary?: string;
  contextHandling?: string;
  memory?: Memory;
  execution: Execution;
  /** The allowlist, in declaration order. */
  tools: ToolSpec[];
  deny: DenyPattern[];
  outputs: Outputs;
  limits: Limits;
  handoff: Handoff;
  audit: Audit;
  failureModes: FailureMode[];
  evaluation?: Evaluation;
  tests: DecisionTest[];
  suppressions: Suppression[];
  /** AgentAz input: the kit.json beside the agentaz.json, when there is one. */
  kit?: KitSpec;
  /**
   * Fields of other systems agentspec has no place for, by system name (`agentaz`): importers
   * fill it so exporters can restore them.
   */
  extensions: Record<string, Record<string, unknown>>;
  /** The MCP servers the tools come from (agentspec files only). */
  mcp?: McpSpec;
  /**
   * Maps a pointer in agentspec terms (e.g. /limits/max_usd_per_loop or /tools/<name>) to the
   * pointer of the node that expresses it in the source file.
   */
  pointerFor(pointer: string): string;
}
