/** What a lint rule is, and what it is given. */
import type { Severity } from "../diagnostics.js";
import type { Spec } from "../model/index.js";

export interface Finding {
  /** Pointer in agentspec terms (/tools/<name>/approval); mapped into the source file for the report. */
  pointer: string;
  message: string;
  /** Point at the member's key instead of its value. */
  at?: "key" | "value";
  /** Overrides the rule's severity for this finding (a rule with two severities). */
  severity?: Severity;
  /** The tool or pattern the finding is about, so a suppression can name it. */
  tool?: string;
}

export interface RuleOptions {
  /** stale-review: how many days a review stays fresh. */
  staleReviewDays: number;
  /** The current date, so date rules can be tested; defaults to today. */
  now: Date;
}

export interface RuleContext {
  report(finding: Finding): void;
  options: RuleOptions;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** One line: what the rule finds. */
  description: string;
  /** Markdown: why it matters, a failing and a passing example, how to fix. */
  docs: string;
  check(spec: Spec, context: RuleContext): void;
}

export type RuleSetting = "off" | "warn" | "error";
