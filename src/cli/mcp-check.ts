/** `agentspec mcp check <spec> [--format f] [--timeout s] [-- <command…>]`: the spec against its servers and its lock. */
import type { Argv } from "yargs";
import { compareDiagnostics, type FileResult } from "../diagnostics.js";
import { ruleCatalog } from "../lint/catalog.js";
import { loadConfig } from "../lint/config.js";
import { summarize } from "../lint/index.js";
import { mcpRuleCatalog } from "../mcp/drift.js";
import { checkSpecServers } from "../mcp/servers.js";
import { formatters, type FormatName } from "../report/index.js";
import { loadSpecIn, serverCommand, timeoutMs } from "./mcp-args.js";
import { EXIT, writeReport, type CliIO } from "./io.js";
import { addOptions, MCP_CHECK_OPTIONS } from "./options.js";
import { version } from "./version.js";

export interface McpCheckArgs {
  spec: string;
  format: FormatName;
  timeout: number;
  outputFile?: string;
  "--"?: unknown[];
}

export function mcpCheckBuilder(yargs: Argv): Argv<McpCheckArgs> {
  yargs
    .usage("$0 mcp check <spec> [options] [-- <command> [args…]]")
    .positional("spec", { type: "string", demandOption: true, describe: "The spec to check" });
  return addOptions(yargs, MCP_CHECK_OPTIONS) as unknown as Argv<McpCheckArgs>;
}

export async function runMcpCheck(args: McpCheckArgs, io: CliIO): Promise<number> {
  const timeout = timeoutMs(args.timeout);
  const command = serverCommand(args);
  const config = await loadConfig({ cwd: io.cwd });
  const checked = await loadSpecIn(io.cwd, args.spec);
  const results: FileResult[] = [];
  if (!checked.spec) {
    results.push({ file: args.spec, diagnostics: checked.diagnostics });
  } else {
    const { diagnostics, lock } = await checkSpecServers(checked.spec, {
      config,
      cwd: io.cwd,
      timeoutMs: timeout,
      clientInfo: { name: "agentspec", version },
      ...(command ? { instead: { ...command, cwd: io.cwd } } : {}),
    });
    results.push({ file: args.spec, diagnostics }, ...(lock ? [lock] : []));
  }
  for (const result of results) result.diagnostics.sort(compareDiagnostics);
  const rules = [...ruleCatalog(), ...mcpRuleCatalog()];
  await writeReport(
    io,
    args.outputFile,
    formatters[args.format](results, { color: io.color && !args.outputFile, cwd: io.cwd, rules, version }),
  );
  return summarize(results).errorCount > 0 ? EXIT.problems : EXIT.ok;
}
