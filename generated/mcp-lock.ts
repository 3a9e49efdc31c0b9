/* Generated from schema/mcp-lock.schema.json by `npm run generate`. Do not edit: change the schema and regenerate. */

/**
 * sha256: and the hex SHA-256 of the RFC 8785 canonical JSON of the value.
 *
 * This interface was referenced by `McpLock`'s JSON-Schema
 * via the `definition` "Hash".
 */
export type Hash = string;

/**
 * The tool definitions an agentspec spec was reviewed against, as `agentspec mcp lock` wrote them from the spec's MCP servers: `agentspec mcp check` reports every tool whose definition differs, and a gateway can refuse it.
 */
export interface McpLock {
  /**
   * The lock format version. Format 2 pins every member of a tool but its name; a lock of format 1 (title, description, schemas and annotations only) is refused: write it again with `agentspec mcp lock`.
   */
  format: "agentspec-mcp-lock/2";
  /**
   * One entry per server of the spec's mcp section, keyed by its name there.
   */
  servers: {
    [k: string]: LockedServer;
  };
}
/**
 * What the server said it was when the lock was written, and its tools.
 *
 * This interface was referenced by `McpLock`'s JSON-Schema
 * via the `definition` "LockedServer".
 */
export interface LockedServer {
  /**
   * The server's serverInfo.name.
   */
  name: string;
  /**
   * The server's serverInfo.version.
   */
  version: string;
  /**
   * The MCP protocol version the server answered initialize with.
   */
  protocol_version: string;
  /**
   * Every tool the server listed, keyed by its name on the server (without the spec's prefix).
   */
  tools: {
    [k: string]: LockedTool;
  };
}
/**
 * One tool's definition, pinned.
 *
 * This interface was referenced by `McpLock`'s JSON-Schema
 * via the `definition` "LockedTool".
 */
export interface LockedTool {
  /**
   * The hash of the tool's canonical definition: every member the server listed for it except its name (title, description, inputSchema, outputSchema, annotations, execution, icons, _meta and any other), as one JSON object.
   */
  hash: string;
  /**
   * The hash of each member the definition has, keyed by the member's name, so a change can be named.
   */
  parts: {
    [k: string]: Hash;
  };
  /**
   * The canonical definition itself (every member but the name), so a reviewer reads what was pinned and a change can be shown; left out when it is larger than 64 KiB.
   */
  definition?: {
    /**
     * The tool's title.
     */
    title?: string;
    /**
     * The tool's description.
     */
    description?: string;
    /**
     * The tool's input JSON Schema.
     */
    inputSchema?: {};
    /**
     * The tool's output JSON Schema.
     */
    outputSchema?: {};
    /**
     * The tool's annotations (hints the server chose).
     */
    annotations?: {};
    /**
     * How the tool runs (taskSupport): changes how a client invokes it.
     */
    execution?: {};
    /**
     * The icons a client shows for the tool.
     */
    icons?: unknown[];
    /**
     * The tool's _meta, which clients and extensions may read.
     */
    _meta?: {};
    [k: string]: unknown;
  };
}
