/** MCP client config files: Claude Desktop, VS Code and Cursor shapes, read into targets and spec records. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readClientConfig, withoutComments } from "../../src/mcp/client-config.js";

const env = { GITHUB_TOKEN: "ghp_secret", API_KEY: "k-secret", HOME: "/home/u" };

describe("readClientConfig", () => {
  it("reads Claude Desktop's mcpServers, passing env values now and recording names only", () => {
    const text = JSON.stringify(
      {
        mcpServers: {
          filesystem: { command: "npx", args: ["-y", "@modelcontextprotocol/server-filesystem", "/Users/u/Desktop"] },
          github: {
            command: "npx",
            args: ["-y", "@modelcontextprotocol/server-github"],
            env: { GITHUB_PERSONAL_ACCESS_TOKEN: "ghp_literal" },
          },
        },
      },
      null,
      2,
    );
    // Claude Desktop gives its servers no cwd a spec could carry: they start where the spec is
    // (the cwd option), as mcp check starts them, and the spec records none.
    const [fs, github] = readClientConfig("/cfg/claude_desktop_config.json", text, { env, cwd: "/project/specs" });
    expect(fs!.target).toEqual({
      name: "filesystem",
      command: "npx",
      args: ["-y", "@modelcontextprotocol/server-filesystem", "/Users/u/Desktop"],
      env: {},
      cwd: "/project/specs",
    });
    expect(fs!.config).toEqual({
      command: "npx",
      args: ["-y", "@modelcontextprotocol/server-filesystem", "/Users/u/Desktop"],
    });
    expect(github!.target.env).toEqual({ GITHUB_PERSONAL_ACCESS_TOKEN: "ghp_literal" });
    expect(github!.config.env).toEqual(["GITHUB_PERSONAL_ACCESS_TOKEN"]);
    expect(JSON.stringify(github!.config)).not.toContain("ghp_literal");
    expect(github!.notes).toEqual([
      "server github: set GITHUB_PERSONAL_ACCESS_TOKEN in the environment where agentspec mcp check runs (the config gives it a value; the spec keeps names only)",
    ]);
  });

  it("reads VS Code's servers with comments, trailing commas, ${workspaceFolder} and ${env:…}", () => {
    const text = `{
  // 💡 Inputs are prompted on first server start
  "servers": {
    "fs": {
      "type": "stdio",
      "command": "node",
      "args": ["\${workspaceFolder}/server.js", "--token=\${env:API_KEY}"], /* the token stays a reference */
    },
    "remote": { "type": "http", "url": "https://mcp.example.com/mcp", "headers": { "Authorization": "Bearer \${env:GITHUB_TOKEN}", "X-Key": "\${env:API_KEY}" } },
  },
}`;
    const [fs, remote] = readClientConfig("/repo/.vscode/mcp.json", text, { env });
    expect(fs!.target).toEqual({ name: "fs", command: "node", args: ["/repo/server.js", "--token=k-secret"], env: {}, cwd: "/repo" });
    expect(fs!.config).toEqual({ command: "node", args: ["./server.js", "--token=${env:API_KEY}"], cwd: "/repo" });
    expect(remote!.target).toEqual({
      name: "remote",
      url: "https://mcp.example.com/mcp",
      headers: { Authorization: "Bearer ghp_secret", "X-Key": "k-secret" },
    });
    expect(remote!.config).toEqual({
      url: "https://mcp.example.com/mcp",
      headers: { Authorization: "MCP_REMOTE_AUTHORIZATION", "X-Key": "API_KEY" },
    });
    expect(remote!.notes).toEqual([
      "server remote: set MCP_REMOTE_AUTHORIZATION to the Authorization header's value where agentspec mcp check runs",
    ]);
  });

  it("reads Cursor's mcpServers with a url", () => {
    const [server] = readClientConfig(
      path.join("/p", ".cursor", "mcp.json"),
      '{ "mcpServers": { "remote": { "url": "http://localhost:3000/mcp" } } }',
      { env },
    );
    expect(server!.target).toEqual({ name: "remote", url: "http://localhost:3000/mcp", headers: {} });
  });

  it.each([
    ['{ "servers": {}', "/c/mcp.json:1:"],
    ["[]", 'is not an MCP client config: it has no "mcpServers" (Claude Desktop, Cursor) or "servers" (VS Code) object'],
    ['{ "servers": { "x": { "type": "sse", "url": "https://e/sse" } } }', 'server "x" uses the legacy HTTP+SSE transport'],
    [
      '{ "servers": { "x": { "command": "node", "args": ["${input:token}"] } } }',
      "prompts for ${input:token}, which agentspec cannot ask for",
    ],
    [
      '{ "servers": { "x": { "command": "node", "args": ["${env:NOPE}"] } } }',
      "/c/mcp.json:1:51: servers.x.args[0] uses ${env:NOPE}, which is not set",
    ],
    [
      // Not the environment object's inherited members (review attack11).
      '{ "servers": { "x": { "command": "node", "args": ["${env:constructor}"] } } }',
      "/c/mcp.json:1:51: servers.x.args[0] uses ${env:constructor}, which is not set",
    ],
    ['{ "servers": { "x": { "command": "node", "envFile": ".env" } } }', "reads an envFile"],
    ['{ "servers": { "a b": { "command": "node" } } }', 'server name "a b" cannot name a server in a spec'],
    ['{ "mcpServers": { "x": { "args": [] } } }', 'server "x" has neither a command nor a url'],
  ])("refuses %s", (text, message) => {
    expect(() => readClientConfig("/c/mcp.json", text, { env })).toThrow(message);
  });
});

describe("withoutComments", () => {
  it("keeps strings, positions and line breaks", () => {
    const text = '{"a": "// not a comment", /* x\ny */ "b": [1, 2,], }';
    const plain = withoutComments(text);
    expect(plain.length).toBe(text.length);
    expect(JSON.parse(plain)).toEqual({ a: "// not a comment", b: [1, 2] });
    expect(plain.split("\n").length).toBe(2);
    expect(withoutComments('{"s": "a,}"}')).toBe('{"s": "a,}"}');
  });
});
