/** `agentspec lint [paths..]`. */
import type { Argv } from "yargs";
import { AgentspecError } from "../errors.js";
import { ruleCatalog } from "../lint/catalog.js";
import { loadConfig } from "../lint/config.js";
import { lintFiles } from "../lint/index.js";
import { formatNames, formatters, type FormatName } from "../report/index.js";
import { EXIT, type CliIO } from "./io.js";
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
}

export function lintBuilder(yargs: Argv): Argv<LintArgs> {
  return yargs
    .positional("paths", { type: "string", array: true, default: ["."], describe: "Spec files or directories to search" })
    .option("format", { alias: "f", choices: formatNames, default: "stylish" as FormatName, describe: "Output format" })
    .option("quiet", { type: "boolean", default: false, describe: "Report errors only" })
    .option("config", { alias: "c", type: "string", describe: "Config file to use instead of the nearest agentspec.config.json" })
    .option("max-warnings", {
      type: "number",
      default: -1,
      describe: "Fail when there are more warnings than this (-1: no limit)",
    })
    .option("mcp", {
      type: "boolean",
      default: false,
      describe: "Also check each spec against its MCP servers and lock, as mcp check does",
    })
    .option("timeout", {
      type: "number",
      default: 10,
      describe: "With --mcp: seconds each server has to start and answer",
    }) as unknown as Argv<LintArgs>;
}

export async function runLint(args: LintArgs, io: CliIO): Promise<number> {
  if (!Number.isInteger(args.maxWarnings)) {
    throw new AgentspecError("BAD_ARGUMENT", "--max-warnings takes a whole number, such as --max-warnings 0 (-1: no limit)");
  }
  const config = await loadConfig({ cwd: io.cwd, file: args.config });
  let summary = await lintFiles(args.paths, config);
  // Loaded only with --mcp: the MCP client is not what a plain lint in a hook should pay for.
  if (args.mcp) summary = await (await import("./lint-mcp.js")).withMcpChecks(summary, config, args.timeout ?? 10);
  const results = args.quiet
    ? summary.results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === "error") }))
    : summary.results;
  const rules = args.mcp ? [...ruleCatalog(), ...(await import("../mcp/drift.js")).mcpRuleCatalog()] : ruleCatalog();
  io.stdout(formatters[args.format](results, { color: io.color, cwd: io.cwd, rules, version }));
  if (summary.errorCount > 0) return EXIT.problems;
  if (args.maxWarnings >= 0 && summary.warningCount > args.maxWarnings) {
    io.stderr(`agentspec: ${summary.warningCount} warnings exceed --max-warnings ${args.maxWarnings}\n`);
    return EXIT.problems;
  }
  return EXIT.ok;
}
