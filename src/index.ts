/** agentspec's public library API. The CLI is a thin shell over these. */
export type { Diagnostic, FileResult, Severity } from "./diagnostics.js";
export { AgentspecError, type AgentspecErrorCode } from "./errors.js";
export { findSpecFiles, loadSource, parseSource, SPEC_FILE_PATTERNS, type SourceDoc, type Position } from "./load/index.js";
export { validate, detectKind, type SpecKind } from "./validate/index.js";
export { checkSource, loadSpecs, toSpec, inferEffect, type CheckedSource } from "./model/index.js";
export type { Spec, ToolSpec, ApprovalGate, DenyPattern } from "./model/index.js";
export { lintFiles, lintSource, lintSpec, rules, type LintConfig, type LintSummary, type Rule } from "./lint/index.js";
export { formatters, type Formatter, type FormatName } from "./report/index.js";
export type * from "../generated/agentspec.js";
