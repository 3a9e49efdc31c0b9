/** The one list of lint rules, sorted by id. Adding a rule is adding its file and a line here. */
import { approvalOnDeniedTool } from "./approval-on-denied-tool.js";
import { approvalWithoutChannel } from "./approval-without-channel.js";
import { auditMissing } from "./audit-missing.js";
import { costAlertAboveCeiling } from "./cost-alert-above-ceiling.js";
import { decisionTestFailed } from "./decision-test-failed.js";
import { denyOverlapsAllow } from "./deny-overlaps-allow.js";
import { duplicateAgentId } from "./duplicate-agent-id.js";
import { executionToolsContradiction } from "./execution-tools-contradiction.js";
import { failureModesMissing } from "./failure-modes-missing.js";
import { irreversibleWithoutApproval } from "./irreversible-without-approval.js";
import { kitToolUndeclared } from "./kit-tool-undeclared.js";
import { missingHandoffDestination } from "./missing-handoff-destination.js";
import { missingHandoffTriggers } from "./missing-handoff-triggers.js";
import { neverEmitsAllowed } from "./never-emits-allowed.js";
import { redactionWithoutRules } from "./redaction-without-rules.js";
import { redundantDeny } from "./redundant-deny.js";
import { staleReview } from "./stale-review.js";
import { suspiciousToolName } from "./suspicious-tool-name.js";
import { toolNamesFoldTogether } from "./tool-names-fold-together.js";
import { trustLevelMismatch } from "./trust-level-mismatch.js";
import { unboundedAutonomy } from "./unbounded-autonomy.js";
import { unknownToolReference } from "./unknown-tool-reference.js";
import { wildcardAllow } from "./wildcard-allow.js";
import type { Rule } from "../types.js";

export const rules: readonly Rule[] = [
  approvalOnDeniedTool,
  approvalWithoutChannel,
  auditMissing,
  costAlertAboveCeiling,
  decisionTestFailed,
  denyOverlapsAllow,
  duplicateAgentId,
  executionToolsContradiction,
  failureModesMissing,
  irreversibleWithoutApproval,
  kitToolUndeclared,
  missingHandoffDestination,
  missingHandoffTriggers,
  neverEmitsAllowed,
  redactionWithoutRules,
  redundantDeny,
  staleReview,
  suspiciousToolName,
  toolNamesFoldTogether,
  trustLevelMismatch,
  unboundedAutonomy,
  unknownToolReference,
  wildcardAllow,
];
