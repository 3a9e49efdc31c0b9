/**
 * Hostile and broken input: each gets a clear diagnostic or a clear fatal error naming the
 * file; no stack trace, no hang, no prototype pollution.
 */
import { chmod, mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { lintFiles } from "../../src/lint/index.js";
import { loadSource } from "../../src/load/index.js";
import { compilePolicy } from "../../src/policy/compile-policy.js";
import { checkSource } from "../../src/model/index.js";
import { decide } from "../../src/policy/decide.js";
import { matchToolPattern } from "../../src/policy/glob.js";

const fixture = (name: string): string => path.join("test/hostile/fixtures", name);

async function lintOne(name: string) {
  const { results } = await lintFiles([fixture(name)]);
  return results[0]!.diagnostics.map(({ ruleId, severity, message, line, column }) => ({ ruleId, severity, message, line, column }));
}

const cli = runCli;

const emptyFile = { ruleId: "syntax", severity: "error", message: "The file is empty: expected a YAML mapping", line: 1, column: 1 };

describe("hostile files", () => {
  it("an empty file", async () => {
    expect(await lintOne("empty.agentspec.yaml")).toEqual([emptyFile]);
  });

  it("a file of whitespace only", async () => {
    expect(await lintOne("whitespace.agentspec.yaml")).toEqual([emptyFile]);
  });

  it("a file holding only a byte-order mark", async () => {
    expect(await lintOne("bom-only.agentspec.yaml")).toEqual([emptyFile]);
  });

  it("CRLF line endings keep positions right", async () => {
    expect(await lintOne("crlf.agentspec.yaml")).toEqual([
      {
        ruleId: "schema",
        severity: "error",
        message: 'tools["crm.lookup"].effect must be one of "read", "draft", "write", "irreversible", not "reed" (did you mean "read"?)',
        line: 7,
        column: 13,
      },
    ]);
  });

  it("invalid UTF-8 is reported at its byte", async () => {
    expect(await lintOne("invalid-utf8.agentspec.yaml")).toEqual([
      { ruleId: "syntax", severity: "error", message: "The file is not valid UTF-8 text (byte 96): save it as UTF-8", line: 3, column: 48 },
    ]);
  });

  it("a binary file", async () => {
    expect(await lintOne("binary.agentspec.json")).toEqual([
      {
        ruleId: "syntax",
        severity: "error",
        message: "The file looks binary (a NUL byte at offset 7): a spec is JSON or YAML text",
        line: 1,
        column: 1,
      },
    ]);
  });

  it("a YAML alias bomb is stopped", async () => {
    expect(await lintOne("alias-bomb.agentspec.yaml")).toEqual([
      {
        ruleId: "syntax",
        severity: "error",
        message: "The YAML could not be read: Excessive alias count indicates a resource exhaustion attack",
        line: 1,
        column: 1,
      },
    ]);
  });

  it("YAML tags and merge keys: merges apply, unknown tags are reported", async () => {
    expect(await lintOne("tags-and-merge.agentspec.yaml")).toEqual([
      { ruleId: "syntax", severity: "warning", message: "Unresolved tag: !shell: the value is read as plain text", line: 9, column: 13 },
      {
        ruleId: "schema",
        severity: "error",
        message: 'tools.runner.effect must be one of "read", "draft", "write", "irreversible", not "rm -rf /"',
        line: 9,
        column: 20,
      },
    ]);
    const { spec } = checkSource(await loadSource(fixture("tags-and-merge.agentspec.yaml")));
    expect(spec).toBeUndefined();
  });

  it("multi-document YAML is refused", async () => {
    expect(await lintOne("multi-document.agentspec.yaml")).toEqual([
      {
        ruleId: "syntax",
        severity: "error",
        message: "The file holds more than one YAML document: put one spec in each file",
        line: 4,
        column: 1,
      },
    ]);
  });

  it.each(["proto-keys.agentspec.json", "proto-keys.agentspec.yaml"])(
    "__proto__, constructor and prototype keys stay data (%s)",
    async (name) => {
      const diagnostics = await lintOne(name);
      expect(diagnostics.map((d) => d.message)).toEqual([
        'Unknown property "__proto__" in the spec; see the schema for the allowed properties',
      ]);
      const source = await loadSource(fixture(name));
      const tools = (source.data as { tools: object }).tools;
      expect(Object.keys(tools)).toContain("__proto__");
      expect(Object.getPrototypeOf(tools)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
    },
  );

  it("a tool named __proto__ compiles to an own key and is decided like any other", async () => {
    const source = await loadSource(fixture("proto-keys.agentspec.json"));
    const data = source.data as Record<string, unknown>;
    delete data.__proto__;
    const { spec } = checkSource(source);
    const policy = compilePolicy(spec!);
    expect(Object.keys(policy.tools).sort()).toEqual(["__proto__", "constructor", "prototype"]);
    expect(decide(policy, { tool: "__proto__" }).decision).toBe("allow");
    expect(decide(policy, { tool: "toString" }).decision).toBe("deny");
    expect(decide(policy, { tool: "hasOwnProperty" }).decision).toBe("deny");
  });

  it("duplicate keys are reported, not silently overwritten", async () => {
    // The file's tool (a write, with no bounds) also draws lint findings; this test is about the key.
    expect((await lintOne("duplicate-keys.agentspec.json")).filter((d) => d.ruleId === "syntax")).toEqual([
      {
        ruleId: "syntax",
        severity: "error",
        message: 'Duplicate key "a": it is already set on line 4; remove one of them',
        line: 4,
        column: 41,
      },
    ]);
  });

  it("numbers beyond 2^53 are reported", async () => {
    expect(await lintOne("huge-number.agentspec.json")).toEqual([
      {
        ruleId: "syntax",
        severity: "error",
        message: "This number is beyond 2^53 and cannot be represented exactly: use a smaller number",
        line: 5,
        column: 33,
      },
    ]);
  });

  it("tool names with look-alikes and control characters are reported, and printed escaped", async () => {
    expect((await lintOne("unicode-names.agentspec.yaml")).filter((d) => d.ruleId === "suspicious-tool-name")).toEqual([
      {
        ruleId: "suspicious-tool-name",
        severity: "warning",
        message:
          'Tool name "cr\u043cm.lookup" contains non-ASCII "\u043c" (U+043C), which may look like an ASCII letter: tool names are ASCII',
        line: 4,
        column: 3,
      },
      {
        ruleId: "suspicious-tool-name",
        severity: "error",
        message: 'Tool name "email\\u200B.send" contains characters a reader cannot see: retype it in plain ASCII',
        line: 5,
        column: 3,
      },
      {
        ruleId: "suspicious-tool-name",
        severity: "error",
        message: 'Tool name "bell\\u0007" contains characters a reader cannot see: retype it in plain ASCII',
        line: 6,
        column: 3,
      },
    ]);
    const { code, stdout } = await cli("lint", fixture("unicode-names.agentspec.yaml"));
    expect(code).toBe(1);
    expect(stdout).not.toMatch(/[\u0007\u200b]/);
  });
});

describe("hostile sizes and shapes", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "agentspec-hostile-"));
  });

  it("a 20 MB spec is linted", async () => {
    const tools: Record<string, unknown> = {};
    for (let i = 0; i < 64_000; i++) tools[`tool.n${i}`] = { effect: "read", description: "x".repeat(250) };
    const text = JSON.stringify({ agentspec: "1.0", agent: { id: "big", version: "1" }, tools }, null, 1);
    expect(text.length).toBeGreaterThan(20_000_000);
    const file = path.join(dir, "big.agentspec.json");
    await writeFile(file, text);
    const { results } = await lintFiles([file], { rules: { "wildcard-allow": "off" } });
    expect(results[0]!.diagnostics.filter((d) => d.ruleId === "schema" || d.ruleId === "syntax")).toEqual([]);
  });

  it.each([
    ["json", "[".repeat(10_000) + "]".repeat(10_000), "Nesting deeper than 256 levels is not allowed in a spec", 1, 257],
    ["yaml", "a: " + "[".repeat(10_000) + "]".repeat(10_000), "Nesting deeper than 256 levels is not allowed in a spec", 1, 260],
    [
      "yaml",
      Array.from({ length: 10_000 }, (_, i) => " ".repeat(i) + "k:").join("\n"),
      "Indentation deeper than 512 columns is not allowed in a spec",
      514,
      513,
    ],
  ])("nesting 10,000 levels deep (%s) is refused", async (extension, text, message, line, column) => {
    const file = path.join(dir, `deep-${line}.agentspec.${extension}`);
    await writeFile(file, text);
    const { results } = await lintFiles([file]);
    expect(results[0]!.diagnostics).toEqual([{ ruleId: "syntax", severity: "error", message, line, column, pointer: "" }]);
  });

  it("glob patterns of 10,000 characters or with many stars match correctly", () => {
    const long = "a".repeat(10_000);
    expect(matchToolPattern(long, long)).toBe(true);
    expect(matchToolPattern("*".repeat(5_000) + "b", "a".repeat(10_000))).toBe(false);
    expect(matchToolPattern("a*".repeat(2_500) + "b", "a".repeat(10_000))).toBe(false);
    expect(matchToolPattern("*a".repeat(2_500), "a".repeat(10_000))).toBe(true);
  });

  it("a directory symlink loop is not followed", async () => {
    const loop = path.join(dir, "loop");
    await mkdir(loop);
    await writeFile(path.join(loop, "a.agentspec.yaml"), 'agentspec: "1.0"\nagent: { id: a, version: "1" }\ntools: {}\n');
    await symlink(loop, path.join(loop, "again"));
    const { results } = await lintFiles([loop]);
    expect(results.map((r) => path.basename(r.file))).toEqual(["a.agentspec.yaml"]);
  });

  it.skipIf(process.getuid?.() === 0)("an unreadable file is a fatal error naming it", async () => {
    const file = path.join(dir, "secret.agentspec.yaml");
    await writeFile(file, "agentspec: '1.0'\n");
    await chmod(file, 0o000);
    const { code, stderr } = await cli("lint", file);
    expect(code).toBe(2);
    expect(stderr).toBe(`agentspec: ${file}: cannot be read (EACCES)\n`);
  });

  it("a path that does not exist exits 2 naming it", async () => {
    const { code, stderr, stdout } = await cli("lint", path.join(dir, "missing.agentspec.yaml"));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`agentspec: ${path.join(dir, "missing.agentspec.yaml")}: no such file or directory\n`);
  });

  it("a directory with no specs exits 2 with a message", async () => {
    const empty = path.join(dir, "nothing");
    await mkdir(empty);
    await writeFile(path.join(empty, "README.md"), "# no specs here\n");
    const { code, stderr } = await cli("lint", empty);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `agentspec: No spec files found in ${empty}: agentspec looks for *.agentspec.yaml, *.agentspec.yml, *.agentspec.json and agentaz.json\n`,
    );
  });
});
