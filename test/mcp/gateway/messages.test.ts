import { describe, expect, it } from "vitest";
import { readMessageBytes, readMessageText, type ReadResult } from "../../../src/mcp/gateway/messages.js";

const options = { maxBytes: 4096 };
const client = (text: string) => readMessageText(text, "client", options);

function refusal(result: ReadResult) {
  if (result.ok) throw new Error("expected a refusal");
  return result.refusal;
}

describe("reading one JSON-RPC message", () => {
  it("reads requests, notifications and responses", () => {
    const request = client('{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"x"}}');
    expect(request.ok && request.read.kind).toBe("request");
    expect(request.ok && request.text).toContain('"id":7');
    expect(client('{"jsonrpc":"2.0","method":"notifications/initialized"}')).toMatchObject({ ok: true, read: { kind: "notification" } });
    expect(client('{"jsonrpc":"2.0","id":"a","result":{}}')).toMatchObject({ ok: true, read: { kind: "response" } });
    expect(client('{"jsonrpc":"2.0","id":"a","error":{"code":-1,"message":"no"}}')).toMatchObject({ ok: true, read: { kind: "response" } });
  });

  const refused: [string, string, { id: string | number | null; request: boolean; code: number; message: RegExp }][] = [
    ["a batch", '[{"jsonrpc":"2.0","id":1,"method":"ping"}]', { id: null, request: false, code: -32600, message: /batches are refused/ }],
    ["not JSON", '{"jsonrpc":"2.0",', { id: null, request: false, code: -32700, message: /not JSON/ }],
    ["a bare string", '"hello"', { id: null, request: false, code: -32600, message: /must be an object/ }],
    ["no jsonrpc version", '{"id":3,"method":"ping"}', { id: 3, request: true, code: -32600, message: /"jsonrpc": "2.0"/ }],
    [
      "a fractional id",
      '{"jsonrpc":"2.0","id":1.5,"method":"ping"}',
      { id: null, request: true, code: -32600, message: /string or an integer/ },
    ],
    [
      "an id past 2^53",
      '{"jsonrpc":"2.0","id":9007199254740993,"method":"ping"}',
      { id: null, request: true, code: -32600, message: /within ±2\^53/ },
    ],
    [
      "an object id",
      '{"jsonrpc":"2.0","id":{},"method":"ping"}',
      { id: null, request: true, code: -32600, message: /string or an integer/ },
    ],
    [
      "a null request id",
      '{"jsonrpc":"2.0","id":null,"method":"ping"}',
      { id: null, request: true, code: -32600, message: /must not be null/ },
    ],
    [
      "array params",
      '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":["x"]}',
      { id: 2, request: true, code: -32600, message: /params must be an object/ },
    ],
    [
      "a request and a response at once",
      '{"jsonrpc":"2.0","id":2,"method":"ping","result":{}}',
      { id: 2, request: true, code: -32600, message: /not both/ },
    ],
    ["an empty method", '{"jsonrpc":"2.0","id":2,"method":""}', { id: 2, request: true, code: -32600, message: /non-empty string/ }],
    [
      "a response with both result and error",
      '{"jsonrpc":"2.0","id":1,"result":{},"error":{"code":1,"message":"x"}}',
      { id: null, request: false, code: -32600, message: /either a result or an error/ },
    ],
    ["a response without an id", '{"jsonrpc":"2.0","result":{}}', { id: null, request: false, code: -32600, message: /cannot be matched/ }],
    [
      "a result that is not an object",
      '{"jsonrpc":"2.0","id":1,"result":5}',
      { id: null, request: false, code: -32600, message: /result must be an object/ },
    ],
    [
      "a malformed error",
      '{"jsonrpc":"2.0","id":1,"error":{"code":"x"}}',
      { id: null, request: false, code: -32600, message: /numeric code/ },
    ],
    [
      "smuggled arguments",
      '{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"write_file","arguments":{"path":"/tmp/a","PATH":"/etc/x"}}}',
      { id: 4, request: true, code: -32600, message: /"path" and "PATH" in \/params\/arguments differ only by case/ },
    ],
    [
      "a repeated tool name",
      '{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"read_text_file","name":"write_file"}}',
      { id: 5, request: true, code: -32600, message: /"name" appears twice in \/params/ },
    ],
  ];
  for (const [name, text, expected] of refused) {
    it(`refuses ${name}`, () => {
      const r = refusal(client(text));
      expect({ id: r.id, request: r.request, code: r.error.code }).toEqual({
        id: expected.id,
        request: expected.request,
        code: expected.code,
      });
      expect(r.error.message).toMatch(expected.message);
    });
  }

  it("holds the server to repeats but not to case variants", () => {
    const schema = '{"jsonrpc":"2.0","id":1,"result":{"tools":[{"name":"t","inputSchema":{"properties":{"ID":{},"id":{}}}}]}}';
    expect(readMessageText(schema, "server", options).ok).toBe(true);
    expect(client(schema).ok).toBe(false);
    expect(readMessageText('{"jsonrpc":"2.0","id":1,"id":2,"result":{}}', "server", options).ok).toBe(false);
  });

  it("refuses a message over the size limit before parsing it, and bytes that are not UTF-8", () => {
    const big = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping", params: { pad: "x".repeat(5000) } });
    expect(refusal(readMessageBytes(Buffer.from(big), "client", options)).error.message).toMatch(/over the gateway's limit of 4096/);
    expect(refusal(client(big)).error.message).toMatch(/over the gateway's limit/);
    const invalid = Buffer.concat([Buffer.from('{"jsonrpc":"2.0","id":1,"method":"p'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    expect(refusal(readMessageBytes(invalid, "client", options)).error.message).toMatch(/not valid UTF-8/);
  });
});
