/**
 * One option table per command: yargs reads it (help, usage errors, aliases) through addOptions,
 * and the yargs-free reader of plain command lines (fast-argv.ts) reads the same table, so an
 * option is declared once. The tables of lint, compile and diff live here, apart from the commands'
 * code, because fast-argv.ts is loaded on every run and must not load a command's dependencies.
 */
import type { Argv } from "yargs";
import { DEFAULT_TARGETS } from "../compile/defaults.js";
import {
  DEFAULT_APPROVAL_TIMEOUT_MS,
  DEFAULT_GATEWAY_MAX_MESSAGE_BYTES,
  DEFAULT_MAX_SESSIONS,
  DEFAULT_SESSION_IDLE_TIMEOUT_MS,
} from "../mcp/gateway/settings.js";
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
  /**
   * Values an earlier release took, by the choice each now means (tier's `text`, rules'
   * `table`): still accepted, silently, and shown neither in --help nor in a usage error.
   */
  formerly?: Readonly<Record<string, string>>;
  /** The option must be given (decide's --tool). */
  required?: boolean;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

/**
 * `-o, --output-file`: every command that prints a report writes it to this file instead
 * (folders made; a file that cannot be written exits 2 naming it), as ESLint's and ruff's do.
 */
const OUTPUT_FILE = {
  type: "string",
  alias: "o",
  describe: "Write the report to this file (its folder is made) instead of stdout",
} as const satisfies OptionSpec;

/**
 * `-f, --format`: one vocabulary across commands. `stylish` is for people and the default,
 * `json` for machines; commands with more (lint's CI formats, test's junit) list them.
 */
function formatOption<const C extends readonly string[]>(choices: C, formerly?: Readonly<Record<string, C[number]>>) {
  return {
    type: "string",
    alias: "f",
    choices,
    default: "stylish",
    describe: `Output format: ${choices.join(", ")}`,
    ...(formerly && { formerly }),
  } as const satisfies OptionSpec;
}

export const LINT_OPTIONS = {
  format: { type: "string", alias: "f", choices: formatNames, default: "stylish", describe: "Output format" },
  "output-file": OUTPUT_FILE,
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
  out: {
    type: "string",
    alias: "o",
    default: "generated",
    describe: "Directory the compiled files are written to (-o is this, not --output-file)",
  },
  "output-file": {
    type: "string",
    describe: "Write the report (problems, the summary) to this file instead of stdout; the compiled files go to --out",
  },
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

export const TEST_OPTIONS = {
  format: formatOption(["stylish", "json", "junit"] as const),
  "output-file": OUTPUT_FILE,
  "pass-with-no-tests": {
    type: "boolean",
    default: false,
    describe: "Exit 0 when no spec has tests cases (without it, that run fails: it checked nothing)",
  },
  replay: {
    type: "string",
    describe: "Re-decide every call in this decision log (JSON lines, as the guard records them) and report the decisions that change",
  },
  "fail-on": {
    type: "string",
    choices: FAIL_ON,
    describe: "With --replay: exit 1 when a decision became less strict (widened, the default), on any change, or never (none)",
  },
} as const satisfies OptionTable;

export const TIER_OPTIONS = {
  format: formatOption(["stylish", "json"] as const, { text: "stylish" }),
  "output-file": OUTPUT_FILE,
} as const satisfies OptionTable;

export const RULES_OPTIONS = {
  format: formatOption(["stylish", "json"] as const, { table: "stylish" }),
  "output-file": OUTPUT_FILE,
} as const satisfies OptionTable;

export const DECIDE_OPTIONS = {
  tool: { type: "string", required: true, describe: "The tool the call is for" },
  args: { type: "string", describe: "The call's arguments as a JSON object" },
  actor: { type: "string", describe: "Context: on whose behalf the agent acts" },
  tenant: { type: "string", describe: "Context: the tenant the call is for" },
  environment: { type: "string", describe: "Context: where the call runs" },
  pin: { type: "string", describe: "Refuse a policy whose hash is not this sha256:…" },
  format: formatOption(["stylish", "json"] as const),
  "output-file": OUTPUT_FILE,
} as const satisfies OptionTable;

export const AUDIT_VERIFY_OPTIONS = {
  format: formatOption(["stylish", "json"] as const),
  "output-file": OUTPUT_FILE,
} as const satisfies OptionTable;

export const DIFF_OPTIONS = {
  base: { type: "string", describe: "Compare every spec changed since this git revision (old versions read with git)" },
  format: formatOption(diffFormatNames),
  "fail-on": {
    type: "string",
    choices: FAIL_ON,
    default: "none",
    describe: "Exit 1 when authority is widened, on any change, or never (none)",
  },
  "output-file": OUTPUT_FILE,
} as const satisfies OptionTable;

export const MCP_CHECK_OPTIONS = {
  format: { type: "string", alias: "f", choices: formatNames, default: "stylish", describe: "Output format" },
  timeout: { type: "number", default: 10, describe: "Seconds to wait for the server to start and answer (each server)" },
  "output-file": OUTPUT_FILE,
} as const satisfies OptionTable;

/** `mcp proxy <spec-or-policy> [options] -- <server command…>`: what MCP clients start, so read without yargs too. */
export const MCP_PROXY_OPTIONS = {
  url: { type: "string", describe: "Reach the MCP server over Streamable HTTP at this URL instead of starting it" },
  listen: {
    type: "string",
    describe: "Serve clients over Streamable HTTP at [host:]port, path /mcp (host 127.0.0.1 unless given) instead of stdio",
  },
  "max-sessions": {
    type: "number",
    describe: `With --listen: sessions open at once, each with its own server (default ${DEFAULT_MAX_SESSIONS}); an initialize past it gets HTTP 503`,
  },
  "session-idle-timeout": {
    type: "number",
    describe: `With --listen: seconds a session may go without a request before it and its server are closed (default ${DEFAULT_SESSION_IDLE_TIMEOUT_MS / 1000})`,
  },
  pin: { type: "string", describe: "Refuse a policy whose hash is not this sha256:…" },
  pub: { type: "string", describe: "Require the policy's signature (<policy>.sig) by this Ed25519 public key (PEM)" },
  record: { type: "string", describe: "Append hash-chained decision records to this JSON lines file" },
  "aex-events": { type: "string", describe: "Also write the run as aex audit events to this JSON lines file" },
  approve: {
    type: "string",
    describe:
      "Who approves calls that need approval: webhook:<url> (HMAC key in $AGENTSPEC_APPROVAL_KEY), tty or elicit; without it they are denied",
  },
  "approval-timeout": {
    type: "number",
    default: DEFAULT_APPROVAL_TIMEOUT_MS / 1000,
    describe: "Seconds to wait for an approval before denying",
  },
  shadow: { type: "boolean", default: false, describe: "Forward calls the policy would deny, recording what it would have decided" },
  "max-message-bytes": { type: "number", default: DEFAULT_GATEWAY_MAX_MESSAGE_BYTES, describe: "Refuse messages over this many bytes" },
  quiet: { type: "boolean", default: false, describe: "Do not log decisions on stderr (start-up errors are still printed)" },
  lock: {
    type: "string",
    describe: "Pin tool definitions to this MCP lock (default: the spec's <name>.mcp-lock.json beside it, when there is one)",
  },
  "require-lock": {
    type: "boolean",
    default: false,
    describe: "Refuse to start without an MCP lock to pin tool definitions to (the spec's lock missing, or a policy without --lock)",
  },
  server: { type: "string", describe: "Which server of the lock this gateway fronts, when the lock has several" },
  prefix: {
    type: "string",
    describe:
      "The spec's prefix for this server's tools (fs. makes its read_file fs.read_file in the policy); default: the spec server's own prefix",
  },
  redis: { type: "string", describe: "Share budgets across gateway processes in this Redis (redis://…)" },
  actor: { type: "string", describe: "Context every call is decided with: on whose behalf the agent acts" },
  tenant: { type: "string", describe: "Context: the tenant the calls are for" },
  environment: { type: "string", describe: "Context: where the calls run" },
} as const satisfies OptionTable;

/** Each command's table by its command path, for what is said about its options outside yargs (a missing value). */
export const OPTION_TABLES: Readonly<Record<string, OptionTable>> = {
  lint: LINT_OPTIONS,
  compile: COMPILE_OPTIONS,
  test: TEST_OPTIONS,
  tier: TIER_OPTIONS,
  rules: RULES_OPTIONS,
  decide: DECIDE_OPTIONS,
  diff: DIFF_OPTIONS,
  "audit verify": AUDIT_VERIFY_OPTIONS,
  "mcp check": MCP_CHECK_OPTIONS,
  "mcp proxy": MCP_PROXY_OPTIONS,
};

/** The table of the command a command line runs (`audit verify …` before `audit`), if it has one. */
export function optionTableFor(argv: readonly string[]): OptionTable | undefined {
  const two = `${argv[0] ?? ""} ${argv[1] ?? ""}`;
  if (Object.hasOwn(OPTION_TABLES, two)) return OPTION_TABLES[two];
  return Object.hasOwn(OPTION_TABLES, argv[0] ?? "") ? OPTION_TABLES[argv[0]!] : undefined;
}

/**
 * The table's options on a yargs command. A string or number option given without a value is a
 * usage error (exit 2), never an empty value or the next option's name.
 */
export function addOptions(yargs: Argv, table: OptionTable, overrides: Partial<Record<string, Partial<OptionSpec>>> = {}): Argv {
  for (const [name, base] of Object.entries(table)) {
    const spec: OptionSpec = { ...base, ...overrides[name] };
    const formerly = spec.formerly;
    yargs.option(name, {
      ...(spec.choices ? { choices: spec.choices as string[] } : { type: spec.type }),
      ...(spec.alias && { alias: spec.alias }),
      ...(spec.default !== undefined && { default: spec.default }),
      ...(spec.type !== "boolean" && { requiresArg: true }),
      ...(spec.required && { demandOption: true }),
      // yargs checks the choices after coercing, so a former value passes as the choice it now means.
      coerce: (value: unknown) => {
        // Given twice, yargs makes an array, which no value test matches: `--fail-on widened
        // --fail-on widened` would turn diff's gate off. Every option here takes one value.
        if (Array.isArray(value)) throw new Error(`--${name} is given ${value.length} times: give it once`);
        return formerly && typeof value === "string" && Object.hasOwn(formerly, value) ? formerly[value] : value;
      },
      describe: spec.describe,
    });
  }
  return yargs;
}

/** kebab-case → camelCase, as yargs names an option's value (max-warnings → maxWarnings). */
export function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
