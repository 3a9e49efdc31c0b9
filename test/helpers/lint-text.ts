/** Lints spec text in memory, as the CLI would lint a file of that name. */
import { parseSource } from "../../src/load/index.js";
import { lintSource, type LintConfig } from "../../src/lint/index.js";
import type { Diagnostic } from "../../src/diagnostics.js";

export function lintText(text: string, file = "spec.agentspec.yaml", config: LintConfig = {}): Diagnostic[] {
  return lintSource(parseSource(file, text), config).diagnostics;
}

/** A minimal valid spec, to which tests add what they check. */
export const MINIMAL_YAML = `agentspec: "1.0"
agent:
  id: demo
  version: 1.0.0
tools:
  crm.lookup:
    effect: read
`;
