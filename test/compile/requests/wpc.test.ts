import { describe, expect, it } from "vitest";
import { callProblem, decide, fromWpcDecisions, wpcRequestContext } from "../../../src/index.js";
import { makePolicy } from "../../helpers/policy.js";

/** A contract that reads every kind of key: the request builder supplies only what a contract reads. */
const CONTRACT = {
  statements: [
    {
      sid: "s",
      effect: "Deny",
      actions: ["tool:execute"],
      resources: ["**"],
      conditions: {
        StringNotEquals: { "Tool:ArgType:amount": "number", "Tool:ArgType:recipient.domain": "string" },
        NumericGreaterThan: { "Tool:Arg:amount": "600", "Tool:ArgLength:body": "20" },
        StringEquals: { "Tool:Arg:recipient.domain": "example.com", "Request:Environment": "production", "Request:ActorType": "string" },
      },
    },
  ],
};

describe("wpcRequestContext", () => {
  it("supplies the name, its folded reading, the approval and each value the contract reads as typed strings", () => {
    const context = wpcRequestContext(
      CONTRACT,
      {
        tool: "Billing/Refund",
        args: { amount: 150.5, body: "héllo", recipient: { domain: "example.com" } },
        context: { environment: "production" },
      },
      false,
    );
    expect(context).toEqual({
      "Request:HasHumanApproval": "false",
      "Agentspec:Call": "well-formed",
      "Agentspec:Tool": "Billing\u0000Refund",
      "Agentspec:FoldedTool": "billing\u0000refund",
      "Agentspec:Respelled": "true",
      "Tool:ArgType:amount": "number",
      "Tool:Arg:amount": "150.5",
      "Tool:ArgLength:body": "5",
      "Tool:ArgType:recipient.domain": "string",
      "Tool:Arg:recipient.domain": "example.com",
      "Request:Environment": "production",
      "Request:ActorType": "absent",
    });
    for (const value of Object.values(context)) expect(typeof value).toBe("string");
  });

  it("names every type, so a wrong-typed value can never pass for a number or a string", () => {
    const typeOf = (amount: unknown): string | undefined =>
      wpcRequestContext(CONTRACT, { tool: "t", args: { amount } }, true)["Tool:ArgType:amount"];
    expect([
      typeOf("abc"),
      typeOf("5"),
      typeOf(5),
      typeOf(true),
      typeOf(null),
      typeOf([1]),
      typeOf({}),
      typeOf(NaN),
      typeOf(-Infinity),
      typeOf(undefined),
    ]).toEqual([
      "string",
      "string",
      "number",
      "boolean",
      "other:null",
      "other:array",
      "other:object",
      "other:non-finite-number",
      "other:non-finite-number",
      "absent",
    ]);
    // No numeric text for what is not a finite number: WPC's parseFloat would read "5abc" as 5.
    expect(wpcRequestContext(CONTRACT, { tool: "t", args: { amount: NaN } }, true)["Tool:Arg:amount"]).toBeUndefined();
    expect(wpcRequestContext(CONTRACT, { tool: "t", args: { amount: 1e21 } }, true)["Tool:Arg:amount"]).toBe("1e+21");
  });

  it("marks exactly the calls decide() rejects as malformed, and supplies nothing else about them", () => {
    const calls: unknown[] = [
      { tool: "" },
      { tool: "t", args: "abc" },
      { tool: "t", context: [1] },
      { tool: "t", args: null },
      null,
      "email.send",
      { tool: 5 },
      // Malformed once decide() reads names and keys as issue #12 says; marked whenever decide() rejects them.
      { tool: "email.send\u200b" },
      { tool: "a..b" },
      { tool: "t", args: JSON.parse('{"__proto__": {"amount": 1}}') },
      { tool: "t", args: { amount: 1 } },
    ];
    const nothing = makePolicy();
    let malformed = 0;
    for (const call of calls) {
      const context = wpcRequestContext(CONTRACT, call, false);
      // decide()'s own check: every call it rejects as malformed is marked, and a __proto__ key
      // (which decide() checks only once a tool could run) too.
      if (decide(nothing, call).rule === "malformed-call") expect(callProblem(call), JSON.stringify(call)).toBeDefined();
      if (callProblem(call) !== undefined) {
        expect(context, JSON.stringify(call)).toEqual({ "Request:HasHumanApproval": "false", "Agentspec:Call": "malformed" });
        malformed++;
      } else expect(context["Agentspec:Call"], JSON.stringify(call)).toBe("well-formed");
    }
    expect(malformed).toBe(calls.length - 1);
  });

  it("reads a contract that is not one as reading no keys, never throwing", () => {
    for (const contract of [
      null,
      5,
      {},
      { statements: "x" },
      { statements: [null, { conditions: null }, { conditions: { StringEquals: 3 } }] },
    ]) {
      expect(Object.keys(wpcRequestContext(contract, { tool: "t", args: { amount: 1 } }, false)).sort()).toEqual([
        "Agentspec:Call",
        "Agentspec:FoldedTool",
        "Agentspec:Respelled",
        "Agentspec:Tool",
        "Request:HasHumanApproval",
      ]);
    }
  });
});

describe("fromWpcDecisions", () => {
  it("reads allow when unapproved, require_approval when only approval allows, deny otherwise", () => {
    expect([fromWpcDecisions("ALLOW", "ALLOW"), fromWpcDecisions("DENY", "ALLOW"), fromWpcDecisions("DENY", "DENY")]).toEqual([
      "allow",
      "require_approval",
      "deny",
    ]);
  });
});
