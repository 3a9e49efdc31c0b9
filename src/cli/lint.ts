/** `agentspec lint [paths..]`, or one spec from standard input (`-`, `--stdin`). */
import type { Argv } from "yargs";
import { AgentspecError } from "../errors.js";
import { ruleCatalog } from "../lint/catalog.js";
import { loadConfig } from "../lint/config.js";
import { lintFiles, lintSource, summarize, type LintSummary } from "../lint/index.js";
import { sourceFromBytes } from "../load/index.js";
import { formatters, type FormatName } from "../report/index.js";
import { exceededWarnings } from "../report/types.js";
import { EXIT, writeReport, type CliIO } from "./io.js";
import { addOptions, LINT_OPTIONS } from "./options.js";
import { version } from "./version.js";

export interface LintArgs {
  paths: string[];
  format: FormatName;
  quiet: boolean;
  maxWarnings: number;
  config?: string;
  /** Also compare each spec with its MCP servers and lock (mcp check). */
  mcp?: boolean;
  /** --mcp: seconds each server has to start and answer. */
  timeout?: number;
  outputFile?: string;
  stdin: boolean;
  stdinFilename?: string;
}

/** The name a spec read from standard input goes by when --stdin-filename names none (ESLint's). */
export const STDIN_NAME = "<stdin>";

export function lintBuilder(yargs: Argv): Argv<LintArgs> {
  yargs.positional("paths", { type: "string", array: true, describe: "Spec files or directories to search; - reads standard input" });
  return addOptions(yargs, LINT_OPTIONS) as unknown as Argv<LintArgs>;
}

export async function runLint(args: LintArgs, io: CliIO): Promise<number> {
  if (!Number.isInteger(args.maxWarnings)) {
    throw new AgentspecError("BAD_ARGUMENT", "--max-warnings takes a whole number, such as --max-warnings 0 (-1: no limit)");
  }
  const fromStdin = args.stdin || args.paths.includes("-");
  if (fromStdin && args.paths.some((p) => p !== "-" && p !== ".")) {
    throw new AgentspecError("BAD_ARGUMENT", "Standard input (- or --stdin) is linted alone: name no other paths with it");
  }
  if (!fromStdin && args.stdinFilename !== undefined) {
    throw new AgentspecError("BAD_ARGUMENT", "--stdin-filename names the spec read with --stdin (or -): add --stdin");
  }
  const config = await loadConfig({ cwd: io.cwd, file: args.config });
  let summary = fromStdin ? await lintStdin(args, io, config) : await lintFiles(args.paths, config);
  // Loaded only with --mcp: the MCP client is not what a plain lint in a hook should pay for.
  if (args.mcp) summary = await (await import("./lint-mcp.js")).withMcpChecks(summary, config, args.timeout ?? 10);
  const results = args.quiet
    ? summary.results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === "error") }))
    : summary.results;
  const rules = args.mcp ? [...ruleCatalog(), ...(await import("../mcp/drift.js")).mcpRuleCatalog()] : ruleCatalog();
  await writeReport(
    io,
    args.outputFile,
    formatters[args.format](results, {
      color: io.color && !args.outputFile,
      cwd: io.cwd,
      rules,
      version,
      warningLimit: { maxWarnings: args.maxWarnings, warnings: summary.warningCount },
    }),
  );
  if (summary.errorCount > 0) return EXIT.problems;
  const exceeded = exceededWarnings({ maxWarnings: args.maxWarnings, warnings: summary.warningCount });
  if (exceeded) {
    io.stderr(`agentspec: ${exceeded}\n`);
    return EXIT.problems;
  }
  return EXIT.ok;
}

async function lintStdin(args: LintArgs, io: CliIO, config: Awaited<ReturnType<typeof loadConfig>>): Promise<LintSummary> {
  if (!io.readStdin) throw new AgentspecError("UNREADABLE", "Standard input cannot be read here");
  const name = args.stdinFilename ?? STDIN_NAME;
  return summarize([lintSource(sourceFromBytes(name, Buffer.from(await io.readStdin())), config)]);
}
