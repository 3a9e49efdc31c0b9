/** The approvers `--approve` names, in one list: `webhook:<url>`, `tty`, `elicit`. */
import { AgentspecError } from "../../../errors.js";
import { elicitApprover } from "./elicit.js";
import { ttyApprover } from "./tty.js";
import type { GatewayApprover } from "./types.js";
import { DEFAULT_KEY_ENV, webhookApprover } from "./webhook.js";

export { elicitApprover } from "./elicit.js";
export { ttyApprover, type TtyApproverOptions } from "./tty.js";
export {
  webhookApprover,
  signBody,
  SIGNATURE_HEADER,
  REQUEST_TYPE,
  ANSWER_TYPE,
  DEFAULT_KEY_ENV,
  type WebhookApproverOptions,
  type WebhookApprovalRequest,
  type WebhookApprovalAnswer,
} from "./webhook.js";
export type { ApprovalAsk, ApprovalClient, GatewayApprover } from "./types.js";

export interface ApproverSetting {
  /** The environment to read the webhook key from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** The variable holding the webhook's HMAC key (default AGENTSPEC_APPROVAL_KEY). */
  keyEnv?: string;
}

interface ApproverKind {
  id: string;
  usage: string;
  create(argument: string | undefined, setting: ApproverSetting): GatewayApprover;
}

const APPROVERS: ApproverKind[] = [
  {
    id: "webhook",
    usage: "webhook:<url>",
    create(url, setting) {
      if (!url)
        throw new AgentspecError("BAD_ARGUMENT", "--approve webhook needs the URL: --approve webhook:https://approvals.example/agentspec");
      const keyEnv = setting.keyEnv ?? DEFAULT_KEY_ENV;
      const key = (setting.env ?? process.env)[keyEnv];
      if (!key) {
        throw new AgentspecError(
          "BAD_ARGUMENT",
          `--approve webhook signs and checks with an HMAC key from the environment variable ${keyEnv}, which is not set: export ${keyEnv}=$(openssl rand -hex 32), the same key the webhook uses`,
        );
      }
      return webhookApprover({ url, key });
    },
  },
  { id: "tty", usage: "tty", create: () => ttyApprover() },
  { id: "elicit", usage: "elicit", create: () => elicitApprover() },
];

/** The approver an `--approve` value names. */
export function approverFromSetting(value: string, setting: ApproverSetting = {}): GatewayApprover {
  const colon = value.indexOf(":");
  const id = colon === -1 ? value : value.slice(0, colon);
  const argument = colon === -1 ? undefined : value.slice(colon + 1);
  const kind = APPROVERS.find((a) => a.id === id);
  if (!kind) {
    throw new AgentspecError("BAD_ARGUMENT", `--approve ${value} names no approver: use ${APPROVERS.map((a) => a.usage).join(", ")}`);
  }
  if (argument !== undefined && kind.id !== "webhook") throw new AgentspecError("BAD_ARGUMENT", `--approve ${kind.id} takes no argument`);
  return kind.create(argument, setting);
}
