/* Generated from schema/agentaz-input.schema.json by `npm run generate`. Do not edit: change the schema and regenerate. */

/**
 * What agentspec reads from an AgentAz v1.0 agentaz.json: the fields AgentAz requires, and the shape of the boundary objects agentspec maps into its model. Unknown fields are allowed, as AgentAz allows them.
 */
export interface AgentAzInput {
  /**
   * The AgentAz schema the file names.
   */
  $schema?: string;
  /**
   * Stable identifier for the agent.
   */
  agent_id: string;
  /**
   * Spec instance version for this agent.
   */
  version: string;
  /**
   * Declared authority class by worst-case action.
   */
  trust_level: "A0" | "A1" | "A2" | "A3" | "A4" | "A5";
  /**
   * The agent's behavioural pattern.
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
   * The single most consequential action the agent can take.
   */
  worst_case_action: string;
  /**
   * What the agent is and is not authorized to do.
   */
  authority_boundary: string;
  /**
   * The date of the last review (YYYY-MM-DD).
   */
  last_reviewed: string;
  /**
   * Free-form tags.
   */
  tags?: string[];
  /**
   * Allowed tools, execution gating, and approval-required actions.
   */
  tool_boundary: {
    /**
     * Tools the agent may call (first shape).
     */
    allowed_tools?: string[];
    /**
     * Tools that run without approval (second shape).
     */
    auto_executable_tools?: string[];
    /**
     * Tools that run only after human approval.
     */
    approval_required_tools?: string[];
    /**
     * true declares that no state-changing tools exist.
     */
    execution_tools_absent?: boolean;
    /**
     * true declares that every tool only reads.
     */
    read_only?: boolean;
    /**
     * Every executed action must have a rollback.
     */
    rollback_required?: boolean;
    /**
     * Changes are made on an isolated branch.
     */
    branch_isolated?: boolean;
  };
  /**
   * Output format and what the agent never emits.
   */
  output_boundary?: {
    /**
     * The output format.
     */
    format?: string;
    /**
     * Actions the output must never contain.
     */
    never_emits?: string[];
    /**
     * Actions never emitted without approval.
     */
    never_without_approval?: string[];
  };
  /**
   * Per-loop cost ceiling.
   */
  cost_boundary?: {
    /**
     * Cost ceiling per trace loop, USD.
     */
    max_usd_per_trace_loop?: number;
    /**
     * Cost at which an alert fires, USD.
     */
    alert_threshold_usd?: number;
  };
  /**
   * Maximum reasoning turns.
   */
  loop_boundary?: {
    /**
     * The most reasoning turns per run.
     */
    max_reasoning_turns?: number;
  };
  /**
   * Escalation triggers and destination.
   */
  human_handoff?: {
    /**
     * What hands over to a human.
     */
    triggers?: string[];
    /**
     * Who receives the handoff.
     */
    destination?: string;
  };
  /**
   * Append-only logging requirements.
   */
  audit?: {
    /**
     * Records are append-only.
     */
    append_only?: boolean;
    /**
     * What is logged.
     */
    logs?: string[];
  };
  [k: string]: unknown;
}
