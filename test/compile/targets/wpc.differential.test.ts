/**
 * The WPC export read by the real WPC engine (clawbureau's policy-evaluator, bundled unchanged in
 * ../shared/peers/wpc.mjs), asked as a runtime asks it: action `tool:execute` on resource <tool>
 * with `wpcRequestContext(contract, call, approved)`, unapproved first. Against decide() on every
 * spec set and every generated call: it may be stricter, never looser.
 */
import { describe, expect, it } from "vitest";
import { fromWpcDecisions, wpcRequestContext } from "../../../src/index.js";
import { wpc } from "../../../src/compile/targets/wpc.js";
import { formatAgreementTable, runDifferential, type PreparePeer } from "../../helpers/differential.js";
import { loadWpc } from "../../helpers/peers.js";
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
import { fuzzRuns, fuzzTimeout } from "../../helpers/fuzz.js";

// npm test probes every spec set with up to CAP calls per spec; `npm run fuzz` (FUZZ_RUNS) with every call and more generated specs.
const LONG = fuzzRuns(1) > 1;
const GENERATED = LONG ? 400 : 30;
const CAP = LONG ? 5000 : 200;

/** WPC asked as a runtime asks it. */
async function prepareWpc(): Promise<PreparePeer> {
  const { evaluatePolicy } = await loadWpc();
  return (spec) => {
    const contract = JSON.parse(wpc.emit(spec, { report: () => {} })[0]!.contents);
    return (call) => {
      const ask = (approved: boolean): "ALLOW" | "DENY" =>
        evaluatePolicy(contract, "tool:execute", call.tool, wpcRequestContext(contract, call, approved)).effect;
      const unapproved = ask(false);
      return { verdict: fromWpcDecisions(unapproved, unapproved === "ALLOW" ? "ALLOW" : ask(true)) };
    };
  };
}

describe("the WPC export, enforced by WPC's own evaluator", () => {
  if (!hasShared) it.skip(`skipped: ${SHARED_MISSING}`, () => {});
  it.skipIf(!hasShared)(
    "never allows a call decide() denies, nor without approval one decide() gates",
    async () => {
      const prepare = await prepareWpc();
      const specs = [...exampleSpecs(), ...corpusSpecs(), ...edgeCaseSpecs(), ...generatedSpecs(GENERATED)];
      const [tally] = await runDifferential(specs, { "WPC v2 (policy-evaluator evaluatePolicy)": prepare }, { cap: CAP });
      console.log(formatAgreementTable([tally!], `WPC: ${specs.length} specs (examples, corpus, edge cases, ${GENERATED} generated)`));
      console.log("stricter by decide()'s rule:", JSON.stringify(tally!.stricterByRule()));
      expect(tally!.describeLooser()).toBe("");
      expect(tally!.rows.length).toBeGreaterThan(8000);
    },
    fuzzTimeout(GENERATED, LONG ? 4000 : 3000),
  );

  it.skipIf(!hasShared)("ideographic full stops (U+3002, U+FF61) read as dots: never looser", async () => {
    const specs = [...exampleSpecs(), ...edgeCaseSpecs()];
    const [tally] = await runDifferential(
      specs,
      { wpc: await prepareWpc() },
      { cap: 60, extraCalls: (spec) => ideographicStopCalls(compilePolicy(spec)) },
    );
    expect(tally!.describeLooser()).toBe("");
    expect(tally!.rows.filter((r) => /U\+(3002|FF61|FE12)/.test(r.why) && r.oursRule === "deny-pattern").length).toBeGreaterThan(10);
  });

  it.skipIf(!hasShared)('two readings of a dotted path (a key "a.b" beside a.b): never looser, and refused', async () => {
    const [tally] = await runDifferential(dottedPathSpecs(), { wpc: await prepareWpc() }, { extraCalls: ambiguousCalls });
    expect(tally!.describeLooser()).toBe("");
    expectDottedPathsRefused(tally!);
  });

  it.skipIf(!hasShared)(
    'a key a case-insensitive decoder reads as a limited or gated path ("Amount", "payment.Total"): never looser, and refused',
    async () => {
      const [tally] = await runDifferential(caseVariantSpecs(), { wpc: await prepareWpc() }, { extraCalls: caseVariantCalls });
      expect(tally!.describeLooser()).toBe("");
      expectCaseVariantsRefused(tally!);
    },
  );
});
