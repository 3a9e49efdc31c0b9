import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintChecked } from "../../src/lint/index.js";
import { parseSource } from "../../src/load/index.js";
import { checkSource } from "../../src/model/index.js";

/** The example specs' review dates are fixed, so the test is too. */
const config = { options: { now: new Date("2026-11-23T12:00:00Z") } };
const SPECS = path.resolve(import.meta.dirname, "../../specs");
const files = readdirSync(SPECS).filter((f) => f.endsWith(".agentspec.yaml"));

type Doc = Record<string, any>;

/** Lints an example spec after `edit` changed its parsed data in memory. */
function lintEdited(file: string, edit: (doc: Doc) => void) {
  const source = parseSource(`specs/${file}`, readFileSync(path.join(SPECS, file), "utf8"));
  edit(source.data as Doc);
  return lintChecked(checkSource(source), config).diagnostics;
}

describe("the example specs", () => {
  it("are the five seed systems", () => {
    expect(files).toEqual([
      "customer-email.agentspec.yaml",
      "customer-support.agentspec.yaml",
      "order-support.agentspec.yaml",
      "support-ticket.agentspec.yaml",
      "ticket-routing.agentspec.yaml",
    ]);
  });

  it.each(files)("%s lints clean", (file) => {
    expect(lintEdited(file, () => {})).toEqual([]);
  });

  it.each([
    {
      file: "order-support.agentspec.yaml",
      safeguard: "the handoff destination",
      edit: (d: Doc) => delete d.handoff.destination,
      rule: "missing-handoff-destination",
      message: "Handoff has 3 triggers but no destination: name who takes over in handoff.destination",
    },
    {
      file: "support-ticket.agentspec.yaml",
      safeguard: "the handoff",
      edit: (d: Doc) => delete d.handoff,
      rule: "missing-handoff-triggers",
      message: 'Tool "email.draft" needs approval, but handoff.triggers is empty: list when the agent hands over to a human',
    },
    {
      file: "customer-support.agentspec.yaml",
      safeguard: "the approval on crm.delete",
      edit: (d: Doc) => delete d.tools["crm.delete"].approval,
      rule: "irreversible-without-approval",
      message: 'Irreversible tool "crm.delete" runs without an approval gate or argument limits: gate it or cap its arguments',
    },
    {
      file: "customer-support.agentspec.yaml",
      safeguard: "the append-only audit",
      edit: (d: Doc) => delete d.audit.append_only,
      rule: "audit-missing",
      message:
        'Tools "tickets.respond", "crm.update", "billing.refund", "crm.delete" change state, but there is no append-only audit: set audit.append_only: true',
    },
    {
      file: "ticket-routing.agentspec.yaml",
      safeguard: "the approval on tickets.assign",
      edit: (d: Doc) => delete d.tools["tickets.assign"].approval,
      rule: "decision-test-failed",
      message: 'Test 2 (tickets.assign) expects require_approval, but the policy decides allow: "tickets.assign" is allowed',
    },
    {
      file: "customer-email.agentspec.yaml",
      safeguard: "the cost ceiling",
      edit: (d: Doc) => delete d.limits.max_usd_per_loop,
      rule: "unbounded-autonomy",
      message:
        '"send_customer_email" (irreversible) needs approval only under a condition, but the spec has no cost bound: add them or gate the tool',
    },
  ])("$file without $safeguard triggers $rule", ({ file, edit, rule, message }) => {
    const found = lintEdited(file, edit);
    expect(found.filter((d) => d.ruleId === rule).map((d) => d.message)).toEqual([message]);
  });
});
