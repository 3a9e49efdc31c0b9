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
  OLD_MCP_LOCK_FORMATS,
  definitionMembers,
  type DefinitionPart,
  type LockedServer,
  type LockedTool,
  type McpLock,
  type McpToolDefinition,
  type ParsedMcpLock,
  readMcpLock,
  type ReadMcpLock,
} from "./lock.js";
export { readClientConfig, type ClientConfigServer, type ReadClientConfigOptions } from "./client-config.js";
export { checkMcpDrift, listProblemDiagnostics, mcpRuleCatalog, MCP_BUILTIN_RULES, type DriftOptions } from "./drift.js";
export { effectFromAnnotations, type HintedEffect } from "./effect.js";
export { agentId, specFromMcpTools, type McpServerTools, type SpecFromToolsOptions, type SpecFromToolsResult } from "./init.js";
export { mcpRules, type DriftInput, type McpRule, type OfferedTool, type Treatment } from "./rules/index.js";
export { resolveServerTarget, serverPointer } from "./server-target.js";
export { checkSpecServers, listSpecServers, serversOf, type SpecCheck, type SpecServersOptions } from "./servers.js";
export { StdioServerTransport, type StdioServerOptions } from "./stdio-transport.js";
export type { McpListProblem, McpServerInfo, McpTool, McpToolList } from "./types.js";
