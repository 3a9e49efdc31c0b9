/**
 * An AgentAz kit.json: the blueprint published beside an agentaz.json, with the tools the kit
 * ships (name and purpose), its failure modes and evaluation metrics. The model reads it as a
 * companion of the agentaz.json: the rules cross-check the two, and the Spec takes the kit's
 * failure modes and evaluation where the agentaz.json has none. A kit that cannot be read or
 * has the wrong shape never stops a run: it is kept as a problem the lint rule reports.
 */
import path from "node:path";
import { isObject, parseSource, prune, readTextIfExists, type SourceDoc } from "../load/index.js";
import { inferEffect } from "./infer-effect.js";
import type { Evaluation, FailureMode, KitSpec, KitTool } from "./types.js";

export const KIT_FILE_NAME = "kit.json";

/** The kit.json beside an agentaz.json. */
export function kitPathFor(agentazFile: string): string {
  return path.join(path.dirname(agentazFile), KIT_FILE_NAME);
}

/**
 * Reads the kit.json beside an agentaz.json: undefined when there is none; a document with a
 * syntax diagnostic when it exists but cannot be read.
 */
export async function loadCompanionKit(agentazFile: string): Promise<SourceDoc | undefined> {
  const file = kitPathFor(agentazFile);
  let text: string | undefined;
  try {
    text = readTextIfExists(file, { what: "kit.json" });
  } catch (error) {
    return unreadable(file, (error as Error).message.slice(file.length + 2));
  }
  return text === undefined ? undefined : parseSource(file, text);
}

function unreadable(file: string, message: string): SourceDoc {
  return {
    file,
    format: "json",
    text: "",
    data: undefined,
    diagnostics: [{ ruleId: "syntax", severity: "error", message, line: 1, column: 1, pointer: "" }],
    locate: () => ({ line: 1, column: 1 }),
  };
}

/** What the model takes from a parsed kit.json; a kit with any problem carries only the problem. */
export function readKit(source: SourceDoc): KitSpec {
  const file = source.file;
  const syntax = source.diagnostics[0];
  if (syntax) return { file, tools: [], problem: `${syntax.line}:${syntax.column}: ${syntax.message}` };
  const problem = (pointer: string, what: string): KitSpec => {
    const at = source.locate(pointer);
    return { file, tools: [], problem: `${at.line}:${at.column}: ${what}` };
  };
  const data = source.data;
  if (!isObject(data)) return problem("", "a kit.json is a JSON object");
  const tools: KitTool[] = [];
  if (data.tools !== undefined) {
    if (!Array.isArray(data.tools)) return problem("/tools", '"tools" must be a list of { name, purpose }');
    for (const [index, tool] of data.tools.entries()) {
      if (!isObject(tool) || typeof tool.name !== "string" || tool.name === "")
        return problem(`/tools/${index}`, `tools[${index}] must be an object with a "name" string`);
      if (tool.purpose !== undefined && typeof tool.purpose !== "string")
        return problem(`/tools/${index}/purpose`, `tools[${index}].purpose must be a string`);
      tools.push({ name: tool.name, purpose: tool.purpose, effect: inferEffect(tool.name) });
    }
  }
  const failureModes = data.failureModes;
  if (failureModes !== undefined && !(Array.isArray(failureModes) && failureModes.every(isFailureMode))) {
    return problem("/failureModes", '"failureModes" must be a list of { mode, detection, mitigation, recovery } strings');
  }
  const evaluation = data.evaluation;
  if (evaluation !== undefined && !isEvaluation(evaluation)) {
    return problem("/evaluation", '"evaluation" must be { primary?, metrics?: [{ name, description?, target? }], approach? }');
  }
  return {
    file,
    tools,
    failureModes: (failureModes as FailureMode[] | undefined)?.map(failureMode),
    evaluation: evaluation === undefined ? undefined : normalizeEvaluation(evaluation as Evaluation),
  };
}

/** Only the fields agentspec's FailureMode has: a kit may carry more. */
function failureMode({ mode, detection, mitigation, recovery }: FailureMode): FailureMode {
  return { mode, detection, mitigation, recovery };
}

function normalizeEvaluation({ primary, metrics, approach }: Evaluation): Evaluation {
  return prune({ primary, metrics: metrics?.map(({ name, description, target }) => prune({ name, description, target })), approach });
}

function isFailureMode(value: unknown): boolean {
  return isObject(value) && ["mode", "detection", "mitigation", "recovery"].every((k) => typeof value[k] === "string");
}

function isEvaluation(value: unknown): boolean {
  if (!isObject(value)) return false;
  const optionalString = (v: unknown) => v === undefined || typeof v === "string";
  const metricOk = (m: unknown) => isObject(m) && typeof m.name === "string" && optionalString(m.description) && optionalString(m.target);
  return (
    optionalString(value.primary) &&
    optionalString(value.approach) &&
    (value.metrics === undefined || (Array.isArray(value.metrics) && value.metrics.every(metricOk)))
  );
}
