/**
 * The plain data the MCP stage passes around: a server's identity, its tools as read from
 * tools/list (checked, bounded), and the problems found in the list.
 */
import type { Severity } from "../diagnostics.js";

/** What a server said it was in its initialize result. */
export interface McpServerInfo {
  name: string;
  version: string;
  title?: string;
  /** The protocol version the server answered initialize with. */
  protocolVersion: string;
}

/**
 * One tool, as the server listed it, after the checks of listMcpTools: a non-empty name, an
 * object inputSchema, string title and description, object outputSchema, annotations, execution
 * and _meta, an array of icons, and no JSON nested deeper than MAX_DEFINITION_DEPTH. Members MCP
 * does not define are kept as the server sent them: a client may read them, so the lock pins them.
 */
export interface McpTool {
  name: string;
  title?: string;
  description?: string;
  inputSchema: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
  /** Hints the server chose (readOnlyHint, destructiveHint, idempotentHint, openWorldHint, title): untrusted. */
  annotations?: Record<string, unknown>;
  /** How the tool runs (MCP 2025-11-25: taskSupport). */
  execution?: Record<string, unknown>;
  /** Icons a client shows for the tool. */
  icons?: unknown[];
  _meta?: Record<string, unknown>;
  /** Any other member the server sent. */
  [member: string]: unknown;
}

/** A problem in a server's tool list: a tool left out, a list cut short, a name a reader cannot trust. */
export interface McpListProblem {
  /** mcp-tool-list for a malformed or oversized list, suspicious-tool-name for names. */
  ruleId: "mcp-tool-list" | "suspicious-tool-name";
  severity: Severity;
  message: string;
  /** The tool's name when it has a usable one. */
  tool?: string;
  /** true when the tool was left out of `tools` (it cannot be used, locked or allowed). */
  excluded?: boolean;
  /** true for a name listed twice with different definitions (left out: which one a client uses is undefined). */
  duplicate?: boolean;
  /** With duplicate: the other spelling, when the two names differ but fold to one reading (foldToolName). */
  twin?: string;
}

/** Everything one tools/list session gave. */
export interface McpToolList {
  server: McpServerInfo;
  /** The usable tools, in the server's order. */
  tools: McpTool[];
  problems: McpListProblem[];
  /** true when the list was cut at a bound (tool count, pages): tools beyond it were not read. */
  truncated: boolean;
}
