import { ruleDocs, SPEC_HEADER } from "../docs.js";
import { fieldName, lineOf } from "../spec-nodes.js";
import type { Rule } from "../types.js";

export const costAlertAboveCeiling: Rule = {
  id: "cost-alert-above-ceiling",
  severity: "error",
  description: "The cost alert threshold is at or above the per-loop cost ceiling",
  docs: ruleDocs({
    why: "The alert is meant to warn before the ceiling stops the loop. At or above the ceiling it never fires in time, so nobody hears about runaway cost until the run is cut off.",
    fails: `${SPEC_HEADER}tools:\n  crm.lookup: { effect: read }\nlimits: { max_usd_per_loop: 0.2, alert_usd: 0.25 }\n`,
    passes: `${SPEC_HEADER}tools:\n  crm.lookup: { effect: read }\nlimits: { max_usd_per_loop: 0.2, alert_usd: 0.14 }\n`,
    fix: "Lower `limits.alert_usd` below `limits.max_usd_per_loop` (AgentAz: `cost_boundary.alert_threshold_usd` below `max_usd_per_trace_loop`); 70% of the ceiling is common.",
  }),
  check(spec, { report }) {
    const { alert_usd: alert, max_usd_per_loop: ceiling } = spec.limits;
    if (alert === undefined || ceiling === undefined || alert < ceiling) return;
    const alertField = fieldName(spec, "/limits/alert_usd");
    const ceilingField = fieldName(spec, "/limits/max_usd_per_loop");
    report({
      pointer: "/limits/alert_usd",
      message: `${alertField} (${alert}) is at or above ${ceilingField} (${ceiling}, line ${lineOf(spec, "/limits/max_usd_per_loop")}): the alert cannot fire before the ceiling stops the loop`,
    });
  },
};
