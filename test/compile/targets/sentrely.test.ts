import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { sentrely, sentrelyPermission } from "../../../src/compile/targets/sentrely.js";
import { blindToArguments, formatAgreementTable, runDifferential, type PreparePeer } from "../../helpers/differential.js";
import { emit, emitWithReports } from "../../helpers/emit.js";
import { hasCorpus } from "../../helpers/corpus.js";
import { SHARED_MISSING } from "../../helpers/shared.js";
import { corpusSpecs, edgeCaseSpecs, exampleSpecs, generatedSpecs, specOf } from "../../helpers/spec-sets.js";

/**
 * Sentrely has no engine to run: this reads an export as widely as its documented format
 * allows (../shared/seeds/001_*.txt: `namespace:verb on resource`, `requires_approval`). A
 * policy grants the calls whose permission it names, with `*` in the permission read as any run
 * of characters (as `customers/*` is in a resource), on any resource (decide() has none); a
 * granted call with `requires_approval` needs approval; anything no policy grants is denied.
 * Arguments play no part: the format has no conditions on them.
 */
function readSentrely(text: string): (tool: string) => "allow" | "require_approval" | "deny" {
  const config = parse(text) as { policies: (string | Record<string, { requires_approval?: boolean }>)[] };
  const grants = config.policies.map((p) => {
    const [line, options] = typeof p === "string" ? [p, {}] : Object.entries(p)[0]!;
    const permission = /^(\S+) on .+$/.exec(line)![1]!;
    return { permission, gated: options.requires_approval === true };
  });
  return (tool) => {
    const matching = grants.filter((g) => starMatches(g.permission, sentrelyPermission(tool)));
    if (matching.some((g) => !g.gated)) return "allow";
    return matching.length > 0 ? "require_approval" : "deny";
  };
}

/** `*` as any run of characters, everything else literal (a reference matcher without regular expressions). */
function starMatches(pattern: string, text: string): boolean {
  const [first, ...rest] = pattern.split("*");
  if (rest.length === 0) return pattern === text;
  if (!text.startsWith(first!)) return false;
  let at = first!.length;
  const last = rest.pop()!;
  for (const piece of rest) {
    const found = text.indexOf(piece, at);
    if (found === -1) return false;
    at = found + piece.length;
  }
  return text.length - last.length >= at && text.endsWith(last);
}

const MIXED = `agentspec: "1.0"
agent: { id: mixed, version: 1.0.0, owner: acme }
tools:
  "email.*": { effect: write }
  email.draft: { effect: draft }
  crm.read: { effect: read, resources: ["customers/*"] }
  crm.purge: { effect: irreversible }
  billing.refund: { effect: irreversible, approval: { when: { arg: amount, gt: 100 }, channel: "slack:#refunds" } }
  billing.cap: { effect: write, limits: { amount: { max: 5 } } }
  "a:b": { effect: write }
  a.b: { effect: write, approval: true }
deny: [email.send, crm.purge]
`;

describe("the sentrely target", () => {
  it("writes the customer-support example as Sentrely's blueprint: verb-on-resource policies, approval channels and the budget", () => {
    const spec = exampleSpecs().find((s) => s.name === "specs/customer-support")!.spec;
    const [file] = emit(sentrely, spec);
    expect(file!.path).toBe("customer-support.sentrely.yaml");
    const config = parse(file!.contents);
    expect(config).toMatchObject({
      project: "acme-support",
      agent: "customer-support",
      budget: { max_tokens_per_session: 50000, max_sessions_per_day: 500 },
    });
    expect(config.policies).toContainEqual("tickets:read on queue/tier-1");
    expect(config.policies).toContainEqual({
      "crm:delete on customers/*": { requires_approval: true, approval_channel: "slack:#support-escalations" },
    });
    expect(file!.contents).toContain(
      "  - crm:delete on customers/*:\n      requires_approval: true\n      approval_channel: slack:#support-escalations\n",
    );
  });

  it("grants no glob, no tool decide() denies by name and no tool with hard limits, and says so at each tool", () => {
    const { files, reports } = emitWithReports(sentrely, specOf("mixed.agentspec.yaml", MIXED));
    expect(parse(files[0]!.contents).policies).toEqual([
      "email:draft on *",
      "crm:read on customers/*",
      { "billing:refund on *": { requires_approval: true, approval_channel: "slack:#refunds" } },
      "a%3Ab on *",
      { "a:b on *": { requires_approval: true } },
    ]);
    expect(reports.map((r) => [r.pointer, r.message])).toEqual([
      ["/tools/email.*", 'Sentrely has no wildcard permission that stops where the glob "email.*" does: it is left out (denied)'],
      [
        "/tools/crm.purge",
        'decide() denies "crm.purge" by its name ("crm.purge" is denied by the policy) and Sentrely has no deny list: it is left out (denied)',
      ],
      ["/tools/billing.refund/approval/when", 'Sentrely has no conditional approval: "billing.refund" always requires approval'],
      ["/tools/billing.cap", '"billing.cap" has hard limits on its arguments, which Sentrely cannot say: it is left out (denied)'],
    ]);
  });

  it("names permissions namespace:verb, and never gives two names one permission", () => {
    expect(["tickets.read", "a.b.delete", "read_order_status", "a:b", "a.b", "a%3Ab"].map(sentrelyPermission)).toEqual([
      "tickets:read",
      "a.b:delete",
      "read_order_status",
      "a%3Ab",
      "a:b",
      "a%253Ab",
    ]);
  });

  if (!hasCorpus) it.skip(`skipped: ${SHARED_MISSING}`, () => {});
  it.skipIf(!hasCorpus)(
    "read as widely as its format allows, grants no call decide() denies nor one without the approval decide() asks for",
    async () => {
      // Sentrely reads no arguments: calls decide() refuses only for their arguments' shape are set aside (harness).
      const blind = { setAside: 0 };
      const reader: PreparePeer = (spec) => {
        const read = readSentrely(emit(sentrely, spec)[0]!.contents);
        return blindToArguments((call) => ({ verdict: read(call.tool) }), blind);
      };
      const specs = [
        ...exampleSpecs(),
        ...corpusSpecs(),
        ...edgeCaseSpecs(),
        ...generatedSpecs(30),
        { name: "mixed", spec: specOf("mixed.agentspec.yaml", MIXED) },
      ];
      const [tally] = await runDifferential(specs, { "Sentrely (the documented format, read at its widest)": reader }, { cap: 200 });
      tally!.notAskedWhy = `calls decide() refuses only for the shape of their arguments (${blind.setAside}): Sentrely reads no arguments`;
      console.log(formatAgreementTable([tally!], `Sentrely: ${specs.length} specs`));
      expect(tally!.describeLooser()).toBe("");
      expect(tally!.count("equal")).toBeGreaterThan(tally!.rows.length / 2);
    },
  );
});
