import { computeTrustLevel, trustLevelRank } from "../../tier/index.js";
import { ruleDocs, SPEC_HEADER } from "../docs.js";
import type { TrustLevel } from "../../model/index.js";
import type { Rule } from "../types.js";

/**
 * Declared lower than computed understates the agent's authority: an error. Declared higher is
 * only conservative: a warning. When the effects were inferred from names (AgentAz) and both
 * levels sit in the A1–A2 band, nothing is reported: AgentAz tells A1 (inform) from A2
 * (recommend) by what the agent's output is for, which no tool name shows (read_evidence and
 * flag_gap recommend in a control monitor), so the band is advisory there, as in AgentAz's own
 * validator.
 */
export const trustLevelMismatch: Rule = {
  id: "trust-level-mismatch",
  severity: "error",
  description: "The declared trust level differs from the one computed from the tools",
  docs: ruleDocs({
    why: "The trust level is what reviewers and runtimes read first. agentspec computes it from the tools' effects and gates (see `agentspec tier`); a declared level below it hides authority the agent has (an error), one above it over-states it (a warning).",
    fails: `${SPEC_HEADER}trust_level: A2\ntools:\n  tickets.respond: { effect: write }\nlimits: { max_tool_calls: 20, max_usd_per_loop: 0.5 }\naudit: { append_only: true }\n`,
    passes: `${SPEC_HEADER}trust_level: A4\ntools:\n  tickets.respond: { effect: write }\nlimits: { max_tool_calls: 20, max_usd_per_loop: 0.5 }\naudit: { append_only: true }\n`,
    fix: "Run `agentspec tier <file>` to see why the level was computed. Declare that level, or change the tools (gate them, lower their effect) until the computed level is the one you mean.",
  }),
  check(spec, { report }) {
    const declared = spec.declaredTrustLevel;
    if (declared === undefined) return;
    const computed = computeTrustLevel(spec);
    if (declared === computed.level) return;
    if (computed.inferred && inAdvisoryBand(declared) && inAdvisoryBand(computed.level)) return;
    const lower = trustLevelRank(declared) < trustLevelRank(computed.level);
    const why = computed.explanation.replace(/^A[0-5]: /, "");
    report({
      pointer: "/trust_level",
      severity: lower ? "error" : "warning",
      message: lower
        ? `Declared trust level ${declared} is lower than the computed ${computed.level}: ${why}`
        : `Declared trust level ${declared} is higher than the computed ${computed.level}: ${why}`,
    });
  },
};

function inAdvisoryBand(level: TrustLevel): boolean {
  return level === "A1" || level === "A2";
}
