/** Specs built in memory for the compile tests. */
import { parseSource } from "../../src/load/index.js";
import { checkSource, type Spec } from "../../src/model/index.js";

export function specFrom(text: string, file = "demo.agentspec.yaml"): Spec {
  const checked = checkSource(parseSource(file, text));
  if (!checked.spec) throw new Error(`test spec is invalid: ${JSON.stringify(checked.diagnostics)}`);
  return checked.spec;
}
