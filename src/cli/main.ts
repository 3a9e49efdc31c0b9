/** The agentspec command: yargs wiring over the library; every command returns an exit code. */
import type { Argv } from "yargs";
import { closestName } from "../diagnostics.js";
import { AgentspecError } from "../errors.js";
import { readFastArgv } from "./fast-argv.js";
import { optionTableFor } from "./options.js";
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
    run: async (args, io) => (await load())[1](withPaths(args as Record<string, unknown>) as A, io),
  };
}

/**
 * A command's `paths`: what follows `--` counts as paths too (`lint -- -odd-name.yaml`), and none
 * at all means the working directory. yargs keeps what follows `--` apart; the fast reader
 * declines such a command line.
 */
function withPaths(args: Record<string, unknown>): Record<string, unknown> {
  if (!("paths" in args) && !("--" in args)) return args;
  const given = Array.isArray(args.paths) ? (args.paths as unknown[]).map(String) : [];
  const terminated = Array.isArray(args["--"]) ? (args["--"] as unknown[]).map(String) : [];
  const paths = [...given, ...terminated];
  return { ...args, paths: paths.length > 0 ? paths : ["."] };
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
  lazy("decide <file>", "Decide one tool call against a spec or a compiled policy", async () => {
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
  lazy("tier [paths..]", "Compute each spec's trust level, say why, and compare it with the declared one", async () => {
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

export async function main(given: readonly string[], io: CliIO = processIO()): Promise<number> {
  const argv = stdinDash(given);
  // A plain `agentspec lint`, `compile` or `diff` (a hook's, a build's, the Action's), or `mcp proxy` (a client's), runs without yargs; see fast-argv.ts.
  const fast = readFastArgv(argv);
  if (fast) {
    return reportErrors(io, async () => {
      if (fast.command === "lint") return (await import("./lint.js")).runLint(fast.args, io);
      if (fast.command === "diff") return (await import("./diff.js")).runDiff(fast.args, io);
      if (fast.command === "mcp proxy") return (await import("./mcp-proxy.js")).runMcpProxy(fast.args, io);
      return (await import("./compile.js")).runCompile(fast.args, io);
    });
  }
  return runWithYargs(argv, io);
}

/**
 * `lint -` reads standard input, as `lint --stdin` does (ESLint's and ruff's `-`): yargs would
 * drop a lone `-`. Only before `--`, after which every word is a path.
 */
function stdinDash(argv: readonly string[]): readonly string[] {
  if (argv[0] !== "lint") return argv;
  const end = argv.indexOf("--");
  const options = end === -1 ? argv : argv.slice(0, end);
  if (!options.includes("-")) return argv;
  return [...options.map((a) => (a === "-" ? "--stdin" : a)), ...(end === -1 ? [] : argv.slice(end))];
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
  // The yargs of the command being parsed: its options name the likely one meant in a usage error.
  let current: Argv = parser;
  for (const { command, describe, builder, run: runCommand } of COMMANDS) {
    parser.command(
      command,
      describe,
      (y) => {
        current = y;
        return builder(y, io, (task) => run(task)());
      },
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
    .parserConfiguration({ "populate--": true, "parse-positional-numbers": false })
    .fail((message, error) => {
      // yargs' own errors (YError: a missing value, a bad choice) are usage errors too.
      if (error && error.name !== "YError") throw error;
      throw new UsageError(explainUsage(message ?? error?.message ?? "", argv, current));
    });
  return reportErrors(io, async () => {
    let printed = "";
    try {
      await parser.parseAsync([...argv], {}, (_error, _argv, output) => {
        printed = output;
      });
    } catch (error) {
      // Some of yargs' checks (a missing value after a command's option) throw past .fail().
      if ((error as Error)?.name === "YError") throw new UsageError(explainUsage((error as Error).message, argv, current));
      throw error;
    }
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
      io.stderr(`agentspec: ${terminalSafe(error.message)}\n`);
      return EXIT.fatal;
    }
    const message = terminalSafe((error as Error)?.message ?? String(error));
    io.stderr(`agentspec: internal error: ${message}\nPlease report this with the command you ran.\n`);
    return EXIT.fatal;
  }
}

class UsageError extends Error {}

/** The command names, as typed. */
const COMMAND_NAMES = COMMANDS.map((c) => c.command.split(" ")[0]!);

/**
 * yargs' "Unknown argument(s): x, y" said as what each is, with the likely name meant: a
 * misspelled command, or an option the command does not have.
 */
function explainUsage(message: string, argv: readonly string[], y: Argv): string {
  // The options yargs knows for the command (getOptions is not in its types).
  const { key: known = {} } = (y as unknown as { getOptions(): { key?: Record<string, unknown> } }).getOptions();
  const missing = /^Not enough arguments following: (.+)$/s.exec(message);
  if (missing) {
    const name = missing[1]!;
    // A one-letter alias, named by its command's option table where it has one.
    const table = optionTableFor(argv) ?? {};
    const long = name.length > 1 ? name : Object.entries(table).find(([, spec]) => spec.alias === name)?.[0];
    if (long === undefined) return `-${name} needs a value`;
    return `--${long}${long === name ? "" : ` (-${name})`} needs a value`;
  }
  const unknown = /^Unknown arguments?: (.+)$/s.exec(message);
  if (!unknown) return message;
  const options = Object.keys(known).filter((name) => name.length > 1 && name === name.toLowerCase());
  return unknown[1]!
    .split(", ")
    .map((name) => {
      if (name === argv[0] && !COMMAND_NAMES.includes(name)) {
        const command = closestName(name, COMMAND_NAMES, { ignoreCase: true });
        return `Unknown command "${name}"${command ? `: did you mean \`agentspec ${command}\`?` : ""}`;
      }
      const written = argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`) || a === `-${name}`);
      if (written === undefined) return `Unexpected argument "${name}"`;
      const option = closestName(name, options, { ignoreCase: true });
      return `Unknown option ${written.replace(/=.*$/s, "")}${option ? `: did you mean --${option}?` : ""}`;
    })
    .join("\n");
}

/**
 * An error message may quote what a server or a file said: its controls (an ESC sequence, a CR
 * that rewrites the line) are escaped before it reaches the terminal; its own line breaks stay.
 */
function terminalSafe(message: string): string {
  return message.replace(/[\p{Cc}\p{Zl}\p{Zp}\u202a-\u202e\u2066-\u2069]/gu, (c) =>
    c === "\n" ? c : `\\u${c.codePointAt(0)!.toString(16).padStart(4, "0")}`,
  );
}
