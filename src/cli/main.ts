/** The agentspec command: yargs wiring over the library; every command returns an exit code. */
import yargs from "yargs";
import { AgentspecError } from "../errors.js";
import { auditBuilder } from "./audit.js";
import { compileBuilder, runCompile, type CompileArgs } from "./compile.js";
import { decideBuilder, runDecide, type DecideArgs } from "./decide.js";
import { importBuilder, runImport, type ImportArgs } from "./import.js";
import { EXIT, processIO, type CliIO } from "./io.js";
import { lintBuilder, runLint, type LintArgs } from "./lint.js";
import { rulesBuilder, runRules, type RulesArgs } from "./rules.js";
import { runTest, testBuilder, type TestArgs } from "./test.js";
import { runTier, tierBuilder, type TierArgs } from "./tier.js";
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
    .command("compile [paths..]", "Compile specs into policies and review documents", compileBuilder, (args) =>
      run(() => runCompile(args as unknown as CompileArgs, io))(),
    )
    .command("rules", "List every lint rule with its default severity", rulesBuilder, (args) =>
      run(() => runRules(args as unknown as RulesArgs, io))(),
    )
    .command("decide <file>", "Decide one tool call against a spec or a compiled policy; prints the decision as JSON", decideBuilder, (args) =>
      run(() => runDecide(args as unknown as DecideArgs, io))(),
    )
    .command("test [paths..]", "Run every spec's tests cases against its compiled policy", testBuilder, (args) =>
      run(() => runTest(args as unknown as TestArgs, io))(),
    )
    .command("tier <file>", "Compute a spec's trust level, say why, and compare it with the declared one", tierBuilder, (args) =>
      run(() => runTier(args as unknown as TierArgs, io))(),
    )
    .command("import <format> <file>", "Import an AgentAz, aex or other system's file as an agentspec YAML spec", importBuilder, (args) =>
      run(() => runImport(args as unknown as ImportArgs, io))(),
    )
    .command("audit", "Work with decision logs (audit verify <file.jsonl>)", (y) => auditBuilder(y, io, (task) => run(task)()))
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
