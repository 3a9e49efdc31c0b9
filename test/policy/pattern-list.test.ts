import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchToolPattern, patternCovers } from "../../src/policy/glob.js";
import { indexPatternList } from "../../src/policy/pattern-list.js";
import { fuzzRuns } from "../helpers/fuzz.js";

// The answers the index must give: scanning the list in order, as lint did before it.
function naiveFirstMatching(patterns: string[], name: string): number | undefined {
  const index = patterns.findIndex((p) => matchToolPattern(p, name));
  return index === -1 ? undefined : index;
}

function naiveFirstCovering(patterns: string[], inner: string, self?: number): number | undefined {
  const index = patterns.findIndex((p, i) => i !== self && patternCovers(p, inner) && (self === undefined || p !== inner || i < self));
  return index === -1 ? undefined : index;
}

describe("indexPatternList", () => {
  const patterns = ["payment.*", "email.send", "payment.refund", "pay*", "*.delete", "email.send", "payment.r*", "*", "a?b*"];
  const list = indexPatternList(patterns);

  it.each([
    ["payment.refund", 0],
    ["email.send", 1],
    ["payments", 3],
    ["crm.delete", 4],
    ["crm.read", 7],
  ])("firstMatching(%s) is %s", (name, expected) => {
    expect(list.firstMatching(name)).toBe(expected);
  });

  it.each([
    // a literal: covered by an equal entry or a glob that matches it
    ["email.send", undefined, 1],
    ["email.send", 5, 1],
    ["email.send", 1, 7],
    ["payment.refund", 2, 0],
    // a glob: covered only by a prefix glob whose prefix it starts with
    ["payment.r*", 6, 0],
    ["pay*", 3, 7],
    ["*.delete", 4, 7],
    ["*", 7, undefined],
    ["a?b*", 8, 7],
  ])("firstCovering(%s, self %s) is %s", (inner, self, expected) => {
    expect(list.firstCovering(inner, self)).toBe(expected);
  });

  it("skips only an equal prefix glob, keeping a different one ending at the same prefix", () => {
    const repeated = indexPatternList(["a*", "a**", "a*"]);
    expect(repeated.firstCovering("a*", 0)).toBe(1);
    expect(repeated.firstCovering("a*", 2)).toBe(0);
    expect(repeated.firstCovering("a**", 1)).toBe(0);
    expect(repeated.firstCovering("ab*")).toBe(0);
  });

  it("agrees with scanning the list in order (generated lists and names)", () => {
    const pattern = fc.stringMatching(/^[ab.?*]{0,5}$/);
    fc.assert(
      fc.property(fc.array(pattern, { maxLength: 10 }), fc.stringMatching(/^[ab.?*]{0,6}$/), (patterns, name) => {
        const list = indexPatternList(patterns);
        expect(list.firstMatching(name)).toBe(naiveFirstMatching(patterns, name));
        expect(list.firstCovering(name)).toBe(naiveFirstCovering(patterns, name));
        patterns.forEach((p, self) => expect(list.firstCovering(p, self)).toBe(naiveFirstCovering(patterns, p, self)));
      }),
      { seed: 20261201, numRuns: fuzzRuns(2000) },
    );
  });
});
