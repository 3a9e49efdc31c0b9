/** The agentspec command: yargs wiring over the library; every command returns an exit code. */
import yargs from "yargs";
import { AgentspecError } from "../errors.js";
import { EXIT, processIO, type CliIO } from "./io.js";
import { lintBuilder, runLint, type LintArgs } from "./lint.js";
import { version } from "./version.js";

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const run = (task: () => Promise<number>) => async () => {
    exitCode = await task();
  };
  const parser = yargs([...argv])
    .scriptName("agentspec")
    .usage("$0 <command> [options]\n\nDeclare, check and enforce what an AI agent may do.")
    .command("lint [paths..]", "Check specs for schema errors, contradictions and gaps", lintBuilder, (args) =>
      run(() => runLint(args as unknown as LintArgs, io))(),
    )
    .demandCommand(1, "Name a command: agentspec lint specs/")
    .strict()
    .version(version)
    .help()
    .alias("h", "help")
    .alias("v", "version")
    .wrap(Math.min(100, process.stdout.columns ?? 80))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });
  try {
    let printed = "";
    await parser.parseAsync([...argv], {}, (_error, _argv, output) => {
      printed = output;
    });
    if (printed) io.stdout(printed + "\n");
    return exitCode;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`agentspec: ${error.message}\nRun \`agentspec --help\` for usage.\n`);
      return EXIT.fatal;
    }
    if (error instanceof AgentspecError) {
      io.stderr(`agentspec: ${error.message}\n`);
      return EXIT.fatal;
    }
    io.stderr(`agentspec: internal error: ${(error as Error)?.message ?? String(error)}\nPlease report this with the command you ran.\n`);
    return EXIT.fatal;
  }
}

class UsageError extends Error {}
