/** `agentspec mcp lock <spec> [--timeout s]`: writes <name>.mcp-lock.json beside the spec. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Argv } from "yargs";
import { AgentspecError } from "../errors.js";
import { listProblemDiagnostics } from "../mcp/drift.js";
import { buildMcpLock, lockPathFor, serializeMcpLock } from "../mcp/lock.js";
import { listSpecServers, serversOf } from "../mcp/servers.js";
import { compareDiagnostics } from "../diagnostics.js";
import { formatters } from "../report/index.js";
import { loadSpecIn, serverText, timeoutMs, TIMEOUT_OPTION } from "./mcp-args.js";
import { EXIT, type CliIO } from "./io.js";
import { version } from "./version.js";

export interface McpLockArgs {
  spec: string;
  timeout: number;
}

export function mcpLockBuilder(yargs: Argv): Argv<McpLockArgs> {
  return yargs
    .positional("spec", { type: "string", demandOption: true, describe: "The spec whose mcp section names the servers" })
    .option("timeout", TIMEOUT_OPTION) as unknown as Argv<McpLockArgs>;
}

export async function runMcpLock(args: McpLockArgs, io: CliIO): Promise<number> {
  const timeout = timeoutMs(args.timeout);
  const checked = await loadSpecIn(io.cwd, args.spec);
  if (!checked.spec) {
    const diagnostics = [...checked.diagnostics].sort(compareDiagnostics);
    io.stdout(formatters.stylish([{ file: args.spec, diagnostics }], { color: io.color, cwd: io.cwd }));
    return EXIT.problems;
  }
  const spec = checked.spec;
  const servers = serversOf(spec, undefined);
  const lists = await listSpecServers(spec, { timeoutMs: timeout, clientInfo: { name: "agentspec", version }, cwd: io.cwd });
  const problems = servers.flatMap((server) => listProblemDiagnostics(spec, server, lists.get(server.name)!)).sort(compareDiagnostics);
  if (problems.length > 0) io.stderr(formatters.stylish([{ file: args.spec, diagnostics: problems }], { color: io.color, cwd: io.cwd }));
  const lockFile = lockPathFor(args.spec);
  try {
    writeFileSync(path.resolve(io.cwd, lockFile), serializeMcpLock(buildMcpLock(lists)));
  } catch (error) {
    throw new AgentspecError(
      "UNWRITABLE",
      `${lockFile}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  const tools = [...lists.values()].reduce((n, list) => n + list.tools.length, 0);
  const described = servers.map((s) => {
    const { server } = lists.get(s.name)!;
    return `${s.name} (${serverText(server.name)} ${serverText(server.version)}, protocol ${serverText(server.protocolVersion)})`;
  });
  io.stderr(`Wrote ${lockFile}: ${tools} tool${tools === 1 ? "" : "s"} of ${described.join(", ")}. Commit it beside the spec.\n`);
  return problems.some((d) => d.severity === "error") ? EXIT.problems : EXIT.ok;
}
