/**
 * `agentspec lint` and `agentspec compile` read without yargs, for the command lines of
 * pre-commit hooks, CI and build scripts: importing and running yargs cost more than everything
 * else a lint of a few specs does. A command line this reader is not sure to read exactly as
 * yargs does (help, version, unknown, repeated or negated options, values yargs would coerce)
 * returns undefined, and yargs reads it; test/cli/fast-argv.test.ts checks both agree on every
 * command line this one accepts.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { DEFAULT_TARGETS } from "../compile/defaults.js";
import { formatNames, type FormatName } from "../report/names.js";
import type { CompileArgs } from "./compile.js";
import type { LintArgs } from "./lint.js";

export type FastCommand = { command: "lint"; args: LintArgs } | { command: "compile"; args: CompileArgs };

type Values = Record<string, string | boolean | undefined>;

interface Reader {
  options: NonNullable<ParseArgsConfig["options"]>;
  /** The option spellings read here; yargs also takes others (-fjson, camelCase, --no-x). */
  plain: RegExp;
  read(values: Values, paths: string[]): FastCommand | undefined;
}

const READERS: Record<string, Reader> = {
  lint: {
    options: {
      format: { type: "string", short: "f" },
      quiet: { type: "boolean" },
      config: { type: "string", short: "c" },
      "max-warnings": { type: "string" },
    },
    plain: /^(?:--(?:format|config|max-warnings)(?:=.*)?|-f|-c|--quiet)$/s,
    read(values, paths) {
      const {
        format = "stylish",
        quiet = false,
        config,
        "max-warnings": maxWarnings = "-1",
      } = values as Record<string, string | undefined> & { quiet?: boolean };
      if (!(formatNames as readonly string[]).includes(format) || !isPlainValue(config)) return undefined;
      if (!/^(?:0|-?[1-9]\d{0,14})$/.test(maxWarnings)) return undefined;
      return {
        command: "lint",
        args: { paths, format: format as FormatName, quiet, maxWarnings: Number(maxWarnings), ...(config !== undefined && { config }) },
      };
    },
  },
  compile: {
    options: {
      target: { type: "string", short: "t" },
      out: { type: "string", short: "o" },
      check: { type: "boolean" },
      strict: { type: "boolean" },
    },
    plain: /^(?:--(?:target|out)(?:=.*)?|-t|-o|--check|--strict)$/s,
    read(values, paths) {
      const {
        target = DEFAULT_TARGETS.join(","),
        out = "generated",
        check = false,
        strict = false,
      } = values as Record<string, string | undefined> & { check?: boolean; strict?: boolean };
      if (!isPlainValue(target) || !isPlainValue(out)) return undefined;
      return { command: "compile", args: { paths, target, out, check, strict } };
    },
  },
};

export function readFastArgv(argv: readonly string[]): FastCommand | undefined {
  const reader = Object.hasOwn(READERS, argv[0] ?? "") ? READERS[argv[0]!] : undefined;
  if (!reader) return undefined;
  const rest = argv.slice(1);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: reader.options, allowPositionals: true, strict: true, tokens: true });
  } catch {
    return undefined;
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind === "option-terminator") return undefined;
    if (token.kind === "positional") {
      // yargs takes "true"/"false" after a boolean as its value, reads "-" its own way, and
      // shows the command's help for a bare "help".
      if (!isPlainValue(token.value) || token.value === "help") return undefined;
      continue;
    }
    if (!reader.plain.test(rest[token.index]!) || seen.has(token.name)) return undefined;
    seen.add(token.name);
  }
  return reader.read(parsed.values as Values, parsed.positionals.length > 0 ? parsed.positionals : ["."]);
}

/** A value both parsers read as the same string (or an option left out). */
function isPlainValue(value: string | undefined): boolean {
  return value === undefined || (value !== "" && !/^(?:true|false|-.*)$/s.test(value));
}
