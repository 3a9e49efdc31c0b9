/**
 * The name search's "there is none" must be a proof: wherever a name it does not try could match,
 * it says not proven, and the change is reported as widened with the reason.
 */
import { describe, expect, it } from "vitest";
import { denies, findName } from "../../src/diff/names.js";
import { makePolicy } from "../helpers/policy.js";
import { decide } from "../../src/policy/index.js";

const raw = (pattern: string) => ({ pattern, folded: false });
const deny = (pattern: string) => ({ pattern, folded: true });

describe("findName", () => {
  it("proves none only when a character no pattern holds was tried", () => {
    // Every one-character middle the search tries is excluded; "acb" is not tried, and matches.
    const exclude = [..."abxqzjkvwy0123456789"].map((c) => raw(`a${c}b`));
    expect(findName({ include: [raw("a?b")], exclude })).toEqual({ proven: false });
    // With one of them left out, that one is found.
    expect(findName({ include: [raw("a?b")], exclude: exclude.slice(1) })).toEqual({ found: "aab" });
  });

  it("does not prove none for an allowlist glob beside a deny pattern when a name outside ASCII escapes both", () => {
    const policy = makePolicy({ tools: { "A?b": { effect: "read" } }, deny: [{ pattern: "a?b" }] });
    // The name that shows it: allowed by "A?b", denied by "a?b" in neither reading.
    expect(decide(policy, { tool: "Aßb" })).toMatchObject({ decision: "allow" });
    expect(decide(policy, { tool: "Axb" })).toMatchObject({ decision: "deny", rule: "deny-pattern" });
    expect(findName({ include: [raw("A?b")], exclude: [deny("a?b")] })).toEqual({ proven: false });
  });

  it("still proves none when a literal name or the literal starts settle it", () => {
    expect(findName({ include: [raw("crm.read")], exclude: [deny("crm.*")] })).toEqual({ proven: true });
    // A name "crm.*" admits starts with "crm", folded too: "admin.*" denied none of them.
    expect(findName({ include: [deny("admin.*"), raw("crm.*")], exclude: [] })).toEqual({ proven: true });
  });

  it("finds a name a deny pattern matches only as written", () => {
    expect(denies("a?b", "aßb")).toBe(true);
    expect(denies("A?b", "aßb")).toBe(false);
    expect(denies("email.send", "EMAIL.SEND")).toBe(true);
    // Excluded as written too: the search does not offer a name decide() denies.
    const search = findName({ include: [raw("email.*")], exclude: [deny("email.*")] });
    expect(search.found).toBeUndefined();
  });
});
