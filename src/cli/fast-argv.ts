/**
 * `agentspec lint`, `compile` and `diff` read without yargs, for the command lines of
 * pre-commit hooks, CI (the GitHub Action runs lint and diff) and build scripts: importing and running yargs cost more than everything
 * else a lint of a few specs does. `mcp proxy` too, which MCP clients start with every session:
 * yargs was half of its start (importing it, and the help text it renders for every command run). Both parsers read the command's one option table
 * (options.ts). A command line this reader is not sure to read exactly as yargs does (help,
 * version, unknown, repeated or negated options, values yargs would coerce, `-`, `--`) returns
 * undefined, and yargs reads it; test/cli/fast-argv.test.ts checks both agree on every command
 * line this one accepts.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { CompileArgs } from "./compile.js";
import type { DiffArgs } from "./diff.js";
import type { LintArgs } from "./lint.js";
import type { McpProxyArgs } from "./mcp-proxy.js";
import { camelCase, COMPILE_OPTIONS, DIFF_OPTIONS, LINT_OPTIONS, MCP_PROXY_OPTIONS, type OptionTable } from "./options.js";

export type FastCommand =
  | { command: "lint"; args: LintArgs }
  | { command: "compile"; args: CompileArgs }
  | { command: "diff"; args: DiffArgs }
  | { command: "mcp proxy"; args: McpProxyArgs };

const TABLES: Readonly<Record<string, OptionTable>> = { lint: LINT_OPTIONS, compile: COMPILE_OPTIONS, diff: DIFF_OPTIONS };

export function readFastArgv(argv: readonly string[]): FastCommand | undefined {
  if (argv[0] === "mcp" && argv[1] === "proxy") return readMcpProxy(argv.slice(2));
  const command = argv[0] ?? "";
  const table = Object.hasOwn(TABLES, command) ? TABLES[command]! : undefined;
  if (!table) return undefined;
  const read = readOptions(argv.slice(1), table, false);
  if (!read) return undefined;
  const args: Record<string, unknown> = { paths: read.positionals.length > 0 ? read.positionals : ["."] };
  for (const [name, value] of Object.entries(read.values)) args[camelCase(name)] = value;
  return { command, args } as unknown as FastCommand;
}

/**
 * `mcp proxy <target> [options] [-- <server command…>]`: one positional before `--`, and the
 * server's command line after it whole, as yargs reads it (populate--). Its args carry the
 * options' own names (McpProxyArgs), not camelCase.
 */
function readMcpProxy(rest: readonly string[]): FastCommand | undefined {
  const read = readOptions(rest, MCP_PROXY_OPTIONS, true);
  if (!read || read.positionals.length !== 1) return undefined;
  const args: Record<string, unknown> = { target: read.positionals[0], ...read.values };
  // yargs leaves "--" out when nothing follows it.
  if (read.afterTerminator !== undefined && read.afterTerminator.length > 0) args["--"] = read.afterTerminator;
  return { command: "mcp proxy", args } as unknown as FastCommand;
}

interface ReadOptions {
  positionals: string[];
  /** Every option of the table given or with a default, by its own name. */
  values: Record<string, string | boolean | number>;
  /** What follows `--`, when it is there. */
  afterTerminator?: string[];
}

/** The command line after the command's name, read with the table, or undefined where yargs might read it otherwise. */
function readOptions(rest: readonly string[], table: OptionTable, terminator: boolean): ReadOptions | undefined {
  const end = terminator ? rest.indexOf("--") : -1;
  const before = end === -1 ? rest : rest.slice(0, end);
  const options: NonNullable<ParseArgsConfig["options"]> = {};
  const spellings = new Set<string>();
  for (const [name, spec] of Object.entries(table)) {
    options[name] = { type: spec.type === "boolean" ? "boolean" : "string", ...(spec.alias && { short: spec.alias }) };
    spellings.add(`--${name}`);
    if (spec.alias) spellings.add(`-${spec.alias}`);
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...before], options, allowPositionals: true, strict: true, tokens: true });
  } catch {
    return undefined;
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind === "option-terminator") return undefined;
    if (token.kind === "positional") {
      // yargs takes "true"/"false" after a boolean as its value, and shows the command's help for a bare "help".
      if (!isPlainValue(token.value) || token.value === "help") return undefined;
      continue;
    }
    // Only the plain spellings: yargs also reads -fjson, camelCase names and --no-x its own way.
    const written = before[token.index]!;
    const spelled = table[token.name]!.type !== "boolean" && written.startsWith("--") ? written.replace(/=.*$/s, "") : written;
    if (!spellings.has(spelled) || seen.has(token.name)) return undefined;
    seen.add(token.name);
  }
  const values: ReadOptions["values"] = {};
  const given = parsed.values as Record<string, string | boolean | undefined>;
  for (const [name, spec] of Object.entries(table)) {
    const value = given[name];
    if (value === undefined) {
      if (spec.default !== undefined) values[name] = spec.default;
      continue;
    }
    if (spec.type === "boolean") values[name] = value;
    else if (spec.type === "number") {
      if (typeof value !== "string" || !/^(?:0|-?[1-9]\d{0,14})$/.test(value)) return undefined;
      values[name] = Number(value);
    } else {
      if (typeof value !== "string" || !isPlainValue(value) || (spec.choices && !spec.choices.includes(value))) return undefined;
      values[name] = value;
    }
  }
  return { positionals: parsed.positionals, values, ...(end === -1 ? {} : { afterTerminator: rest.slice(end + 1) }) };
}

/** A value both parsers read as the same string (or an option left out). */
function isPlainValue(value: string | undefined): boolean {
  return value === undefined || (value !== "" && !/^(?:true|false|-.*)$/s.test(value));
}
