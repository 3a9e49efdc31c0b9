/* Generated from schema/agentspec.schema.json by `npm run generate`. Do not edit: change the schema and regenerate. */

/**
 * What a tool call does to the world: read reads only; draft prepares something a human sends or applies; write changes state that can be undone; irreversible cannot be undone (money, deletion, outbound messages).
 *
 * This interface was referenced by `AgentSpec`'s JSON-Schema
 * via the `definition` "Effect".
 */
export type Effect = "read" | "draft" | "write" | "irreversible";
/**
 * A human approval gate: true to always require approval, or an object with an optional condition and channel.
 *
 * This interface was referenced by `AgentSpec`'s JSON-Schema
 * via the `definition` "Approval".
 */
export type Approval =
  | boolean
  | {
      when?: Condition;
      /**
       * Where approval requests go, e.g. slack:#support-escalations.
       */
      channel?: string;
      /**
       * Why this tool needs approval.
       */
      reason?: string;
    };
/**
 * A denied tool pattern, as a string or with a reason.
 *
 * This interface was referenced by `AgentSpec`'s JSON-Schema
 * via the `definition` "DenyEntry".
 */
export type DenyEntry =
  | string
  | {
      /**
       * The tool pattern: * matches any run of characters, ? one character.
       */
      pattern: string;
      /**
       * Why the pattern is denied; shown in decisions.
       */
      reason?: string;
    };
/**
 * What the policy decides for a call.
 *
 * This interface was referenced by `AgentSpec`'s JSON-Schema
 * via the `definition` "Decision".
 */
export type Decision = "allow" | "deny" | "require_approval";
/**
 * One MCP server: started with a command that speaks MCP on its stdin and stdout, or reached at a url over Streamable HTTP.
 *
 * This interface was referenced by `AgentSpec`'s JSON-Schema
 * via the `definition` "McpServer".
 */
export type McpServer = {
  /**
   * The program to run (looked up on PATH), e.g. npx or node.
   */
  command?: string;
  /**
   * Its arguments. ${env:NAME} in an argument is replaced by that environment variable's value when the server starts.
   */
  args?: string[];
  /**
   * Names of environment variables passed to the server from the environment agentspec runs in (never their values). Besides them the server gets only HOME, LOGNAME, PATH, SHELL, TERM and USER.
   */
  env?: string[];
  /**
   * The directory the server starts in, relative to this spec's directory (default: the spec's directory).
   */
  cwd?: string;
  /**
   * The MCP endpoint, e.g. https://mcp.example.com/mcp. ${env:NAME} is replaced by that environment variable's value; the URL must not hold credentials.
   */
  url?: string;
  /**
   * HTTP headers to send, by header name, each naming the environment variable that holds its value (e.g. Authorization: MCP_AUTHORIZATION), never the value itself.
   */
  headers?: {
    [k: string]: string;
  };
  /**
   * Put before each of this server's tool names to give its name in the spec (e.g. fs. makes read_file fs.read_file). Empty or absent: the names are used as the server gives them.
   */
  prefix?: string;
} & McpServer1;
export type McpServer1 =
  | {
      command: unknown;
    }
  | {
      url: unknown;
    };
/**
 * Authority class by worst-case action: A0 no tools, A1 read, A2 read and draft (recommend), A3 acts only with approval, A4 limited autonomy within bounds, A5 full autonomy.
 *
 * This interface was referenced by `AgentSpec`'s JSON-Schema
 * via the `definition` "TrustLevel".
 */
export type TrustLevel = "A0" | "A1" | "A2" | "A3" | "A4" | "A5";

/**
 * An agent authority spec: one reviewable file that says what an AI agent may do, what it must never do, where a human must approve, how it is bounded, and how it fails.
 */
export interface AgentSpec {
  /**
   * Optional pointer to this JSON Schema, for editor completion.
   */
  $schema?: string;
  /**
   * The spec format version. Only "1.0" exists.
   */
  agentspec: "1.0";
  agent: Agent;
  /**
   * The declared authority class (AgentAz A0-A5, by worst-case action). The linter computes the level from the tools and compares.
   */
  trust_level?: "A0" | "A1" | "A2" | "A3" | "A4" | "A5";
  /**
   * The agent's behavioural pattern, in AgentAz's vocabulary.
   */
  dna_pattern?:
    | "Research"
    | "Evaluation"
    | "Extraction"
    | "Planning"
    | "Synthesis"
    | "Execution"
    | "Escalation"
    | "Delegation"
    | "Autonomous";
  /**
   * The single most consequential thing the agent can do, stated plainly.
   */
  worst_case_action?: string;
  /**
   * What the agent is and is not authorized to do, in one or two sentences.
   */
  authority_boundary?: string;
  /**
   * How the agent treats its inputs (grounding, citing, untrusted text). Shown in the governance matrix.
   */
  context_handling?: string;
  memory?: Memory;
  execution?: Execution;
  /**
   * The allowlist: every tool the agent may call, keyed by tool name (dotted names such as crm.lookup are conventional). Anything not listed is denied.
   */
  tools: {
    [k: string]: Tool;
  };
  /**
   * Tool patterns that are always denied, whatever the allowlist says (deny wins). A pattern is a tool name where * matches any run of characters and ? one character, e.g. payment.*.
   */
  deny?: DenyEntry[];
  outputs?: Outputs;
  limits?: Limits;
  handoff?: Handoff;
  audit?: Audit;
  /**
   * Specific ways the agent can fail and how each is detected, contained and recovered from.
   */
  failure_modes?: FailureMode[];
  evaluation?: Evaluation;
  /**
   * Decision test cases: a tool call and the decision the compiled policy must return for it. Checked by `agentspec test` and by the linter.
   */
  tests?: DecisionTest[];
  /**
   * Lint findings deliberately accepted in this spec, each with the reason a reviewer agreed to.
   */
  suppressions?: Suppression[];
  extensions?: Extensions;
  mcp?: Mcp;
}
/**
 * Who the agent is and who answers for it.
 *
 * This interface was referenced by `AgentSpec`'s JSON-Schema
 * via the `definition` "Agent".
 */
export interface Agent {
  /**
   * Stable identifier: lower-case letters, digits, '.', '_' and '-'. Compiled files are named after it.
   */
  id: string;
  /**
   * The version of this spec (semantic versioning is conventional).
   */
  version: string;
  /**
   * A human-readable name.
   */
  name?: string;
  /**
   * What the agent is for, in one sentence. Shown as the agent goal in the governance matrix.
   */
  goal?: string;
  /**
   * The team or person accountable for the agent.
   */
  owner?: string;
  /**
   * The date (YYYY-MM-DD) this spec was last reviewed by a person.
   */
  last_reviewed?: string;
}
/**
 * What the agent remembers, and for how long.
 *
 * This interface was referenced by `AgentSpec`'s JSON-Schema
 * via the `definition` "Memory".
 */
export interface Memory {
  /**
   * none: stateless; task_scoped: working context for one task only; session: kept for one session; persistent: kept across sessions.
   */
  strategy: "none" | "task_scoped" | "session" | "persistent";
  /**
   * Details: what is kept, where, and for how long.
   */
  description?: string;
}
/**
 * How tool execution is constrained as a whole.
 *
 * This interface was referenced by `AgentSpec`'s JSON-Schema
 * via the `definition` "Execution".
 */
export interface Execution {
  /**
   * true declares that the agent has no tools that change state (no write or irreversible tools). The linter checks the claim (AgentAz execution_tools_absent).
   */
  tools_absent?: boolean;
  /**
   * Tool calls run in an isolated sandbox.
   */
  sandboxed?: boolean;
  /**
   * Every state-changing tool must have a registered rollback.
   */
  rollback_required?: boolean;
}
/**
 * One allowed tool and the conditions on its use.
 *
 * This interface was referenced by `AgentSpec`'s JSON-Schema
 * via the `definition` "Tool".
 */
export interface Tool {
  effect: Effect;
  /**
   * What the tool does.
   */
  description?: string;
  /**
   * The resources the tool may touch, as scope patterns (e.g. customers/*, queue/tier-1).
   */
  resources?: string[];
  approval?: Approval;
  /**
   * Hard limits on arguments, keyed by argument name: a call outside them is denied, with or without approval.
   */
  limits?: {
    [k: string]: ArgumentLimit;
  };
}
/**
 * When an approval gate applies. Compare one argument (arg) or one call context field (context) with exactly one operator, or combine conditions with any / all. Without a condition the gate always applies.
 *
 * This interface was referenced by `AgentSpec`'s JSON-Schema
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
 * This interface was referenced by `AgentSpec`'s JSON-Schema
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
 * What the agent may produce and how its inputs are protected.
 *
 * This interface was referenced by `AgentSpec`'s JSON-Schema
 * via the `definition` "Outputs".
 */
export interface Outputs {
  /**
   * direct: outputs take effect; propose_only: outputs are proposals a separate, approved step applies; draft_only: outputs are drafts a human sends.
   */
  mode?: "direct" | "propose_only" | "draft_only";
  /**
   * The output format, e.g. structured_json or markdown.
   */
  format?: string;
  /**
   * Fields every output must carry (e.g. confidence, rationale).
   */
  required_fields?: string[];
  /**
   * Actions or tools the agent's output must never perform or contain.
   */
  never_emits?: string[];
  redaction?: Redaction;
}
/**
 * Redaction and data-loss-prevention rules applied before text reaches the model.
 *
 * This interface was referenced by `AgentSpec`'s JSON-Schema
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
 * Budgets and bounds on a run of the agent.
 *
 * This interface was referenced by `AgentSpec`'s JSON-Schema
 * via the `definition` "Limits".
 */
export interface Limits {
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
}
/**
 * When and to whom the agent hands over to a human.
 *
 * This interface was referenced by `AgentSpec`'s JSON-Schema
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
 * This interface was referenced by `AgentSpec`'s JSON-Schema
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
/**
 * One way the agent can fail.
 *
 * This interface was referenced by `AgentSpec`'s JSON-Schema
 * via the `definition` "FailureMode".
 */
export interface FailureMode {
  /**
   * What goes wrong.
   */
  mode: string;
  /**
   * How it is noticed.
   */
  detection: string;
  /**
   * What limits the damage.
   */
  mitigation: string;
  /**
   * How things are put right.
   */
  recovery: string;
}
/**
 * How the agent's quality is measured.
 *
 * This interface was referenced by `AgentSpec`'s JSON-Schema
 * via the `definition` "Evaluation".
 */
export interface Evaluation {
  /**
   * What matters most, and why.
   */
  primary?: string;
  /**
   * The metrics.
   */
  metrics?: {
    /**
     * The metric's name.
     */
    name: string;
    /**
     * What it measures.
     */
    description?: string;
    /**
     * The target, e.g. >= 0.98.
     */
    target?: string;
  }[];
  /**
   * How the metrics are measured.
   */
  approach?: string;
}
/**
 * One decision test case.
 *
 * This interface was referenced by `AgentSpec`'s JSON-Schema
 * via the `definition` "DecisionTest".
 */
export interface DecisionTest {
  /**
   * What the case checks.
   */
  name?: string;
  call: ToolCall;
  expect: Decision;
}
/**
 * A tool call as a runtime sees it.
 *
 * This interface was referenced by `AgentSpec`'s JSON-Schema
 * via the `definition` "ToolCall".
 */
export interface ToolCall {
  /**
   * The tool name.
   */
  tool: string;
  /**
   * The call's arguments.
   */
  args?: {};
  /**
   * Who makes the call, for whom, and where.
   */
  context?: {
    /**
     * The user or service on whose behalf the agent acts.
     */
    actor?: string;
    /**
     * The tenant the call is for.
     */
    tenant?: string;
    /**
     * Where the call runs, e.g. production.
     */
    environment?: string;
  };
}
/**
 * One accepted lint finding.
 *
 * This interface was referenced by `AgentSpec`'s JSON-Schema
 * via the `definition` "Suppression".
 */
export interface Suppression {
  /**
   * The rule id to suppress.
   */
  rule: string;
  /**
   * Only findings about this tool or pattern; all the rule's findings in this spec when absent.
   */
  tool?: string;
  /**
   * Why the finding is accepted (required).
   */
  reason: string;
}
/**
 * Fields of other systems that agentspec has no place for, keyed by system name, so a round trip through agentspec keeps them: `agentspec import` fills them and the target of the same system restores them. agentspec itself neither checks nor enforces them. `agentaz`: AgentAz fields by their AgentAz names (e.g. `tags`, `$schema`, `tool_boundary: { read_only: true }`), and `ungated_tools_field` (`allowed_tools` or `auto_executable_tools`): which AgentAz list held the tools without approval.
 *
 * This interface was referenced by `AgentSpec`'s JSON-Schema
 * via the `definition` "Extensions".
 */
export interface Extensions {
  /**
   * One system's fields, free-form.
   */
  [k: string]: {};
}
/**
 * The MCP servers that provide this spec's tools, so `agentspec mcp check` and `agentspec mcp lock` can start or reach them and compare what they offer with the spec. A tool's name in the spec is its server's prefix followed by its name on the server: with one server the prefix is usually empty; with several, give each a prefix (e.g. `fs.`) so no two servers' tools share a name. Never put secret values here: environment variables and headers are named, and their values come from the environment at check time.
 *
 * This interface was referenced by `AgentSpec`'s JSON-Schema
 * via the `definition` "Mcp".
 */
export interface Mcp {
  /**
   * The servers, keyed by a name of your choice (letters, digits, '_' and '-').
   */
  servers: {
    [k: string]: McpServer;
  };
}
