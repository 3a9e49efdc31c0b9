/** The policy core every stage shares: tool-name matching, canonical JSON and the hash, spec → policy, decide(). */
export { canonicalize, sha256Hex } from "./canonical.js";
export { compilePolicy, compileUnhashedPolicy, policyHash, serializePolicy, type Policy, type PolicyTool } from "./compile-policy.js";
export { ambiguousReason, callProblem, decide, type Decision, type DecisionKind, type DecisionRule, type ToolCall } from "./decide.js";
export { runDecisionTests, type DecisionTestResult } from "./decision-tests.js";
export {
  ambiguousReading,
  brokenLimit,
  describeCondition,
  holds,
  jsonKind,
  prototypeKeyPath,
  readPath,
  type SecondReading,
  type ValueKind,
} from "./evaluate.js";
export { compilePattern, isPattern, matchToolPattern, patternCovers, type CompiledPattern } from "./glob.js";
export { addGlob, allMatches, createGlobIndex, firstMatch, type GlobIndex } from "./glob-index.js";
export { foldKey } from "./key-fold.js";
export { foldToolName, MAX_TOOL_NAME_LENGTH, toolNameProblem } from "./tool-name.js";
