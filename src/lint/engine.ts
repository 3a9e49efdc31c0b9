/** Runs the registered rules over a Spec, applies configuration and in-spec suppressions. */
import { closestName, internalDiagnostic, type Diagnostic, type Finding, type Severity } from "../diagnostics.js";
import { locateFinding, type Spec, type Suppression } from "../model/index.js";
import { isBuiltinRule, MCP_RULE_IDS, UNUSED_SUPPRESSION } from "./catalog.js";
import { rules as registeredRules } from "./rules/index.js";
import type { LintRun, Rule, RuleOptions, RuleSetting } from "./types.js";

export interface LintConfig {
  /** Severity overrides by rule id. */
  rules?: Record<string, RuleSetting>;
  options?: Partial<RuleOptions>;
}

export const DEFAULT_RULE_OPTIONS: RuleOptions = { staleReviewDays: 180, now: new Date() };

export interface LintSpecOptions {
  /**
   * "run": report unused suppressions only of the rules given (for a run of some rules beside the
   * others, as `mcp check` runs the MCP rules). By default every suppression is checked, except
   * those of MCP rules when they are not among the rules given: they run elsewhere.
   */
  suppressionsOf?: "all" | "run";
  /** The run this spec is linted in (createLintRun): cross-file rules compare it with the specs linted before. */
  run?: LintRunState;
}

/** What the rules of one run over several files keep, by rule id. */
export type LintRunState = Map<string, unknown>;

/** A new run: pass it to every lintSpec of the files linted together, in order. */
export function createLintRun(): LintRunState {
  return new Map();
}

function runOf(state: LintRunState, ruleId: string): LintRun {
  return {
    memory<T>(init: () => T): T {
      if (!state.has(ruleId)) state.set(ruleId, init());
      return state.get(ruleId) as T;
    },
  };
}

export function lintSpec(
  spec: Spec,
  config: LintConfig = {},
  rules: readonly Rule[] = registeredRules,
  { suppressionsOf = "all", run }: LintSpecOptions = {},
): Diagnostic[] {
  const options: RuleOptions = { ...DEFAULT_RULE_OPTIONS, now: new Date(), ...config.options };
  const diagnostics: Diagnostic[] = [];
  const used = new Set<number>();
  for (const rule of rules) {
    const setting = config.rules?.[rule.id];
    if (setting === "off") continue;
    const report = (finding: Finding): void => {
      // The first matching suppression takes the finding, so a later duplicate shows as unused.
      const suppression = spec.suppressions.findIndex((s) => suppresses(s, rule.id, finding));
      if (suppression !== -1) {
        used.add(suppression);
        return;
      }
      diagnostics.push(locateFinding(spec, rule.id, configuredSeverity(setting, finding.severity ?? rule.severity), finding));
    };
    try {
      rule.check(spec, { report, options, ...(run && { run: runOf(run, rule.id) }) });
    } catch (error) {
      // A rule that throws is a bug in the rule, not in the spec: one diagnostic, the others run.
      diagnostics.push(internalDiagnostic("rule", rule.id, spec.source.file, error));
    }
  }
  const unusedSetting = config.rules?.[UNUSED_SUPPRESSION];
  if (unusedSetting === "off") return diagnostics;
  spec.suppressions.forEach((suppression, index) => {
    // A rule turned off in the config finds nothing, and that is no fault of the spec.
    if (used.has(index) || config.rules?.[suppression.rule] === "off") return;
    const ran = rules.some((r) => r.id === suppression.rule);
    if (!ran && (suppressionsOf === "run" || MCP_RULE_IDS.includes(suppression.rule))) return;
    const message = unusedMessage(suppression, rules);
    const severity = configuredSeverity(unusedSetting, "warning");
    diagnostics.push(locateFinding(spec, UNUSED_SUPPRESSION, severity, { pointer: `/suppressions/${index}`, message }));
  });
  return diagnostics;
}

function suppresses(suppression: Suppression, ruleId: string, finding: Finding): boolean {
  return suppression.rule === ruleId && (suppression.tool === undefined || suppression.tool === finding.tool);
}

function configuredSeverity(setting: RuleSetting | undefined, fallback: Severity): Severity {
  if (setting === "warn") return "warning";
  if (setting === "error") return "error";
  return fallback;
}

function unusedMessage(suppression: Suppression, rules: readonly Rule[]): string {
  const name = suppression.rule;
  if (rules.some((r) => r.id === name)) {
    const target = suppression.tool === undefined ? "" : ` for "${suppression.tool}"`;
    return `Suppression of "${name}"${target} suppresses nothing: remove it`;
  }
  if (isBuiltinRule(name))
    return `Suppression names "${name}", which cannot be suppressed: fix the finding instead, or remove the suppression`;
  const suggestion = closestName(name, [...rules.map((r) => r.id), UNUSED_SUPPRESSION], { ignoreCase: true });
  return `Suppression names "${name}", which is not a rule: ${suggestion ? `did you mean "${suggestion}"?` : "see `agentspec rules`"}`;
}
