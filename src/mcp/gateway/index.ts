/** The MCP gateway: a policy enforced between an MCP client and server (`agentspec mcp proxy`). */
export {
  createMcpGateway,
  DEFAULT_GATEWAY_MAX_MESSAGE_BYTES,
  DEFAULT_APPROVAL_TIMEOUT_MS,
  type McpGateway,
  type McpGatewayOptions,
  type GatewayExit,
  type UpstreamSpec,
} from "./gateway.js";
export type { StdioUpstreamSpec } from "./upstream-stdio.js";
export type { HttpUpstreamSpec } from "./upstream-http.js";
export { DEFAULT_MAX_SESSIONS, DEFAULT_SESSION_IDLE_TIMEOUT_MS, isLoopback, MCP_PATH, type ListenSpec } from "./settings.js";
export { DECISION_META_KEY } from "./tool-results.js";
export { loadPins, pinVerdict, type GatewayLockOption, type Pins, type PinVerdict } from "./pinning.js";
export { TURN_META_KEY, COST_META_KEY, PIN_LIST_DEADLINE_MS } from "./session.js";
export {
  approverFromSetting,
  webhookApprover,
  ttyApprover,
  elicitApprover,
  signBody,
  SIGNATURE_HEADER,
  REQUEST_TYPE,
  ANSWER_TYPE,
  DEFAULT_KEY_ENV,
  type ApprovalAsk,
  type ApprovalClient,
  type GatewayApprover,
  type WebhookApproverOptions,
  type WebhookApprovalRequest,
  type WebhookApprovalAnswer,
  type TtyApproverOptions,
} from "./approvals/index.js";
