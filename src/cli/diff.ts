/** `agentspec diff <old> <new>` and `agentspec diff --base <ref> [paths..]`: the diff of authority between specs. */
import type { Argv } from "yargs";
import { AgentspecError } from "../errors.js";
import { diffFiles, diffSince, type SpecDiff } from "../diff/files.js";
import { compareDiagnostics } from "../diagnostics.js";
import { diffReporters, type DiffFormatName } from "../diff/format/index.js";
import type { FailOn } from "./fail-on.js";
import { EXIT, writeReport, type CliIO } from "./io.js";
import { addOptions, DIFF_OPTIONS } from "./options.js";
import { version } from "./version.js";

export interface DiffArgs {
  paths: string[];
  base?: string;
  format: DiffFormatName;
  failOn: FailOn;
  outputFile?: string;
}

export function diffBuilder(yargs: Argv): Argv<DiffArgs> {
  yargs.positional("paths", {
    type: "string",
    array: true,
    default: [],
    describe: "Two spec files, <old> <new>; with --base, the files or directories to look in (default: the working directory)",
  });
  return addOptions(yargs, DIFF_OPTIONS) as unknown as Argv<DiffArgs>;
}

export async function runDiff(args: DiffArgs, io: CliIO): Promise<number> {
  const diffs = await diffsFor(args, io);
  // A spec that could not be compared: its errors by position, as every report lists findings.
  for (const diff of diffs) for (const problem of diff.problems) problem.diagnostics.sort(compareDiagnostics);
  const reporter = diffReporters.find((r) => r.id === args.format)!;
  await writeReport(io, args.outputFile, reporter.format(diffs, { color: io.color && !args.outputFile, cwd: io.cwd, version }));
  return exitCode(diffs, args.failOn);
}

async function diffsFor(args: DiffArgs, io: CliIO): Promise<SpecDiff[]> {
  if (args.base !== undefined) return diffSince(args.base, args.paths, { cwd: io.cwd });
  if (args.paths.length !== 2) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `agentspec diff compares two spec files (agentspec diff <old> <new>), or every spec changed since a git revision (agentspec diff --base <ref> [paths..]); got ${args.paths.length} path${args.paths.length === 1 ? "" : "s"}`,
    );
  }
  return [await diffFiles(args.paths[0]!, args.paths[1]!, { cwd: io.cwd })];
}

/** 1 when a spec could not be compared (fail closed), or when --fail-on's condition is met; else 0. */
export function exitCode(diffs: readonly SpecDiff[], failOn: FailOn): number {
  if (diffs.some((d) => d.problems.length > 0)) return EXIT.problems;
  const changes = diffs.flatMap((d) => d.changes);
  if (failOn === "widened" && changes.some((c) => c.direction === "widened")) return EXIT.problems;
  if (failOn === "any" && changes.length > 0) return EXIT.problems;
  return EXIT.ok;
}
