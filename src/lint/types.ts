/** What a lint rule is, and what it is given. */
import type { ReportContext, Severity } from "../diagnostics.js";

export type { Finding } from "../diagnostics.js";
import type { Spec } from "../model/index.js";

export interface RuleOptions {
  /** stale-review: how many days a review stays fresh. */
  staleReviewDays: number;
  /** The current date, so date rules can be tested; defaults to today. */
  now: Date;
}

export interface RuleContext extends ReportContext {
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
