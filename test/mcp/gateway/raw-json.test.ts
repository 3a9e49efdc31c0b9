import { describe, expect, it } from "vitest";
import { findKeyProblem, foldKey } from "../../../src/mcp/gateway/raw-json.js";

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
