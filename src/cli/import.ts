/** `agentspec import <format> <file> [--kit kit.json] [-o out.agentspec.yaml]`: another system's file → agentspec YAML. */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Argv } from "yargs";
import { AgentspecError } from "../errors.js";
import { importers, runImporter, type ImportOptions } from "../import/index.js";
import { formatters } from "../report/index.js";
import { EXIT, type CliIO } from "./io.js";
import { withLocalSchema } from "./local-schema.js";
import { readText } from "../load/index.js";

export interface ImportArgs {
  format: string;
  file: string;
  kit?: string;
  out?: string;
}

export function importBuilder(yargs: Argv): Argv<ImportArgs> {
  return yargs
    .positional("format", { type: "string", choices: importers.map((i) => i.id), describe: "The format of the file" })
    .positional("file", { type: "string", describe: "The file to import" })
    .option("kit", { type: "string", describe: "AgentAz: the kit.json blueprint (default: a kit.json beside the agentaz.json)" })
    .option("out", {
      alias: "o",
      type: "string",
      describe: "Write the spec to this file instead of stdout",
    }) as unknown as Argv<ImportArgs>;
}

export async function runImport(args: ImportArgs, io: CliIO): Promise<number> {
  const importer = importers.find((i) => i.id === args.format);
  if (!importer)
    throw new AgentspecError("BAD_ARGUMENT", `Unknown import format "${args.format}": use one of ${importers.map((i) => i.id).join(", ")}`);
  const file = path.resolve(io.cwd, args.file);
  const options: ImportOptions = {};
  const kit = args.kit ? path.resolve(io.cwd, args.kit) : args.format === "agentaz" ? path.join(path.dirname(file), "kit.json") : undefined;
  if (kit && (args.kit || existsSync(kit))) options.companion = { file: args.kit ?? path.relative(io.cwd, kit), text: readText(kit) };
  const { result, diagnostics } = runImporter(importer, readText(file, { shown: args.file }), args.file, options);
  if (diagnostics.length > 0) io.stderr(formatters.stylish([{ file: args.file, diagnostics }], { color: io.color, cwd: io.cwd }));
  if (!result) return EXIT.problems;
  const yaml = withLocalSchema(result.yaml, args.out ? path.dirname(path.resolve(io.cwd, args.out)) : io.cwd);
  if (!args.out) {
    io.stdout(yaml);
    return EXIT.ok;
  }
  try {
    await writeFile(path.resolve(io.cwd, args.out), yaml);
  } catch (error) {
    throw new AgentspecError(
      "UNWRITABLE",
      `${args.out}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  io.stderr(
    `Imported ${args.file} into ${args.out}${result.notes.length > 0 ? ` (${result.notes.length} note${result.notes.length === 1 ? "" : "s"} in its header)` : ""}\n`,
  );
  return EXIT.ok;
}
