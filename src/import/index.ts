/** The one list of importers: another system's file → agentspec YAML. */
import { aexImporter } from "./aex.js";
import { agentazImporter } from "./agentaz.js";
import type { Importer } from "./types.js";
import { vetoImporter } from "./veto.js";

export type { Importer, ImportContext, ImportFinding, ImportOptions, ImportResult } from "./types.js";
export { runImporter, type ImportOutcome } from "./run.js";

export const importers: readonly Importer[] = [agentazImporter, aexImporter, vetoImporter];
