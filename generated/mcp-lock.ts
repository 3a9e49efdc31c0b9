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
   * The lock format version.
   */
  format: "agentspec-mcp-lock/1";
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
   * The hash of the tool's canonical definition: its title, description, inputSchema, outputSchema and annotations (those it has), as one JSON object.
   */
  hash: string;
  /**
   * The hash of each part the definition has, so a change can be named.
   */
  parts: {
    title?: Hash;
    description?: Hash;
    inputSchema?: Hash;
    outputSchema?: Hash;
    annotations?: Hash;
  };
  /**
   * The canonical definition itself, so a reviewer reads what was pinned and a change can be shown; left out when it is larger than 64 KiB.
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
  };
}
