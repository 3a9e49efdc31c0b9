/** The MCP stage: reach servers, list their tools, lock their definitions. */
export {
  connectMcpServer,
  describeFailure,
  describeTarget,
  openMcpTransport,
  DEFAULT_MAX_MESSAGE_BYTES,
  DEFAULT_TIMEOUT_MS,
  type ConnectOptions,
  type McpConnection,
  type McpServerTarget,
} from "./connect.js";
export {
  checkToolEntries,
  listMcpTools,
  newContext,
  DEFAULT_MAX_PAGES,
  DEFAULT_MAX_TOOLS,
  type ListToolsOptions,
  type ToolCheckContext,
} from "./list-tools.js";
export {
  buildMcpLock,
  canonicalDefinition,
  lockedTool,
  lockPathFor,
  lockServer,
  lockTool,
  mcpToolDefinition,
  mcpToolHash,
  parseMcpLock,
  serializeMcpLock,
  DEFINITION_PARTS,
  MAX_DEFINITION_DEPTH,
  MCP_LOCK_FORMAT,
  type DefinitionPart,
  type LockedServer,
  type LockedTool,
  type McpLock,
  type McpToolDefinition,
  type ParsedMcpLock,
} from "./lock.js";
export { StdioServerTransport, type StdioServerOptions } from "./stdio-transport.js";
export type { McpListProblem, McpServerInfo, McpTool, McpToolList } from "./types.js";
