// SEP-2243's Mcp-Param-* headers: which x-mcp-header declarations of a tool's inputSchema count
// (the rules the 2.x SDK's servers check calls by), and the headers made from a call's arguments.
// protocol-versions.test.ts sends them to a real 2.x server, which refuses any that differ.
import { describe, expect, it } from "vitest";
import {
  encodeHeaderValue,
  MAX_DECLARATIONS,
  MAX_KEPT_CHARS,
  MAX_KNOWN_TOOLS,
  RELIST_INTERVAL_MS,
  ParamHeaderBook,
  paramHeaders,
  scanParamHeaders,
} from "../../../src/mcp/gateway/param-headers.js";

const object = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: "object", properties, ...extra });

describe("scanParamHeaders", () => {
  it("finds declarations on properties reached through properties alone, at any depth", () => {
    const schema = object({
      region: { type: "string", "x-mcp-header": "Region" },
      target: object({ zone: { type: "integer", "x-mcp-header": "Zone" }, dry: { type: "boolean", "x-mcp-header": "Dry-Run" } }),
      text: { type: "string" },
    });
    expect(scanParamHeaders(schema)).toEqual({
      declarations: [
        { path: ["region"], headerName: "Region" },
        { path: ["target", "zone"], headerName: "Zone" },
        { path: ["target", "dry"], headerName: "Dry-Run" },
      ],
    });
    expect(scanParamHeaders(object({}))).toEqual({ declarations: [] });
    expect(scanParamHeaders(undefined)).toEqual({ declarations: [] });
  });

  it.each([
    [
      "under items",
      object({ list: { type: "array", items: { type: "string", "x-mcp-header": "Item" } } }),
      /reached through "properties" alone/,
    ],
    ["under anyOf", object({}, { anyOf: [object({ a: { type: "string", "x-mcp-header": "A" } })] }), /reached through "properties" alone/],
    ["under $defs", object({}, { $defs: { d: { type: "string", "x-mcp-header": "D" } } }), /reached through "properties" alone/],
    ["on the root", { type: "object", "x-mcp-header": "Root" }, /reached through "properties" alone/],
    ["not a token", object({ a: { type: "string", "x-mcp-header": "Has Space" } }), /RFC 9110 token/],
    ["empty", object({ a: { type: "string", "x-mcp-header": "" } }), /RFC 9110 token/],
    ["on an object", object({ a: { type: "object", "x-mcp-header": "A" } }), /not object/],
    ["without a type", object({ a: { "x-mcp-header": "A" } }), /not one without a type/],
    [
      "twice, in other cases",
      object({ a: { type: "string", "x-mcp-header": "Region" }, b: { type: "string", "x-mcp-header": "region" } }),
      /declared twice/,
    ],
  ])("refuses a declaration %s, and sends none of the tool's headers", (_what, schema, reason) => {
    const scan = scanParamHeaders(schema);
    expect(scan.declarations).toEqual([]);
    expect(scan.invalid).toMatch(reason);
  });

  it("keeps a number-typed declaration while saying it is invalid: a server still checks its header", () => {
    const scan = scanParamHeaders(object({ n: { type: "number", "x-mcp-header": "N" }, s: { type: "string", "x-mcp-header": "S" } }));
    expect(scan.invalid).toMatch(/not number/);
    expect(scan.declarations.map((d) => d.headerName)).toEqual(["N", "S"]);
  });

  it("reads properties given as an array by their indices, as the SDK's servers do", () => {
    expect(scanParamHeaders({ type: "object", properties: [{ type: "string", "x-mcp-header": "First" }] }).declarations).toEqual([
      { path: ["0"], headerName: "First" },
    ]);
  });

  it("bounds what one tool may declare: declarations, a header name's and a path's length", () => {
    const many = Object.fromEntries(
      Array.from({ length: MAX_DECLARATIONS + 1 }, (_, i) => [`p${i}`, { type: "string", "x-mcp-header": `H${i}` }]),
    );
    expect(scanParamHeaders(object(many))).toEqual({
      declarations: [],
      invalid: `the tool declares more than ${MAX_DECLARATIONS} x-mcp-header arguments`,
    });
    expect(scanParamHeaders(object({ a: { type: "string", "x-mcp-header": "N".repeat(300) } })).invalid).toMatch(/at most 256 characters/);
    expect(scanParamHeaders(object({ ["k".repeat(2000)]: { type: "string", "x-mcp-header": "K" } })).invalid).toMatch(
      /over 1024 characters/,
    );
  });

  it("stops at a nesting bound: a hostile server's schema cannot exhaust the stack", () => {
    let schema: Record<string, unknown> = { type: "string", "x-mcp-header": "Deep" };
    for (let i = 0; i < 10_000; i++) schema = object({ p: schema });
    expect(scanParamHeaders(schema).invalid).toMatch(/nests deeper than/);
  });
});

describe("paramHeaders", () => {
  const declarations = [
    { path: ["region"], headerName: "Region" },
    { path: ["target", "zone"], headerName: "Zone" },
    { path: ["dry"], headerName: "Dry-Run" },
  ];

  it("writes each declared primitive argument as SEP-2243 says; an absent, null or other value gets no header", () => {
    expect(paramHeaders(declarations, { region: "eu", target: { zone: 3 }, dry: false })).toEqual({
      "mcp-param-region": "eu",
      "mcp-param-zone": "3",
      "mcp-param-dry-run": "false",
    });
    expect(paramHeaders(declarations, { region: null, target: "flat", dry: { no: 1 } })).toEqual({});
    expect(paramHeaders(declarations, { region: 2 ** 60 })).toEqual({});
    expect(paramHeaders(declarations, undefined)).toEqual({});
    expect(paramHeaders(declarations, [])).toEqual({});
    // An array on the path is read by index, as the SDK's servers read it.
    expect(paramHeaders([{ path: ["list", "1"], headerName: "Second" }], { list: ["a", "b"] })).toEqual({ "mcp-param-second": "b" });
  });

  it("reads only the arguments' own keys", () => {
    const args = JSON.parse('{"__proto__": {"region": "inherited"}}') as Record<string, unknown>;
    expect(paramHeaders([{ path: ["region"], headerName: "Region" }], Object.create({ region: "proto" }))).toEqual({});
    expect(paramHeaders([{ path: ["__proto__", "region"], headerName: "P" }], args)).toEqual({ "mcp-param-p": "inherited" });
  });

  it("sends a value as it is only when it is plain printable ASCII without edge spaces", () => {
    expect(encodeHeaderValue("eu-west a\tb")).toBe("eu-west a\tb");
    const base64 = (value: string) => `=?base64?${Buffer.from(value, "utf8").toString("base64")}?=`;
    for (const value of ["Zürich", " lead", "trail ", "", "=?base64?ZXU=?=", "a\nb", "a\u0000b"]) {
      expect(encodeHeaderValue(value)).toBe(base64(value));
    }
  });
});

describe("ParamHeaderBook", () => {
  const declaring = (name: string) => ({ name, inputSchema: object({ r: { type: "string", "x-mcp-header": "R" } }) });

  it("learns from listing pages, takes an unlisted name as declaring nothing, keeps a refused one's declarations until it is listed again", () => {
    const book = new ParamHeaderBook();
    book.learn([declaring("a"), { name: 7 }, null, "x", { name: "n".repeat(300) }]);
    book.learn("not a list");
    expect(book.get("a")?.declarations).toHaveLength(1);
    expect(book.get("n".repeat(300))).toBeUndefined();
    book.settle("missing");
    expect(book.get("missing")).toEqual({ declarations: [] });
    book.settle("a");
    expect(book.get("a")?.declarations).toHaveLength(1);
    expect(book.needsListing("a")).toBe(false);
    expect(book.needsListing("unknown")).toBe(true);
    book.refused("a");
    expect(book.needsListing("a")).toBe(true);
    expect(book.get("a")?.declarations).toHaveLength(1);
    book.learn([declaring("a")]);
    expect(book.needsListing("a")).toBe(false);
  });

  it("keeps at most MAX_KNOWN_TOOLS tools and MAX_KEPT_CHARS characters; a tool it cannot keep is not kept stale", () => {
    const book = new ParamHeaderBook();
    book.learn(Array.from({ length: MAX_KNOWN_TOOLS + 10 }, (_, i) => ({ name: `t${i}` })));
    expect(book.get(`t${MAX_KNOWN_TOOLS + 5}`)).toBeUndefined();
    expect(book.get("t5")).toEqual({ declarations: [] });
    const wide = (name: string, chars: number) => ({
      name,
      inputSchema: object(
        Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`${"k".repeat(chars)}${i}`, { type: "string", "x-mcp-header": `H${i}` }])),
      ),
    });
    const roomy = new ParamHeaderBook();
    let kept = 0;
    for (let i = 0; i < 200; i++) {
      roomy.learn([wide(`w${i}`, 1000)]);
      if (roomy.get(`w${i}`)?.declarations.length) kept++;
    }
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(Math.ceil(MAX_KEPT_CHARS / (60 * 1000)) + 1);
    // A tool kept with a small definition, then listed with one too large to keep: dropped, not left with its old declarations.
    roomy.learn([declaring("late")]);
    expect(roomy.get("late")?.declarations).toHaveLength(1);
    roomy.learn([wide("late", 1000)]);
    expect(roomy.get("late")).toBeUndefined();
  });

  it("lists once at a time, at most once per interval, and again for a refused tool at most once per interval", async () => {
    let now = 0;
    const book = new ParamHeaderBook(() => now);
    let lists = 0;
    const list = async () => {
      lists++;
    };
    const first = book.listingFor("a", list);
    expect(first).toBeDefined();
    // In flight: shared.
    expect(book.listingFor("b", list)).toBe(first);
    await first;
    expect(lists).toBe(1);
    // Within the interval: a name the listing did not show waits for none.
    now = RELIST_INTERVAL_MS / 2;
    expect(book.listingFor("b", list)).toBeUndefined();
    // A tool whose headers the server refused: listed for at once, then not again within the interval.
    book.learn([declaring("c")]);
    book.refused("c");
    await book.listingFor("c", list);
    expect(lists).toBe(2);
    book.refused("c");
    now += RELIST_INTERVAL_MS / 2;
    expect(book.listingFor("c", list)).toBeUndefined();
    now += RELIST_INTERVAL_MS;
    await book.listingFor("c", list);
    expect(lists).toBe(3);
  });
});
