/** What an MCP drift rule is, and what it is given: the spec, what its servers list now, and the lock. */
import type { McpServerSpec, Spec, ToolSpec } from "../../model/index.js";
import type { RuleContext } from "../../lint/index.js";
import type { McpLock } from "../lock.js";
import type { McpTool, McpToolList } from "../types.js";

/** A tool a server offers, under its name in the spec (the server's prefix and its name). */
export interface OfferedTool {
  specName: string;
  server: McpServerSpec;
  tool: McpTool;
}

/** How the spec treats a name: allowed (by an allowlist entry), denied (by a pattern, or malformed), or neither. */
export type Treatment = "allowed" | "denied" | "undeclared";

export interface DriftInput {
  spec: Spec;
  servers: readonly McpServerSpec[];
  /** What each server listed, by server name. */
  lists: ReadonlyMap<string, McpToolList>;
  /** Every usable tool offered, by its name in the spec. */
  offered: ReadonlyMap<string, OfferedTool>;
  /** The lock beside the spec, when there is one that could be read. */
  lock?: McpLock;
  /** Where the lock is (or would be), as shown to the user. */
  lockFile: string;
  /** true when the lock exists but could not be used: its own findings say why. */
  lockProblem: boolean;
  /** How the compiled policy treats a tool name. */
  treatment(name: string): Treatment;
  /** The allowlist entries matching a name, the exact one first. */
  entriesFor(name: string): ToolSpec[];
  /** The JSON pointer of a server in the spec. */
  serverPointer(server: McpServerSpec): string;
}

export interface McpRule {
  id: string;
  severity: "error" | "warning";
  description: string;
  /** Markdown: why it matters, an example, how to fix. */
  docs: string;
  check(input: DriftInput, context: RuleContext): void;
}
