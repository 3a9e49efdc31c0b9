/** Runs an importer as the CLI does, for the importer tests. */
import type { Diagnostic } from "../../src/diagnostics.js";
import { runImporter, type ImportOptions, type ImportResult, type Importer } from "../../src/import/index.js";

/** The imported spec; throws, listing the findings, when the file is refused. */
export function importText(importer: Importer, text: string, file: string, options?: ImportOptions): ImportResult {
  const { result, diagnostics } = runImporter(importer, text, file, options);
  if (!result) throw new Error(`refused: ${diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join("; ")}`);
  return result;
}

/** The findings of a refused import, as line:column message. */
export function refusal(importer: Importer, text: string, file: string, options?: ImportOptions): string[] {
  const { result, diagnostics } = runImporter(importer, text, file, options);
  if (result) throw new Error("the import was not refused");
  return diagnostics.map((d: Diagnostic) => `${d.line}:${d.column} ${d.message}`);
}
