/* Generated from schema/config.schema.json by `npm run generate`. Do not edit: change the schema and regenerate. */

/**
 * off: the rule does not run; warn: its findings are warnings; error: its findings are errors.
 *
 * This interface was referenced by `AgentspecConfig`'s JSON-Schema
 * via the `definition` "RuleSetting".
 */
export type RuleSetting = "off" | "warn" | "error";

/**
 * agentspec.config.json: how `agentspec lint` runs in this directory and below. Rule ids are checked against the registered rules when the file is loaded.
 */
export interface AgentspecConfig {
  /**
   * Path or URL of this schema, for editors.
   */
  $schema?: string;
  /**
   * Severity by rule id: "off" turns a rule off, "warn" and "error" override its default severity.
   */
  rules?: {
    [k: string]: RuleSetting;
  };
  options?: RuleOptions;
  /**
   * Glob patterns of files to leave out when a directory is searched, relative to the searched directory (start with ** / to match at any depth). A file named on the command line is always read.
   */
  ignore?: string[];
}
/**
 * Options some rules read.
 *
 * This interface was referenced by `AgentspecConfig`'s JSON-Schema
 * via the `definition` "RuleOptions".
 */
export interface RuleOptions {
  /**
   * How many days after agent.last_reviewed a spec counts as stale (stale-review). Default 180.
   */
  staleReviewDays?: number;
}
