import { agentaz } from "../../helpers/lint-rule.js";
import { testRule } from "../../helpers/rule-tester.js";

const now = new Date("2026-11-23T12:00:00Z");
const config = { options: { now } };
const spec = (reviewed: string) =>
  `agentspec: "1.0"\nagent:\n  id: demo\n  version: 1.0.0\n  last_reviewed: ${reviewed}\ntools:\n  crm.lookup: { effect: read }\n`;
const stale = (date: string, days: number, period = 180, field = "agent.last_reviewed") =>
  `Last reviewed ${date}, ${days} days ago (more than ${period}): review the spec and update ${field}`;

testRule("stale-review", {
  valid: [
    { name: "a review today", code: spec("2026-11-23"), config },
    { name: "a review exactly 180 days ago", code: spec("2026-05-27"), config },
    {
      name: "no review date",
      code: `agentspec: "1.0"\nagent: { id: demo, version: 1.0.0 }\ntools:\n  crm.lookup: { effect: read }\n`,
      config,
    },
    { name: "a review within staleReviewDays", code: spec("2026-11-01"), config: { options: { now, staleReviewDays: 30 } } },
  ],
  invalid: [
    {
      name: "a review 181 days ago",
      code: spec("2026-05-26"),
      config,
      errors: [{ line: 5, column: 18, message: stale("2026-05-26", 181) }],
    },
    {
      name: "a review date in the future, as an error",
      code: spec("2026-11-24"),
      config,
      errors: [
        {
          severity: "error",
          line: 5,
          column: 18,
          message: "agent.last_reviewed 2026-11-24 is in the future: set it to the date the review happened",
        },
      ],
    },
    {
      name: "staleReviewDays honoured",
      code: spec("2026-10-01"),
      config: { options: { now, staleReviewDays: 30 } },
      errors: [{ line: 5, column: 18, message: stale("2026-10-01", 53, 30) }],
    },
    {
      name: "a stale AgentAz last_reviewed, inside agentaz.json",
      file: "agentaz.json",
      code: agentaz({ last_reviewed: "2025-01-10" }),
      config,
      errors: [{ line: 7, column: 20, message: stale("2025-01-10", 682, 180, "last_reviewed") }],
    },
  ],
});
