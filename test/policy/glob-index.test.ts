import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchToolPattern } from "../../src/policy/glob.js";
import { addGlob, allMatches, createGlobIndex, firstMatch } from "../../src/policy/glob-index.js";

function indexOf(patterns: string[]) {
  const index = createGlobIndex<string>();
  for (const p of patterns) addGlob(index, p, p);
  return index;
}

describe("glob segment index", () => {
  const patterns = ["*.delete", "billing.refund*", "billing.*", "b?lling.x", "pay*", "admin.*.delete"];
  const index = indexOf(patterns);

  it.each([
    ["billing.refund.full", "billing.refund*", ["billing.refund*", "billing.*"]],
    ["billing.delete", "*.delete", ["*.delete", "billing.*"]],
    ["billing.x", "billing.*", ["billing.*", "b?lling.x"]],
    ["bolling.x", "b?lling.x", ["b?lling.x"]],
    ["payments", "pay*", ["pay*"]],
    ["admin.users.delete", "*.delete", ["*.delete", "admin.*.delete"]],
    ["crm.read", undefined, []],
    ["billing", undefined, []],
  ])("%s: first %s, all %j (policy order across segment buckets and unindexed globs)", (name, first, all) => {
    expect(firstMatch(index, name)).toBe(first);
    expect(allMatches(index, name)).toEqual(all);
  });

  it("a '?' before the first dot keeps the glob unindexed: it can match the dot itself", () => {
    expect(firstMatch(indexOf(["a?b*"]), "a.b.c")).toBe("a?b*");
  });

  it("agrees with matching every glob in order", () => {
    const piece = fc.stringMatching(/^[ab.?*]{0,5}$/);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.stringMatching(/^[ab.]{0,6}$/), (globs, name) => {
        const expected = globs.filter((g) => matchToolPattern(g, name));
        const index = indexOf(globs);
        expect(allMatches(index, name)).toEqual(expected);
        expect(firstMatch(index, name)).toBe(expected[0]);
      }),
      { numRuns: 2000 },
    );
  });
});
