/**
 * The Cedar export read by the real Cedar engine (@cedar-policy/cedar-wasm), asked with the
 * request `cedarRequest(policy, call, approved)` builds, schema-validated, unapproved first.
 * Against decide() on every spec set and generated call: it may be stricter, never looser, and
 * every policy set validates against its own schema.
 */
import * as cedarEngine from "@cedar-policy/cedar-wasm/nodejs";
import { describe, expect, it } from "vitest";
import { cedarRequest, fromCedarDecisions } from "../../../src/index.js";
import { cedar, cedarSubjects } from "../../../src/compile/targets/cedar.js";
import type { Spec } from "../../../src/index.js";
import { formatAgreementTable, runDifferential, type PreparePeer } from "../../helpers/differential.js";
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
import { corpusSpecs, edgeCaseSpecs, exampleSpecs, generatedSpecs, type NamedSpec } from "../../helpers/spec-sets.js";
import { fuzzRuns, fuzzTimeout } from "../../helpers/fuzz.js";

// npm test probes every spec set with up to CAP calls per spec; `npm run fuzz` (FUZZ_RUNS) with every call and more generated specs.
const LONG = fuzzRuns(1) > 1;
const GENERATED = LONG ? 400 : 30;
const CAP = LONG ? 5000 : 200;

function emitted(spec: Spec): { policies: string; schema: string } {
  const [policies, schema] = cedar.emit(spec, { report: () => {} });
  return { policies: policies!.contents, schema: schema!.contents };
}

let prepared = 0;

/** Cedar asked as a runtime asks it: policies and schema parsed once per spec, every request validated against the schema. */
const prepareCedar: PreparePeer = (spec, policy) => {
  const { policies, schema } = emitted(spec);
  const id = `differential-${prepared++}`;
  const parsed = cedarEngine.preparsePolicySet(id, { staticPolicies: policies });
  if (parsed.type !== "success") throw new Error(`${spec.agent.id}: ${JSON.stringify(parsed.errors)}`);
  const parsedSchema = cedarEngine.preparseSchema(id, schema);
  if (parsedSchema.type !== "success") throw new Error(`${spec.agent.id}: ${JSON.stringify(parsedSchema.errors)}`);
  const subjects = cedarSubjects(policy);
  return (call) => {
    const errors: string[] = [];
    const ask = (approved: boolean): "allow" | "deny" => {
      const answer = cedarEngine.statefulIsAuthorized({
        ...cedarRequest(policy, call, approved, subjects),
        preparsedPolicySetId: id,
        preparsedSchemaName: id,
        validateRequest: true,
        entities: [],
      } as never);
      if (answer.type !== "success") errors.push(JSON.stringify(answer.errors));
      else if (answer.response.diagnostics.errors.length > 0) errors.push(JSON.stringify(answer.response.diagnostics.errors));
      return answer.type === "success" ? answer.response.decision : "deny";
    };
    const unapproved = ask(false);
    const verdict = fromCedarDecisions(unapproved, unapproved === "allow" ? "allow" : ask(true));
    return { verdict, ...(errors.length > 0 ? { detail: `engine error: ${errors.join("; ")}` } : {}) };
  };
};

function specSets(): NamedSpec[] {
  return [...exampleSpecs(), ...corpusSpecs(), ...edgeCaseSpecs(), ...generatedSpecs(GENERATED)];
}

describe("the Cedar export, enforced by Cedar", () => {
  if (!hasShared) it.skip(`skipped: ${SHARED_MISSING}`, () => {});
  it.skipIf(!hasShared)("every policy set validates against the schema emitted beside it", () => {
    const problems: string[] = [];
    const sets = specSets();
    for (const { name, spec } of sets) {
      const { policies, schema } = emitted(spec);
      const answer = cedarEngine.validate({ schema, policies: { staticPolicies: policies } } as never);
      if (answer.type !== "success") problems.push(`${name}: ${JSON.stringify(answer.errors)}`);
      else if (answer.validationErrors.length > 0) problems.push(`${name}: ${JSON.stringify(answer.validationErrors)}`);
    }
    expect(problems).toEqual([]);
    expect(sets.length).toBeGreaterThan(90);
  });

  it.skipIf(!hasShared)(
    "never allows a call decide() denies, nor without approval one decide() gates, and never errs",
    async () => {
      const specs = specSets();
      const [tally] = await runDifferential(specs, { "Cedar (cedar-wasm isAuthorized, requests validated)": prepareCedar }, { cap: CAP });
      console.log(formatAgreementTable([tally!], `Cedar: ${specs.length} specs (examples, corpus, edge cases, ${GENERATED} generated)`));
      console.log("stricter by decide()'s rule:", JSON.stringify(tally!.stricterByRule()));
      expect(tally!.describeLooser()).toBe("");
      expect(
        tally!.rows
          .filter((r) => r.peerDetail?.startsWith("engine error"))
          .map((r) => `${r.spec}: ${r.peerDetail}`)
          .slice(0, 5),
      ).toEqual([]);
      expect(tally!.rows.length).toBeGreaterThan(8000);
    },
    fuzzTimeout(GENERATED, LONG ? 4000 : 3000),
  );

  it.skipIf(!hasShared)("ideographic full stops (U+3002, U+FF61) read as dots: never looser", async () => {
    const specs = [...exampleSpecs(), ...edgeCaseSpecs()];
    const [tally] = await runDifferential(
      specs,
      { cedar: prepareCedar },
      { cap: 60, extraCalls: (spec) => ideographicStopCalls(compilePolicy(spec)) },
    );
    expect(tally!.describeLooser()).toBe("");
    expect(tally!.rows.filter((r) => /U\+(3002|FF61|FE12)/.test(r.why) && r.oursRule === "deny-pattern").length).toBeGreaterThan(10);
  });

  it.skipIf(!hasShared)('two readings of a dotted path (a key "a.b" beside a.b): never looser, and refused', async () => {
    const [tally] = await runDifferential(dottedPathSpecs(), { cedar: prepareCedar }, { extraCalls: ambiguousCalls });
    expect(tally!.describeLooser()).toBe("");
    expectDottedPathsRefused(tally!);
  });

  it.skipIf(!hasShared)(
    'a key a case-insensitive decoder reads as a limited or gated path ("Amount", "payment.Total"): never looser, and refused',
    async () => {
      const [tally] = await runDifferential(caseVariantSpecs(), { cedar: prepareCedar }, { extraCalls: caseVariantCalls });
      expect(tally!.describeLooser()).toBe("");
      expectCaseVariantsRefused(tally!);
    },
  );
});
