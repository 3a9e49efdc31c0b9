// Each protocol revision the gateway speaks, with a real client and server of the official SDKs on
// both sides and the version each pair really negotiated asserted (by the client, by what the
// server read, and by the gateway's own log): 2026-07-28 (no initialize, no session, a `_meta`
// envelope on every request) between the 2.x SDK's Client and a 2.x server over stdio and
// Streamable HTTP; 2025-11-25 between the 1.x SDK's Client and server-everything (1.x); 2025-06-18
// between the 2.x Client, told to offer only that revision, and server-everything (the 1.x Client
// always offers 2025-11-25 and a 1.x server accepts it, so no 1.x pair can agree on 2025-06-18).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client as ClientV2, StreamableHTTPClientTransport as HttpTransportV2 } from "@modelcontextprotocol/client";
import { StdioClientTransport as StdioTransportV2 } from "@modelcontextprotocol/client/stdio";
import { Client as ClientV1 } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport as StdioTransportV1 } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { verifyAuditLog } from "../../../src/runtime/audit-verify.js";
import { BIN, EVERYTHING_SERVER, resultText, waitFor } from "./helpers.js";

const V2_SERVER = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/v2-server.mjs");
const MODERN = "2026-07-28";

const SPEC = `agentspec: "1.0"
agent: { id: protocol-pairs, version: 1.0.0, owner: test, last_reviewed: 2026-11-01 }
tools:
  echo: { effect: read }
  regional: { effect: read }
  whoami: { effect: read }
deny: [write_note, get-env]
`;

let dir: string;
let spec: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-gateway-versions-"));
  spec = path.join(dir, "pairs.agentspec.yaml");
  writeFileSync(spec, SPEC);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const gatewayCommand = (args: string[]) => [BIN, "mcp", "proxy", spec, ...args];

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** A process that prints `listening on <url>` on stderr; its stderr so far is kept. */
async function startListening(args: string[]): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const url = await waitFor(() => /listening on (http:\/\/\S+\/mcp)/.exec(stderr)?.[1], `${args.join(" ")} to listen`, 30_000);
  return { child, url, stderr: () => stderr };
}

/** The 1.x Client has no getter for the version it agreed: read it off the initialize answer it received. */
function watchInitialize(transport: StdioTransportV1): () => string | undefined {
  let agreed: string | undefined;
  let inner: ((message: unknown) => void) | undefined;
  Object.defineProperty(transport, "onmessage", {
    configurable: true,
    get: () => inner,
    set(handler: (message: unknown) => void) {
      inner = (message) => {
        const result = (message as { result?: { protocolVersion?: unknown } }).result;
        if (typeof result?.protocolVersion === "string") agreed = result.protocolVersion;
        handler(message);
      };
    },
  });
  return () => agreed;
}

/** What a 2.x pair must show through the gateway: the filtered list, an allowed call, a denial that never reached the server. */
async function exercise(client: ClientV2, witness: string): Promise<void> {
  expect((await client.listTools()).tools.map((t) => t.name).sort()).toEqual(["echo", "regional", "whoami"]);
  // What the server itself read the request as.
  expect(resultText(await client.callTool({ name: "whoami", arguments: {} }))).toBe(MODERN);
  expect(resultText(await client.callTool({ name: "echo", arguments: { text: "through" } }))).toBe("through");
  const denied = await client.callTool({ name: "write_note", arguments: { text: "must not be written" } });
  expect(denied.isError).toBe(true);
  expect(resultText(denied)).toContain("agentspec denied this call (deny-pattern)");
  expect((denied._meta as Record<string, { rule?: string }>)["agentspec/decision"]?.rule).toBe("deny-pattern");
  expect(existsSync(witness)).toBe(false);
}

describe("2026-07-28: the 2.x SDK's Client and server, through the gateway", { timeout: 60_000 }, () => {
  it("over stdio: negotiated by server/discover, every request enveloped, the policy enforced, the record verifiable", async () => {
    const witness = path.join(dir, "stdio-witness.txt");
    const record = path.join(dir, "stdio-record.jsonl");
    const transport = new StdioTransportV2({
      command: process.execPath,
      args: gatewayCommand(["--record", record, "--", process.execPath, V2_SERVER, "stdio", witness]),
      stderr: "pipe",
    });
    let stderr = "";
    transport.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const client = new ClientV2({ name: "v2-stdio", version: "1.0.0" }, { versionNegotiation: { mode: { pin: MODERN } } });
    await client.connect(transport);
    try {
      expect(client.getNegotiatedProtocolVersion()).toBe(MODERN);
      expect(client.getProtocolEra()).toBe("modern");
      await exercise(client, witness);
      expect(stderr).toContain(`protocol "${MODERN}", named by the request`);
      expect(stderr).not.toContain("agreed by initialize");
    } finally {
      await client.close();
    }
    const log = readFileSync(record, "utf8");
    // whoami, echo and write_note: each decided once, the chain intact.
    expect(verifyAuditLog(log)).toMatchObject({ ok: true, records: 3 });
    const rules = log
      .trim()
      .split("\n")
      .map((line) => `${(JSON.parse(line) as { tool: string }).tool} ${(JSON.parse(line) as { rule: string }).rule}`);
    expect(rules).toEqual(["whoami allowed", "echo allowed", "write_note deny-pattern"]);
  });

  describe("over Streamable HTTP: no session, each POST served on its own", () => {
    let server: Awaited<ReturnType<typeof startListening>>;
    let gateway: Awaited<ReturnType<typeof startListening>>;
    const witness = () => path.join(dir, "http-witness.txt");
    beforeAll(async () => {
      server = await startListening([V2_SERVER, "http", witness()]);
      gateway = await startListening(gatewayCommand(["--listen", "127.0.0.1:0", "--url", server.url]));
    });
    afterAll(async () => {
      await stop(gateway.child);
      await stop(server.child);
    });

    it("serves a pinned 2.x client: discover, list, calls, a denial", async () => {
      const client = new ClientV2({ name: "v2-http", version: "1.0.0" }, { versionNegotiation: { mode: { pin: MODERN } } });
      await client.connect(new HttpTransportV2(new URL(gateway.url)));
      try {
        expect(client.getNegotiatedProtocolVersion()).toBe(MODERN);
        await exercise(client, witness());
        expect(gateway.stderr()).toContain(`protocol "${MODERN}", named by the request`);
      } finally {
        await client.close();
      }
    });

    it("an auto-negotiating 2.x client lands on 2026-07-28 too", async () => {
      const client = new ClientV2({ name: "v2-auto", version: "1.0.0" }, { versionNegotiation: { mode: "auto" } });
      await client.connect(new HttpTransportV2(new URL(gateway.url)));
      try {
        expect(client.getNegotiatedProtocolVersion()).toBe(MODERN);
        expect(resultText(await client.callTool({ name: "whoami", arguments: {} }))).toBe(MODERN);
      } finally {
        await client.close();
      }
    });

    const envelope = { [`io.modelcontextprotocol/protocolVersion`]: MODERN, "io.modelcontextprotocol/clientCapabilities": {} };
    const post = (body: unknown, headers: Record<string, string>) =>
      fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
        body: JSON.stringify(body),
      });

    it("a denial on this revision says its result is complete", async () => {
      const call = {
        jsonrpc: "2.0",
        id: 7,
        method: "tools/call",
        params: { name: "write_note", arguments: { text: "x" }, _meta: envelope },
      };
      const response = await post(call, { "mcp-protocol-version": MODERN, "mcp-method": "tools/call", "mcp-name": "write_note" });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { id: number; result: { isError: boolean; resultType: string } };
      expect(body.id).toBe(7);
      expect(body.result.isError).toBe(true);
      expect(body.result.resultType).toBe("complete");
      expect(existsSync(witness())).toBe(false);
    });

    it("sends the Mcp-Param-* headers a tool declares, derived from the arguments it decided on (SEP-2243)", async () => {
      const client = new ClientV2({ name: "v2-params", version: "1.0.0" }, { versionNegotiation: { mode: { pin: MODERN } } });
      await client.connect(new HttpTransportV2(new URL(gateway.url)));
      try {
        await client.listTools();
        // The server compares each declared header with the body and refuses a call whose header is missing or differs:
        // values that are sent as they are, and values SEP-2243 sends as =?base64?…?= (not ASCII, edge spaces, empty, a sentinel).
        for (const region of ["eu-west", "a\tb", "Zürich", "東京 😀", " leading", "trailing ", "", "=?base64?ZXU=?="]) {
          expect(resultText(await client.callTool({ name: "regional", arguments: { region, text: "through" } }))).toBe(
            `${region}: through`,
          );
        }
      } finally {
        await client.close();
      }
    });

    it("lists the server's tools itself for a call of a tool it has not seen, and never passes on the client's own Mcp-Param-* headers", async () => {
      // A gateway of its own, which has seen no listing.
      const fresh = await startListening(gatewayCommand(["--listen", "127.0.0.1:0", "--url", server.url]));
      try {
        const call = (id: number, region: string) => ({
          jsonrpc: "2.0",
          id,
          method: "tools/call",
          params: { name: "regional", arguments: { region, text: "raw" }, _meta: envelope },
        });
        const headers = {
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          "mcp-protocol-version": MODERN,
          "mcp-method": "tools/call",
          "mcp-name": "regional",
        };
        for (const [id, region, claimed] of [
          [21, "ap-south", undefined],
          // A header that disagrees with the body: the server gets the one derived from the body the gateway decided.
          [22, "eu", "us"],
        ] as const) {
          const response = await fetch(fresh.url, {
            method: "POST",
            headers: { ...headers, ...(claimed ? { "mcp-param-region": claimed } : {}) },
            body: JSON.stringify(call(id, region)),
          });
          expect(response.status).toBe(200);
          const text = await response.text();
          // JSON, or one SSE event holding it.
          const body = JSON.parse(text.startsWith("{") ? text : /^data: (.*)$/m.exec(text)![1]!) as {
            id: number;
            result: { content: { text: string }[] };
          };
          expect(body.id).toBe(id);
          expect(body.result.content[0]!.text).toBe(`${region}: raw`);
        }
        expect(fresh.stderr()).not.toContain("could not list");
      } finally {
        await stop(fresh.child);
      }
    });

    it("refuses headers that contradict the body (HTTP 400, -32020), before anything is decided or forwarded", async () => {
      const call = (name: string) => ({
        jsonrpc: "2.0",
        id: 8,
        method: "tools/call",
        params: { name, arguments: { text: "x" }, _meta: envelope },
      });
      const cases: [unknown, Record<string, string>, RegExp][] = [
        // A router reading Mcp-Name would see an allowed tool; the body calls a denied one.
        [
          call("write_note"),
          { "mcp-protocol-version": MODERN, "mcp-method": "tools/call", "mcp-name": "echo" },
          /Mcp-Name header \("echo"\)/,
        ],
        [
          call("echo"),
          { "mcp-protocol-version": MODERN, "mcp-method": "tools/list", "mcp-name": "echo" },
          /Mcp-Method header \("tools\/list"\)/,
        ],
        [call("echo"), { "mcp-protocol-version": "2025-11-25" }, /MCP-Protocol-Version header \("2025-11-25"\) differs/],
        [
          { jsonrpc: "2.0", id: 9, method: "tools/list", params: {} },
          { "mcp-protocol-version": MODERN },
          /has no protocol version in its _meta/,
        ],
      ];
      for (const [body, headers, message] of cases) {
        const response = await post(body, headers);
        expect(response.status).toBe(400);
        const answer = (await response.json()) as { error: { code: number; message: string } };
        expect(answer.error.code).toBe(-32020);
        expect(answer.error.message).toMatch(message);
      }
      expect(existsSync(witness())).toBe(false);
    });
  });

  it("over HTTP in front of a stdio server: a server of its own for each request", async () => {
    const witness = path.join(dir, "per-request-witness.txt");
    const gateway = await startListening(gatewayCommand(["--listen", "127.0.0.1:0", "--", process.execPath, V2_SERVER, "stdio", witness]));
    const client = new ClientV2({ name: "v2-per-request", version: "1.0.0" }, { versionNegotiation: { mode: { pin: MODERN } } });
    try {
      await client.connect(new HttpTransportV2(new URL(gateway.url)));
      expect(client.getNegotiatedProtocolVersion()).toBe(MODERN);
      await exercise(client, witness);
    } finally {
      await client.close();
      await stop(gateway.child);
    }
  });
});

describe("2025-11-25 and 2025-06-18 through the gateway", { timeout: 60_000 }, () => {
  it("2025-11-25: the 1.x Client and server-everything (1.x) agree on it by initialize", async () => {
    const transport = new StdioTransportV1({
      command: process.execPath,
      args: gatewayCommand(["--", process.execPath, EVERYTHING_SERVER, "stdio"]),
      stderr: "pipe",
    });
    let stderr = "";
    transport.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const agreed = watchInitialize(transport);
    const client = new ClientV1({ name: "v1-client", version: "1.0.0" });
    await client.connect(transport);
    try {
      expect(agreed()).toBe("2025-11-25");
      expect(stderr).toContain(`protocol "2025-11-25", agreed by initialize`);
      expect(resultText(await client.callTool({ name: "echo", arguments: { message: "v1" } }))).toContain("v1");
      const denied = await client.callTool({ name: "get-env", arguments: {} });
      expect(denied.isError).toBe(true);
      expect((denied as { resultType?: unknown }).resultType).toBeUndefined();
    } finally {
      await client.close();
    }
  });

  it("2025-06-18: the 2.x Client offering only it, and server-everything, over stdio and over HTTP (--listen)", async () => {
    const offer = { supportedProtocolVersions: ["2025-06-18"] };
    const stdio = new StdioTransportV2({
      command: process.execPath,
      args: gatewayCommand(["--", process.execPath, EVERYTHING_SERVER, "stdio"]),
      stderr: "pipe",
    });
    let stderr = "";
    stdio.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const overStdio = new ClientV2({ name: "v2-legacy", version: "1.0.0" }, offer);
    await overStdio.connect(stdio);
    try {
      expect(overStdio.getNegotiatedProtocolVersion()).toBe("2025-06-18");
      expect(overStdio.getProtocolEra()).toBe("legacy");
      expect(stderr).toContain(`protocol "2025-06-18", agreed by initialize`);
      expect(resultText(await overStdio.callTool({ name: "echo", arguments: { message: "june" } }))).toContain("june");
      expect((await overStdio.callTool({ name: "get-env", arguments: {} })).isError).toBe(true);
    } finally {
      await overStdio.close();
    }

    const gateway = await startListening(gatewayCommand(["--listen", "127.0.0.1:0", "--", process.execPath, EVERYTHING_SERVER, "stdio"]));
    const overHttp = new ClientV2({ name: "v2-legacy-http", version: "1.0.0" }, offer);
    try {
      await overHttp.connect(new HttpTransportV2(new URL(gateway.url)));
      expect(overHttp.getNegotiatedProtocolVersion()).toBe("2025-06-18");
      await waitFor(() => gateway.stderr().includes(`protocol "2025-06-18", agreed by initialize`), "the gateway's log of the version");
      expect(resultText(await overHttp.callTool({ name: "echo", arguments: { message: "june over http" } }))).toContain("june over http");
      expect((await overHttp.callTool({ name: "get-env", arguments: {} })).isError).toBe(true);
    } finally {
      await overHttp.close();
      await stop(gateway.child);
    }
  });
});
