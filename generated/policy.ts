/* Generated from schema/policy.schema.json by `npm run generate`. Do not edit: change the schema and regenerate. */

/**
 * What a tool call does to the world: read reads only; draft prepares something a human sends or applies; write changes state that can be undone; irreversible cannot be undone (money, deletion, outbound messages).
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Effect".
 */
export type Effect = "read" | "draft" | "write" | "irreversible";

/**
 * A compiled agentspec runtime policy: what decide() enforces. Canonical JSON (RFC 8785) with a sha256 over that form, so a runtime can pin the exact policy that was reviewed.
 */
export interface Policy {
  /**
   * The policy format and its version.
   */
  format: "agentspec-policy/1";
  /**
   * The agent the policy is for.
   */
  agent: {
    /**
     * The agent id.
     */
    id: string;
    /**
     * The spec version compiled.
     */
    version: string;
  };
  /**
   * What a call no rule allows gets: always deny.
   */
  default: "deny";
  /**
   * Denied tool patterns, checked first: a match denies whatever the allowlist says.
   */
  deny: {
    /**
     * The tool pattern (* any run of characters, ? one character).
     */
    pattern: string;
    /**
     * Why it is denied.
     */
    reason?: string;
  }[];
  /**
   * The allowlist, keyed by tool name or pattern.
   */
  tools: {
    [k: string]: PolicyTool;
  };
  /**
   * Budgets and rate limits a guard enforces over a run.
   */
  budgets: {
    /**
     * The most tool calls in one run (aex budget calls).
     */
    max_tool_calls?: number;
    /**
     * The most reasoning turns in one run.
     */
    max_turns?: number;
    /**
     * The cost ceiling per trace loop, in US dollars.
     */
    max_usd_per_loop?: number;
    /**
     * The cost at which an alert fires; must be below max_usd_per_loop.
     */
    alert_usd?: number;
    /**
     * The most model tokens in one session.
     */
    max_tokens_per_session?: number;
    /**
     * The most sessions in one day.
     */
    max_sessions_per_day?: number;
    /**
     * The most model calls for one task.
     */
    max_model_calls_per_task?: number;
    /**
     * The most tool calls per minute.
     */
    rate_per_minute?: number;
    /**
     * The most tasks in flight at once.
     */
    max_concurrency?: number;
  };
  /**
   * Output constraints.
   */
  outputs?: {
    /**
     * direct: outputs take effect; propose_only: outputs are proposals a separate, approved step applies; draft_only: outputs are drafts a human sends.
     */
    mode?: "direct" | "propose_only" | "draft_only";
    /**
     * Fields every output must carry (e.g. confidence, rationale).
     */
    required_fields?: string[];
    /**
     * Actions or tools the agent's output must never perform or contain.
     */
    never_emits?: string[];
  };
  redaction?: Redaction;
  handoff?: Handoff;
  audit?: Audit;
  /**
   * sha256 over the canonical JSON of the policy without this field.
   */
  hash: string;
}
/**
 * One allowed tool.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "PolicyTool".
 */
export interface PolicyTool {
  effect: Effect;
  /**
   * Present when a call needs human approval: always, or when its condition holds.
   */
  approval?: {
    when?: Condition;
    /**
     * Where approval requests go.
     */
    channel?: string;
    /**
     * Why approval is needed.
     */
    reason?: string;
  };
  /**
   * Hard argument limits: a call outside them is denied.
   */
  limits?: {
    [k: string]: ArgumentLimit;
  };
  /**
   * Resource scopes the tool may touch.
   */
  resources?: string[];
}
/**
 * When an approval gate applies. Compare one argument (arg) or one call context field (context) with exactly one operator, or combine conditions with any / all. Without a condition the gate always applies.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Condition".
 */
export interface Condition {
  /**
   * The argument to test; dotted paths reach nested values (e.g. recipient.domain).
   */
  arg?: string;
  /**
   * The call context field to test.
   */
  context?: "actor" | "tenant" | "environment";
  /**
   * Applies when the value is a number greater than this.
   */
  gt?: number;
  /**
   * Applies when the value is a number greater than or equal to this.
   */
  gte?: number;
  /**
   * Applies when the value is a number less than this.
   */
  lt?: number;
  /**
   * Applies when the value is a number less than or equal to this.
   */
  lte?: number;
  /**
   * Applies when the value equals this.
   */
  eq?: string | number | boolean;
  /**
   * Applies when the value is present and differs from this.
   */
  ne?: string | number | boolean;
  /**
   * Applies when the value is one of these.
   */
  in?: (string | number | boolean)[];
  /**
   * Applies when the value is present and none of these.
   */
  not_in?: (string | number | boolean)[];
  /**
   * Applies when at least one of these conditions applies.
   *
   * @minItems 1
   */
  any?: [Condition, ...Condition[]];
  /**
   * Applies when every one of these conditions applies.
   *
   * @minItems 1
   */
  all?: [Condition, ...Condition[]];
}
/**
 * A hard limit on one argument. A call whose argument breaks it is denied.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "ArgumentLimit".
 */
export interface ArgumentLimit {
  /**
   * The smallest allowed numeric value.
   */
  min?: number;
  /**
   * The largest allowed numeric value.
   */
  max?: number;
  /**
   * The longest allowed string, in characters.
   */
  max_length?: number;
  /**
   * The only allowed values.
   *
   * @minItems 1
   */
  one_of?: [string | number | boolean, ...(string | number | boolean)[]];
  /**
   * true denies a call that omits the argument.
   */
  required?: boolean;
}
/**
 * Redaction and data-loss-prevention rules applied before text reaches the model.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Redaction".
 */
export interface Redaction {
  /**
   * true makes redaction a policy requirement.
   */
  required?: boolean;
  /**
   * The redaction rules.
   */
  rules?: {
    /**
     * The kind of data, e.g. pii, secret, financial.
     */
    type: string;
    /**
     * The named detector, e.g. email, phone, api_key_like.
     */
    pattern: string;
    /**
     * What replaces a match (default [REDACTED]).
     */
    replacement?: string;
  }[];
  /**
   * The most characters of input text sent to the model per call.
   */
  max_chars_to_model?: number;
}
/**
 * When and to whom the agent hands over to a human.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Handoff".
 */
export interface Handoff {
  /**
   * Situations that hand over to a human (e.g. low_confidence, over_cap, or a tool name).
   */
  triggers?: string[];
  /**
   * Who receives the handoff, e.g. support_agent or slack:#oncall.
   */
  destination?: string;
  /**
   * The escalation message template or what it must contain.
   */
  message?: string;
  /**
   * Escalate after this many denied attempts at the same tool in one run.
   */
  escalate_after_denials?: number;
}
/**
 * What is recorded, and how.
 *
 * This interface was referenced by `Policy`'s JSON-Schema
 * via the `definition` "Audit".
 */
export interface Audit {
  /**
   * true: decision records are append-only (hash-chained).
   */
  append_only?: boolean;
  /**
   * What is logged (e.g. lookups, drafts, approvals).
   */
  logs?: string[];
  /**
   * How tool arguments appear in decision records: a digest (default), redacted, or in full.
   */
  record_arguments?: "digest" | "redacted" | "full";
  /**
   * How long records are kept.
   */
  retention_days?: number;
}
