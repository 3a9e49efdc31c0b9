import { describe, expect, it } from "vitest";
import { lintFiles } from "../../src/lint/index.js";
import { corpusPath, hasCorpus } from "../helpers/corpus.js";

/**
 * The 42 AgentAz kits hold real contradictions (an A3 declared with execution tools absent, a
 * kit shipping refund tools under the same claim): these are the findings, and nothing else.
 * kit-tool-undeclared is left out: it lists most kit tools, which is its own test's business.
 */
describe.skipIf(!hasCorpus)("linting the AgentAz corpus", () => {
  it("reports the real contradictions", async () => {
    const { results } = await lintFiles([corpusPath("agentaz/kits")], { options: { now: new Date("2026-11-23T12:00:00Z") } });
    expect(results).toHaveLength(42);
    const rows = results.flatMap((r) =>
      r.diagnostics
        .filter((d) => d.ruleId !== "kit-tool-undeclared")
        .map(
          (d) =>
            `${r.file.split("/").slice(-2, -1)[0]} ${d.line}:${d.column} ${d.severity} ${d.ruleId} ${
              d.message
                .match(/"([^"]+)"|trust level (A\d)/)
                ?.slice(1)
                .find(Boolean) ?? ""
            }`,
        ),
    );
    expect(rows).toEqual([
      "access-request-handler 6:18 warning trust-level-mismatch A3",
      "access-request-handler 23:31 error execution-tools-contradiction provision_access",
      "access-request-handler 23:31 error execution-tools-contradiction A3",
      "alert-noise-reducer 23:31 error execution-tools-contradiction create_tuning_pr",
      "code-review-assistant 6:18 error trust-level-mismatch A2",
      "code-review-assistant 21:7 error execution-tools-contradiction post_comment",
      "code-review-assistant 24:31 error execution-tools-contradiction post_review",
      "flaky-test-triager 23:31 error execution-tools-contradiction quarantine_test",
      "flaky-test-triager 23:31 error execution-tools-contradiction file_issue",
      "issue-to-pr-planner 35:7 warning unknown-tool-reference deploy",
      "issue-to-pr-planner 36:7 warning unknown-tool-reference force_push",
      "phishing-report-analyzer 34:7 warning unknown-tool-reference delete_mail",
      "purchase-order-matcher 25:31 error execution-tools-contradiction approve_for_payment",
      "support-triage-router 24:31 error execution-tools-contradiction ticket_update",
      "support-triage-router 24:31 error execution-tools-contradiction send_reply",
      "support-triage-router 24:31 error execution-tools-contradiction refund_issue",
      "transaction-dispute-agent 6:18 warning trust-level-mismatch A3",
      "transaction-dispute-agent 23:31 error execution-tools-contradiction issue_refund",
      "transaction-dispute-agent 23:31 error execution-tools-contradiction A3",
    ]);
  });
});
