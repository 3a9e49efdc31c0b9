/**
 * AgentAz → agentspec. The agentaz.json is read through the model's AgentAz adapter (so the
 * mapping is the one lint and compile use), with its kit.json when given: the kit adds tool
 * descriptions (the kit's `purpose`), failure modes and evaluation. Tool effects are inferred
 * from names and marked so in the YAML. AgentAz fields agentspec has no place for are kept in
 * `extensions.agentaz`, which the agentaz target restores.
 */
import { AgentspecError } from "../errors.js";
import { nonEmpty, parseSource, prune } from "../load/index.js";
import { checkSource, type Spec } from "../model/index.js";
import type { Importer, ImportResult } from "./types.js";
import { toSpecYaml } from "./yaml-out.js";

export const agentazImporter: Importer = {
  id: "agentaz",
  description: "an AgentAz v1.0 agentaz.json, with its kit.json blueprint when given",
  docs: "Reads an AgentAz v1.0 `agentaz.json` (both `tool_boundary` shapes) through the model's AgentAz adapter, and the `kit.json` beside it: tool purposes become descriptions, the kit's failure modes and evaluation metrics the spec's. Tool effects are inferred from names and marked for review. AgentAz fields agentspec has no place for are kept in `extensions.agentaz`, which the `agentaz` target restores.",
  import: (text, file, { report }, options) => {
    const companion = options?.companion;
    const checked = checkSource(parseSource(file, text), { kit: companion && parseSource(companion.file, companion.text) });
    if (!checked.spec || checked.spec.format !== "agentaz") {
      const errors = checked.diagnostics.filter((d) => d.severity === "error");
      for (const { message, line, column } of errors) report({ message, line, column });
      if (errors.length === 0) report({ message: "Not an AgentAz agentaz.json: it has no agent_id and tool_boundary" });
      return { yaml: "", notes: [] };
    }
    const problem = checked.spec.kit?.problem;
    if (problem !== undefined) throw new AgentspecError("BAD_IMPORT", `${companion!.file}:${problem}`);
    return agentazToYaml(checked.spec, file);
  },
};

export function agentazToYaml(spec: Spec, file: string): ImportResult {
  const notes: string[] = [];
  const declared = new Set(spec.tools.map((t) => t.name));
  const undeclared = (spec.kit?.tools ?? []).map((t) => t.name).filter((n) => !declared.has(n));
  if (undeclared.length > 0)
    notes.push(`kit.json lists tools agentaz.json does not declare (so they are denied): ${undeclared.join(", ")}.`);
  const tools = Object.fromEntries(
    spec.tools.map((t) => [t.name, prune({ effect: t.effect, description: t.description, approval: t.approval ? true : undefined })]),
  );
  const document = prune({
    agentspec: "1.0",
    agent: prune({ ...spec.agent }),
    trust_level: spec.declaredTrustLevel,
    dna_pattern: spec.dnaPattern,
    worst_case_action: spec.worstCaseAction,
    authority_boundary: spec.authorityBoundary,
    execution: nonEmpty(prune({ ...spec.execution })),
    tools,
    outputs: nonEmpty(prune({ ...spec.outputs })),
    limits: nonEmpty(prune({ ...spec.limits })),
    handoff: nonEmpty(pick(spec.handoff, ["triggers", "destination"])),
    audit: nonEmpty(pick(spec.audit, ["append_only", "logs"])),
    failure_modes: spec.failureModes.length > 0 ? spec.failureModes : undefined,
    evaluation: spec.evaluation,
    extensions: nonEmpty(prune({ agentaz: spec.extensions.agentaz && nonEmpty(spec.extensions.agentaz) })),
  });
  const from = `AgentAz ${file}${spec.kit ? " and its kit.json" : ""}`;
  return {
    yaml: toSpecYaml(document, { from, inferredEffects: spec.tools.filter((t) => t.effectInferred).map((t) => t.name), notes }),
    notes,
  };
}

function pick<T extends object>(value: T, keys: string[]): Partial<T> {
  return prune(Object.fromEntries(Object.entries(value).filter(([k]) => keys.includes(k)))) as Partial<T>;
}
