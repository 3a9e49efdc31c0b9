/**
 * The yargs-free reader of `agentspec lint` command lines either declines or reads exactly what
 * yargs reads: the same paths, format, quiet, max-warnings and config.
 */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { readLintArgs } from "../../src/cli/fast-lint.js";
import type { CliIO } from "../../src/cli/io.js";
import type { LintArgs } from "../../src/cli/lint.js";
import { main, runWithYargs } from "../../src/cli/main.js";

const received: unknown[] = [];
vi.mock("../../src/cli/lint.js", async (original) => ({
  ...(await original<typeof import("../../src/cli/lint.js")>()),
  runLint: async (args: unknown) => {
    received.push(args);
    return 0;
  },
}));

const io: CliIO = { stdout: () => {}, stderr: () => {}, color: false, cwd: process.cwd() };

/** What yargs gives runLint for a command line, or undefined when yargs refuses it or runs no lint. */
async function yargsReading(argv: string[]): Promise<LintArgs | undefined> {
  received.length = 0;
  await runWithYargs(argv, io);
  const args = received[0] as (LintArgs & Record<string, unknown>) | undefined;
  if (!args) return undefined;
  const { paths, format, quiet, maxWarnings, config } = args;
  return { paths, format, quiet, maxWarnings, ...(config !== undefined && { config }) };
}

async function expectAgreement(argv: string[]): Promise<boolean> {
  const fast = readLintArgs(argv);
  if (fast === undefined) return false;
  expect(fast, argv.join(" ")).toEqual(await yargsReading(argv));
  return true;
}

describe("agentspec lint without yargs", () => {
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
  ])("reads %j as yargs does", async (argv) => {
    expect(await expectAgreement(argv)).toBe(true);
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
    [["compile", "specs/"]],
    [[]],
  ])("leaves %j to yargs", (argv) => {
    expect(readLintArgs(argv)).toBeUndefined();
  });

  it("agrees with yargs on generated command lines, or declines them", async () => {
    const piece = fc.constantFrom(
      "specs/", "a b", "10", "-1", "0", "1.5", "1e2", "true", "false", "-", "--", "json", "sarif", "xml", "x.json", "",
      "--format", "-f", "--format=json", "--format=", "-fjson", "--quiet", "-q", "--quiet=true", "--no-quiet",
      "--config", "-c", "--config=c.json", "--max-warnings", "--max-warnings=2", "--max-warnings=x", "--maxWarnings", "--help", "-h", "--version", "-v",
    );
    let agreed = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 6 }), async (rest) => {
        if (await expectAgreement(["lint", ...rest])) agreed++;
      }),
      { numRuns: 400, seed: 4242 },
    );
    // The property must have compared real readings, not only declined ones.
    expect(agreed).toBeGreaterThan(40);
  }, 60_000);

  it("main runs a plain lint command line without yargs and reports its errors", async () => {
    received.length = 0;
    expect(await main(["lint", "specs/", "-f", "json"], io)).toBe(0);
    expect(received).toEqual([{ paths: ["specs/"], format: "json", quiet: false, maxWarnings: -1 }]);
  });
});
