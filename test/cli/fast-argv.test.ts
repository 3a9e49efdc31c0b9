/**
 * The yargs-free reader of `agentspec lint`, `compile`, `diff` and `mcp proxy` command lines either
 * declines or reads exactly what yargs reads: the same arguments reach the command.
 */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { readFastArgv, type FastCommand } from "../../src/cli/fast-argv.js";
import type { CliIO } from "../../src/cli/io.js";
import { main, runWithYargs } from "../../src/cli/main.js";
import { MCP_PROXY_OPTIONS } from "../../src/cli/options.js";

const received: FastCommand[] = [];
const pick = (args: Record<string, unknown>, keys: string[]): any =>
  Object.fromEntries(keys.filter((k) => args[k] !== undefined).map((k) => [k, args[k]]));

vi.mock("../../src/cli/lint.js", async (original) => ({
  ...(await original<typeof import("../../src/cli/lint.js")>()),
  runLint: async (args: Record<string, unknown>) => {
    received.push({
      command: "lint",
      args: pick(args, ["paths", "format", "quiet", "maxWarnings", "config", "outputFile", "stdin", "stdinFilename", "mcp", "timeout"]),
    });
    return 0;
  },
}));
vi.mock("../../src/cli/compile.js", async (original) => ({
  ...(await original<typeof import("../../src/cli/compile.js")>()),
  runCompile: async (args: Record<string, unknown>) => {
    received.push({
      command: "compile",
      args: pick(args, ["paths", "target", "out", "check", "strict", "config", "allowLintErrors", "outputFile"]),
    });
    return 0;
  },
}));

vi.mock("../../src/cli/diff.js", async (original) => ({
  ...(await original<typeof import("../../src/cli/diff.js")>()),
  runDiff: async (args: Record<string, unknown>) => {
    received.push({ command: "diff", args: pick(args, ["paths", "base", "format", "failOn", "outputFile"]) });
    return 0;
  },
}));

vi.mock("../../src/cli/mcp-proxy.js", async (original) => ({
  ...(await original<typeof import("../../src/cli/mcp-proxy.js")>()),
  runMcpProxy: async (args: Record<string, unknown>) => {
    received.push({ command: "mcp proxy", args: pick(args, ["target", "--", ...Object.keys(MCP_PROXY_OPTIONS)]) });
    return 0;
  },
}));

const io: CliIO = { stdout: () => {}, stderr: () => {}, color: false, cwd: process.cwd() };

/** What yargs hands the command for a command line, or undefined when yargs refuses it or runs none. */
async function yargsReading(argv: string[]): Promise<FastCommand | undefined> {
  received.length = 0;
  await runWithYargs(argv, io);
  return received[0];
}

async function expectAgreement(argv: string[]): Promise<boolean> {
  const fast = readFastArgv(argv);
  if (fast === undefined) return false;
  expect(fast, argv.join(" ")).toEqual(await yargsReading(argv));
  return true;
}

describe("lint, compile and diff command lines without yargs", () => {
  it.each([
    [["lint"]],
    [["lint", "specs/"]],
    [["lint", "a.agentspec.yaml", "dir/", "10"]],
    [["lint", "specs/", "--format", "json"]],
    [["lint", "-f", "sarif", "specs/"]],
    [["lint", "--format=github", "--quiet", "specs/"]],
    [["lint", "--max-warnings", "0", "specs/"]],
    [["lint", "--max-warnings=-1", "-c", "cfg.json", "x"]],
    [["lint", "--config", "a b.json", "--max-warnings", "12", "specs/", "more/"]],
    [["compile"]],
    [["compile", "specs/", "--target", "policy,markdown", "--out", "generated/specs", "--check"]],
    [["compile", "-t", "cedar", "-o", "out", "a.agentspec.yaml"]],
    [["compile", "--target=wpc,veto", "--out=x y", "specs/"]],
    [["compile", "specs/", "--allow-lint-errors", "-c", "strict.json"]],
    [["diff"]],
    [["diff", "old.agentspec.yaml", "new.agentspec.yaml"]],
    [["diff", "--base", "origin/main", "specs/", "--format", "markdown", "--fail-on", "widened"]],
    [["diff", "--base=HEAD~1", "-f", "sarif"]],
  ])("reads %j as yargs does", async (argv) => {
    expect(await expectAgreement(argv)).toBe(true);
  });

  it.each([
    [["mcp", "proxy", "spec.agentspec.yaml", "--", "node", "server.js"]],
    [["mcp", "proxy", "s.agentspec.yaml", "--quiet", "--shadow", "--", "npx", "-y", "@modelcontextprotocol/server-filesystem", "/tmp"]],
    [
      [
        "mcp",
        "proxy",
        "p.policy.json",
        "--pin",
        "sha256:ab",
        "--pub",
        "k.pem",
        "--prefix",
        "fs.",
        "--server",
        "fs",
        "--",
        "node",
        "s.js",
        "--port",
        "0x10",
        "1e3",
        "1.50",
        "--",
        "x",
      ],
    ],
    [["mcp", "proxy", "s.yaml", "--url", "https://mcp.example/mcp", "--record", "r.jsonl", "--approve", "tty"]],
    [["mcp", "proxy", "s.yaml", "--listen", "127.0.0.1:0", "--max-sessions", "3", "--session-idle-timeout", "60", "--url=http://h/mcp"]],
    [
      [
        "mcp",
        "proxy",
        "s.yaml",
        "--require-lock",
        "--lock",
        "l.json",
        "--max-message-bytes",
        "2048",
        "--actor",
        "a",
        "--tenant",
        "t",
        "--environment",
        "e",
        "--",
        "srv",
      ],
    ],
    [
      [
        "mcp",
        "proxy",
        "s.yaml",
        "--approval-timeout",
        "30",
        "--redis",
        "redis://127.0.0.1:6379",
        "--aex-events",
        "e.jsonl",
        "--",
        "srv",
        "-x",
      ],
    ],
    [["mcp", "proxy", "s.yaml", "--"]],
  ])("reads %j as yargs does", async (argv) => {
    expect(await expectAgreement(argv)).toBe(true);
  });

  it.each([
    [["mcp", "proxy"]],
    [["mcp", "proxy", "--", "node", "s.js"]],
    [["mcp", "proxy", "a.yaml", "b.yaml", "--", "node"]],
    [["mcp", "proxy", "s.yaml", "--pin", "a", "--pin", "b", "--", "node"]],
    [["mcp", "proxy", "s.yaml", "--approval-timeout", "0.5", "--", "node"]],
    [["mcp", "proxy", "s.yaml", "--shadow", "false", "--", "node"]],
    [["mcp", "proxy", "s.yaml", "--no-shadow", "--", "node"]],
    [["mcp", "proxy", "s.yaml", "--pin", "--", "node"]],
    [["mcp", "proxy", "s.yaml", "--help"]],
    [["mcp", "proxy", "s.yaml", "--unknown", "--", "node"]],
    [["mcp", "check", "s.yaml"]],
  ])("leaves %j to yargs", (argv) => {
    expect(readFastArgv(argv)).toBeUndefined();
  });

  it.each([
    [["lint", "--help"]],
    [["lint", "-h"]],
    [["lint", "--version"]],
    [["lint", "--format", "xml"]],
    [["lint", "--format", "json", "--format", "sarif"]],
    [["lint", "--max-warnings", "1e2"]],
    [["lint", "--max-warnings", "abc"]],
    [["lint", "--max-warnings", "-1"]],
    [["lint", "--quiet", "false"]],
    [["lint", "--no-quiet"]],
    [["lint", "--maxWarnings", "3"]],
    [["lint", "-fjson"]],
    [["lint", "-qf", "json"]],
    [["lint", "--", "-x"]],
    [["lint", "-"]],
    [["lint", "--unknown"]],
    [["lint", "help"]],
    [["compile", "specs/", "help"]],
    [["compile", "--check", "true"]],
    [["compile", "--target"]],
    [["compile", "--out", "-x"]],
    [["compile", "--format", "json"]],
    [["diff", "--base"]],
    [["diff", "--format", "junit", "a", "b"]],
    [["diff", "--fail-on", "narrowed"]],
    [["diff", "a", "b", "--target", "x"]],
    [["tier", "specs/a.agentspec.yaml"]],
    [["constructor"]],
    [[]],
  ])("leaves %j to yargs", (argv) => {
    expect(readFastArgv(argv)).toBeUndefined();
  });

  it.each(["lint", "compile", "diff"])(
    "agrees with yargs on generated %s command lines, or declines them",
    async (command) => {
      const piece = fc.constantFrom(
        "specs/",
        "help",
        "version",
        "a b",
        "10",
        "-1",
        "0",
        "1.5",
        "1e2",
        "true",
        "false",
        "-",
        "--",
        "json",
        "sarif",
        "xml",
        "x.json",
        "",
        "policy,cedar",
        "--format",
        "-f",
        "--format=json",
        "--format=",
        "-fjson",
        "--quiet",
        "-q",
        "--quiet=true",
        "--no-quiet",
        "--config",
        "-c",
        "--config=c.json",
        "--max-warnings",
        "--max-warnings=2",
        "--max-warnings=x",
        "--maxWarnings",
        "--target",
        "-t",
        "--target=policy",
        "--out",
        "-o",
        "--out=o",
        "--check",
        "--check=false",
        "--no-check",
        "--strict",
        "--no-strict",
        "--allow-lint-errors",
        "--no-allow-lint-errors",
        "-tcedar",
        "--base",
        "--base=origin/main",
        "HEAD~1",
        "--fail-on",
        "--fail-on=widened",
        "widened",
        "markdown",
        "-fmarkdown",
        "--help",
        "-h",
        "--version",
        "-v",
      );
      let agreed = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(piece, { maxLength: 6 }), async (rest) => {
          if (await expectAgreement([command, ...rest])) agreed++;
        }),
        { numRuns: 400, seed: 4242 },
      );
      // The property must have compared real readings, not only declined ones.
      expect(agreed).toBeGreaterThan(20);
    },
    60_000,
  );

  it("agrees with yargs on generated mcp proxy command lines, or declines them", async () => {
    const piece = fc.constantFrom(
      "s.agentspec.yaml",
      "p.policy.json",
      "--",
      "node",
      "server.js",
      "-x",
      "--port",
      "8080",
      "0x10",
      "1.50",
      "",
      "true",
      "false",
      "help",
      "--help",
      "-h",
      "--pin",
      "--pin=sha256:ab",
      "sha256:ab",
      "--shadow",
      "--shadow=true",
      "--no-shadow",
      "--quiet",
      "--require-lock",
      "--lock",
      "--max-sessions",
      "--max-message-bytes=2048",
      "--approval-timeout",
      "3",
      "--url",
      "http://127.0.0.1:1/mcp",
      "--prefix",
      "fs.",
      "--server",
      "--record=r.jsonl",
    );
    let agreed = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 7 }), async (rest) => {
        if (await expectAgreement(["mcp", "proxy", ...rest])) agreed++;
      }),
      { numRuns: 400, seed: 4242 },
    );
    expect(agreed).toBeGreaterThan(20);
  }, 60_000);

  it("main runs a plain command line without yargs", async () => {
    received.length = 0;
    expect(await main(["lint", "specs/", "-f", "json"], io)).toBe(0);
    expect(await main(["compile", "specs/", "--check"], io)).toBe(0);
    expect(received).toEqual([
      {
        command: "lint",
        args: { paths: ["specs/"], format: "json", quiet: false, maxWarnings: -1, stdin: false, mcp: false, timeout: 10 },
      },
      {
        command: "compile",
        args: { paths: ["specs/"], target: "policy,markdown", out: "generated", check: true, strict: false, allowLintErrors: false },
      },
    ]);
  });
});
