/** The differential harness checks itself: its calls reach every way decide() decides, and its comparator tells looser from stricter. */
import { describe, expect, it } from "vitest";
import { compilePolicy, decide } from "../../src/index.js";
import { describeCall, generateCalls, readings } from "./calls.js";
import { hasCorpus } from "./corpus.js";
import { classify, formatAgreementTable, runDifferential, type PreparePeer } from "./differential.js";
import { hasPeers, loadAex, loadPeer, loadVeto, PEERS_MISSING } from "./peers.js";
import { SHARED_MISSING } from "./shared.js";
import { agentazCorpusSpecs, aexCorpusSpecs, edgeCaseSpecs, exampleSpecs, generatedSpecs, vetoCorpusSpecs } from "./spec-sets.js";

describe("the comparator", () => {
  it.each([
    ["allow", "allow", "equal"],
    ["deny", "deny", "equal"],
    ["require_approval", "require_approval", "equal"],
    ["deny", "allow", "looser"],
    ["require_approval", "allow", "looser"],
    ["allow", "deny", "stricter"],
    ["allow", "require_approval", "stricter"],
    ["require_approval", "deny", "stricter"],
    // Asking a human where decide() denies is not an allow: stricter, and counted apart in the table.
    ["deny", "require_approval", "stricter"],
  ] as const)("decide() %s, peer %s: %s", (ours, peer, agreement) => {
    expect(classify(ours, peer)).toBe(agreement);
  });

  it("finds every call an allow-everything peer lets through, and none for decide() itself", async () => {
    const specs = edgeCaseSpecs();
    const itself: PreparePeer = () => (call, policy) => ({ verdict: decide(policy, call).decision });
    const allowAll: PreparePeer = () => () => ({ verdict: "allow" });
    const [same, open] = await runDifferential(specs, { itself, allowAll });
    const n = same!.rows.length;
    expect(n).toBeGreaterThan(1000);
    expect(same!.count("equal")).toBe(n);
    const notAllowed = same!.rows.filter((r) => r.ours !== "allow").length;
    expect(open!.count("looser")).toBe(notAllowed);
    expect(open!.count("equal")).toBe(n - notAllowed);
    const table = formatAgreementTable([same!, open!], "self-check");
    expect(table).toContain(`| itself | ${n} | ${n}/${n} | 0 | 0 | 0 | 0 |`);
    expect(table).toContain(`| allowAll | ${n} | ${n - notAllowed}/${n} | 0 | 0 | ${notAllowed} | 0 |`);
    // Reversed (an import's check): decide() is looser where it allows what the peer denies.
    const denyAll: PreparePeer = () => () => ({ verdict: "deny" });
    const [reversedOpen, reversedShut] = await runDifferential(specs, { allowAll, denyAll }, { reverse: true });
    expect(reversedOpen!.count("looser")).toBe(0);
    expect(reversedShut!.count("looser")).toBe(same!.rows.filter((r) => r.ours === "allow").length);
    expect(open!.describeLooser(1)).toMatch(/^edge-cases: ".+" \(.+\): decide\(\) (deny|require_approval) \(.+\), allowAll allow$/);
  });
});

describe("the generated calls", () => {
  it("reach every rule decide() decides by, on the edge-case spec", () => {
    const policy = compilePolicy(edgeCaseSpecs()[0]!.spec);
    const rules = new Set(generateCalls(policy).map(({ call }) => decide(policy, call).rule));
    expect([...rules].sort()).toEqual(["allowed", "approval", "deny-pattern", "hard-limit", "malformed-call", "not-allowed"]);
  });

  it("match every deny pattern, and break every limit and hold every gate of every tool", () => {
    const policy = compilePolicy(edgeCaseSpecs()[0]!.spec);
    const decisions = generateCalls(policy).map(({ call }) => ({ call, decision: decide(policy, call) }));
    for (const { pattern } of policy.deny) {
      const hit = decisions.some(({ decision }) => decision.rule === "deny-pattern" && decision.reason.includes(pattern));
      expect({ pattern, hit }).toEqual({ pattern, hit: true });
    }
    for (const [name, tool] of Object.entries(policy.tools)) {
      const own = decisions.filter(({ call }) => call.tool === name);
      // A tool its own deny pattern covers is denied whatever its arguments.
      if (own.some(({ decision }) => decision.rule === "deny-pattern")) continue;
      if (tool.limits) expect({ name, limit: own.some(({ decision }) => decision.rule === "hard-limit") }).toEqual({ name, limit: true });
      if (tool.approval) expect({ name, gate: own.some(({ decision }) => decision.rule === "approval") }).toEqual({ name, gate: true });
    }
  });

  it("read a name as dispatchers may: case, whitespace, invisible characters, compatibility letters, empty segments", () => {
    const made = new Map(readings("crm.lookup").map(([reading, how]) => [how, reading]));
    expect(made.get("the upper-case spelling")).toBe("CRM.LOOKUP");
    expect(made.get("a zero-width space inside")).toBe("c\u200brm.lookup");
    expect(made.get("the fullwidth spelling")).toBe("ｃｒｍ．ｌｏｏｋｕｐ");
    expect(made.get("the Kelvin sign for k")).toBe("crm.loo\u212aup");
    expect(made.get("a doubled dot")).toBe("crm..lookup");
    expect(made.get("the last segment alone")).toBe("lookup");
    expect(new Map(readings("search").map(([r, how]) => [how, r])).get("aex gate's reading of an undotted name")).toBe("unknown.search");
  });

  it("are the same calls in the same order for the same policy, and describe themselves on one line", () => {
    const policy = compilePolicy(exampleSpecs()[0]!.spec);
    const once = generateCalls(policy).map(({ call }) => describeCall(call));
    expect(generateCalls(policy).map(({ call }) => describeCall(call))).toEqual(once);
    expect(once.every((line) => !line.includes("\n") && line.length < 400)).toBe(true);
  });
});

describe("the spec sets", () => {
  it("the generated specs are valid and the same for the same seed", () => {
    const a = generatedSpecs(12).map(({ spec }) => JSON.stringify(compilePolicy(spec)));
    expect(generatedSpecs(12).map(({ spec }) => JSON.stringify(compilePolicy(spec)))).toEqual(a);
    expect(new Set(a).size).toBe(12);
  });

  if (!hasCorpus) it.skip(`skipped: ${SHARED_MISSING}`, () => {});
  it.skipIf(!hasCorpus)("import every corpus spec: 42 AgentAz kits, 11 aex examples, 2 valid Veto fixtures", () => {
    expect(agentazCorpusSpecs()).toHaveLength(42);
    expect(aexCorpusSpecs()).toHaveLength(11);
    expect(vetoCorpusSpecs()).toHaveLength(2);
  });
});

describe("the peer bundles", () => {
  if (!hasPeers) it.skip(`skipped: ${PEERS_MISSING}`, () => {});
  it.skipIf(!hasPeers)("load lazily by absolute path and answer a real call", async () => {
    const aex = await loadAex();
    expect(aex.validateText('policy p v0\n\ngoal "g"\n\nallow crm.lookup\n').issues).toEqual([]);
    const veto = await loadVeto();
    expect(() => veto.validatePolicyIR({ version: "2.0", rules: [] })).toThrow(veto.PolicySchemaError);
    expect(await loadAex()).toBe(aex);
    for (const peer of ["aexGateway", "wpc", "agentaz"] as const) expect(Object.keys(await loadPeer(peer)).length).toBeGreaterThan(2);
  });
});
