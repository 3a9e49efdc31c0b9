import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/load/index.js";
import { coveringDenyEntry, denyingEntry, isDeclared, isDenied } from "../../src/lint/authority.js";
import { lintSpec, rules } from "../../src/lint/index.js";
import { checkSource, type Spec } from "../../src/model/index.js";
import { isPattern, matchToolPattern, patternCovers } from "../../src/policy/glob.js";
import { fuzzRuns } from "../helpers/fuzz.js";

// What lint computed before the deny list was indexed: every entry scanned for every question.
const naive = {
  denyingEntry: (spec: Spec, name: string) => index(spec.deny.findIndex((d) => patternCovers(d.pattern, name))),
  coveringDenyEntry: (spec: Spec, self: number) => {
    const { pattern } = spec.deny[self]!;
    return index(spec.deny.findIndex((d, i) => i !== self && patternCovers(d.pattern, pattern) && (d.pattern !== pattern || i < self)));
  },
  isDenied: (spec: Spec, name: string) => spec.deny.some((d) => matchToolPattern(d.pattern, name)),
  isDeclared: (spec: Spec, name: string) =>
    spec.tools.some((t) => t.name === name || (isPattern(t.name) && matchToolPattern(t.name, name))),
  /** never-emits-allowed's choice of tool for one entry. */
  neverEmitsTool: (spec: Spec, entry: string) =>
    spec.tools.find((t) => {
      const callable = (t.approval === undefined || t.approval.when !== undefined) && naive.denyingEntry(spec, t.name) === undefined;
      const names =
        entry === t.name ||
        (isPattern(entry) && !isPattern(t.name) && matchToolPattern(entry, t.name)) ||
        (isPattern(t.name) && !isPattern(entry) && matchToolPattern(t.name, entry));
      return callable && names && !(isPattern(t.name) && naive.isDenied(spec, entry));
    })?.name,
};

function index(i: number): number | undefined {
  return i === -1 ? undefined : i;
}

const name = fc.stringMatching(/^[ab][ab.?*]{0,4}$/);
const tool = fc.record({ name, gate: fc.constantFrom("none", "always", "when") });
// never_emits entries and deny patterns are often drawn from the tool names, so that equal
// names (a glob entry that is also a glob tool, a denied one) come up.
const specText = fc
  .uniqueArray(tool, { maxLength: 6, selector: (t) => t.name })
  .chain((tools) => {
    const related = tools.length === 0 ? name : fc.oneof(name, fc.constantFrom(...tools.map((t) => t.name)));
    return fc.record({
      tools: fc.constant(tools),
      deny: fc.array(related, { maxLength: 8 }),
      neverEmits: fc.array(related, { maxLength: 4 }),
    });
  })
  .map(({ tools, deny, neverEmits }) =>
    JSON.stringify({
      agentspec: "1.0",
      agent: { id: "demo", version: "1.0.0" },
      tools: Object.fromEntries(
        tools.map((t) => [
          t.name,
          t.gate === "none"
            ? { effect: "read" }
            : { effect: "write", approval: t.gate === "always" ? true : { when: { arg: "amount", gt: 1 } } },
        ]),
      ),
      deny,
      outputs: { never_emits: neverEmits },
    }),
  );

function specOf(text: string): Spec {
  const checked = checkSource(parseSource("generated.agentspec.json", text));
  if (!checked.spec) throw new Error(`generated an invalid spec: ${checked.diagnostics.map((d) => d.message).join("; ")}`);
  return checked.spec;
}

describe("lint's deny and allowlist questions, indexed", () => {
  it("answer as scanning every entry did, on generated specs", () => {
    const rule = rules.find((r) => r.id === "never-emits-allowed")!;
    fc.assert(
      fc.property(specText, name, (text, probe) => {
        const spec = specOf(text);
        for (const asked of [probe, ...spec.tools.map((t) => t.name), ...spec.deny.map((d) => d.pattern)]) {
          expect(denyingEntry(spec, asked)?.index).toBe(naive.denyingEntry(spec, asked));
          expect(isDenied(spec, asked)).toBe(naive.isDenied(spec, asked));
          expect(isDeclared(spec, asked)).toBe(naive.isDeclared(spec, asked));
        }
        spec.deny.forEach((_, self) => expect(coveringDenyEntry(spec, self)?.index).toBe(naive.coveringDenyEntry(spec, self)));
        const reported = new Map(lintSpec(spec, {}, [rule]).map((d) => [d.pointer, d.message]));
        (spec.outputs.never_emits ?? []).forEach((entry, i) => {
          const expected = naive.neverEmitsTool(spec, entry);
          const message = reported.get(`/outputs/never_emits/${i}`);
          if (expected === undefined) expect(message).toBeUndefined();
          else expect(message).toContain(`the allowlisted tool "${expected}"`);
        });
      }),
      { seed: 20261202, numRuns: fuzzRuns(1000) },
    );
  });

  it("sees entries added to a spec's lists after a first question", () => {
    const spec = specOf(JSON.stringify({ agentspec: "1.0", agent: { id: "demo", version: "1.0.0" }, tools: {}, deny: ["a.*"] }));
    expect(isDenied(spec, "b.x")).toBe(false);
    spec.deny.push({ pattern: "b.*" });
    expect(isDenied(spec, "b.x")).toBe(true);
  });
});
