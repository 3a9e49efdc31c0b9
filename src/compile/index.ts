/** Compiling specs into enforcement policies and review documents, and what a runtime supplies to those engines. */
export { compileSpecs, resolveTargets, type CompileOptions, type CompileResult, type CompiledFile } from "./compile.js";
export { checkOutputs, writeOutputs, type OutputDrift } from "./outputs.js";
export { targets, type EmittedFile, type Target, type TargetContext } from "./targets/index.js";
export { DEFAULT_TARGETS } from "./defaults.js";
export { cedarRequest, fromCedarDecisions, type CedarRequest } from "./requests/cedar.js";
export { wpcRequestContext, fromWpcDecisions, WPC_CONTEXT } from "./requests/wpc.js";
export { vetoRequest, fromVetoDecision, VETO_FIELDS, type VetoRequest } from "./requests/veto.js";
