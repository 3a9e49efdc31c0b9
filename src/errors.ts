/**
 * Misuse and I/O failures: one error class with a code from a fixed list and a message that
 * names the file and the fix. Problems inside a spec are diagnostics, never these.
 */
export type AgentspecErrorCode =
  | "NO_FILES" // the paths matched no spec file
  | "NOT_FOUND" // a path does not exist
  | "UNREADABLE" // a file or directory could not be read
  | "UNWRITABLE" // an output file or directory could not be written
  | "BAD_CONFIG" // the configuration file is wrong
  | "BAD_POLICY" // a compiled policy failed to load (schema, hash, pin or signature)
  | "BAD_ARGUMENT" // a CLI or API argument is wrong
  | "BAD_IMPORT" // a file given to `agentspec import` is not in the format named
  | "MCP_SERVER" // an MCP server could not be started or reached, is not an MCP server, or did not answer in time
  | "BAD_LOG" // a decision log cannot be continued (its last line is not an intact record, or chainFrom is not its end)
  | "LOCKED"; // another guard holds the decision log's lock

export class AgentspecError extends Error {
  override readonly name = "AgentspecError";
  constructor(
    readonly code: AgentspecErrorCode,
    message: string,
  ) {
    super(message);
  }
}
