/**
 * Property-based, over generated pairs of specs (an old one and a new one that is often a small
 * edit of it): every witness the diff prints really decides less strictly under the new policy,
 * and when no change is reported as widened, no sampled call decides less strictly under the new
 * policy than under the old. The calls are sampled independently of the diff's own search: names
 * from both policies' patterns with their wildcards filled, random names, and argument and
 * context values at, around and of other types than every constant the specs use.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Policy } from "../../generated/policy.js";
import { compilePolicy, decide, type ToolCall } from "../../src/policy/index.js";
import { diffAuthority } from "../../src/diff/index.js";
import { parseSource } from "../../src/load/index.js";
import { checkSource, type Spec } from "../../src/model/index.js";
import { fuzzRuns, fuzzTimeout } from "../helpers/fuzz.js";

const SEED = 171717;
const RUNS = fuzzRuns(300);

const rank = (d: { decision: string }) => (d.decision === "deny" ? 2 : d.decision === "require_approval" ? 1 : 0);

// A tiny alphabet so that names and patterns collide often.
const name = fc.string({ unit: fc.constantFrom("a", "b", "."), minLength: 1, maxLength: 3 });
const pattern = fc.string({ unit: fc.constantFrom("a", "b", "A", ".", "*", "?"), minLength: 1, maxLength: 4 });
const number = fc.constantFrom(0, 5, 10, 100, 500, -3, 2.5);
const env = fc.constantFrom("prod", "dev", "Prod");

const leaf = fc.oneof(
  fc.record({ arg: fc.constantFrom("amount", "meta.size"), gt: number }),
  fc.record({ arg: fc.constant("amount"), lte: number }),
  fc.record({ arg: fc.constant("amount"), eq: fc.oneof(number, fc.constant("5")) }),
  fc.record({ context: fc.constant("environment"), eq: env }),
  fc.record({ context: fc.constant("environment"), ne: env }),
  fc.record({ context: fc.constant("environment"), in: fc.uniqueArray(env, { minLength: 1, maxLength: 2 }) }),
  fc.record({ arg: fc.constant("currency"), not_in: fc.uniqueArray(fc.constantFrom("usd", "eur", 1), { minLength: 1, maxLength: 2 }) }),
);
const condition = fc.oneof(
  { weight: 3, arbitrary: leaf },
  fc.record({ any: fc.array(leaf, { minLength: 1, maxLength: 2 }) }),
  fc.record({ all: fc.array(leaf, { minLength: 1, maxLength: 2 }) }),
);
const limit = fc
  .record(
    {
      max: number,
      min: number,
      max_length: fc.constantFrom(0, 2, 5),
      one_of: fc.uniqueArray(fc.constantFrom("usd", "eur", 5, true), { minLength: 1, maxLength: 2 }),
      required: fc.boolean(),
    },
    { requiredKeys: [] },
  )
  // Limits a spec author could mean: a bound on numbers or on strings, never both, min ≤ max.
  .filter(
    (l) =>
      Object.keys(l).length > 0 &&
      !(l.max_length !== undefined && (l.max !== undefined || l.min !== undefined)) &&
      !(l.min !== undefined && l.max !== undefined && l.min > l.max),
  );
const approval = fc.oneof(fc.constant(true), fc.record({ when: condition, channel: fc.constantFrom("ops", "sec") }, { requiredKeys: [] }));
const tool = fc.record(
  {
    effect: fc.constantFrom("read", "write", "irreversible"),
    approval,
    limits: fc.dictionary(fc.constantFrom("amount", "currency", "body", "meta"), limit, { maxKeys: 2 }),
  },
  { requiredKeys: ["effect"] },
);
type ToolSpec = { effect: string; approval?: unknown; limits?: Record<string, unknown> };
type Doc = { tools: Record<string, ToolSpec>; deny: string[]; limits?: Record<string, number> };
const doc: fc.Arbitrary<Doc> = fc.record({
  tools: fc.dictionary(fc.oneof(name, pattern), tool, { minKeys: 1, maxKeys: 4 }) as fc.Arbitrary<Record<string, ToolSpec>>,
  deny: fc.uniqueArray(fc.oneof(pattern, name), { maxLength: 2 }),
});

/** An edit of a spec: most pairs are one or two changes apart, as real diffs are. */
const edit = (base: Doc): fc.Arbitrary<Doc> =>
  fc.oneof(
    doc,
    fc.tuple(fc.constantFrom(...Object.keys(base.tools)), tool).map(([key, t]) => ({ ...base, tools: { ...base.tools, [key]: t } })),
    fc.tuple(fc.oneof(name, pattern), tool).map(([key, t]) => ({ ...base, tools: { ...base.tools, [key]: t } })),
    fc.constantFrom(...Object.keys(base.tools)).map((key) => {
      const tools = { ...base.tools };
      delete tools[key];
      return { ...base, tools };
    }),
    fc.oneof(name, pattern).map((p) => ({ ...base, deny: [...new Set([...base.deny, p])] })),
    fc.constant({ ...base, deny: base.deny.slice(1) }),
    fc.constantFrom(...Object.keys(base.tools)).chain((key) =>
      fc.oneof(approval, fc.constant(undefined)).map((a) => {
        const { approval: _dropped, ...rest } = base.tools[key]!;
        return { ...base, tools: { ...base.tools, [key]: a === undefined ? rest : { ...rest, approval: a } } };
      }),
    ),
  );

const pairs = doc.chain((old) => fc.tuple(fc.constant(old), edit(old)));

function toSpec(d: Doc, file: string): Spec {
  const text = JSON.stringify({ agentspec: "1.0", agent: { id: "p", version: "1" }, tools: d.tools, deny: d.deny });
  const checked = checkSource(parseSource(file, text));
  if (!checked.spec) throw new Error(`generated spec is invalid: ${JSON.stringify(checked.diagnostics)}`);
  return checked.spec;
}

/** Calls sampled without the diff's help: names from every pattern with its wildcards filled, and values around every constant. */
function sampleCalls(policies: Policy[]): ToolCall[] {
  const names = new Set<string>(["a", "b", "a.b", "zz", "A", "aa.b"]);
  for (const policy of policies) {
    for (const key of [...Object.keys(policy.tools), ...policy.deny.map((d) => d.pattern)]) {
      for (const fill of ["", "a", "b.a", "x", "A"]) {
        const filled = key.replace(/\*/g, fill).replace(/\?/g, fill === "" ? "a" : fill[0]!);
        names.add(filled);
        names.add(filled.toUpperCase());
        names.add(filled.toLowerCase());
      }
    }
  }
  const amounts: unknown[] = [
    undefined,
    -4,
    -3,
    -2,
    0,
    1,
    2.5,
    3,
    4,
    5,
    6,
    9,
    10,
    11,
    99,
    100,
    101,
    499,
    500,
    501,
    "5",
    "x",
    true,
    null,
    Number.NaN,
  ];
  const currencies: unknown[] = [undefined, "usd", "eur", "gbp", 1, 5, true, ""];
  const bodies: unknown[] = [undefined, "", "ab", "abc", "abcdef", 5];
  const envs: (string | undefined)[] = [undefined, "prod", "dev", "Prod", "other"];
  const sizes: unknown[] = [undefined, 4, 5, 6, 10, 11, 100, 101, 500, 501, "5"];
  const calls: ToolCall[] = [];
  let i = 0;
  for (const tool of names) {
    for (let k = 0; k < 40; k++, i++) {
      const args: Record<string, unknown> = {};
      const set = (key: string, values: unknown[], stride: number) => {
        const v = values[(i * stride + k) % values.length];
        if (v !== undefined) args[key] = v;
      };
      set("amount", amounts, 7);
      set("currency", currencies, 5);
      set("body", bodies, 3);
      const size = sizes[(i * 11 + k) % sizes.length];
      if (size !== undefined) args.meta = { size };
      else if (k % 5 === 0) args.meta = k % 10 === 0 ? 5 : "m";
      const environment = envs[(i * 13 + k) % envs.length];
      calls.push({ tool, args, ...(environment === undefined ? {} : { context: { environment } }) });
    }
  }
  return calls;
}

describe("diffAuthority over generated spec pairs", () => {
  it(
    "prints only witnesses that decide less strictly, and reports a widening whenever a sampled call decides less strictly",
    () => {
      fc.assert(
        fc.property(pairs, ([oldDoc, newDoc]) => {
          const oldSpec = toSpec(oldDoc, "old.agentspec.json");
          const newSpec = toSpec(newDoc, "new.agentspec.json");
          const oldPolicy = compilePolicy(oldSpec);
          const newPolicy = compilePolicy(newSpec);
          const changes = diffAuthority(oldSpec, newSpec);
          for (const change of changes) {
            if (change.direction === "widened") expect(change.witness !== undefined || typeof change.noWitness === "string").toBe(true);
            if (!change.witness) continue;
            expect(change.direction).toBe("widened");
            expect(rank(decide(newPolicy, change.witness.call))).toBeLessThan(rank(decide(oldPolicy, change.witness.call)));
          }
          if (changes.some((c) => c.direction === "widened")) return;
          for (const call of sampleCalls([oldPolicy, newPolicy])) {
            const before = decide(oldPolicy, call);
            const after = decide(newPolicy, call);
            if (rank(after) < rank(before)) {
              throw new Error(
                `no change is reported widened, yet ${JSON.stringify(call)} goes from ${before.decision} (${before.reason}) to ${after.decision} (${after.reason}); changes: ${JSON.stringify(changes.map((c) => [c.kind, c.direction]))}`,
              );
            }
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    fuzzTimeout(RUNS, 200),
  );
});
