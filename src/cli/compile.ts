/** `agentspec compile [paths..] --target <list> --out <dir> [--check]`. */
import path from "node:path";
import type { Argv } from "yargs";
import { checkOutputs, compileSpecs, resolveTargets, targets, writeOutputs } from "../compile/index.js";
import type { FileResult } from "../diagnostics.js";
import { loadSpecs } from "../model/index.js";
import { formatters } from "../report/index.js";
import { EXIT, type CliIO } from "./io.js";
import { addOptions, COMPILE_OPTIONS } from "./options.js";

export interface CompileArgs {
  paths: string[];
  target: string;
  out: string;
  check: boolean;
  strict: boolean;
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
  const checked = await loadSpecs(args.paths);
  const invalid: FileResult[] = checked
    .filter((c) => !c.spec || c.diagnostics.some((d) => d.severity === "error"))
    .map((c) => ({ file: c.source.file, diagnostics: c.diagnostics.filter((d) => d.severity === "error") }));
  const valid = checked.filter((c) => c.spec && !c.diagnostics.some((d) => d.severity === "error")).map((c) => c.spec!);
  const { files, problems } = compileSpecs(valid, ids, { strict: args.strict });
  const reported = [...invalid, ...problems];
  if (reported.length > 0) io.stdout(formatters.stylish(reported, { color: io.color, cwd: io.cwd }));
  const failed = reported.filter((r) => r.diagnostics.some((d) => d.severity === "error"));
  const outDir = path.resolve(io.cwd, args.out);
  const shown = (file: string) => path.join(args.out, path.relative(outDir, file));
  if (args.check) {
    const drift = await checkOutputs(files, outDir);
    for (const d of drift)
      io.stdout(
        `${shown(d.path)} ${d.problem === "missing" ? "is missing" : "is out of date"}${d.source ? ` (compiled from ${d.source})` : ""}\n`,
      );
    if (drift.length > 0) {
      io.stdout(`Run \`${fixCommand(args, ids)}\` to update ${drift.length === 1 ? "it" : "them"}.\n`);
      return EXIT.problems;
    }
    io.stdout(`✔ ${files.length} compiled file${files.length === 1 ? "" : "s"} in ${args.out} up to date\n`);
  } else {
    await writeOutputs(files, outDir);
    const specCount = new Set(files.map((f) => f.source)).size;
    io.stdout(
      `Compiled ${specCount} spec${specCount === 1 ? "" : "s"} (${ids.join(", ")}) into ${files.length} file${files.length === 1 ? "" : "s"} in ${args.out}\n`,
    );
  }
  return failed.length > 0 ? EXIT.problems : EXIT.ok;
}

/** The command that regenerates the files, as the user would type it. */
function fixCommand(args: CompileArgs, ids: readonly string[]): string {
  return ["agentspec", "compile", ...args.paths, "--target", ids.join(","), "--out", args.out].map(shellQuote).join(" ");
}

function shellQuote(word: string): string {
  return /^[\w./:@,=+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
