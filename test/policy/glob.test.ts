import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePattern, isPattern, matchToolPattern, patternCovers } from "../../src/policy/glob.js";
import { naiveGlobMatch } from "../helpers/naive-glob.js";
import { fuzzRuns } from "../helpers/fuzz.js";

describe("matchToolPattern", () => {
  it.each([
    ["payment.*", "payment.refund", true],
    ["payment.*", "payment.", true],
    ["payment.*", "payment", false],
    ["payment.*", "payments.refund", false],
    ["*", "", true],
    ["*", "anything.at.all", true],
    ["email.send", "email.send", true],
    ["email.send", "email.sender", false],
    ["email.send", "Email.send", false],
    ["*.send", "email.send", true],
    ["*.send", "email.send.now", false],
    ["a*b*c", "abc", true],
    ["a*b*c", "aXXbYYc", true],
    ["a*b*c", "acb", false],
    ["a*a", "a", false],
    ["a*a", "aa", true],
    ["*a*a", "aa", true],
    ["a**b", "ab", true],
    ["**", "x", true],
  ])("%s against %s is %s", (pattern, name, expected) => {
    expect(matchToolPattern(pattern, name)).toBe(expected);
  });

  it.each([
    ["crm.?et", "crm.get", true],
    ["crm.?et", "crm.set", true],
    ["crm.?et", "crm.et", false],
    ["crm.?et", "crm.gget", false],
    ["?", "", false],
    ["?", "x", true],
    ["??", "x", false],
    ["*?", "", false],
    ["*?", "x", true],
    ["a*?b?*c", "ab2c", false],
    ["a*?b?*c", "aXb2c", true],
    ["a*?b?*c", "aXYb2Zc", true],
    ["*?x?*", "axb", true],
    ["*?x?*", "xb", false],
  ])("? matches one character: %s against %s is %s", (pattern, name, expected) => {
    expect(matchToolPattern(pattern, name)).toBe(expected);
  });

  it("handles a 10,000-character pattern", () => {
    const name = "a".repeat(10_000);
    expect(matchToolPattern("a".repeat(9_999) + "*", name)).toBe(true);
    expect(matchToolPattern("a".repeat(10_000) + "b", name)).toBe(false);
    expect(matchToolPattern("*" + "a".repeat(9_998) + "b*", name)).toBe(false);
    expect(matchToolPattern("?".repeat(10_000), name)).toBe(true);
  });

  it("handles many stars against a long name that almost matches (the backtracking worst case)", () => {
    const name = "a".repeat(5_000);
    expect(matchToolPattern("a*".repeat(2_000) + "b", name)).toBe(false);
    expect(matchToolPattern("*a".repeat(2_000) + "*", name)).toBe(true);
    expect(matchToolPattern("*a".repeat(5_001), name)).toBe(false);
    expect(matchToolPattern("*".repeat(10_000) + "a", name)).toBe(true);
  });

  it("agrees with a reference matcher on generated patterns and names (fixed seed)", () => {
    const char = fc.constantFrom("a", "b", ".", "*", "?");
    const nameChar = fc.constantFrom("a", "b", ".");
    fc.assert(
      fc.property(fc.string({ unit: char, maxLength: 8 }), fc.string({ unit: nameChar, maxLength: 10 }), (pattern, name) => {
        expect(matchToolPattern(pattern, name)).toBe(naiveGlobMatch(pattern, name));
      }),
      { seed: 20260624, numRuns: fuzzRuns(3000) },
    );
  });

  it("compiles a pattern once and matches with it", () => {
    const compiled = compilePattern("crm.*.read");
    expect(compiled.pieces).toEqual(["crm.", ".read"]);
    expect(matchToolPattern(compiled, "crm.contacts.read")).toBe(true);
    expect(isPattern("crm.get")).toBe(false);
    expect(isPattern("crm.?et")).toBe(true);
  });
});

describe("patternCovers", () => {
  it.each([
    ["payment.*", "payment.refund", true],
    ["payment.*", "payment.r*", true],
    ["payment.*", "payment*", false],
    ["*", "anything*", true],
    ["email.send", "email.send", true],
    ["email.send", "email.*", false],
    ["*.send", "email.s*", false],
  ])("%s covers %s: %s", (outer, inner, expected) => {
    expect(patternCovers(outer, inner)).toBe(expected);
  });
});
