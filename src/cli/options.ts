/**
 * One option table per command: yargs reads it (help, usage errors, aliases) through addOptions,
 * and the yargs-free reader of plain command lines (fast-argv.ts) reads the same table, so an
 * option is declared once. The tables of lint, compile and diff live here, apart from the commands'
 * code, because fast-argv.ts is loaded on every run and must not load a command's dependencies.
 */
import type { Argv } from "yargs";
import { DEFAULT_TARGETS } from "../compile/defaults.js";
import { diffFormatNames } from "../diff/format/names.js";
import { formatNames } from "../report/names.js";
import { FAIL_ON } from "./fail-on.js";

export interface OptionSpec {
  type: "string" | "boolean" | "number";
  /** A one-letter alias (`-f`). */
  alias?: string;
  describe: string;
  default?: string | boolean | number;
  choices?: readonly string[];
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

export const LINT_OPTIONS = {
  format: { type: "string", alias: "f", choices: formatNames, default: "stylish", describe: "Output format" },
  "output-file": { type: "string", alias: "o", describe: "Write the report to this file instead of stdout" },
  quiet: { type: "boolean", default: false, describe: "Report errors only" },
  config: { type: "string", alias: "c", describe: "Config file to use instead of the nearest agentspec.config.json" },
  "max-warnings": { type: "number", default: -1, describe: "Fail when there are more warnings than this (-1: no limit)" },
  stdin: { type: "boolean", default: false, describe: "Lint the spec on standard input (as the path - does)" },
  "stdin-filename": { type: "string", describe: "The name a spec read from standard input is reported and parsed by" },
  mcp: { type: "boolean", default: false, describe: "Also check each spec against its MCP servers and lock, as mcp check does" },
  timeout: { type: "number", default: 10, describe: "With --mcp: seconds each server has to start and answer" },
} as const satisfies OptionTable;

export const COMPILE_OPTIONS = {
  target: { type: "string", alias: "t", default: DEFAULT_TARGETS.join(","), describe: "Comma-separated target ids" },
  out: { type: "string", alias: "o", default: "generated", describe: "Directory the files are written to" },
  check: { type: "boolean", default: false, describe: "Write nothing; exit 1 when a file on disk is missing or out of date" },
  strict: {
    type: "boolean",
    default: false,
    describe: "Treat what a target cannot express as an error: write nothing for that target and exit 1",
  },
  config: { type: "string", alias: "c", describe: "Config file to lint with instead of the nearest agentspec.config.json" },
  "allow-lint-errors": {
    type: "boolean",
    default: false,
    describe: "Compile specs that lint reports errors for (shown as warnings) instead of refusing them",
  },
} as const satisfies OptionTable;

export const DIFF_OPTIONS = {
  base: { type: "string", describe: "Compare every spec changed since this git revision (old versions read with git)" },
  format: { type: "string", alias: "f", choices: diffFormatNames, default: "stylish", describe: "Output format" },
  "fail-on": {
    type: "string",
    choices: FAIL_ON,
    default: "none",
    describe: "Exit 1 when authority is widened, on any change, or never (none)",
  },
} as const satisfies OptionTable;

/**
 * The table's options on a yargs command. A string or number option given without a value is a
 * usage error (exit 2), never an empty value or the next option's name.
 */
export function addOptions(yargs: Argv, table: OptionTable, overrides: Partial<Record<string, Partial<OptionSpec>>> = {}): Argv {
  for (const [name, base] of Object.entries(table)) {
    const spec = { ...base, ...overrides[name] };
    yargs.option(name, {
      ...(spec.choices ? { choices: spec.choices as string[] } : { type: spec.type }),
      ...(spec.alias && { alias: spec.alias }),
      ...(spec.default !== undefined && { default: spec.default }),
      ...(spec.type !== "boolean" && { requiresArg: true }),
      describe: spec.describe,
    });
  }
  return yargs;
}

/** kebab-case → camelCase, as yargs names an option's value (max-warnings → maxWarnings). */
export function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
