import { describe, expect, it } from "vitest";
import type { Finding } from "../../../src/diagnostics.js";
import { crossingStars, toWpc, wpc, type WpcStatement } from "../../../src/compile/targets/wpc.js";
import type { Spec } from "../../../src/index.js";
import { loadWpc } from "../../helpers/peers.js";
import { hasShared, SHARED_MISSING } from "../../helpers/shared.js";
import { corpusSpecs, edgeCaseSpecs, exampleSpecs, generatedSpecs, specOf } from "../../helpers/spec-sets.js";

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

function contractOf(text: string): { statements: WpcStatement[]; findings: Finding[]; metadata: Record<string, unknown> } {
  const findings: Finding[] = [];
  const contract = toWpc(specOf("demo.agentspec.yaml", text), { report: (f) => findings.push(f) });
  return { statements: contract.statements, findings, metadata: contract.metadata };
}

const execute = { effect: "Deny", actions: ["tool:execute"] } as const;

describe("the wpc target", () => {
  it("writes the call check, the deny patterns as written and folded, typed limit and gate Denies, and one Allow", () => {
    const { statements, findings } = contractOf(REFUNDS);
    expect(findings).toEqual([]);
    expect(statements).toEqual([
      { sid: "call-well-formed", ...execute, resources: ["**"], conditions: { StringNotEquals: { "Agentspec:Call": "well-formed" } } },
      // As written: the patterns as resources (a star crosses "/" as **); folded: one Deny each over the folded name.
      { sid: "deny", ...execute, resources: ["payment.**", "email.send"] },
      { sid: "deny-0", ...execute, resources: ["**"], conditions: { StringLike: { "Agentspec:FoldedTool": "payment.*" } } },
      { sid: "deny-1", ...execute, resources: ["**"], conditions: { StringEquals: { "Agentspec:FoldedTool": "email.send" } } },
      // required and a max: not a number (absent included), or above 600.
      {
        sid: "limit-1-0-0",
        ...execute,
        resources: ["billing.refund"],
        conditions: { StringNotEquals: { "Tool:ArgType:amount": "number" } },
      },
      { sid: "limit-1-0-1", ...execute, resources: ["billing.refund"], conditions: { NumericGreaterThan: { "Tool:Arg:amount": "600" } } },
      // approval when amount > 100: unapproved, and not a number (absent included) or above 100.
      {
        sid: "approval-1-0",
        ...execute,
        resources: ["billing.refund"],
        conditions: { StringNotEquals: { "Request:HasHumanApproval": "true", "Tool:ArgType:amount": "number" } },
      },
      {
        sid: "approval-1-1",
        ...execute,
        resources: ["billing.refund"],
        conditions: { StringNotEquals: { "Request:HasHumanApproval": "true" }, NumericGreaterThan: { "Tool:Arg:amount": "100" } },
      },
      { sid: "allow-tools", effect: "Allow", actions: ["tool:execute"], resources: ["orders.read", "billing.refund"] },
    ]);
  });

  it("writes a glob's stars as WPC's ** (which crosses '/'), and a glob with ? as a match of the name with '/' encoded", () => {
    expect(crossingStars("crm.*")).toBe("crm.**");
    expect(crossingStars("a*/b")).toBe("a**//b");
    const { statements } = contractOf(
      `agentspec: "1.0"\nagent: { id: g, version: 1.0.0 }\ntools:\n  "crm.*": { effect: read }\n  "x?z": { effect: read }\n`,
    );
    expect(statements.slice(1)).toEqual([
      { sid: "allow-tools", effect: "Allow", actions: ["tool:execute"], resources: ["crm.**"] },
      {
        sid: "allow-1-0",
        effect: "Allow",
        actions: ["tool:execute"],
        resources: ["**"],
        conditions: { StringLike: { "Agentspec:Tool": "x?z" } },
      },
    ]);
  });

  it("allows only the listed values of a one_of WPC cannot deny exactly, when no other entry allows the name", () => {
    const { statements, findings } = contractOf(
      `agentspec: "1.0"\nagent: { id: x, version: 1.0.0 }\ntools:\n  a.read: { effect: read }\n  a.set: { effect: write, limits: { mode: { one_of: [fast, slow, eco] } } }\n`,
    );
    expect(findings).toEqual([]);
    expect(statements.filter((s) => s.effect === "Allow")).toEqual([
      { sid: "allow-tools", effect: "Allow", actions: ["tool:execute"], resources: ["a.read"] },
      {
        sid: "allow-1-0",
        effect: "Allow",
        actions: ["tool:execute"],
        resources: ["a.set"],
        conditions: { StringEquals: { "Tool:ArgType:mode": "absent" } },
      },
      ...["fast", "slow", "eco"].map((mode, i) => ({
        sid: `allow-1-${i + 1}`,
        effect: "Allow",
        actions: ["tool:execute"],
        resources: ["a.set"],
        conditions: { StringEquals: { "Tool:ArgType:mode": "string", "Tool:Arg:mode": mode } },
      })),
    ]);
  });

  it("denies a tool outright, and says so at its line, when another entry's Allow would let a call past a one_of WPC cannot say", () => {
    const { statements, findings, metadata } = contractOf(
      `agentspec: "1.0"\nagent: { id: x, version: 1.0.0 }\ntools:\n  "a.*": { effect: read }\n  a.set: { effect: write, limits: { mode: { one_of: [fast, slow, eco] } } }\n`,
    );
    expect(findings.map((f) => f.pointer)).toEqual(["/tools/a.set/limits/mode"]);
    // The lossy Deny applies more often (one listed value is denied too), and says so.
    expect(findings[0]!.message).toMatch(/WPC cannot say this limit exactly/);
    expect(statements.some((s) => s.effect === "Deny" && s.resources[0] === "a.set")).toBe(true);
    expect(metadata).toBeDefined();
  });

  it("takes the issuer from extensions.wpc.issuer_did", () => {
    expect(toWpc(specOf("demo.agentspec.yaml", `${REFUNDS}extensions: { wpc: { issuer_did: "did:web:example.com" } }\n`)).issuer_did).toBe(
      "did:web:example.com",
    );
  });
});

describe("each contract passes WPC's own checks", () => {
  if (!hasShared) it.skip(`skipped: ${SHARED_MISSING}`, () => {});
  it.skipIf(!hasShared)(
    "validateWorkPolicyContractV2 accepts it and computeWpcHashB64u gives the policy_hash_b64u written beside it",
    async () => {
      const { validateWorkPolicyContractV2, computeWpcHashB64u } = await loadWpc();
      const specs: { name: string; spec: Spec }[] = [...exampleSpecs(), ...corpusSpecs(), ...edgeCaseSpecs(), ...generatedSpecs(150)];
      const problems: string[] = [];
      for (const { name, spec } of specs) {
        const [contractFile, hashFile] = wpc.emit(spec, { report: () => {} });
        const contract = JSON.parse(contractFile!.contents);
        if (!validateWorkPolicyContractV2(contract)) problems.push(`${name}: ${JSON.stringify(validateWorkPolicyContractV2.errors)}`);
        const recorded = JSON.parse(hashFile!.contents);
        if ((await computeWpcHashB64u(contract)) !== recorded.policy_hash_b64u) problems.push(`${name}: the hash does not recompute`);
        expect(recorded.policy_id).toBe(contract.policy_id);
      }
      expect(problems).toEqual([]);
      expect(specs.length).toBeGreaterThan(200);
    },
  );
});
