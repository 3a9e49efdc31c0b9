/**
 * `agentspec lint`, `compile` and `diff` read without yargs, for the command lines of
 * pre-commit hooks, CI (the GitHub Action runs lint and diff) and build scripts: importing and running yargs cost more than everything
 * else a lint of a few specs does. Both parsers read the command's one option table
 * (options.ts). A command line this reader is not sure to read exactly as yargs does (help,
 * version, unknown, repeated or negated options, values yargs would coerce, `-`, `--`) returns
 * undefined, and yargs reads it; test/cli/fast-argv.test.ts checks both agree on every command
 * line this one accepts.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { CompileArgs } from "./compile.js";
import type { DiffArgs } from "./diff.js";
import type { LintArgs } from "./lint.js";
import { camelCase, COMPILE_OPTIONS, DIFF_OPTIONS, LINT_OPTIONS, type OptionTable } from "./options.js";

export type FastCommand =
  { command: "lint"; args: LintArgs } | { command: "compile"; args: CompileArgs } | { command: "diff"; args: DiffArgs };

const TABLES: Readonly<Record<string, OptionTable>> = { lint: LINT_OPTIONS, compile: COMPILE_OPTIONS, diff: DIFF_OPTIONS };

export function readFastArgv(argv: readonly string[]): FastCommand | undefined {
  const command = argv[0] ?? "";
  const table = Object.hasOwn(TABLES, command) ? TABLES[command]! : undefined;
  if (!table) return undefined;
  const rest = argv.slice(1);
  const options: NonNullable<ParseArgsConfig["options"]> = {};
  const spellings = new Set<string>();
  for (const [name, spec] of Object.entries(table)) {
    options[name] = { type: spec.type === "boolean" ? "boolean" : "string", ...(spec.alias && { short: spec.alias }) };
    spellings.add(`--${name}`);
    if (spec.alias) spellings.add(`-${spec.alias}`);
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true, tokens: true });
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
    const written = rest[token.index]!;
    const spelled = table[token.name]!.type !== "boolean" && written.startsWith("--") ? written.replace(/=.*$/s, "") : written;
    if (!spellings.has(spelled) || seen.has(token.name)) return undefined;
    seen.add(token.name);
  }
  const args: Record<string, unknown> = { paths: parsed.positionals.length > 0 ? parsed.positionals : ["."] };
  const values = parsed.values as Record<string, string | boolean | undefined>;
  for (const [name, spec] of Object.entries(table)) {
    const given = values[name];
    if (given === undefined) {
      if (spec.default !== undefined) args[camelCase(name)] = spec.default;
      continue;
    }
    if (spec.type === "boolean") args[camelCase(name)] = given;
    else if (spec.type === "number") {
      if (typeof given !== "string" || !/^(?:0|-?[1-9]\d{0,14})$/.test(given)) return undefined;
      args[camelCase(name)] = Number(given);
    } else {
      if (typeof given !== "string" || !isPlainValue(given) || (spec.choices && !spec.choices.includes(given))) return undefined;
      args[camelCase(name)] = given;
    }
  }
  return { command, args } as unknown as FastCommand;
}

/** A value both parsers read as the same string (or an option left out). */
function isPlainValue(value: string | undefined): boolean {
  return value === undefined || (value !== "" && !/^(?:true|false|-.*)$/s.test(value));
}
