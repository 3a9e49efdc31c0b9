import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { canonicalize } from "../../../src/policy/canonical.js";
import { alternativesOf, toWpc, wpc } from "../../../src/compile/targets/wpc.js";
import { parseSource } from "../../../src/load/index.js";
import { checkSource, loadSpecs, type Spec } from "../../../src/model/index.js";
import { corpusPath, hasCorpus } from "../../helpers/corpus.js";
import { emit } from "../../helpers/emit.js";

function specOf(text: string): Spec {
  const checked = checkSource(parseSource("demo.agentspec.yaml", text));
  expect(checked.diagnostics).toEqual([]);
  return checked.spec!;
}

const REFUNDS = `agentspec: "1.0"
agent: { id: refunds, version: 1.2.0, owner: Billing Team }
tools:
  orders.read: { effect: read, resources: ["orders/*"] }
  billing.refund:
    effect: irreversible
    approval: { when: { arg: amount, gt: 100 }, channel: "slack:#refunds" }
    limits: { amount: { max: 600, required: true } }
deny: ["payment.*", email.send]
limits: { max_tool_calls: 30 }
`;

describe("the wpc target", () => {
  it("writes IAM-style statements: the deny list, hard limits and approval gates as Denies, one Allow for the tools", () => {
    expect(toWpc(specOf(REFUNDS))).toEqual({
      policy_version: "2",
      policy_id: "refunds@1.2.0",
      issuer_did: "did:agentspec:billing-team",
      statements: [
        { sid: "deny", effect: "Deny", actions: ["tool:execute"], resources: ["payment.*", "email.send"] },
        {
          sid: "limit-1-0",
          effect: "Deny",
          actions: ["tool:execute"],
          resources: ["billing.refund"],
          conditions: { Bool: { "Tool:ArgPresent:amount": "false" } },
        },
        {
          sid: "limit-1-1",
          effect: "Deny",
          actions: ["tool:execute"],
          resources: ["billing.refund"],
          conditions: { NumericGreaterThan: { "Tool:Arg:amount": "600" } },
        },
        {
          sid: "approval-1-0",
          effect: "Deny",
          actions: ["tool:execute"],
          resources: ["billing.refund"],
          conditions: { Bool: { "Request:HasHumanApproval": "false" }, NumericGreaterThan: { "Tool:Arg:amount": "100" } },
        },
        { sid: "allow-tools", effect: "Allow", actions: ["tool:execute"], resources: ["orders.read", "billing.refund"] },
      ],
      metadata: {
        agentspec: {
          generator: "agentspec",
          agent: { id: "refunds", version: "1.2.0", owner: "Billing Team" },
          agentspec_policy_hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
          approval_channels: { "billing.refund": "slack:#refunds" },
          resource_scopes: { "orders.read": ["orders/*"] },
          limits: { max_tool_calls: 30 },
        },
      },
    });
  });

  it("writes a condition WPC cannot say with 'or' as alternatives, and >= as greater-or-equal", () => {
    expect(
      alternativesOf({
        any: [
          { context: "environment", eq: "production" },
          { arg: "contains_sensitive_data", eq: true },
        ],
      }),
    ).toEqual([
      [{ op: "StringEquals", key: "Request:Environment", value: "production" }],
      [{ op: "Bool", key: "Tool:Arg:contains_sensitive_data", value: "true" }],
    ]);
    expect(
      alternativesOf({
        all: [
          { arg: "amount", gte: 10 },
          { arg: "currency", in: ["EUR", "USD"] },
        ],
      }),
    ).toEqual([
      [
        { op: "NumericGreaterThan", key: "Tool:Arg:amount", value: "10" },
        { op: "StringEquals", key: "Tool:Arg:currency", value: "EUR" },
      ],
      [
        { op: "NumericGreaterThan", key: "Tool:Arg:amount", value: "10" },
        { op: "StringEquals", key: "Tool:Arg:currency", value: "USD" },
      ],
      [
        { op: "NumericEquals", key: "Tool:Arg:amount", value: "10" },
        { op: "StringEquals", key: "Tool:Arg:currency", value: "EUR" },
      ],
      [
        { op: "NumericEquals", key: "Tool:Arg:amount", value: "10" },
        { op: "StringEquals", key: "Tool:Arg:currency", value: "USD" },
      ],
    ]);
    // not_in with several values has no WPC form: the conjunct is dropped, so the approval Deny applies more often.
    expect(alternativesOf({ arg: "region", not_in: ["eu", "us"] })).toEqual([[]]);
  });

  it("leaves out (denies) a tool whose one_of limit WPC cannot say, and says so in the metadata", () => {
    const contract = toWpc(
      specOf(
        `agentspec: "1.0"\nagent: { id: x, version: 1.0.0 }\ntools:\n  a.read: { effect: read }\n  a.set: { effect: write, limits: { mode: { one_of: [fast, slow] } } }\n`,
      ),
    );
    expect(contract.statements).toEqual([{ sid: "allow-tools", effect: "Allow", actions: ["tool:execute"], resources: ["a.read"] }]);
    expect(contract.metadata.agentspec).toMatchObject({
      left_out: ["a.set: a one_of limit WPC cannot express; the tool is left out (denied)"],
    });
  });

  it("takes the issuer from extensions.wpc.issuer_did", () => {
    expect(toWpc(specOf(`${REFUNDS}extensions: { wpc: { issuer_did: "did:web:example.com" } }\n`)).issuer_did).toBe("did:web:example.com");
  });
});

describe.skipIf(!hasCorpus)("wpc output against the Work Policy Contract v2 schema", () => {
  const schema = JSON.parse(readFileSync(corpusPath("wpc", "work_policy_contract.v2.json"), "utf8"));
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const validateWpc = ajv.compile(schema);

  it("the schema is draft 2020-12, as the validator used here", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("every example spec's contract validates, and its policy_hash_b64u recomputes", async () => {
    const checked = await loadSpecs(["specs/"]);
    expect(checked.length).toBeGreaterThanOrEqual(5);
    for (const { spec } of checked) {
      const [contractFile, hashFile] = emit(wpc, spec!);
      expect(contractFile!.path).toBe(`${spec!.agent.id}.wpc.json`);
      const contract = JSON.parse(contractFile!.contents);
      expect(validateWpc(contract), `${spec!.agent.id}: ${JSON.stringify(validateWpc.errors)}`).toBe(true);
      const expected = createHash("sha256").update(canonicalize(contract)).digest("base64url");
      expect(JSON.parse(hashFile!.contents)).toEqual({
        policy_id: contract.policy_id,
        hash_algorithm: "SHA-256",
        canonicalization: "RFC 8785",
        policy_hash_b64u: expected,
      });
      expect(expected).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
  });

  it("every AgentAz corpus kit's contract validates", async () => {
    for (const { spec } of await loadSpecs([corpusPath("agentaz", "kits")])) {
      const contract = JSON.parse(emit(wpc, spec!)[0]!.contents);
      expect(validateWpc(contract), `${spec!.agent.id}: ${JSON.stringify(validateWpc.errors)}`).toBe(true);
    }
  });
});
