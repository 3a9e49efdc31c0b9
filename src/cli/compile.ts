/** `agentspec compile [paths..] --target <list> --out <dir> [--check]`. */
import path from "node:path";
import type { Argv } from "yargs";
import { checkOutputs, compileSpecs, resolveTargets, targets, writeOutputs } from "../compile/index.js";
import { compareDiagnostics, type FileResult } from "../diagnostics.js";
import { loadConfig } from "../lint/config.js";
import { createLintRun, lintChecked } from "../lint/index.js";
import { loadSpecs, locateFinding, type CheckedSource, type Spec } from "../model/index.js";
import { formatters } from "../report/index.js";
import { EXIT, writeReport, type CliIO } from "./io.js";
import { addOptions, COMPILE_OPTIONS } from "./options.js";

export interface CompileArgs {
  paths: string[];
  target: string;
  out: string;
  check: boolean;
  strict: boolean;
  config?: string;
  allowLintErrors: boolean;
  /** Where the report goes instead of stdout (never the compiled files: those go to `out`). */
  outputFile?: string;
}

export function compileBuilder(yargs: Argv): Argv<CompileArgs> {
  yargs.positional("paths", { type: "string", array: true, describe: "Spec files or directories to search" });
  return addOptions(yargs, COMPILE_OPTIONS, {
    target: { describe: `Comma-separated target ids: ${targets.map((t) => t.id).join(", ")}` },
  }) as unknown as Argv<CompileArgs>;
}

export async function runCompile(args: CompileArgs, io: CliIO): Promise<number> {
  const ids = args.target
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  resolveTargets(ids); // a wrong target is a usage error before any file is read
  // The config lint would use, so compile refuses exactly what `agentspec lint` reports.
  const config = await loadConfig({ cwd: io.cwd, file: args.config });
  const { invalid, allowed, valid } = lintForCompile(await loadSpecs(args.paths, config), config, args.allowLintErrors);
  const { files, problems } = compileSpecs(valid, ids, { strict: args.strict });
  const reported = mergeResults([...invalid, ...allowed, ...problems]);
  // The report is written once it is whole, to --output-file or stdout.
  let report = "";
  const print = (text: string) => (report += text);
  if (reported.length > 0) print(formatters.stylish(reported, { color: io.color && !args.outputFile, cwd: io.cwd }));
  const failed = [...invalid, ...problems].filter((r) => r.diagnostics.some((d) => d.severity === "error"));
  const outDir = path.resolve(io.cwd, args.out);
  const shown = (file: string) => path.join(args.out, path.relative(outDir, file));
  if (args.check) {
    const drift = await checkOutputs(files, outDir);
    for (const d of drift)
      print(
        `${shown(d.path)} ${d.problem === "missing" ? "is missing" : "is out of date"}${d.source ? ` (compiled from ${d.source})` : ""}\n`,
      );
    if (drift.length > 0) {
      print(`Run \`${fixCommand(args, ids)}\` to update ${drift.length === 1 ? "it" : "them"}.\n`);
      await writeReport(io, args.outputFile, report);
      return EXIT.problems;
    }
    print(`✔ ${files.length} compiled file${files.length === 1 ? "" : "s"} in ${args.out} up to date\n`);
  } else {
    await writeOutputs(files, outDir);
    const specCount = new Set(files.map((f) => f.source)).size;
    print(
      `Compiled ${specCount} spec${specCount === 1 ? "" : "s"} (${ids.join(", ")}) into ${files.length} file${files.length === 1 ? "" : "s"} in ${args.out}\n`,
    );
  }
  await writeReport(io, args.outputFile, report);
  return failed.length > 0 ? EXIT.problems : EXIT.ok;
}

/**
 * Lints each spec as `agentspec lint` would (one run, so cross-file rules such as
 * duplicate-agent-id see every spec): a spec with an error is reported and not compiled. With
 * --allow-lint-errors a spec whose errors are all rule findings compiles, its errors still
 * shown (`allowed`, which do not fail the run); a syntax or schema error always keeps a spec out.
 */
function lintForCompile(
  checked: readonly CheckedSource[],
  config: Awaited<ReturnType<typeof loadConfig>>,
  allowLintErrors: boolean,
): { invalid: FileResult[]; allowed: FileResult[]; valid: Spec[] } {
  const run = createLintRun();
  const invalid: FileResult[] = [];
  const allowed: FileResult[] = [];
  const valid: Spec[] = [];
  const refused = new Map<string, Spec>();
  for (const source of checked) {
    const result = lintChecked(source, config, run);
    const errors = { file: result.file, diagnostics: result.diagnostics.filter((d) => d.severity === "error") };
    const spec = source.diagnostics.some((d) => d.severity === "error") ? undefined : source.spec;
    if (spec && errors.diagnostics.length === 0) valid.push(spec);
    else if (spec && allowLintErrors) {
      allowed.push(errors);
      valid.push(spec);
    } else {
      invalid.push(errors);
      if (spec) refused.set(spec.agent.id.toLowerCase(), spec);
    }
  }
  // A refused spec still claims its agent id: writing the other spec's files under that id (the
  // first of two duplicates, say) would publish one side of a dispute as the agent's policy.
  const compiled = valid.filter((spec) => {
    const rival = refused.get(spec.agent.id.toLowerCase());
    if (!rival) return true;
    const message = `Agent id "${spec.agent.id}" is also the id of ${rival.source.file}, which is not compiled (it has lint errors): nothing is written for either; give each agent its own id`;
    invalid.push({ file: spec.source.file, diagnostics: [locateFinding(spec, "compile", "error", { pointer: "/agent/id", message })] });
    return false;
  });
  return { invalid, allowed, valid: compiled };
}

/** One result per file (a spec allowed with lint errors may also have target findings), diagnostics by position. */
function mergeResults(results: readonly FileResult[]): FileResult[] {
  const byFile = new Map<string, FileResult["diagnostics"]>();
  for (const { file, diagnostics } of results) byFile.set(file, [...(byFile.get(file) ?? []), ...diagnostics]);
  return [...byFile].map(([file, diagnostics]) => ({ file, diagnostics: diagnostics.sort(compareDiagnostics) }));
}

/** The command that regenerates the files, as the user would type it. */
function fixCommand(args: CompileArgs, ids: readonly string[]): string {
  return ["agentspec", "compile", ...args.paths, "--target", ids.join(","), "--out", args.out].map(shellQuote).join(" ");
}

function shellQuote(word: string): string {
  return /^[\w./:@,=+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
