/** `agentspec tier [paths..]`: each spec's computed trust level, why, and whether the declared one agrees. */
import { Chalk } from "chalk";
import type { Argv } from "yargs";
import { compareDiagnostics, printable, type Diagnostic, type FileResult } from "../diagnostics.js";
import { loadSpecs, type CheckedSource } from "../model/index.js";
import { formatters } from "../report/index.js";
import { jsonDiagnostic } from "../report/formatters/json.js";
import { relativePath } from "../report/paths.js";
import { computeTrustLevel, type TrustLevelResult } from "../tier/index.js";
import { EXIT, writeReport, type CliIO } from "./io.js";
import { addOptions, TIER_OPTIONS } from "./options.js";

export interface TierArgs {
  paths: string[];
  /** `text` is 0.1.0's name for stylish, still accepted (options.ts maps it). */
  format: "stylish" | "json";
  outputFile?: string;
}

export function tierBuilder(yargs: Argv): Argv<TierArgs> {
  yargs.positional("paths", {
    type: "string",
    array: true,
    describe: "Spec files (agentspec YAML/JSON or agentaz.json), directories to search, or quoted globs",
  });
  return addOptions(yargs, TIER_OPTIONS) as unknown as Argv<TierArgs>;
}

/** One spec's answer: its level, or the errors that kept it from being computed. */
interface TierResult {
  file: string;
  /** Syntax and schema errors, by position; empty when the level was computed. */
  diagnostics: Diagnostic[];
  level?: { declared: TrustLevelResult["level"] | null; computed: TrustLevelResult["level"]; explanation: string; inferred: boolean };
}

export async function runTier(args: TierArgs, io: CliIO): Promise<number> {
  const results = (await loadSpecs(args.paths)).map(tierOf);
  const text = args.format === "json" ? tierJson(results, io.cwd) : tierStylish(results, io, !args.outputFile);
  await writeReport(io, args.outputFile, text);
  return results.some((r) => !r.level) ? EXIT.problems : EXIT.ok;
}

function tierOf(checked: CheckedSource): TierResult {
  const file = checked.source.file;
  const errors = checked.diagnostics.filter((d) => d.severity === "error").sort(compareDiagnostics);
  if (!checked.spec || errors.length > 0) return { file, diagnostics: errors };
  const { level: computed, explanation, inferred } = computeTrustLevel(checked.spec);
  return { file, diagnostics: [], level: { declared: checked.spec.declaredTrustLevel ?? null, computed, explanation, inferred } };
}

/** `[{ file, diagnostics, declared?, computed?, explanation?, inferred? }]`, one entry per spec; paths as the CI formats write them. */
function tierJson(results: readonly TierResult[], cwd: string): string {
  const entries = results.map(({ file, diagnostics, level }) => ({
    file: relativePath(file, cwd),
    diagnostics: diagnostics.map(jsonDiagnostic),
    ...level,
  }));
  return JSON.stringify(entries) + "\n";
}

/** Each spec's level and why; the specs that could not be read after them, as lint prints them. */
function tierStylish(results: readonly TierResult[], io: CliIO, toTerminal: boolean): string {
  const c = new Chalk({ level: io.color && toTerminal ? 1 : 0 });
  let out = "";
  for (const { file, level } of results) {
    if (!level) continue;
    const { declared, computed, explanation } = level;
    const agreement =
      declared === null
        ? `none: declare trust_level: ${computed}`
        : declared === computed
          ? `${declared} (agrees)`
          : c.yellow(`${declared} (differs from the computed ${computed})`);
    out += `${c.underline(printable(file))}\n  computed  ${computed}\n  why       ${printable(explanation)}\n  declared  ${agreement}\n`;
  }
  const invalid: FileResult[] = results.filter((r) => !r.level).map(({ file, diagnostics }) => ({ file, diagnostics }));
  if (invalid.length > 0) out += (out ? "\n" : "") + formatters.stylish(invalid, { color: c.level > 0, cwd: io.cwd });
  return out;
}
