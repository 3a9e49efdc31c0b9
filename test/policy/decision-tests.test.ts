import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/load/index.js";
import { checkSource, loadSpecs } from "../../src/model/index.js";
import { runDecisionTests } from "../../src/policy/decision-tests.js";

const SPEC = `agentspec: "1.0"
agent: { id: demo, version: 1.0.0 }
tools:
  crm.lookup: { effect: read }
  billing.refund:
    effect: irreversible
    approval: { when: { arg: amount, gt: 100 } }
deny: [email.send]
tests:
  - { call: { tool: crm.lookup }, expect: allow }
  - name: big refunds need a human
    call: { tool: billing.refund, args: { amount: 150 } }
    expect: require_approval
  - { call: { tool: email.send, context: { actor: bot } }, expect: allow }
`;

describe("runDecisionTests", () => {
  it("runs each case against the compiled policy and locates it", () => {
    const { spec } = checkSource(parseSource("demo.agentspec.yaml", SPEC));
    const results = runDecisionTests(spec!);
    expect(results.map((r) => [r.index, r.label, r.expected, r.actual.decision, r.passed, r.pointer, r.line, r.column])).toEqual([
      [0, "crm.lookup", "allow", "allow", true, "/tests/0", 10, 5],
      [1, "big refunds need a human", "require_approval", "require_approval", true, "/tests/1", 11, 5],
      [2, 'email.send {"actor":"bot"}', "allow", "deny", false, "/tests/2", 14, 5],
    ]);
    expect(results[2]!.actual.reason).toBe('"email.send" is denied by the policy');
  });

  it("passes every case of the example specs", async () => {
    const checked = await loadSpecs(["specs/"]);
    const failing = checked.flatMap((c) =>
      runDecisionTests(c.spec!)
        .filter((r) => !r.passed)
        .map((r) => `${c.source.file}:${r.line} ${r.label}`),
    );
    expect(failing).toEqual([]);
    expect(checked.reduce((n, c) => n + c.spec!.tests.length, 0)).toBeGreaterThan(10);
  });
});
