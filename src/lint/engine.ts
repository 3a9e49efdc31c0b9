/** Runs the registered rules over a Spec, applies configuration and in-spec suppressions. */
import type { Diagnostic, Severity } from "../diagnostics.js";
import type { Spec } from "../model/index.js";
import { rules as registeredRules } from "./rules/index.js";
import type { Finding, Rule, RuleOptions, RuleSetting } from "./types.js";

export interface LintConfig {
  /** Severity overrides by rule id. */
  rules?: Record<string, RuleSetting>;
  options?: Partial<RuleOptions>;
}

export const DEFAULT_RULE_OPTIONS: RuleOptions = { staleReviewDays: 180, now: new Date() };

export function lintSpec(spec: Spec, config: LintConfig = {}, rules: readonly Rule[] = registeredRules): Diagnostic[] {
  const options: RuleOptions = { ...DEFAULT_RULE_OPTIONS, now: new Date(), ...config.options };
  const diagnostics: Diagnostic[] = [];
  const used = new Set<number>();
  for (const rule of rules) {
    const setting = config.rules?.[rule.id];
    if (setting === "off") continue;
    const report = (finding: Finding): void => {
      const suppression = spec.suppressions.findIndex((s) => s.rule === rule.id && (s.tool === undefined || s.tool === finding.tool));
      if (suppression !== -1) {
        used.add(suppression);
        return;
      }
      const severity: Severity = setting === "warn" ? "warning" : setting === "error" ? "error" : (finding.severity ?? rule.severity);
      diagnostics.push(locate(spec, rule.id, severity, finding));
    };
    rule.check(spec, { report, options });
  }
  spec.suppressions.forEach((suppression, index) => {
    if (used.has(index) || config.rules?.[suppression.rule] === "off") return;
    const known = rules.some((r) => r.id === suppression.rule);
    const target = suppression.tool === undefined ? "" : ` for "${suppression.tool}"`;
    diagnostics.push(
      locate(spec, "unused-suppression", "warning", {
        pointer: `/suppressions/${index}`,
        message: known
          ? `Suppression of "${suppression.rule}"${target} suppresses nothing: remove it`
          : `Suppression names "${suppression.rule}", which is not a rule: see \`agentspec rules\``,
      }),
    );
  });
  return diagnostics;
}

function locate(spec: Spec, ruleId: string, severity: Severity, finding: Finding): Diagnostic {
  const pointer = spec.pointerFor(finding.pointer);
  return { ruleId, severity, message: finding.message, pointer, ...spec.source.locate(pointer, finding.at) };
}
