/** listMcpTools and connectMcpServer against real servers: the reference servers, and hostile ones. */
import { mkdtempSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AgentspecError } from "../../src/errors.js";
import { connectMcpServer } from "../../src/mcp/connect.js";
import { listMcpTools } from "../../src/mcp/list-tools.js";
import { EVERYTHING_SERVER, filesystemServer, rawServer, startHttpServer, writeToolsFile } from "./helpers.js";

const FILESYSTEM_TOOLS = [
  "read_file",
  "read_text_file",
  "read_media_file",
  "read_multiple_files",
  "write_file",
  "edit_file",
  "create_directory",
  "list_directory",
  "list_directory_with_sizes",
  "directory_tree",
  "move_file",
  "search_files",
  "get_file_info",
  "list_allowed_directories",
];

async function failure(promise: Promise<unknown>): Promise<AgentspecError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AgentspecError);
  expect((error as AgentspecError).code).toBe("MCP_SERVER");
  return error as AgentspecError;
}

describe("listMcpTools on the reference servers", () => {
  it("reads server-filesystem's 14 tools with their annotations", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "agentspec-fs-"));
    const list = await listMcpTools(filesystemServer(dir));
    expect(list.tools.map((t) => t.name)).toEqual(FILESYSTEM_TOOLS);
    expect(list.problems).toEqual([]);
    expect(list.truncated).toBe(false);
    expect(list.server.name).toBe("secure-filesystem-server");
    expect(list.server.protocolVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const byName = new Map(list.tools.map((t) => [t.name, t]));
    expect(byName.get("read_file")!.annotations).toMatchObject({ readOnlyHint: true });
    expect(byName.get("write_file")!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    expect(byName.get("create_directory")!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false });
    expect(byName.get("read_file")!.inputSchema).toMatchObject({ type: "object", required: ["path"] });
  });

  it("reads server-everything's tools", async () => {
    const list = await listMcpTools({ name: "everything", command: process.execPath, args: [EVERYTHING_SERVER, "stdio"] });
    expect(list.server.name).toBe("mcp-servers/everything");
    expect(list.tools.map((t) => t.name)).toContain("echo");
    expect(list.tools.length).toBeGreaterThan(5);
    expect(list.problems.filter((p) => p.severity === "error")).toEqual([]);
  });
});

describe("servers that cannot be listed exit with a clear error", () => {
  it("a command that does not exist", async () => {
    const error = await failure(listMcpTools({ name: "nope", command: "agentspec-no-such-command" }));
    expect(error.message).toBe('MCP server "nope" (agentspec-no-such-command) cannot start "agentspec-no-such-command": no such command');
  });

  it("`cat` is not an MCP server, and says so at once", async () => {
    const started = Date.now();
    const error = await failure(listMcpTools({ name: "server", command: "cat" }, { timeoutMs: 5000 }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error.message).toMatch(
      /^MCP server "server" \(cat\) answered initialize with an error \(MCP error -32601: Method not found\): is it an MCP server\?$/,
    );
  });

  it("a server that prints a banner on stdout", async () => {
    const error = await failure(listMcpTools(rawServer("banner")));
    expect(error.message).toContain('wrote a line on stdout that is not a JSON-RPC message: "Starting server on stdio..."');
  });

  it("a server that exits, with the last lines of its stderr", async () => {
    const error = await failure(listMcpTools(rawServer("exit")));
    expect(error.message).toContain("exited (exit code 3) before answering initialize");
    expect(error.message).toContain("its stderr ended with:\n    loading config\n    Error: config file ~/.server.json not found");
  });

  it("a server that never answers initialize, within the timeout", async () => {
    const started = Date.now();
    const error = await failure(listMcpTools(rawServer("silent"), { timeoutMs: 500 }));
    expect(error.message).toContain("did not answer initialize within 0.5 s: raise --timeout if it starts slowly");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("a server that never answers tools/list, within the timeout", async () => {
    const error = await failure(listMcpTools(rawServer("silent-list"), { timeoutMs: 500 }));
    expect(error.message).toContain("did not answer tools/list within 0.5 s");
  });

  it("a message larger than the limit stops the connection", async () => {
    const error = await failure(listMcpTools(rawServer("huge-line"), { maxMessageBytes: 1024 * 1024 }));
    expect(error.message).toContain("sent a message larger than 1 MiB");
  });
});

describe("hostile tool lists give diagnostics, not crashes", () => {
  it("leaves out tools without a name, with two definitions, invisible characters or wrong parts", async () => {
    const list = await listMcpTools(rawServer("malformed"));
    expect(list.tools.map((t) => t.name)).toEqual(["good", "same", "p\u0430yment", "with space", "string_hint"]);
    const messages = list.problems.map((p) => `${p.severity} ${p.ruleId}${p.excluded ? " (left out)" : ""}: ${p.message}`);
    expect(messages).toEqual([
      'error mcp-tool-list (left out): tools[1] has no name (its "name" is missing): it cannot be allowed or locked',
      'error mcp-tool-list (left out): tools[2] has no name (its "name" is ""): it cannot be allowed or locked',
      'error mcp-tool-list (left out): tools[3] is "not an object", not a tool object',
      'error mcp-tool-list (left out): Tool "twice" (tools[5]) is listed twice with different definitions: which one a client uses is undefined, so neither is used',
      'warning mcp-tool-list: Tool "same" (tools[7]) is listed twice with the same definition',
      'error suspicious-tool-name (left out): The server\'s tool name (tools[8]) "zero\\u200Bwidth" contains characters a reader cannot see: retype it in plain ASCII; the tool is left out',
      'error suspicious-tool-name (left out): The server\'s tool name (tools[9]) "bell\\u0007" contains characters a reader cannot see: retype it in plain ASCII; the tool is left out',
      'warning suspicious-tool-name: The server\'s tool name (tools[10]) "pаyment" contains non-ASCII "а" (U+0430), which may look like an ASCII letter: tool names are ASCII',
      'warning mcp-tool-list: Tool "with space" uses characters outside MCP\'s tool name format (letters, digits, "_", "-" and "."): some clients refuse it',
      'error mcp-tool-list (left out): Tool "no_schema" has no inputSchema object (MCP requires one): its inputSchema is missing',
      'error mcp-tool-list (left out): Tool "array_schema": its inputSchema\'s type is "array", not "object" as MCP requires',
      'error mcp-tool-list (left out): Tool "bad_title": its title is the number 42, not a string',
      'warning mcp-tool-list: Tool "string_hint": its readOnlyHint is "true", not a boolean: it is ignored',
      "error mcp-tool-list (left out): tools[16] has a name of 200 characters: MCP tool names have at most 128",
      'error mcp-tool-list (left out): Tool "*" (tools[17]) has * or ? in its name, which a spec reads as a pattern: it is left out',
    ]);
  });

  it("leaves out every tool whose name a dispatcher that folds names reads as another's", async () => {
    const list = await listMcpTools(rawServer("twins"));
    expect(list.tools.map((t) => t.name)).toEqual(["list"]);
    const excluded = list.problems.filter((p) => p.excluded);
    expect(excluded.map((p) => [p.tool, p.twin, p.duplicate, p.message])).toEqual([
      [
        "delete_file",
        "Delete_File",
        true,
        'Tool "Delete_File" (tools[1]) and tool "delete_file" (tools[0]) read as one name once case and Unicode compatibility forms are folded: a dispatcher that reads names loosely may run either for a call to either, so neither is used',
      ],
      [
        "read",
        "\uff52\uff45\uff41\uff44",
        true,
        'Tool "read" (tools[3]) and tool "\\uFF52\\uFF45\\uFF41\\uFF44" (tools[2]) read as one name once case and Unicode compatibility forms are folded: a dispatcher that reads names loosely may run either for a call to either, so neither is used',
      ],
      [
        "delete_file",
        "DELETE_FILE",
        false,
        'Tool "DELETE_FILE" (tools[4]) and tool "delete_file" (tools[0]) read as one name once case and Unicode compatibility forms are folded: a dispatcher that reads names loosely may run either for a call to either, so neither is used',
      ],
    ]);
    expect(excluded.every((p) => p.severity === "error" && p.ruleId === "mcp-tool-list")).toBe(true);
  });

  it("keeps a 10 MB description whole, with a warning", async () => {
    const list = await listMcpTools(rawServer("huge-description"));
    expect(list.tools).toHaveLength(1);
    expect(list.tools[0]!.description!.length).toBe(13 + 10 * 1024 * 1024);
    expect(list.problems.map((p) => p.message)).toEqual([
      'Tool "poisoned" has a description of 10,485,773 characters: a model reads all of it, a reviewer cannot; read it in full before allowing the tool',
    ]);
  });

  it("reads at most maxTools of 100,000 tools in one page", async () => {
    const list = await listMcpTools(rawServer("many-tools"), { timeoutMs: 30_000 });
    expect(list.tools).toHaveLength(10_000);
    expect(list.truncated).toBe(true);
    expect(list.problems.map((p) => p.message)).toEqual(["The server lists more than 10,000 tools: only the first 10,000 were read"]);
  });

  it("stops paging at maxTools of 100,000 tools in pages of 100", async () => {
    const list = await listMcpTools(rawServer("many-pages"), { maxTools: 1_000, timeoutMs: 30_000 });
    expect(list.tools).toHaveLength(1_000);
    expect(list.tools.at(-1)!.name).toBe("t999");
    expect(list.truncated).toBe(true);
  });

  it("stops at a repeated cursor", async () => {
    const list = await listMcpTools(rawServer("repeat-cursor"));
    expect(list.truncated).toBe(true);
    expect(list.problems.map((p) => p.message)).toContain(
      "The server's tools/list repeats a cursor it already gave: stopped reading there",
    );
  });

  it("reads schemas with $ref cycles, and leaves out one nested 100,000 levels deep", async () => {
    const cyclic = await listMcpTools(rawServer("cyclic"));
    expect(cyclic.tools.map((t) => t.name)).toEqual(["tree", "self"]);
    expect(cyclic.problems).toEqual([]);
    const deep = await listMcpTools(rawServer("deep"));
    expect(deep.tools.map((t) => t.name)).toEqual(["shallow"]);
    expect(deep.problems.map((p) => p.message)).toEqual([
      'Tool "deep": its definition nests deeper than 64 levels, which no real schema needs; it cannot be checked or locked',
    ]);
  });

  it("reports a tools field that is not an array", async () => {
    const list = await listMcpTools(rawServer("not-array"));
    expect(list.tools).toEqual([]);
    expect(list.problems.map((p) => p.message)).toEqual(['tools/list page 1: "tools" is an object, not an array']);
  });

  it("a server without the tools capability offers no tools", async () => {
    const list = await listMcpTools(rawServer("no-tools"));
    expect(list.tools).toEqual([]);
    expect(list.problems.map((p) => p.severity)).toEqual(["warning"]);
  });
});

describe("connectMcpServer", () => {
  it("gives the SDK client, the server's identity and protocol version, and closes the process", async () => {
    const connection = await connectMcpServer(rawServer("ok"));
    expect(connection.server).toEqual({ name: "raw-ok", version: "1.0.0", protocolVersion: expect.stringMatching(/^\d{4}-/) });
    const tools = await connection.within((timeout) => connection.client.listTools(undefined, { timeout }), "tools/list");
    expect(tools.tools.map((t) => t.name)).toEqual(["alpha"]);
    await connection.close();
    await expect(connection.client.listTools()).rejects.toThrow();
  });
});

describe("Streamable HTTP", () => {
  it("lists the tools of an SDK server on a loopback port, with a header from the caller", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "agentspec-http-"));
    const file = writeToolsFile(dir, {
      name: "http-tools",
      tools: [{ name: "lookup", description: "Look up", inputSchema: { type: "object" } }],
    });
    const server = await startHttpServer(file, { REQUIRE_AUTH: "Bearer s3cret" });
    try {
      const list = await listMcpTools({ name: "remote", url: server.url, headers: { Authorization: "Bearer s3cret" } });
      expect(list.server.name).toBe("http-tools");
      expect(list.server.protocolVersion).toMatch(/^\d{4}-/);
      expect(list.tools.map((t) => t.name)).toEqual(["lookup"]);
      const refused = await failure(listMcpTools({ name: "remote", url: server.url }));
      expect(refused.message).toContain(`MCP server "remote" (${server.url})`);
      expect(refused.message).toMatch(/HTTP 401 \(.*\): the server wants credentials: give them in a header/);
    } finally {
      await server.stop();
    }
  });

  it("a port nobody listens on", async () => {
    const port = await freePort();
    const error = await failure(listMcpTools({ name: "remote", url: `http://127.0.0.1:${port}/mcp` }));
    expect(error.message).toBe(`MCP server "remote" (http://127.0.0.1:${port}/mcp) cannot be reached (ECONNREFUSED)`);
  });

  it("a web page, a wrong path and a server that never answers, each said so within the timeout", async () => {
    // A real HTTP server that is not an MCP server: what a wrong URL usually reaches.
    const web = createHttpServer((req, res) => {
      if (req.url === "/hang") return; // never answers
      if (req.url === "/page") return void res.writeHead(200, { "content-type": "text/html" }).end("<html><body>Welcome</body></html>");
      res.writeHead(404, { "content-type": "text/html" }).end(`<!DOCTYPE html>\n<html>${"<p>Not found</p>\n".repeat(100)}</html>`);
    });
    await new Promise<void>((resolve) => web.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(web.address() as { port: number }).port}`;
    try {
      const page = await failure(listMcpTools({ name: "web", url: `${base}/page` }));
      expect(page.message).toBe(
        `MCP server "web" (${base}/page) answered initialize with something that is not MCP over Streamable HTTP (Streamable HTTP error: Unexpected content type: text/html): is the URL the server's MCP endpoint?`,
      );
      const missing = await failure(listMcpTools({ name: "web", url: `${base}/wrong` }));
      expect(missing.message).toMatch(
        /answered initialize with HTTP 404 \(Streamable HTTP error: .{1,160}…\): is the URL the server's MCP endpoint \(often ending in \/mcp\)\?$/,
      );
      expect(missing.message).not.toContain("\n");
      const hang = await failure(listMcpTools({ name: "web", url: `${base}/hang` }, { timeoutMs: 1_000 }));
      expect(hang.message).toBe(
        `MCP server "web" (${base}/hang) did not answer initialize within 1 s: raise --timeout if it starts slowly`,
      );
    } finally {
      web.closeAllConnections();
      await new Promise((resolve) => web.close(resolve));
    }
  });

  it("refuses URLs that would leak a secret", async () => {
    await expect(listMcpTools({ name: "r", url: "https://user:pw@example.com/mcp" })).rejects.toThrow(/the URL holds credentials/);
    await expect(listMcpTools({ name: "r", url: "http://example.com/mcp", headers: { Authorization: "x" } })).rejects.toThrow(
      /headers would be sent in clear text to example.com: use https:\/\//,
    );
  });
});

/** A loopback port that was free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
