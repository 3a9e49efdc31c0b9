/**
 * The Veto export read by Veto's real rule engine (the SDK's RuleLoader and ExpressionValidator,
 * bundled unchanged in ../shared/peers/veto.mjs), against decide() on every spec set and every
 * generated call: it may be stricter, never looser. Asked three ways: with the request
 * `vetoRequest(rules, call)` builds, which the engine spreads beside tool_name as shipped (its
 * approval-tagged blocks read by `fromVetoDecision`, as a runtime with approvals does); and as a
 * runtime that skips vetoRequest would ask, the call's arguments as they are (the SDK as
 * shipped) or nested as the IR documents (`{ arguments, context }`): those must fail closed.
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fromVetoDecision, vetoRequest } from "../../../src/index.js";
import { veto } from "../../../src/compile/targets/veto.js";
import type { Spec } from "../../../src/model/index.js";
import { formatAgreementTable, runDifferential, type PeerAnswer, type PreparePeer } from "../../helpers/differential.js";
import { fuzzRuns, fuzzTimeout } from "../../helpers/fuzz.js";
import { loadVeto, type VetoPeer } from "../../helpers/peers.js";
import { hasShared, SHARED_MISSING } from "../../helpers/shared.js";
import { ideographicStopCalls } from "../../helpers/calls.js";
import {
  ambiguousCalls,
  caseVariantCalls,
  caseVariantSpecs,
  dottedPathSpecs,
  expectCaseVariantsRefused,
  expectDottedPathsRefused,
} from "../../helpers/dotted-paths.js";
import { compilePolicy } from "../../../src/policy/index.js";
import { corpusSpecs, edgeCaseSpecs, exampleSpecs, generatedSpecs } from "../../helpers/spec-sets.js";
import { vetoEngine, type VetoEngineOptions } from "../../helpers/veto-engines.js";

// npm test probes every spec set with up to CAP calls per spec; `npm run fuzz` (FUZZ_RUNS) with every call and more generated specs.
const LONG = fuzzRuns(1) > 1;
const GENERATED = LONG ? 400 : 30;
const CAP = LONG ? 5000 : 200;

function exported(spec: Spec): string {
  return veto.emit(spec, { report: () => {} })[0]!.contents;
}

describe("the Veto export, enforced by Veto's own rule engine", () => {
  if (!hasShared) it.skip(`skipped: ${SHARED_MISSING}`, () => {});

  it.skipIf(!hasShared)("every export passes Veto's validatePolicyIR", async () => {
    const peer = await loadVeto();
    const specs = [...exampleSpecs(), ...corpusSpecs(), ...edgeCaseSpecs(), ...generatedSpecs(GENERATED)];
    for (const { name, spec } of specs) {
      let problem = "";
      try {
        peer.validatePolicyIR(parse(exported(spec)));
      } catch (error) {
        problem = JSON.stringify((error as { errors?: unknown }).errors ?? String(error));
      }
      expect({ name, problem }).toEqual({ name, problem: "" });
    }
  });

  it.skipIf(!hasShared)(
    "never allows a call decide() denies, nor without approval one decide() gates, with vetoRequest or without it",
    async () => {
      const peer = await loadVeto();
      const engine =
        (options: (rules: unknown) => VetoEngineOptions): PreparePeer =>
        (spec) => {
          const text = exported(spec);
          return vetoEngine(peer, text, options(parse(text)));
        };
      const withRequest: PreparePeer = (spec) => {
        const text = exported(spec);
        const rules: unknown = parse(text);
        return answeredBy(peer, text, rules);
      };
      const specs = [...exampleSpecs(), ...corpusSpecs(), ...edgeCaseSpecs(), ...generatedSpecs(GENERATED)];
      const tallies = await runDifferential(
        specs,
        {
          "Veto engine, request from vetoRequest (spread beside tool_name, as shipped)": withRequest,
          "Veto engine, the call's arguments as they are (no vetoRequest)": engine(() => ({ form: "flat" })),
          "Veto engine, { arguments, context } as the IR documents (no vetoRequest)": engine(() => ({ form: "nested" })),
        },
        { cap: CAP },
      );
      console.log(formatAgreementTable(tallies, `Veto: ${specs.length} specs (examples, corpus, edge cases, ${GENERATED} generated)`));
      const [exact, flat, nested] = tallies;
      console.log("stricter by decide()'s rule (vetoRequest):", JSON.stringify(exact!.stricterByRule()));
      for (const tally of tallies) expect(tally.describeLooser()).toBe("");
      expect(exact!.rows.length).toBeGreaterThan(8000);
      // Without vetoRequest nothing is allowed: the first rule blocks a call not marked well-formed.
      for (const tally of [flat!, nested!]) expect(tally.rows.filter((r) => r.peer === "allow")).toEqual([]);
    },
    fuzzTimeout(GENERATED, LONG ? 4000 : 3000),
  );

  it.skipIf(!hasShared)(
    "without vetoRequest an argument named tool_name would stand in for the tool's name: the export blocks it still",
    async () => {
      const peer = await loadVeto();
      const spec = exampleSpecs().find(({ spec }) => spec.tools.length > 0)!.spec;
      const text = exported(spec);
      const allowed = spec.tools.find((t) => !t.approval && Object.keys(t.limits).length === 0)?.name ?? spec.tools[0]!.name;
      const flat = vetoEngine(peer, text, { form: "flat" });
      expect((await flat({ tool: "not.allowed.anywhere", args: { tool_name: allowed } })).verdict).toBe("deny");
      // The request vetoRequest builds holds no tool_name key, so the engine's tool_name is the call's.
      const ask = answeredBy(peer, text, parse(text));
      expect((await ask({ tool: "not.allowed.anywhere", args: { tool_name: allowed } })).verdict).toBe("deny");
    },
  );

  it.skipIf(!hasShared)("ideographic full stops (U+3002, U+FF61) read as dots: never looser", async () => {
    const withRequest = askedWithRequest(await loadVeto());
    const specs = [...exampleSpecs(), ...edgeCaseSpecs()];
    const [tally] = await runDifferential(
      specs,
      { veto: withRequest },
      { cap: 60, extraCalls: (spec) => ideographicStopCalls(compilePolicy(spec)) },
    );
    expect(tally!.describeLooser()).toBe("");
    expect(tally!.rows.filter((r) => /U\+(3002|FF61|FE12)/.test(r.why) && r.oursRule === "deny-pattern").length).toBeGreaterThan(10);
  });

  it.skipIf(!hasShared)('two readings of a dotted path (a key "a.b" beside a.b): never looser, and refused', async () => {
    const withRequest = askedWithRequest(await loadVeto());
    const [tally] = await runDifferential(dottedPathSpecs(), { veto: withRequest }, { extraCalls: ambiguousCalls });
    expect(tally!.describeLooser()).toBe("");
    expectDottedPathsRefused(tally!);
  });

  it.skipIf(!hasShared)(
    'a key a case-insensitive decoder reads as a limited or gated path ("Amount", "payment.Total"): never looser, and refused',
    async () => {
      const withRequest = askedWithRequest(await loadVeto());
      const [tally] = await runDifferential(caseVariantSpecs(), { veto: withRequest }, { extraCalls: caseVariantCalls });
      expect(tally!.describeLooser()).toBe("");
      expectCaseVariantsRefused(tally!);
    },
  );
});

/** Each spec's export, asked with vetoRequest's request (answeredBy). */
function askedWithRequest(peer: VetoPeer): PreparePeer {
  return (spec) => {
    const text = exported(spec);
    return answeredBy(peer, text, parse(text));
  };
}

/** The engine asked with vetoRequest's request, its answer read by fromVetoDecision. */
function answeredBy(
  peer: VetoPeer,
  text: string,
  rules: unknown,
): (call: { tool: string; args?: unknown; context?: unknown }) => Promise<PeerAnswer> {
  const engine = new peer.ExpressionValidator({ config: {}, logger: peer.silentLogger });
  engine.getRuleLoader().setYamlParser(peer.parseYaml);
  engine.getRuleLoader().loadFromString(text, "export.veto.yaml");
  let n = 0;
  return async (call) => {
    const request = vetoRequest(rules, call);
    const answer = await engine.validate({ ...request, callId: `probe-${n++}`, timestamp: new Date(0), callHistory: [] });
    return {
      verdict: fromVetoDecision(rules, answer),
      detail: answer.metadata?.ruleId ? `by ${answer.metadata.ruleId}` : "no rule matched",
    };
  };
}
