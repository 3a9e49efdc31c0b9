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
  /**
   * A run over several files (lintFiles, compile): what this rule kept of the files linted
   * before this one, for rules that compare files (duplicate-agent-id). Absent when one spec is
   * linted alone (lintSource, stdin), where such a rule finds nothing.
   */
  run?: LintRun;
}

/** What one rule keeps from file to file during a run. */
export interface LintRun {
  /** This rule's memory for the run, made by `init` on the rule's first use. */
  memory<T>(init: () => T): T;
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
