/** specFromMcpTools on real servers: the spec lints clean, with the effects the annotations claim. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { effectFromAnnotations } from "../../src/mcp/effect.js";
import { agentId, specFromMcpTools, type McpServerTools } from "../../src/mcp/init.js";
import { listMcpTools } from "../../src/mcp/list-tools.js";
import { decide } from "../../src/policy/decide.js";
import { compilePolicy } from "../../src/policy/compile-policy.js";
import { lintText } from "../helpers/lint-text.js";
import { specFrom } from "../helpers/spec-text.js";
import { FILESYSTEM_SERVER, filesystemServer, rawServer, RAW_SERVER } from "./helpers.js";

async function filesystemTools(): Promise<McpServerTools> {
  const dir = mkdtempSync(path.join(tmpdir(), "agentspec-init-"));
  return {
    name: "filesystem",
    config: { command: "node", args: [FILESYSTEM_SERVER, dir] },
    list: await listMcpTools(filesystemServer(dir)),
  };
}

describe("effectFromAnnotations", () => {
  it.each([
    [{ readOnlyHint: true }, "read", false],
    [{ readOnlyHint: true, destructiveHint: false }, "read", false],
    [{ destructiveHint: true }, "irreversible", false],
    [{ readOnlyHint: false, destructiveHint: true }, "irreversible", false],
    [{ readOnlyHint: true, destructiveHint: true }, "irreversible", false],
    [{ readOnlyHint: false, destructiveHint: false }, "write", false],
    [{ readOnlyHint: false }, "irreversible", true],
    [{ destructiveHint: false }, "write", true],
    [{ idempotentHint: true, openWorldHint: false }, "irreversible", true],
    [{ readOnlyHint: "true" }, "irreversible", true],
    [undefined, "irreversible", true],
  ])("%j → %s (guessed: %s)", (annotations, effect, guessed) => {
    const hinted = effectFromAnnotations(annotations as Record<string, unknown> | undefined);
    expect([hinted.effect, hinted.guessed]).toEqual([effect, guessed]);
  });
});

describe("specFromMcpTools on server-filesystem", () => {
  it("writes all 14 tools with their annotations' effects, gated where irreversible, and lints clean", async () => {
    const server = await filesystemTools();
    const { yaml, trustLevel } = specFromMcpTools([server]);
    expect(lintText(yaml, "fs.agentspec.yaml")).toEqual([]);
    const spec = parse(yaml) as {
      tools: Record<string, { effect: string; approval?: boolean; description?: string }>;
      trust_level: string;
    };
    expect(Object.keys(spec.tools)).toHaveLength(14);
    expect(spec.tools.read_file!.effect).toBe("read");
    expect(spec.tools.read_text_file!.effect).toBe("read");
    expect(spec.tools.list_allowed_directories!.effect).toBe("read");
    expect(spec.tools.write_file).toMatchObject({ effect: "irreversible", approval: true });
    expect(spec.tools.edit_file).toMatchObject({ effect: "irreversible", approval: true });
    expect(spec.tools.move_file).toMatchObject({ effect: "irreversible", approval: true });
    expect(spec.tools.create_directory).toEqual({ effect: "write", description: expect.stringContaining("Create a new directory") });
    expect(spec.tools.read_file!.description).toContain("Read the complete contents of a file");
    // create_directory runs without approval within the scaffold's bounds: A4, computed, not declared by hand.
    expect(trustLevel).toBe("A4");
    expect(spec.trust_level).toBe("A4");
  });

  it("opens with the header saying the annotations are hints to review, and records the server", async () => {
    const server = await filesystemTools();
    const { yaml } = specFromMcpTools([server], { name: "files" });
    const lines = yaml.split("\n");
    // The installed package's schema, found offline (the schema's $id is served by nothing); the CLI makes it relative to the spec.
    expect(lines[0]).toBe("# yaml-language-server: $schema=./node_modules/@agentspec/agentspec/schema/agentspec.schema.json");
    expect(lines[1]).toMatch(
      /^# Written by `agentspec mcp init` from the MCP server "secure-filesystem-server" 0\.2\.0 \(protocol \d{4}-\d{2}-\d{2}\)\.$/,
    );
    expect(yaml).toContain("# REVIEW THIS SPEC BEFORE YOU RELY ON IT.");
    expect(yaml).toContain("hints the server chose, which the MCP specification calls\n# untrusted.");
    const spec = parse(yaml) as { agent: { id: string }; mcp: unknown };
    expect(spec.agent.id).toBe("files");
    expect(spec.mcp).toEqual({ servers: { filesystem: { command: "node", args: [FILESYSTEM_SERVER, expect.any(String)] } } });
  });
});

describe("specFromMcpTools on what it must guess or leave out", () => {
  it("comments guessed effects, denies ambiguous tools, leaves suspicious ones out with a note, and lints clean", async () => {
    const list = await listMcpTools(rawServer("malformed"));
    const { yaml } = specFromMcpTools([{ name: "raw", config: { command: "node", args: [RAW_SERVER, "malformed"] }, list }]);
    expect(lintText(yaml)).toEqual([]);
    const spec = parse(yaml) as { tools: Record<string, { effect: string }>; deny: unknown[] };
    expect(Object.keys(spec.tools)).toEqual(["good", "same", "string_hint"]);
    expect(spec.tools.good!.effect).toBe("read");
    expect(spec.tools.same!.effect).toBe("irreversible");
    expect(yaml).toMatch(/same:\n\s+effect: irreversible # guessed \(no readOnlyHint or destructiveHint\): the worst case; review it/);
    expect(spec.deny).toEqual([{ pattern: "twice", reason: "The server lists it twice with different definitions" }]);
    expect(yaml).toContain('# NOTE: The server\'s tool name (tools[8]) "zero\\u200Bwidth" contains characters a reader cannot see');
    expect(yaml).toContain('# NOTE: "p\\u0430yment" is left out of the allowlist: its name has non-ASCII letters');
    expect(yaml).toContain("# NOTE: tools[1] has no name");
    expect(yaml).toContain('# NOTE: "with space" is left out of the allowlist: its name is outside MCP\'s tool name format');
  });

  it("denies every spelling of names a dispatcher that folds names reads as one, whatever each claims", async () => {
    const list = await listMcpTools(rawServer("twins"));
    const { yaml, allowed } = specFromMcpTools([{ name: "raw", config: { command: "node", args: [RAW_SERVER, "twins"] }, list }]);
    expect(lintText(yaml)).toEqual([]);
    expect(allowed).toEqual(["list"]);
    const spec = parse(yaml) as { deny: { pattern: string; reason: string }[] };
    expect(spec.deny).toEqual([
      {
        pattern: "delete_file",
        reason: 'The server also lists "Delete_File", which a dispatcher may read as this name (the deny covers both)',
      },
      {
        pattern: "read",
        reason: 'The server also lists "\\uFF52\\uFF45\\uFF41\\uFF44", which a dispatcher may read as this name (the deny covers both)',
      },
    ]);
    // What decide() does with the written spec: every spelling the server listed is denied, the plain tool allowed.
    const policy = compilePolicy(specFrom(yaml, "raw.agentspec.yaml"));
    for (const name of ["delete_file", "Delete_File", "DELETE_FILE", "read", "\uff52\uff45\uff41\uff44"])
      expect([name, decide(policy, { tool: name }).decision]).toEqual([name, "deny"]);
    expect(decide(policy, { tool: "list" }).decision).toBe("allow");
  });

  it("keeps apart two servers' names only when a dispatcher cannot read them as one", async () => {
    const list = await listMcpTools(rawServer("ok"));
    const { yaml, notes } = specFromMcpTools([
      { name: "one", config: { command: "node", prefix: "fs." }, list },
      { name: "two", config: { command: "node", prefix: "FS." }, list },
    ]);
    expect(lintText(yaml)).toEqual([]);
    expect(Object.keys((parse(yaml) as { tools: object }).tools)).toEqual(["fs.alpha"]);
    expect(notes).toContain(
      'server two: "FS.alpha" is also a tool of server one (as "fs.alpha"): left out; give the servers different prefixes',
    );
  });

  it("cuts a 10 MB description in the spec and says so", async () => {
    const list = await listMcpTools(rawServer("huge-description"));
    const { yaml } = specFromMcpTools([{ name: "raw", config: { command: "node" }, list }]);
    expect(yaml.length).toBeLessThan(20_000);
    expect(yaml).toContain("# cut at 8,192 of 10,485,773 characters: read it in full on the server");
    expect(lintText(yaml)).toEqual([]);
  });

  it("escapes what a server says about itself in the header", async () => {
    const list = await listMcpTools(rawServer("ok"));
    list.server = { name: "evil\ntools: { x: { effect: read } }", version: "1\u202e", protocolVersion: "2025-06-18" };
    const { yaml } = specFromMcpTools([{ name: "raw", config: { command: "node" }, list }]);
    expect(yaml.split("\n")[1]).toBe(
      '# Written by `agentspec mcp init` from the MCP server "evil\\u000Atools: { x: { effect: read } }" 1\\u202E (protocol 2025-06-18).',
    );
    expect(Object.keys((parse(yaml) as { tools: object }).tools)).toEqual(["alpha"]);
  });

  it("gives each of several servers a prefix so their names stay apart", async () => {
    const a = await listMcpTools(rawServer("ok"));
    const b = await listMcpTools(rawServer("ok"));
    const { yaml } = specFromMcpTools([
      { name: "one", config: { command: "node" }, list: a },
      { name: "two", config: { command: "node" }, list: b },
    ]);
    expect(lintText(yaml)).toEqual([]);
    const spec = parse(yaml) as { tools: object; mcp: { servers: Record<string, { prefix: string }> } };
    expect(Object.keys(spec.tools)).toEqual(["one.alpha", "two.alpha"]);
    expect(spec.mcp.servers.one!.prefix).toBe("one.");
  });
});

describe("agentId", () => {
  it.each([
    ["secure-filesystem-server", "secure-filesystem-server"],
    ["mcp-servers/everything", "mcp-servers-everything"],
    ["My Server", "my-server"],
    ["__", "mcp-agent"],
  ])("%s → %s", (name, id) => expect(agentId(name)).toBe(id));
});
