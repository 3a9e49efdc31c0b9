/** `agentspec tier <file>`: the computed trust level, why, and whether the declared one agrees. */
import type { Argv } from "yargs";
import { loadSource } from "../load/index.js";
import { checkSource } from "../model/index.js";
import { formatters } from "../report/index.js";
import { computeTrustLevel } from "../tier/index.js";
import { EXIT, type CliIO } from "./io.js";

export interface TierArgs {
  file: string;
  format: "text" | "json";
}

export function tierBuilder(yargs: Argv): Argv<TierArgs> {
  return yargs
    .positional("file", { type: "string", demandOption: true, describe: "A spec file (agentspec YAML/JSON or agentaz.json)" })
    .option("format", {
      alias: "f",
      choices: ["text", "json"] as const,
      default: "text" as const,
      describe: "Output format",
    }) as unknown as Argv<TierArgs>;
}

export async function runTier(args: TierArgs, io: CliIO): Promise<number> {
  const checked = checkSource(await loadSource(args.file));
  if (!checked.spec) {
    const result = { file: args.file, diagnostics: checked.diagnostics.filter((d) => d.severity === "error") };
    io.stdout(formatters[args.format === "json" ? "json" : "stylish"]([result], { color: io.color, cwd: io.cwd }));
    return EXIT.problems;
  }
  const declared = checked.spec.declaredTrustLevel ?? null;
  const { level: computed, explanation, inferred } = computeTrustLevel(checked.spec);
  if (args.format === "json") {
    io.stdout(JSON.stringify({ file: args.file, declared, computed, explanation, inferred }) + "\n");
    return EXIT.ok;
  }
  const agreement =
    declared === null
      ? `none: declare trust_level: ${computed}`
      : declared === computed
        ? `${declared} (agrees)`
        : `${declared} (differs from the computed ${computed})`;
  io.stdout(`${args.file}\n  computed  ${computed}\n  why       ${explanation}\n  declared  ${agreement}\n`);
  return EXIT.ok;
}
