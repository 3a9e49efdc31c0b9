/** The rule tester's suppression round trip adds its suppression last, in each shape a case is written in. */
import { describe, expect, it } from "vitest";
import { withSuppression } from "../helpers/rule-tester.js";

const item = '  - { rule: wildcard-allow, reason: "accepted in the rule test" }\n';

describe("withSuppression", () => {
  it("appends a suppressions list to YAML without one", () => {
    expect(withSuppression("tools: {}", "a.agentspec.yaml", "wildcard-allow")).toBe(`tools: {}\nsuppressions:\n${item}`);
  });

  it("adds to the end of an existing block list, so the spec's own suppressions keep what they take", () => {
    const code = "suppressions:\n  - { rule: x, reason: y }\n  - rule: z\n    reason: w\ntools: {}\n";
    expect(withSuppression(code, "a.agentspec.yaml", "wildcard-allow")).toBe(
      `suppressions:\n  - { rule: x, reason: y }\n  - rule: z\n    reason: w\n${item}tools: {}\n`,
    );
  });

  it("adds to a JSON spec's list", () => {
    const out = JSON.parse(withSuppression('{"agentspec":"1.0","suppressions":[{"rule":"x","reason":"y"}]}', "a.agentspec.json", "r"));
    expect(out.suppressions).toEqual([
      { rule: "x", reason: "y" },
      { rule: "r", reason: "accepted in the rule test" },
    ]);
  });
});
