import { describe, expect, it } from "vitest";
import { agentaz, findings } from "../../helpers/lint-rule.js";

const RULE = "stale-review";
const now = new Date("2026-11-23T12:00:00Z");
const spec = (reviewed: string) =>
  `agentspec: "1.0"\nagent:\n  id: demo\n  version: 1.0.0\n  last_reviewed: ${reviewed}\ntools:\n  crm.lookup: { effect: read }\n`;

describe(RULE, () => {
  it.each([
    ["a review today", spec("2026-11-23")],
    ["a review exactly 180 days ago", spec("2026-05-27")],
    ["no review date", `agentspec: "1.0"\nagent: { id: demo, version: 1.0.0 }\ntools:\n  crm.lookup: { effect: read }\n`],
  ])("passes %s", (_, text) => {
    expect(findings(RULE, text, undefined, { options: { now } })).toEqual([]);
  });

  it.each([
    {
      name: "a review 181 days ago",
      text: spec("2026-05-26"),
      expected: [
        {
          severity: "warning",
          message: "Last reviewed 2026-05-26, 181 days ago (more than 180): review the spec and update agent.last_reviewed",
        },
      ],
    },
    {
      name: "a review date in the future, as an error",
      text: spec("2026-11-24"),
      expected: [{ severity: "error", message: "agent.last_reviewed 2026-11-24 is in the future: set it to the date the review happened" }],
    },
  ])("reports $name", ({ text, expected }) => {
    expect(findings(RULE, text, undefined, { options: { now } })).toEqual(
      expected.map((e) => ({ ruleId: RULE, line: 5, column: 18, ...e })),
    );
  });

  it("honours staleReviewDays", () => {
    const found = findings(RULE, spec("2026-10-01"), undefined, { options: { now, staleReviewDays: 30 } });
    expect(found.map((f) => f.message)).toEqual([
      "Last reviewed 2026-10-01, 53 days ago (more than 30): review the spec and update agent.last_reviewed",
    ]);
  });

  it("reports a stale AgentAz last_reviewed inside agentaz.json", () => {
    const found = findings(RULE, agentaz({ last_reviewed: "2025-01-10" }), "agentaz.json", { options: { now } });
    expect(found).toEqual([
      {
        ruleId: RULE,
        severity: "warning",
        line: 7,
        column: 20,
        message: "Last reviewed 2025-01-10, 682 days ago (more than 180): review the spec and update last_reviewed",
      },
    ]);
  });
});
