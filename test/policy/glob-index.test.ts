import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchToolPattern } from "../../src/policy/glob.js";
import { addGlob, allMatches, createGlobIndex, firstMatch } from "../../src/policy/glob-index.js";
import { naiveGlobMatch } from "../helpers/naive-glob.js";
import { fuzzRuns } from "../helpers/fuzz.js";

function indexOf(patterns: string[]) {
  const index = createGlobIndex<string>();
  for (const p of patterns) addGlob(index, p, p);
  return index;
}

describe("glob index", () => {
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

  it.each([
    // keys that overlap, repeat, and end inside one another
    [["*aa*", "*aaa*", "*a*", "b*a", "*ab?"], "xaaab"],
    [["*aa*", "*aaa*", "*a*", "b*a", "*ab?"], "baa"],
    // the rarest run is the key: ".purge_" is shared, "_7" is not
    [["*.purge_*_7", "*.purge_*_8", "*.purge_*_77", "x.purge_7"], "svc.purge_1_77"],
    // a run repeated in one glob, and more than sixteen of them
    [["a*a?", "x*x*x"], "aaa"],
    [["a*".repeat(20) + "b?".repeat(20), "c*".repeat(30)], "a".repeat(20) + "bb".repeat(20)],
    // globs without a literal run are tried for every name
    [["?", "*", "??*", "*?*"], ""],
    [["?", "*", "??*", "*?*"], "ab"],
    // names with surrogate pairs and the empty name
    [["*\u{1F600}*", "\u{1F600}?", "*"], "\u{1F600}x"],
  ])("%j against %s agrees with the reference matcher", (globs, name) => {
    const index = indexOf(globs);
    const expected = globs.filter((g) => naiveGlobMatch(g, name));
    expect(allMatches(index, name)).toEqual(expected);
    expect(firstMatch(index, name)).toBe(expected[0]);
  });

  it("sees globs added after a lookup", () => {
    const index = indexOf(["a.*"]);
    expect(firstMatch(index, "b.x")).toBeUndefined();
    addGlob(index, "*.x", "*.x");
    expect(firstMatch(index, "b.x")).toBe("*.x");
    expect(allMatches(index, "a.x")).toEqual(["a.*", "*.x"]);
  });

  it("agrees with the reference matcher on many globs with long, shared and overlapping runs (fixed seed)", () => {
    const glob = fc.stringMatching(/^[ab.*?]{0,8}$/);
    const name = fc.stringMatching(/^[ab.]{0,14}$/);
    fc.assert(
      fc.property(fc.array(glob, { maxLength: 40 }), fc.array(name, { minLength: 1, maxLength: 8 }), (globs, names) => {
        const index = indexOf(globs);
        for (const n of names) {
          const expected = globs.filter((g) => naiveGlobMatch(g, n));
          expect(allMatches(index, n)).toEqual(expected);
          expect(firstMatch(index, n)).toBe(expected[0]);
        }
      }),
      { seed: 20261203, numRuns: fuzzRuns(1500) },
    );
  });

  it("finds the globs of a 10,000-entry deny list sharing one run", () => {
    const globs = Array.from({ length: 10_000 }, (_, n) => `*.purge_${n}_*`);
    const index = indexOf(globs);
    expect(allMatches(index, "svc.purge_4711_all")).toEqual(["*.purge_4711_*"]);
    expect(firstMatch(index, "svc.purge_47_x.purge_4711_y")).toBe("*.purge_47_*");
    expect(firstMatch(index, "svc.op1")).toBeUndefined();
  });
});
