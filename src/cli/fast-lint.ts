/**
 * `agentspec lint` read without yargs, for the common command lines of pre-commit hooks and CI:
 * importing and running yargs cost more than everything else a lint of a few specs does. A
 * command line this reader is not sure to read exactly as yargs does (help, version, unknown,
 * repeated or negated options, values yargs would coerce) returns undefined, and yargs reads
 * it; test/cli/fast-lint.test.ts checks both agree on every command line this one accepts.
 */
import { parseArgs } from "node:util";
import { formatNames, type FormatName } from "../report/names.js";
import type { LintArgs } from "./lint.js";

const OPTIONS = {
  format: { type: "string", short: "f" },
  quiet: { type: "boolean" },
  config: { type: "string", short: "c" },
  "max-warnings": { type: "string" },
} as const;

/** The spellings read here; yargs also takes others (-fjson, --formatjson aliases, camelCase). */
const PLAIN = /^(?:--(?:format|config|max-warnings)(?:=.*)?|-f|-c|--quiet)$/s;

export function readLintArgs(argv: readonly string[]): LintArgs | undefined {
  if (argv[0] !== "lint") return undefined;
  const rest = argv.slice(1);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch {
    return undefined;
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind === "option-terminator") return undefined;
    if (token.kind === "positional") {
      // yargs takes "true"/"false" after a boolean as its value, and reads "-" its own way.
      if (/^(?:true|false|-.*)$/s.test(token.value)) return undefined;
      continue;
    }
    if (!PLAIN.test(rest[token.index]!) || seen.has(token.name)) return undefined;
    seen.add(token.name);
  }
  const { format = "stylish", quiet = false, config, "max-warnings": maxWarnings = "-1" } = parsed.values;
  if (!(formatNames as readonly string[]).includes(format)) return undefined;
  if (!/^(?:0|-?[1-9]\d{0,14})$/.test(maxWarnings)) return undefined;
  if (config !== undefined && (config === "" || config.startsWith("-"))) return undefined;
  const paths = parsed.positionals.length > 0 ? parsed.positionals : ["."];
  return { paths, format: format as FormatName, quiet, maxWarnings: Number(maxWarnings), ...(config !== undefined && { config }) };
}
