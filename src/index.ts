/** agentspec's public library API. The CLI is a thin shell over these. */
export type { Diagnostic, FileResult, Severity } from "./diagnostics.js";
export { AgentspecError, type AgentspecErrorCode } from "./errors.js";
export { findSpecFiles, loadSource, parseSource, SPEC_FILE_PATTERNS, type SourceDoc, type Position } from "./load/index.js";
export { validate, detectKind, type SpecKind } from "./validate/index.js";
export { checkSource, loadSpecs, toSpec, inferEffect, type CheckedSource } from "./model/index.js";
export type { Spec, ToolSpec, ApprovalGate, DenyPattern } from "./model/index.js";
export { lintFiles, lintSource, lintSpec, rules, type LintConfig, type LintSummary, type Rule } from "./lint/index.js";
export { loadConfig, findConfigFile, parseConfig, CONFIG_FILE_NAME, ruleCatalog, type LoadedConfig, type RuleMeta } from "./lint/index.js";
export type { AgentspecConfig } from "../generated/config.js";
export { computeTrustLevel, missingBounds, trustLevelRank, type TrustLevelResult } from "./tier/index.js";
export { formatters, reporters, type Formatter, type FormatName, type FormatOptions, type Reporter } from "./report/index.js";
// The policy core, named one by one because generated/agentspec.ts already exports Decision and
// ToolCall (the spec's test-case types).
export {
  compilePolicy,
  policyHash,
  serializePolicy,
  canonicalize,
  sha256Hex,
  decide,
  matchToolPattern,
  patternCovers,
  runDecisionTests,
  foldToolName,
  toolNameProblem,
  type Policy,
  type PolicyTool,
  type Decision as PolicyDecision,
  type DecisionKind,
  type DecisionRule,
  type DecisionTestResult,
} from "./policy/index.js";
export {
  compileSpecs,
  writeOutputs,
  checkOutputs,
  resolveTargets,
  targets,
  DEFAULT_TARGETS,
  type CompileOptions,
  type CompileResult,
  type CompiledFile,
  type OutputDrift,
  type EmittedFile,
  type Target,
  type TargetContext,
} from "./compile/index.js";
export { cedarRequest, fromCedarDecisions, type CedarRequest } from "./compile/index.js";
export {
  loadPolicy,
  tryLoadPolicy,
  denyAllPolicy,
  createGuard,
  Guard,
  DEFAULT_APPROVAL_TIMEOUT_MS,
  verifyAuditLog,
  recordHash,
  argsDigest,
  GENESIS_HASH,
  signPolicyHash,
  signatureProblem,
  keyId,
  signaturePathFor,
  SIGNATURE_FORMAT,
  AexEventLog,
  type LoadPolicyOptions,
  type PolicyLoad,
  type PolicySource,
  type GuardCall,
  type GuardDecision,
  type GuardOptions,
  type GuardRule,
  type GuardUsage,
  type ApprovalRequest,
  type ApprovalResult,
  type EscalationEvent,
  type DecisionRecord,
  type RecordSink,
  type AuditProblem,
  type AuditVerification,
  type AexEvent,
  type PolicySignature,
  type KeyInput,
} from "./runtime/index.js";
export {
  memoryStore,
  redisStore,
  StateUnavailableError,
  type MemoryStoreOptions,
  type RedisStoreOptions,
  type StateStore,
  type StateScope,
  type StoreLimits,
  type AdmitRequest,
  type AdmitAnswer,
  type BudgetExceeded,
  type DenialRequest,
  type DenialAnswer,
} from "./runtime/store/index.js";
export { importers, type Importer, type ImportContext, type ImportOptions, type ImportResult } from "./import/index.js";
export type * from "../generated/agentspec.js";
export {
  connectMcpServer,
  listMcpTools,
  mcpToolHash,
  mcpToolDefinition,
  buildMcpLock,
  serializeMcpLock,
  parseMcpLock,
  readMcpLock,
  lockPathFor,
  specFromMcpTools,
  checkMcpDrift,
  checkSpecServers,
  listSpecServers,
  readClientConfig,
  effectFromAnnotations,
  mcpRules,
  mcpRuleCatalog,
  type McpConnection,
  type McpServerTarget,
  type McpServerTools,
  type McpTool,
  type McpToolList,
  type McpListProblem,
  type McpServerInfo,
  type McpLock,
  type McpRule,
} from "./mcp/index.js";
export {
  diffAuthority,
  diffAddedSpec,
  diffRemovedSpec,
  diffFiles,
  diffSince,
  diffReporters,
  replayDecisions,
  CHANGE_KINDS,
  type AuthorityChange,
  type ChangeKind,
  type Direction,
  type Witness,
  type SpecDiff,
  type DiffReporter,
  type ReplayReport,
} from "./diff/index.js";
