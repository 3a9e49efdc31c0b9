/** The runtime: loadPolicy with hash and pin checks, the run guard, decision records and their verification. */
export { loadPolicy, tryLoadPolicy, denyAllPolicy, type LoadPolicyOptions, type PolicyLoad, type PolicySource } from "./load-policy.js";
export {
  createGuard,
  Guard,
  DEFAULT_APPROVAL_TIMEOUT_MS,
  DEFAULT_RECORD_TIMEOUT_MS,
  type ApprovalRequest,
  type ApprovalResult,
  type EscalationEvent,
  type Admission,
  type GuardCall,
  type GuardDecision,
  type GuardOptions,
  type GuardRule,
  type GuardUsage,
  type CallOptions,
  type ShadowDecision,
} from "./guard.js";
export { traceParentFromMeta, tracingAvailable, type TraceParent, type ApprovalOutcome } from "./telemetry.js";
export { GENESIS_HASH, argsDigest, recordHash, type DecisionRecord, type RecordSink } from "./decision-record.js";
export { verifyAuditLog, type AuditProblem, type AuditVerification } from "./audit-verify.js";
export {
  signPolicyHash,
  signatureProblem,
  keyId,
  signaturePathFor,
  SIGNATURE_FORMAT,
  type PolicySignature,
  type KeyInput,
} from "./policy-signature.js";
export { AexEventLog, type AexEvent } from "./aex-events.js";
