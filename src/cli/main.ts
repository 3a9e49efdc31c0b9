/** The agentspec command: yargs wiring over the library; every command returns an exit code. */
import type { Argv } from "yargs";
import { AgentspecError } from "../errors.js";
import { readFastArgv } from "./fast-argv.js";
import { EXIT, processIO, type CliIO } from "./io.js";
import { version } from "./version.js";

type RunCommand = (task: () => Promise<number>) => Promise<void>;

/** A command whose module is imported only when it runs or shows its help. */
interface LazyCommand {
  command: string;
  describe: string;
  builder: (yargs: Argv, io: CliIO, runCommand: RunCommand) => Promise<Argv>;
  run?: (args: unknown, io: CliIO) => Promise<number>;
}

/** A command from its module's builder and run function, loaded on first use. */
function lazy<A>(
  command: string,
  describe: string,
  load: () => Promise<[(yargs: Argv) => Argv<A>, (args: A, io: CliIO) => Promise<number>]>,
): LazyCommand {
  return {
    command,
    describe,
    builder: async (y) => (await load())[0](y) as unknown as Argv,
    run: async (args, io) => (await load())[1](args as A, io),
  };
}

/**
 * The one list of commands. Each module is imported in its builder, which yargs runs only for
 * the command given: importing every command's dependencies (compile targets, the YAML writer,
 * signing) cost more than node's own start, and `lint` in a pre-commit hook needs none of them.
 */
const COMMANDS: LazyCommand[] = [
  lazy("lint [paths..]", "Check specs for schema errors, contradictions and gaps", async () => {
    const m = await import("./lint.js");
    return [m.lintBuilder, m.runLint];
  }),
  lazy("compile [paths..]", "Compile specs into policies and review documents", async () => {
    const m = await import("./compile.js");
    return [m.compileBuilder, m.runCompile];
  }),
  lazy("rules [id]", "List every lint rule with its default severity, or print one rule's docs", async () => {
    const m = await import("./rules.js");
    return [m.rulesBuilder, m.runRules];
  }),
  lazy("decide <file>", "Decide one tool call against a spec or a compiled policy; prints the decision as JSON", async () => {
    const m = await import("./decide.js");
    return [m.decideBuilder, m.runDecide];
  }),
  lazy("test [paths..]", "Run every spec's tests cases against its compiled policy", async () => {
    const m = await import("./test.js");
    return [m.testBuilder, m.runTest];
  }),
  lazy("diff [paths..]", "Show how a change to specs changes the agent's authority, with a witness call for each widening", async () => {
    const m = await import("./diff.js");
    return [m.diffBuilder, m.runDiff];
  }),
  lazy("tier <file>", "Compute a spec's trust level, say why, and compare it with the declared one", async () => {
    const m = await import("./tier.js");
    return [m.tierBuilder, m.runTier];
  }),
  lazy("import <format> <file>", "Import an AgentAz, aex or other system's file as an agentspec YAML spec", async () => {
    const m = await import("./import.js");
    return [m.importBuilder, m.runImport];
  }),
  lazy("sign <policy>", "Sign a compiled policy with an Ed25519 private key (writes <policy>.sig)", async () => {
    const m = await import("./sign.js");
    return [m.signBuilder, m.runSign];
  }),
  lazy("verify <policy>", "Check a policy's signature (and hash, and an optional pin) as a runtime would", async () => {
    const m = await import("./verify.js");
    return [m.verifyBuilder, m.runVerify];
  }),
  {
    command: "mcp",
    describe: "Tie a spec to its MCP servers (mcp init, mcp lock <spec>, mcp check <spec>) and enforce it in front of one (mcp proxy)",
    builder: async (y, io, runCommand) => (await import("./mcp.js")).mcpBuilder(y, io, runCommand),
  },
  {
    command: "audit",
    describe: "Work with decision logs (audit verify <file.jsonl>)",
    builder: async (y, io, runCommand) => (await import("./audit.js")).auditBuilder(y, io, runCommand),
  },
];

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  // A plain `agentspec lint` or `compile` (a hook's, a build's) runs without yargs; see fast-argv.ts.
  const fast = readFastArgv(argv);
  if (fast) {
    return reportErrors(io, async () => {
      if (fast.command === "lint") return (await import("./lint.js")).runLint(fast.args, io);
      return (await import("./compile.js")).runCompile(fast.args, io);
    });
  }
  return runWithYargs(argv, io);
}

/** Every command line through yargs: help, usage errors, and every command. */
export async function runWithYargs(argv: readonly string[], io: CliIO): Promise<number> {
  const { default: yargs } = await import("yargs");
  let exitCode: number = EXIT.ok;
  const run = (task: () => Promise<number>) => async () => {
    exitCode = await task();
  };
  const parser = yargs([...argv])
    .scriptName("agentspec")
    .usage("$0 <command> [options]\n\nDeclare, check and enforce what an AI agent may do.");
  for (const { command, describe, builder, run: runCommand } of COMMANDS) {
    parser.command(
      command,
      describe,
      (y) => builder(y, io, (task) => run(task)()),
      runCommand ? (args) => run(() => runCommand(args, io))() : undefined,
    );
  }
  parser
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
  return reportErrors(io, async () => {
    let printed = "";
    await parser.parseAsync([...argv], {}, (_error, _argv, output) => {
      printed = output;
    });
    if (printed) io.stdout(printed + "\n");
    return exitCode;
  });
}

/** Runs a command; a usage error, an AgentspecError or a crash becomes a message and exit 2. */
async function reportErrors(io: CliIO, task: () => Promise<number>): Promise<number> {
  try {
    return await task();
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
