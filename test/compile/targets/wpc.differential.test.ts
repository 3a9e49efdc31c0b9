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
import { corpusSpecs, edgeCaseSpecs, exampleSpecs, generatedSpecs } from "../../helpers/spec-sets.js";
import { fuzzRuns, fuzzTimeout } from "../../helpers/fuzz.js";

// npm test probes every spec set with up to CAP calls per spec; `npm run fuzz` (FUZZ_RUNS) with every call and more generated specs.
const LONG = fuzzRuns(1) > 1;
const GENERATED = LONG ? 400 : 30;
const CAP = LONG ? 5000 : 200;

describe("the WPC export, enforced by WPC's own evaluator", () => {
  if (!hasShared) it.skip(`skipped: ${SHARED_MISSING}`, () => {});
  it.skipIf(!hasShared)(
    "never allows a call decide() denies, nor without approval one decide() gates",
    async () => {
      const { evaluatePolicy } = await loadWpc();
      const prepare: PreparePeer = (spec) => {
        const contract = JSON.parse(wpc.emit(spec, { report: () => {} })[0]!.contents);
        return (call) => {
          const ask = (approved: boolean): "ALLOW" | "DENY" =>
            evaluatePolicy(contract, "tool:execute", call.tool, wpcRequestContext(contract, call, approved)).effect;
          const unapproved = ask(false);
          return { verdict: fromWpcDecisions(unapproved, unapproved === "ALLOW" ? "ALLOW" : ask(true)) };
        };
      };
      const specs = [...exampleSpecs(), ...corpusSpecs(), ...edgeCaseSpecs(), ...generatedSpecs(GENERATED)];
      const [tally] = await runDifferential(specs, { "WPC v2 (policy-evaluator evaluatePolicy)": prepare }, { cap: CAP });
      console.log(formatAgreementTable([tally!], `WPC: ${specs.length} specs (examples, corpus, edge cases, ${GENERATED} generated)`));
      console.log("stricter by decide()'s rule:", JSON.stringify(tally!.stricterByRule()));
      expect(tally!.describeLooser()).toBe("");
      expect(tally!.rows.length).toBeGreaterThan(8000);
    },
    fuzzTimeout(GENERATED, LONG ? 4000 : 3000),
  );
});
