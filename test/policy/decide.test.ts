import { describe, expect, it } from "vitest";
import type { Policy } from "../../generated/policy.js";
import { decide } from "../../src/policy/decide.js";
import { makePolicy, SUPPORT_POLICY } from "../helpers/policy.js";

const hash = SUPPORT_POLICY.hash;

describe("decide: each decision path", () => {
  it("denies an exact deny pattern", () => {
    expect(decide(SUPPORT_POLICY, { tool: "email.send" })).toEqual({
      decision: "deny",
      rule: "deny-pattern",
      reason: '"email.send" is denied by the policy',
      policyHash: hash,
      entries: ["/deny/0"],
    });
  });

  it("denies a glob deny pattern with its reason", () => {
    expect(decide(SUPPORT_POLICY, { tool: "payment.transfer" })).toEqual({
      decision: "deny",
      rule: "deny-pattern",
      reason: '"payment.transfer" is denied by "payment.*": payments go through finance',
      policyHash: hash,
      entries: ["/deny/1"],
    });
  });

  it("denies a deny match even when the allowlist has the tool", () => {
    const policy = makePolicy({ deny: [{ pattern: "crm.*" }], tools: { "crm.lookup": { effect: "read" } } });
    expect(decide(policy, { tool: "crm.lookup" }).rule).toBe("deny-pattern");
  });

  it("denies a tool outside the allowlist", () => {
    expect(decide(SUPPORT_POLICY, { tool: "shell.exec" })).toEqual({
      decision: "deny",
      rule: "not-allowed",
      reason: '"shell.exec" is not in the allowlist',
      policyHash: hash,
      entries: [],
    });
  });

  it("allows an exact and a glob allowlist entry", () => {
    expect(decide(SUPPORT_POLICY, { tool: "read_order_status", args: { order_id: "1" } })).toEqual({
      decision: "allow",
      rule: "allowed",
      reason: '"read_order_status" is allowed',
      policyHash: hash,
      entries: ["/tools/read_order_status"],
    });
    expect(decide(SUPPORT_POLICY, { tool: "crm.contacts.read" })).toMatchObject({ decision: "allow", entries: ["/tools/crm.*"] });
  });

  it("denies a call above a numeric hard limit, below a minimum, or of the wrong type", () => {
    expect(decide(SUPPORT_POLICY, { tool: "billing.refund", args: { amount: 700 } })).toEqual({
      decision: "deny",
      rule: "hard-limit",
      reason: '"billing.refund": argument "amount" is 700, above the limit of 600',
      policyHash: hash,
      entries: ["/tools/billing.refund/limits/amount"],
    });
    expect(decide(SUPPORT_POLICY, { tool: "billing.refund", args: { amount: -5 } }).reason).toBe(
      '"billing.refund": argument "amount" is -5, below the minimum of 0',
    );
    expect(decide(SUPPORT_POLICY, { tool: "billing.refund", args: { amount: "700" } }).reason).toBe(
      '"billing.refund": argument "amount" must be a number',
    );
    expect(decide(SUPPORT_POLICY, { tool: "billing.refund", args: { amount: Number.NaN } }).rule).toBe("hard-limit");
  });

  it("denies a string over max_length", () => {
    expect(decide(SUPPORT_POLICY, { tool: "draft_reply", args: { body: "x".repeat(21) } }).reason).toBe(
      '"draft_reply": argument "body" is 21 characters, above the limit of 20',
    );
  });

  it("requires approval when the condition holds, with the channel", () => {
    expect(decide(SUPPORT_POLICY, { tool: "billing.refund", args: { amount: 150 } })).toEqual({
      decision: "require_approval",
      rule: "approval",
      reason: '"billing.refund" requires approval when amount > 100',
      policyHash: hash,
      channel: "slack:#support-escalations",
      entries: ["/tools/billing.refund/approval"],
    });
  });

  it("allows when the approval condition does not hold", () => {
    expect(decide(SUPPORT_POLICY, { tool: "billing.refund", args: { amount: 100 } }).decision).toBe("allow");
  });

  it("tests context conditions", () => {
    expect(decide(SUPPORT_POLICY, { tool: "deploy.prod", context: { environment: "production" } }).reason).toBe(
      '"deploy.prod" requires approval when context.environment = "production"',
    );
    expect(decide(SUPPORT_POLICY, { tool: "deploy.prod", context: { environment: "staging" } }).decision).toBe("allow");
  });

  it("always requires approval without a condition, and gives the gate's reason", () => {
    expect(decide(SUPPORT_POLICY, { tool: "account.close" }).reason).toBe('"account.close" always requires approval: closing is permanent');
  });

  it("applies every matching allowlist entry: a broad glob does not shadow a stricter one", () => {
    // Regression: the first glob in key order ("billing.*" sorts before "billing.refund*") used to win alone.
    const policy = makePolicy({
      tools: {
        "billing.*": { effect: "read" },
        "billing.refund*": { effect: "irreversible", approval: { channel: "finance" }, limits: { amount: { max: 50 } } },
      },
    });
    expect(decide(policy, { tool: "billing.refund", args: { amount: 10 } })).toMatchObject({
      decision: "require_approval",
      channel: "finance",
      entries: ["/tools/billing.refund*/approval"],
    });
    expect(decide(policy, { tool: "billing.refund", args: { amount: 60 } })).toMatchObject({
      rule: "hard-limit",
      entries: ["/tools/billing.refund*/limits/amount"],
    });
    expect(decide(policy, { tool: "billing.invoice" })).toMatchObject({ decision: "allow", entries: ["/tools/billing.*"] });
  });

  it("names every allowlist entry that allowed, and escapes pointer segments", () => {
    const policy = makePolicy({ tools: { "files/x~y": { effect: "read" }, "files*": { effect: "read" } } });
    expect(decide(policy, { tool: "files/x~y" }).entries).toEqual(["/tools/files~1x~0y", "/tools/files*"]);
  });

  it("applies a matching glob's limits to an exact entry too", () => {
    const policy = makePolicy({
      tools: { "files.write": { effect: "write" }, "files.*": { effect: "write", limits: { path: { required: true } } } },
    });
    expect(decide(policy, { tool: "files.write" }).reason).toBe('"files.write": argument "path" is required');
  });
});

describe("decide: malformed calls and policies are denied, never thrown", () => {
  it.each([
    [null, "The call is not an object: expected { tool, args?, context? }"],
    ["email.send", "The call is not an object: expected { tool, args?, context? }"],
    [[{ tool: "x" }], "The call is not an object: expected { tool, args?, context? }"],
    [{}, "The call has no tool name"],
    [{ tool: "" }, "The call has no tool name"],
    [{ tool: 42 }, "The call has no tool name"],
    [{ tool: "crm.get", args: [1] }, "The call's args must be an object"],
    [{ tool: "crm.get", args: null }, "The call's args must be an object"],
    [{ tool: "crm.get", context: "prod" }, "The call's context must be an object"],
  ])("denies the call %j", (call, reason) => {
    expect(decide(SUPPORT_POLICY, call)).toEqual({ decision: "deny", rule: "malformed-call", reason, policyHash: hash, entries: [] });
  });

  it.each([
    ["no policy", undefined],
    ["null", null],
    ["tools as an array", { deny: [], tools: [] }],
    ["deny missing", { tools: {} }],
  ])("denies everything for a malformed policy (%s)", (_name, policy) => {
    expect(decide(policy as unknown as Policy, { tool: "crm.get" })).toEqual({
      decision: "deny",
      rule: "invalid-policy",
      reason: "The policy is missing or malformed: every call is denied",
      entries: [],
      policyHash: "",
    });
  });

  it.each([
    ["a null deny entry", { deny: [null], tools: { x: { effect: "read" } } }],
    ["a deny pattern that is not a string", { deny: [{ pattern: 5 }], tools: { x: { effect: "read" } } }],
    ["a null tool", { deny: [], tools: { x: null } }],
    ["a condition's any that is not a list", { deny: [], tools: { x: { effect: "read", approval: { when: { any: 5 } } } } }],
    ["a null argument limit", { deny: [], tools: { x: { effect: "read", limits: { a: null } } } }],
  ])("denies instead of throwing on %s", (_name, parts) => {
    const policy = {
      format: "agentspec-policy/1",
      agent: { id: "a", version: "1" },
      default: "deny",
      budgets: {},
      hash: "sha256:x",
      ...parts,
    } as unknown as Policy;
    const decision = decide(policy, { tool: "x", args: { a: 1 } });
    expect(decision.decision).toBe("deny");
    expect(decision.rule).toBe("invalid-policy");
    expect(decision.reason).toMatch(/^The policy could not be evaluated for this call \(.+\): it is denied$/);
    expect(decision.policyHash).toBe("sha256:x");
  });

  it("reads only own argument properties, never the prototype's", () => {
    const policy = makePolicy({ tools: { t: { effect: "write", limits: { constructor: { required: true } } } } });
    expect(decide(policy, { tool: "t", args: {} }).rule).toBe("hard-limit");
  });
});
