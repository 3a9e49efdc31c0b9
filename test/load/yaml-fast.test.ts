import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
// @ts-expect-error: the benchmark's plain JS spec generator, without type declarations
import { generateSpec } from "../../bench/corpus.js";
import { parseCommonYaml } from "../../src/load/yaml-fast.js";
import { parseWithYamlPackage, parseYamlSource } from "../../src/load/yaml.js";
import { corpusPath, hasCorpus } from "../helpers/corpus.js";
import { fuzzRuns, fuzzTimeout } from "../helpers/fuzz.js";

/** Every pointer into a value, so locate() is compared for every node (keys and values). */
function pointers(value: unknown, base = ""): string[] {
  const out = [base];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pointers(v, `${base}/${i}`)));
  else if (value !== null && typeof value === "object") {
    for (const key of Object.keys(value))
      out.push(...pointers((value as Record<string, unknown>)[key], `${base}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`));
  }
  return out;
}

/** The fast reader either gives up or agrees with the yaml package on data, diagnostics and every position. */
function expectSameReading(text: string): boolean {
  // When it gives up, parseYamlSource takes the path it always took (nesting check, full parser).
  if (parseCommonYaml(text) === undefined) return false;
  const fast = parseYamlSource("x.agentspec.yaml", text);
  const full = parseWithYamlPackage("x.agentspec.yaml", text);
  // toEqual and the JSON text (key order, own __proto__ keys); toStrictEqual would compare the
  // own "constructor" keys of the hostile fixtures as if they were the objects' classes.
  expect(fast.data).toEqual(full.data);
  expect(JSON.stringify(fast.data)).toBe(JSON.stringify(full.data));
  expect(fast.diagnostics).toEqual(full.diagnostics);
  for (const pointer of [...pointers(full.data), "/missing", "/0/x"]) {
    expect(fast.locate(pointer, "key"), `${pointer} (key)`).toEqual(full.locate(pointer, "key"));
    expect(fast.locate(pointer, "value"), `${pointer} (value)`).toEqual(full.locate(pointer, "value"));
  }
  return true;
}

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(dir, f));

describe("fast YAML reader", () => {
  it.each(yamlFiles("specs"))("reads %s as the yaml package does", (file) => {
    expect(expectSameReading(readFileSync(file, "utf8"))).toBe(true);
  });

  it.each(yamlFiles("test/hostile/fixtures"))("%s: gives up or agrees", (file) => {
    expectSameReading(readFileSync(file, "utf8"));
  });

  it.runIf(hasCorpus)("the corpus's YAML files: gives up or agrees", () => {
    for (const file of yamlFiles(corpusPath())) expectSameReading(readFileSync(file, "utf8"));
  });

  it("gives up on nesting deeper than 64 levels, which then meets the full parser's checks", () => {
    expect(parseCommonYaml(`a: ${"[".repeat(64)}1${"]".repeat(64)}\n`)).toBeDefined();
    expect(parseCommonYaml(`a: ${"[".repeat(65)}1${"]".repeat(65)}\n`)).toBeUndefined();
    expect(parseYamlSource("x.yaml", `a: ${"[".repeat(300)}${"]".repeat(300)}\n`).diagnostics[0]?.message).toBe(
      "Nesting deeper than 256 levels is not allowed in a spec",
    );
  });

  it("takes every YAML spec of the benchmark corpus", () => {
    for (let i = 0; i < 200; i++) {
      const { file, text } = generateSpec(3, i) as { file: string; text: string };
      if (file.endsWith(".yaml")) expect(expectSameReading(text)).toBe(true);
    }
  });

  it.each([
    [
      "scalars of every core type",
      "a: 1\nb: -2.5\nc: true\nd: False\ne: ~\nf: null\ng: 2.0.0\nh: 0x1F\ni: 1e3\nj: .inf\nk: 12345678901234567890\nl: '0012'\n",
    ],
    ["quoted keys and escapes", "\"a b\": \"x\\ty\\\"z\"\n'it''s': 'don''t'\nc: \"\\u00e9\"\n"],
    ["comments everywhere", "# head\na: 1 # one\n\n  # indented comment\nb: [x, y] # list\nc: 'a # not a comment'\n"],
    ["sequences at the key's indentation and nested", "a:\n- x\n- y: 1\n  z: [1, {k: v}]\n-\n  w: 2\nb:\n  - - nested\n"],
    ["flow collections", "a: { b: [1, 2, { c: d }], e: 'f, g' }\nh: []\ni: {}\nj: [a: b]\n"],
    ["empty and odd values", "a:\nb: -\nc: ? x\nd: |\n  text\ne: >-\n  folded\n"],
    ["anchors, aliases, tags and merges", "a: &x { b: 1 }\nc: *x\nd: !!str 1\ne: { <<: *x, f: 2 }\n"],
    ["multi-line plain and quoted scalars", 'a: one\n  two\nb: "three\n  four"\n'],
    ["duplicate keys and bad indentation", "a: 1\na: 2\nb:\n    c: 1\n   d: 2\n"],
    ["documents, directives, tabs and CRLF", "%YAML 1.2\n---\na: 1\n...\n", "a:\t1\n", "a: 1\r\nb:\r\n  - c\r\n"],
    ["keys that read as other types", "1: a\ntrue: b\nnull: c\n~: d\n-1: e\n.5: f\n"],
    ["a BOM and plain text with quotes inside", '\uFEFFa: He said "hi" to me\nb: it\'s fine\nc: slack:#x\nd: a:b\n'],
    ["__proto__ keys stay own data", "__proto__: { polluted: true }\nconstructor: 1\n"],
    [
      "nesting deeper than the fast reader takes",
      `a: ${"[".repeat(70)}1${"]".repeat(70)}\n`,
      Array.from({ length: 70 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n") + " 1\n",
      `${" ".repeat(513)}a: 1\n`,
    ],
  ])("%s: gives up or agrees", (_name, ...texts) => {
    for (const text of texts) expectSameReading(text);
  });

  it(
    "gives up or agrees on random documents built from spec-like pieces",
    () => {
      const scalar = fc.constantFrom(
        "x",
        "a b",
        "1",
        "-1",
        "2.5",
        "true",
        "null",
        "~",
        "'q'",
        '"d\\"q"',
        "0x1",
        "1e2",
        "a: b",
        "- x",
        "#c",
        "x #c",
        "[1, 2]",
        "{ a: 1 }",
        "{}",
        "[]",
        "&a x",
        "*a",
        "!t x",
        "|",
        "",
        "''",
        "x:y",
        "'a''b'",
      );
      const key = fc.constantFrom("a", "b c", "'k'", '"k"', "1", "<<", "__proto__", "a", "-x", "?x");
      const line = fc.tuple(fc.constantFrom("", "  ", "    ", "- ", "  - "), key, scalar).map(([indent, k, v]) => `${indent}${k}: ${v}`);
      fc.assert(
        fc.property(fc.array(fc.oneof(line, fc.constantFrom("- a", "  - b", "# c", "", "a:", "  b:")), { maxLength: 8 }), (lines) => {
          expectSameReading(lines.join("\n") + "\n");
        }),
        { numRuns: fuzzRuns(3000), seed: 20261123 },
      );
    },
    fuzzTimeout(fuzzRuns(3000), 20),
  );
});
