import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findKeyProblem, foldKey, parsedClean } from "../../../src/mcp/gateway/raw-json.js";
import { fuzzRuns, fuzzTimeout } from "../../helpers/fuzz.js";

// parsedClean (the fast path) and findKeyProblem (the scan) held to an oracle written apart from
// both: a recursive-descent reading of the raw text. A mutation of raw-json.ts that drops the
// backslash skip in keyTokens, or reduces sameAsciiFold to equality, fails these (review attack7).
// Independent oracle: a recursive-descent parser over the raw text.
function oracle(text: string, opts: { caseVariants: boolean; maxDepth: number }): string | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  /** After a member or item: past the "," (true: another follows) or the closing bracket (false). */
  const more = (): boolean => {
    ws();
    return text[i++] === ",";
  };
  const str = (): string => {
    const start = i;
    i++;
    while (text[i] !== '"') {
      if (text[i] === "\\") i++;
      i++;
    }
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (depth: number): string | undefined => {
    ws();
    const c = text[i];
    if (c === "{" || c === "[") {
      if (depth + 1 > opts.maxDepth) return "too-deep";
      i++;
      ws();
      if (c === "[") {
        if (text[i] === "]") {
          i++;
          return undefined;
        }
        for (;;) {
          const p = value(depth + 1);
          if (p) return p;
          if (!more()) return undefined;
        }
      }
      const keys = new Set<string>();
      const folds = new Set<string>();
      if (text[i] === "}") {
        i++;
        return undefined;
      }
      for (;;) {
        ws();
        const k = str();
        if (k === "__proto__") return "proto";
        if (keys.has(k)) return "dup";
        keys.add(k);
        if (opts.caseVariants) {
          const f = foldKey(k);
          if (folds.has(f)) return "fold";
          folds.add(f);
        }
        ws();
        i++; // colon
        const p = value(depth + 1);
        if (p) return p;
        if (!more()) return undefined;
      }
    }
    if (c === '"') {
      str();
      return undefined;
    }
    while (i < text.length && !",]} \t\n\r".includes(text[i]!)) i++;
    return undefined;
  };
  const p = value(0);
  return p;
}

function escapeKey(k: string, mode: number): string {
  if (mode === 0) return JSON.stringify(k);
  let out = '"';
  for (let j = 0; j < k.length; j++) {
    const code = k.charCodeAt(j);
    const ch = k[j]!;
    const forced = ch === '"' || ch === "\\" || code < 0x20;
    if (forced || (mode === 1 && j % 2 === 0) || mode === 2) {
      if (mode === 3 && ch === '"') out += '\\"';
      else if (mode === 3 && ch === "\\") out += "\\\\";
      else {
        const h = code.toString(16).padStart(4, "0");
        out += "\\u" + (j % 3 === 0 ? h.toUpperCase() : h);
      }
    } else out += ch;
  }
  return out + '"';
}

const collide = [
  "a",
  "A",
  "id",
  "Id",
  "ID",
  "iD",
  "__proto__",
  "__PROTO__",
  "k",
  "K",
  "\u212a",
  "s",
  "S",
  "\u017f",
  "i",
  "I",
  "\u0131",
  "\u0130",
  "i\u0307",
  "\u03c3",
  "\u03a3",
  "\u03c2",
  "ss",
  "SS",
  "\u00df",
  "\u1e9e",
  "ff",
  "\ufb00",
  "\uff41",
  "\uff21",
  "",
  " ",
  ":",
  '"',
  "\\",
  "\\\\",
  '\\"',
  "a:b",
  "\ud800",
  "\udc00",
  "\u007f",
  "\u0080",
  "@",
  "`",
  "[",
  "{",
  "_",
  "\u0000",
  "\u00b5",
  "\u03bc",
  "\u039c",
  "\u2126",
  "\u03c9",
  "\u212b",
  "\u00e5",
  "x\u0301",
  "\u1e8b",
  "\u00c5",
  "method",
  "Method",
  "METHOD",
  "m\u0065thod",
  "name",
  "NAME",
  "arguments",
  "Arguments",
  "ſtate",
  "state",
];
const keyRaw = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...collide) },
  {
    weight: 2,
    arbitrary: fc.string({
      maxLength: 4,
      unit: fc.constantFrom("a", "A", "b", "B", ":", '"', "\\", "k", "K", "\u212a", "s", "\u017f", "\u0131", "i", "I"),
    }),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: "binary" }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 3, unit: "grapheme" }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }).map((n) => `k${n}`) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }).map((n) => `K${n}`) },
);
const key = fc.tuple(keyRaw, fc.integer({ min: 0, max: 3 })).map(([k, m]) => escapeKey(k, m));
const w = fc.constantFrom("", "", " ", "\n", "\t", "\r\n", "  \n\t ");
const strVal = fc
  .tuple(
    fc.string({ maxLength: 8, unit: fc.constantFrom(":", '"', "\\", "{", "}", "[", "]", ",", "a", "\u2028", "\ud800", "\u0000") }),
    fc.integer({ min: 0, max: 3 }),
  )
  .map(([s, m]) => escapeKey(s, m));
const leaf = fc.oneof(
  fc.constantFrom(
    "1",
    "-0",
    "0",
    "1e5",
    "1E+5",
    "-1.5e-3",
    "true",
    "false",
    "null",
    '""',
    '":"',
    '"\\\\"',
    '"\\\\\\""',
    '"\\u0022:"',
    '"\\u005c"',
    '"\\u005c\\u0022"',
    '"a\\\\":"',
  ),
  strVal,
);
const json: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc
      .tuple(fc.array(fc.tuple(w, tie("value"), w), { maxLength: 4 }))
      .map(([items]) => `[${items.map(([a, v, b]) => a + v + b).join(",")}]`),
    fc
      .array(fc.tuple(w, key, w, w, tie("value"), w), { maxLength: 20 })
      .map((members) => `{${members.map(([a, k, b, c, v, d]) => `${a}${k}${b}:${c}${v}${d}`).join(",")}}`),
  ),
})).value;
const topObject = fc.tuple(json, w, w).map(([v, a, b]) => (v.trimStart().startsWith("{") ? a + v + b : `${a}{"x":${v}}${b}`));

// Wide objects: many keys from a pool (to exceed 16 keys with/without non-ASCII twins).
const wide = fc
  .tuple(fc.array(fc.tuple(keyRaw, fc.integer({ min: 0, max: 3 })), { minLength: 10, maxLength: 40 }), fc.boolean())
  .map(([ks, nest]) => {
    const body = ks.map(([k, m], n) => `${escapeKey(k, m)}:${n}`).join(",");
    return nest ? `{"a":[{${body}}]}` : `{${body}}`;
  });

function check(text: string, caseVariants: boolean, maxDepth: number) {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return;
  }
  const options = { caseVariants, maxDepth };
  const clean = parsedClean(value, text, options);
  const scan = findKeyProblem(text, options);
  const ref = oracle(text, options);
  if (clean) expect(scan, `fast path clean but scan found problem: ${JSON.stringify(text)}`).toBeUndefined();
  if (clean) expect(ref, `fast path clean but oracle found: ${JSON.stringify(text)}`).toBeUndefined();
  expect(scan === undefined, `scan vs oracle: ${JSON.stringify(text)} ${JSON.stringify(scan)} ${ref}`).toBe(ref === undefined);
}

describe(
  "the key scan and its fast path against an independent parser (review attack7)",
  { timeout: fuzzTimeout(fuzzRuns(3000), 2) },
  () => {
    it("nested objects of colliding, escaped and folded keys: clean only when the oracle finds nothing", () => {
      fc.assert(
        fc.property(topObject, fc.boolean(), fc.integer({ min: 1, max: 8 }), (t, c, d) => check(t, c, d)),
        { numRuns: fuzzRuns(3000) },
      );
    });
    it("wide objects (past 16 keys), with and without non-ASCII twins", () => {
      fc.assert(
        fc.property(wide, fc.boolean(), (t, c) => check(t, c, 128)),
        { numRuns: fuzzRuns(1500) },
      );
    });
    it("any JSON value, and the same with one of its keys repeated", () => {
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 4 }), fc.nat(), fc.boolean(), fc.constantFrom(0, 2, "\t"), (v, pick, c, sp) => {
          const text = JSON.stringify({ jsonrpc: "2.0", v }, null, sp as never);
          check(text, c, 128);
          // inject duplicate of some key
          const keys = [...text.matchAll(/"((?:[^"\\]|\\.)*)"\s*:/g)];
          if (keys.length === 0) return;
          const m = keys[pick % keys.length]!;
          const at = m.index!;
          const dup = text.slice(0, at) + `"${m[1]}":0,` + text.slice(at);
          check(dup, c, 128);
        }),
        { numRuns: fuzzRuns(1500) },
      );
    });
    it("the 64 KiB fast-path bound, deep nesting, empty and NUL keys", () => {
      for (const pad of [0, 1, 2, 3, 10]) {
        const filler = "x".repeat(64 * 1024 - 30 - pad);
        for (const t of [`{"a":"${filler}","a":1}`, `{"a":1,"A":"${filler}"}`, `{"${filler}":1,"${filler}":2}`]) {
          check(t, true, 128);
          check(t, false, 128);
        }
      }
      for (const d of [126, 127, 128, 129, 130, 5000]) {
        const t = '{"a":' + "[".repeat(d) + "]".repeat(d) + "}";
        check(t, true, 128);
        const t2 = '{"a":' + '{"b":'.repeat(d) + "1" + "}".repeat(d) + "}";
        check(t2, true, 128);
      }
      check('{"":1,"":2}', true, 128);
      check('{"\\u0000":1,"\\u0000":2}', true, 128);
    });
  },
);
