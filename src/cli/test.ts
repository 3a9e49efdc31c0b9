/** `agentspec test [paths..]`: every spec's `tests` cases against its compiled policy. */
import type { Argv } from "yargs";
import type { CheckedSource } from "../model/index.js";
import { loadSpecs } from "../model/index.js";
import { runDecisionTests, type DecisionTestResult } from "../policy/decision-tests.js";
import { AgentspecError } from "../errors.js";
import { FAIL_ON, type FailOn } from "./fail-on.js";
import { colors, type Colors } from "../report/colors.js";
import { EXIT, type CliIO } from "./io.js";
import { runReplay } from "./replay.js";

export interface TestArgs {
  paths: string[];
  replay?: string;
  format?: "stylish" | "json";
  failOn?: FailOn;
}

export function testBuilder(yargs: Argv): Argv<TestArgs> {
  return yargs
    .positional("paths", {
      type: "string",
      array: true,
      default: ["."],
      describe: "Spec files or directories to search; with --replay, the one spec or *.policy.json to replay against",
    })
    .option("replay", {
      type: "string",
      requiresArg: true,
      describe: "Re-decide every call in this decision log (JSON lines, as the guard records them) and report the decisions that change",
    })
    .option("format", {
      alias: "f",
      choices: ["stylish", "json"] as const,
      describe: "With --replay: the report's format (default stylish)",
    })
    .option("fail-on", {
      choices: FAIL_ON,
      describe: "With --replay: exit 1 when a decision became less strict (widened, the default), on any change, or never (none)",
    }) as unknown as Argv<TestArgs>;
}

interface Tally {
  cases: number;
  failed: number;
  untested: number;
}

export async function runTest(args: TestArgs, io: CliIO): Promise<number> {
  if (args.replay !== undefined) {
    const paths = args.paths.length === 1 && args.paths[0] === "." ? [] : args.paths;
    return runReplay({ replay: args.replay, paths, format: args.format ?? "stylish", failOn: args.failOn ?? "widened" }, io);
  }
  if (args.format !== undefined || args.failOn !== undefined) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      "--format and --fail-on go with --replay: agentspec test --replay <decisions.jsonl> <spec-or-policy>",
    );
  }
  const c = colors(io.color);
  const checked = await loadSpecs(args.paths);
  const tally: Tally = { cases: 0, failed: 0, untested: 0 };
  let out = "";
  for (const source of checked) out += reportFile(source, tally, c);
  out += "\n" + summary(tally, checked.length, c) + "\n";
  io.stdout(out);
  return tally.failed > 0 || tally.untested > 0 ? EXIT.problems : EXIT.ok;
}

function reportFile(checked: CheckedSource, tally: Tally, c: Colors): string {
  const file = checked.source.file;
  const errors = checked.diagnostics.filter((d) => d.severity === "error");
  if (!checked.spec || errors.length > 0) {
    tally.untested += 1;
    const first = errors[0];
    const where = first ? `; the first at ${first.line}:${first.column}: ${first.message}` : "";
    return `${c.underline(file)}\n  ${c.red("✖")} not tested: the spec has ${errors.length} error${errors.length === 1 ? "" : "s"}${where} (run agentspec lint ${file})\n`;
  }
  const results = runDecisionTests(checked.spec);
  if (results.length === 0) return `${c.underline(file)}\n  ${c.dim("no tests")}\n`;
  tally.cases += results.length;
  tally.failed += results.filter((r) => !r.passed).length;
  return `${c.underline(file)}\n${results.map((r) => caseLine(r, c)).join("")}`;
}

function caseLine(result: DecisionTestResult, c: Colors): string {
  const at = c.dim(`${result.line}:${result.column}`);
  if (result.passed) return `  ${c.green("✔")} ${at}  ${result.label}: ${result.actual.decision}\n`;
  const { decision, rule, reason } = result.actual;
  return `  ${c.red("✖")} ${at}  ${result.label}: expected ${result.expected}, got ${decision} (${rule}: ${reason})\n`;
}

function summary(tally: Tally, files: number, c: Colors): string {
  const inFiles = `in ${files} file${files === 1 ? "" : "s"}`;
  const untested = tally.untested > 0 ? `, ${tally.untested} spec${tally.untested === 1 ? "" : "s"} not tested` : "";
  if (tally.failed === 0 && tally.untested === 0) return c.green(`✔ ${tally.cases} case${tally.cases === 1 ? "" : "s"} passed ${inFiles}`);
  return c.red(`✖ ${tally.failed} of ${tally.cases} case${tally.cases === 1 ? "" : "s"} failed ${inFiles}${untested}`);
}
