/** `agentspec test [paths..]`: every spec's `tests` cases against its compiled policy. */
import type { Argv } from "yargs";
import { compareDiagnostics } from "../diagnostics.js";
import { AgentspecError } from "../errors.js";
import { loadSpecs, type CheckedSource } from "../model/index.js";
import { runDecisionTests } from "../policy/decision-tests.js";
import type { FailOn } from "./fail-on.js";
import { EXIT, writeReport, type CliIO } from "./io.js";
import { addOptions, TEST_OPTIONS } from "./options.js";
import { runReplay } from "./replay.js";
import { TEST_REPORTS, testVerdict, type SpecTests, type TestFormat } from "./test-report.js";

export interface TestArgs {
  paths: string[];
  replay?: string;
  format: TestFormat;
  failOn?: FailOn;
  outputFile?: string;
  passWithNoTests: boolean;
}

export function testBuilder(yargs: Argv): Argv<TestArgs> {
  yargs.positional("paths", {
    type: "string",
    array: true,
    describe: "Spec files, directories to search or quoted globs; with --replay, the one spec or *.policy.json to replay against",
  });
  return addOptions(yargs, TEST_OPTIONS) as unknown as Argv<TestArgs>;
}

export async function runTest(args: TestArgs, io: CliIO): Promise<number> {
  if (args.replay !== undefined) {
    if (args.format === "junit") {
      throw new AgentspecError(
        "BAD_ARGUMENT",
        "--replay reports changes of decision, not test cases: use --format stylish or json with it",
      );
    }
    const paths = args.paths.length === 1 && args.paths[0] === "." ? [] : args.paths;
    return runReplay(
      { replay: args.replay, paths, format: args.format, failOn: args.failOn ?? "widened", outputFile: args.outputFile },
      io,
    );
  }
  if (args.failOn !== undefined) {
    throw new AgentspecError("BAD_ARGUMENT", "--fail-on goes with --replay: agentspec test --replay <decisions.jsonl> <spec-or-policy>");
  }
  const results = (await loadSpecs(args.paths)).map(testsOf);
  const verdict = testVerdict(results, args.passWithNoTests);
  const report = TEST_REPORTS[args.format](results, verdict, { color: io.color && !args.outputFile, cwd: io.cwd });
  await writeReport(io, args.outputFile, report);
  return verdict.passed ? EXIT.ok : EXIT.problems;
}

/** A spec's cases run against its compiled policy, or, for a spec that is not valid, its errors (it is not tested). */
function testsOf(checked: CheckedSource): SpecTests {
  const file = checked.source.file;
  const errors = checked.diagnostics.filter((d) => d.severity === "error").sort(compareDiagnostics);
  if (!checked.spec || errors.length > 0) return { file, tested: false, diagnostics: errors, cases: [] };
  const cases = runDecisionTests(checked.spec).sort((a, b) => a.line - b.line || a.column - b.column);
  return { file, tested: true, diagnostics: [], cases };
}
