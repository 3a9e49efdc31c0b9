import { ruleDocs } from "../docs.js";
import { fieldName } from "../spec-nodes.js";
import type { Rule } from "../types.js";

const DAY_MS = 24 * 60 * 60 * 1000;

export const staleReview: Rule = {
  id: "stale-review",
  severity: "warning",
  description: "The spec's last review is older than the review period, or dated in the future",
  docs: ruleDocs({
    why: "An authority spec is only as good as its last review: tools, owners and risks change. A review older than `staleReviewDays` (180 by default) is due; a review date in the future is an error, since no one has reviewed that version yet.",
    fails: `agentspec: "1.0"\nagent: { id: demo, version: 1.0.0, last_reviewed: 2024-01-15 }\ntools:\n  crm.lookup: { effect: read }\n`,
    passes: `agentspec: "1.0"\nagent: { id: demo, version: 1.0.0, last_reviewed: 2026-11-02 }\ntools:\n  crm.lookup: { effect: read }\n`,
    fix: "Review the spec with its owner and set `agent.last_reviewed` (AgentAz: `last_reviewed`) to the date of that review.",
  }),
  check(spec, { report, options }) {
    const written = spec.agent.last_reviewed;
    if (written === undefined) return;
    const reviewed = Date.parse(written.length === 10 ? `${written}T00:00:00Z` : written);
    if (Number.isNaN(reviewed)) return;
    const field = fieldName(spec, "/agent/last_reviewed");
    const now = options.now.getTime();
    if (reviewed > now) {
      report({
        pointer: "/agent/last_reviewed",
        severity: "error",
        message: `${field} ${written} is in the future: set it to the date the review happened`,
      });
      return;
    }
    const days = Math.floor((now - reviewed) / DAY_MS);
    if (days <= options.staleReviewDays) return;
    report({
      pointer: "/agent/last_reviewed",
      message: `Last reviewed ${written}, ${days} days ago (more than ${options.staleReviewDays}): review the spec and update ${field}`,
    });
  },
};
