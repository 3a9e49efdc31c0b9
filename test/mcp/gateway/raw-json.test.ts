import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findKeyProblem, foldKey, parsedClean } from "../../../src/mcp/gateway/raw-json.js";
import { fuzzRuns } from "../../helpers/fuzz.js";

const strict = { caseVariants: true, maxDepth: 128 };
const dupsOnly = { caseVariants: false, maxDepth: 128 };

describe("findKeyProblem", () => {
  const cases: [string, string, ReturnType<typeof findKeyProblem>][] = [
    ["a plain message", '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x","arguments":{"path":"/a"}}}', undefined],
    ["the same key in sibling objects", '{"a":{"k":1},"b":{"k":2},"c":[{"k":1},{"k":2}]}', undefined],
    [
      "a key repeated in arguments",
      '{"params":{"arguments":{"path":"/tmp/ok","path":"/etc/passwd"}}}',
      { kind: "duplicate-key", key: "path", pointer: "/params/arguments" },
    ],
    [
      "a repeat spelled with an escape",
      '{"params":{"name":"a","n\\u0061me":"b"}}',
      { kind: "duplicate-key", key: "name", pointer: "/params" },
    ],
    [
      "keys differing only by case",
      '{"params":{"arguments":{"path":"/tmp","Path":"/etc"}}}',
      { kind: "case-variant-key", key: "Path", other: "path", pointer: "/params/arguments" },
    ],
    [
      "the Kelvin sign as K",
      '{"params":{"arguments":{"kind":"a","\u212aind":"b"}}}',
      { kind: "case-variant-key", key: "\u212aind", other: "kind", pointer: "/params/arguments" },
    ],
    ["the long s as s", '{"x":{"ſize":1,"size":2}}', { kind: "case-variant-key", key: "size", other: "ſize", pointer: "/x" }],
    ["the final sigma", '{"σ":1,"ς":2}', { kind: "case-variant-key", key: "ς", other: "σ", pointer: "" }],
    [
      "a top-level Method beside method",
      '{"method":"tools/list","Method":"tools/call"}',
      { kind: "case-variant-key", key: "Method", other: "method", pointer: "" },
    ],
    [
      "__proto__ at depth",
      '{"params":{"arguments":{"a":[{"__proto__":{"x":1}}]}}}',
      { kind: "proto-key", key: "__proto__", pointer: "/params/arguments/a/0" },
    ],
    ["an escaped __proto__", '{"\\u005f_proto__":1}', { kind: "proto-key", key: "__proto__", pointer: "" }],
    ["braces and quotes inside strings", '{"a":"}{\\"b\\":1,","b":"\\\\","c":"x\\\\\\"y"}', undefined],
    ["a key that looks repeated inside a string value", '{"a":"\\"a\\":1"}', undefined],
    ["an index in a pointer", '{"p":[1,2,{"q":1,"q":2}]}', { kind: "duplicate-key", key: "q", pointer: "/p/2" }],
    ["a slash and a tilde in a pointer", '{"a/b":{"c~d":{"k":1,"k":2}}}', { kind: "duplicate-key", key: "k", pointer: "/a~1b/c~0d" }],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(findKeyProblem(text, strict)).toEqual(expected);
    });
  }

  it("gives every id of a message whose top-level id is repeated, so each request it might answer is answered", () => {
    expect(findKeyProblem('{"jsonrpc":"2.0","id":"a","id": 7,"result":{}}', dupsOnly)).toEqual({
      kind: "duplicate-key",
      key: "id",
      pointer: "",
      ids: ["a", 7],
    });
    expect(findKeyProblem('{"result":{"id":1,"id":2}}', dupsOnly)).toEqual({ kind: "duplicate-key", key: "id", pointer: "/result" });
  });

  it("leaves case variants alone when asked only for repeats (server messages: schemas may have Name and name)", () => {
    expect(findKeyProblem('{"properties":{"Name":{},"name":{}}}', dupsOnly)).toBeUndefined();
    expect(findKeyProblem('{"properties":{"name":{},"name":{}}}', dupsOnly)?.kind).toBe("duplicate-key");
  });

  it("refuses nesting past the bound, without recursion", () => {
    const deep = "[".repeat(200_000) + "]".repeat(200_000);
    expect(findKeyProblem(deep, strict)?.kind).toBe("too-deep");
    expect(findKeyProblem("[".repeat(128) + "]".repeat(128), strict)).toBeUndefined();
    expect(findKeyProblem("[".repeat(129) + "]".repeat(129), strict)?.kind).toBe("too-deep");
  });

  it("agrees with JSON.parse on which keys a large object holds", () => {
    const members = Array.from({ length: 5000 }, (_, i) => `"k${i}":${i}`);
    const text = `{${members.join(",")}}`;
    expect(findKeyProblem(text, strict)).toBeUndefined();
    expect(findKeyProblem(`{${members.join(",")},"k4999":0}`, strict)).toEqual({ kind: "duplicate-key", key: "k4999", pointer: "" });
  });
});

describe("foldKey", () => {
  it("folds case and compatibility forms", () => {
    expect(foldKey("PATH")).toBe("path");
    expect(foldKey("ｐａｔｈ")).toBe("path");
    expect(foldKey("\u212a")).toBe("k");
  });
});

describe("parsedClean (the fast path before the scan)", () => {
  // Texts built from few keys, so repeats, case twins, "__proto__" and escaped spellings are common,
  // with whitespace around colons and quotes inside strings: the fast path must never call clean
  // what the scan refuses (it may call unclean what the scan passes, which only costs the scan).
  const key = fc.constantFrom("a", "A", "id", "Id", "__proto__", "\\u005f_proto__", "k", "\\u006b", "K", "ſ", "s", 'q\\"', "σ", "ς");
  // Colons and escaped backslashes inside strings too: the fast path counts keys by the colons outside strings.
  const leaf = fc.oneof(
    fc.constantFrom("1", "null", '"x"', '"\\"a\\":1"', '"}{"', "[]", "{}", "-2.5e3", '"a:\\\\"', '"\\\\\\":"'),
    // Strings about as long as the part the count steps through before it searches, with escapes, quotes and colons around that edge.
    fc
      .array(fc.constantFrom("a", ":", "\\", '"', "}", "é"), { minLength: 18, maxLength: 34 })
      .map((chars) => JSON.stringify(chars.join(""))),
  );
  const json: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.array(tie("value"), { maxLength: 4 }).map((items) => `[${items.join(",")}]`),
      fc
        .array(fc.tuple(key, fc.constantFrom(":", " : ", ":\n"), tie("value")), { maxLength: 5 })
        .map((members) => `{${members.map(([k, colon, v]) => `"${k}"${colon}${v}`).join(", ")}}`),
    ),
  })).value;

  it("is clean exactly when the scan finds nothing, for both directions and small depth bounds", () => {
    fc.assert(
      fc.property(json, fc.boolean(), fc.integer({ min: 1, max: 6 }), (text, caseVariants, maxDepth) => {
        const value: unknown = JSON.parse(text);
        const options = { caseVariants, maxDepth };
        expect(parsedClean(value, text, options)).toBe(findKeyProblem(text, options) === undefined);
      }),
      { numRuns: fuzzRuns(2000) },
    );
  });

  it("leaves a message over 64 KiB to the scan alone (walking it first only added to its cost)", () => {
    const big = `{"a":"${"x".repeat(70_000)}"}`;
    expect(parsedClean(JSON.parse(big), big, strict)).toBe(false);
    expect(findKeyProblem(big, strict)).toBeUndefined();
  });

  it("counts keys of large objects and sees a repeat at the end", () => {
    const members = Array.from({ length: 4000 }, (_, i) => `"k${i}":${i}`);
    expect(parsedClean(JSON.parse(`{${members.join(",")}}`), `{${members.join(",")}}`, strict)).toBe(true);
    const repeated = `{${members.join(",")},"k3999":0}`;
    expect(parsedClean(JSON.parse(repeated), repeated, strict)).toBe(false);
    const twin = `{${members.join(",")},"K3999":0}`;
    expect(parsedClean(JSON.parse(twin), twin, strict)).toBe(false);
    expect(parsedClean(JSON.parse(twin), twin, dupsOnly)).toBe(true);
  });
});
