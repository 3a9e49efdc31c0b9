/**
 * Lint never throws, whatever it is given, and every diagnostic points inside the file.
 * Seeded and bounded here; `npm run fuzz` runs the same properties much longer (FUZZ_RUNS).
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { lintSource } from "../../src/lint/index.js";
import { parseSource } from "../../src/load/index.js";
import type { Diagnostic } from "../../src/diagnostics.js";
import { fuzzRuns, fuzzTimeout } from "../helpers/fuzz.js";

const RUNS = fuzzRuns(100);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const settings = { numRuns: RUNS, seed: SEED, endOnFailure: true };
/** Generous: the shared machine is slow at times, and the long pass runs thousands of cases. */
const timeout = fuzzTimeout(RUNS, 200);

const examples = ["customer-email", "customer-support", "order-support", "support-ticket", "ticket-routing"].map(
  (name) =>
    JSON.parse(JSON.stringify(parseSource(name, readFileSync(`specs/${name}.agentspec.yaml`, "utf8")).data)) as Record<string, unknown>,
);

function assertInside(text: string, diagnostics: readonly Diagnostic[]): void {
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  for (const d of diagnostics) {
    expect(d.line, d.message).toBeGreaterThanOrEqual(1);
    expect(d.line, d.message).toBeLessThanOrEqual(Math.max(lines.length, 1));
    expect(d.column, d.message).toBeGreaterThanOrEqual(1);
    expect(d.column, d.message).toBeLessThanOrEqual((lines[d.line - 1]?.length ?? 0) + 2);
    expect(typeof d.message).toBe("string");
    expect(d.message.length).toBeGreaterThan(0);
  }
}

function lintBoth(value: unknown): void {
  const json = JSON.stringify(value, null, 2) ?? "null";
  assertInside(json, lintSource(parseSource("fuzz.agentspec.json", json)).diagnostics);
  const yaml = stringify(value);
  assertInside(yaml, lintSource(parseSource("fuzz.agentspec.yaml", yaml)).diagnostics);
}

interface Mutation {
  example: number;
  path: number[];
  kind: "delete" | "retype" | "duplicate";
  replacement: unknown;
}

/** Deletes, retypes or duplicates one node of a valid spec, at a path chosen by the fuzzer. */
const mutation: fc.Arbitrary<Mutation> = fc.record({
  example: fc.nat(examples.length - 1),
  path: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
  kind: fc.constantFrom("delete", "retype", "duplicate"),
  replacement: fc.jsonValue({ maxDepth: 2 }),
});

function mutate({ example, path: steps, kind, replacement }: Mutation): unknown {
  const spec = structuredClone(examples[example]!);
  let node: unknown = spec;
  for (let i = 0; i < steps.length; i++) {
    if (node === null || typeof node !== "object") break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[steps[i]! % keys.length]!;
    const container = node as Record<string, unknown>;
    const child = container[key];
    const last = i === steps.length - 1 || child === null || typeof child !== "object";
    if (last) {
      if (kind === "delete") {
        if (Array.isArray(container)) container.splice(Number(key), 1);
        else delete container[key];
      } else if (kind === "retype") container[key] = replacement;
      else if (Array.isArray(container)) container.push(structuredClone(child));
      else container[`${key}_copy`] = structuredClone(child);
      break;
    }
    node = child;
  }
  return spec;
}

describe("lint never throws", { timeout }, () => {
  it("for arbitrary JSON values", () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), lintBoth), settings);
  });

  it("for arbitrary values in the places a spec has fields", () => {
    const specLike = fc.record(
      {
        agentspec: fc.oneof(fc.constant("1.0"), fc.jsonValue()),
        agent: fc.oneof(fc.record({ id: fc.string(), version: fc.string() }), fc.jsonValue()),
        tools: fc.dictionary(
          fc.string(),
          fc.oneof(fc.record({ effect: fc.constantFrom("read", "draft", "write", "irreversible", "x") }), fc.jsonValue()),
        ),
        deny: fc.array(fc.oneof(fc.string(), fc.jsonValue())),
        limits: fc.dictionary(fc.constantFrom("max_tool_calls", "max_turns", "max_usd_per_loop", "alert_usd"), fc.jsonValue()),
        tests: fc.array(
          fc.record({ call: fc.record({ tool: fc.string() }), expect: fc.constantFrom("allow", "deny", "require_approval") }),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(specLike, lintBoth), settings);
  });

  it("for mutated valid specs (fields deleted, retyped, duplicated)", () => {
    fc.assert(
      fc.property(mutation, (m) => lintBoth(mutate(m))),
      settings,
    );
  });

  it("for arbitrary text, as JSON and as YAML", () => {
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 400 }),
      fc.string({ maxLength: 400 }),
      fc.string({ unit: fc.constantFrom(..."{}[]:,\"'-#&*!|> \n\tab1"), maxLength: 200 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        assertInside(t, lintSource(parseSource("fuzz.agentspec.json", t)).diagnostics);
        assertInside(t, lintSource(parseSource("fuzz.agentspec.yaml", t)).diagnostics);
      }),
      settings,
    );
  });
});
