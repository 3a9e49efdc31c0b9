/**
 * Veto policy IR v1 → agentspec. Reads the shape the `veto` target writes, and any IR v1 file:
 * - an `allow` rule without conditions adds its tools to the allowlist (effects from its
 *   `metadata.effects`, else inferred from the names);
 * - a `block` rule tagged `approval` (or with `metadata.require_approval`) is an approval gate on
 *   its tools, its conditions the gate's condition, `metadata.channel` the channel;
 * - a `block` rule without conditions is a deny entry per tool; with one condition on an
 *   argument that agentspec's hard limits can say (greater_than, less_than, not_in, a length
 *   `matches`, equals null) it is a hard limit; any other conditional block denies its tools
 *   outright (stricter) with a note;
 * - disabled rules, `warn` / `log` rules, a conditional `allow` and default_action allow have no
 *   agentspec form: they are listed as notes (agentspec denies what it does not allow).
 */
import { isDeepStrictEqual } from "node:util";
import type { ArgumentLimit, Policy, PolicyTool } from "../../generated/policy.js";
import { vetoPolicyOf } from "../compile/targets/veto.js";
import { AgentspecError } from "../errors.js";
import { inferEffect } from "../model/index.js";
import type { Condition, Effect } from "../model/index.js";
import { agentId } from "./aex.js";
import type { Importer, ImportResult } from "./types.js";
import { toSpecYaml } from "./yaml-out.js";
import { isObject, parseSource, prune } from "../load/index.js";

interface IrCondition {
  field: string;
  operator: string;
  value: unknown;
}

interface IrRule {
  id: string;
  name: string;
  description?: string;
  enabled?: boolean;
  action: string;
  tools?: string[];
  conditions?: IrCondition[];
  condition_groups?: IrCondition[][];
  tags?: string[];
  metadata?: Record<string, unknown>;
}

interface IrPolicy {
  version: string;
  name?: string;
  description?: string;
  rules: IrRule[];
  settings?: { default_action?: string };
}

const EFFECTS: readonly string[] = ["read", "draft", "write", "irreversible"];
const CONTEXT_FIELDS: readonly string[] = ["actor", "tenant", "environment"];

export const vetoImporter: Importer = {
  id: "veto",
  description: "a Veto policy IR v1 YAML (or JSON) rules file",
  docs: "Reads a Veto policy IR v1 rules file. The shape the `veto` target writes is read back exactly; from other IR files, unconditional `allow` rules become tools (effects inferred), unconditional `block` rules deny entries, and what cannot be carried (disabled, `warn` and `log` rules, conditional allows, `default_action: allow`) is listed as NOTE comments.",
  import: (text, file) => vetoToYaml(parseVeto(text, file), file),
};

export function parseVeto(text: string, file: string): IrPolicy {
  // The spec loader's reader, not the yaml package directly: it refuses nesting the parser would
  // overflow the stack on (attack review F12: "Maximum call stack size exceeded"), alias bombs and
  // duplicate keys, each at its line and column. A .json file is read as JSON, anything else as YAML.
  const doc = parseSource(file, text);
  const syntax = doc.diagnostics.find((d) => d.severity === "error");
  const kind = doc.format === "json" ? "JSON" : "YAML";
  if (syntax) throw new AgentspecError("BAD_IMPORT", `${file}:${syntax.line}:${syntax.column}: not valid ${kind} (${syntax.message})`);
  if (doc.data === undefined) throw new AgentspecError("BAD_IMPORT", `${file}: not valid ${kind}`);
  const data: unknown = doc.data;
  const fail = (why: string): never => {
    throw new AgentspecError("BAD_IMPORT", `${file}: not a Veto policy IR v1 file: ${why}`);
  };
  if (!isObject(data)) return fail("it is not a mapping");
  if (data.version !== "1.0") fail(`"version" must be "1.0"`);
  if (!Array.isArray(data.rules)) fail(`"rules" must be a list`);
  (data.rules as unknown[]).forEach((rule, i) => {
    if (!isObject(rule) || typeof rule.id !== "string" || typeof rule.name !== "string" || typeof rule.action !== "string")
      fail(`rules[${i}] needs an id, a name and an action`);
    const r = rule as Record<string, unknown>;
    if (r.tools !== undefined && !(Array.isArray(r.tools) && r.tools.every((t) => typeof t === "string")))
      fail(`rules[${i}].tools must be a list of tool names`);
    const conditions = [...((r.conditions as unknown[]) ?? []), ...((r.condition_groups as unknown[][]) ?? []).flat()];
    if (!conditions.every((c) => isObject(c) && typeof c.field === "string" && typeof c.operator === "string"))
      fail(`rules[${i}] has a condition without a field or an operator`);
  });
  return data as unknown as IrPolicy;
}

export function vetoToYaml(ir: IrPolicy, file: string): ImportResult {
  const own = agentspecExport(ir, file);
  if (own) return own;
  const notes: string[] = [];
  const tools: Record<string, Record<string, unknown>> = {};
  const inferred: string[] = [];
  const deny: (string | { pattern: string; reason: string })[] = [];
  const active = ir.rules.filter((rule) => {
    if (rule.enabled === false) notes.push(`rule ${rule.id} is disabled; it was left out.`);
    else if (rule.action !== "allow" && rule.action !== "block")
      notes.push(`rule ${rule.id} (${rule.action}) only reports; agentspec has no such rule, so it was left out.`);
    else return true;
    return false;
  });
  if (ir.settings?.default_action === "allow")
    notes.push("default_action allow has no agentspec form: agentspec denies every tool it does not allow.");

  for (const rule of active.filter((r) => r.action === "allow")) {
    if (!rule.tools?.length) notes.push(`rule ${rule.id} allows every tool; agentspec allows only named tools, so it was left out.`);
    else if (hasConditions(rule))
      notes.push(
        `rule ${rule.id} allows ${rule.tools.join(", ")} only under conditions, which agentspec cannot say; those tools are denied.`,
      );
    else {
      const effects = isObject(rule.metadata?.effects) ? (rule.metadata!.effects as Record<string, unknown>) : {};
      for (const name of rule.tools) {
        const declared = effects[name];
        if (typeof declared !== "string" || !EFFECTS.includes(declared)) inferred.push(name);
        tools[name] ??= { effect: typeof declared === "string" && EFFECTS.includes(declared) ? (declared as Effect) : inferEffect(name) };
      }
    }
  }

  for (const rule of active.filter((r) => r.action === "block")) {
    const names = rule.tools ?? [];
    if (names.length === 0) {
      notes.push(
        `rule ${rule.id} blocks every tool${hasConditions(rule) ? " under conditions" : ""}; agentspec denies by default, so it was left out.`,
      );
      continue;
    }
    if (rule.tags?.includes("approval") || rule.metadata?.require_approval === true) {
      const when = gateCondition(rule, notes);
      const channel = typeof rule.metadata?.channel === "string" ? rule.metadata.channel : undefined;
      for (const name of names) {
        if (!tools[name]) continue;
        tools[name].approval = prune({ when, channel, reason: rule.description });
      }
      continue;
    }
    if (!hasConditions(rule)) {
      for (const name of names) deny.push(rule.description ? { pattern: name, reason: rule.description } : name);
      continue;
    }
    const limit = limitOf(rule);
    for (const name of names) {
      if (!tools[name]) continue;
      if (limit) {
        const limits = (tools[name].limits ??= {}) as Record<string, Record<string, unknown>>;
        limits[limit.path] = { ...limits[limit.path], ...limit.bound };
      } else {
        notes.push(`rule ${rule.id} blocks ${name} under conditions agentspec's hard limits cannot say; ${name} is denied outright.`);
        deny.push({ pattern: name, reason: `Veto rule ${rule.id}: ${rule.name}` });
      }
    }
  }

  const spec = {
    agentspec: "1.0",
    agent: { id: agentId(ir.name ?? "veto-policy"), version: "1.0.0", ...(ir.description ? { goal: ir.description } : {}) },
    tools,
    ...(deny.length > 0 ? { deny } : {}),
  };
  return { yaml: toSpecYaml(spec, { from: `Veto policy IR ${file}`, inferredEffects: inferred, notes }), notes };
}

function hasConditions(rule: IrRule): boolean {
  return (rule.conditions?.length ?? 0) > 0 || (rule.condition_groups?.length ?? 0) > 0;
}

/** A block rule's single condition as a hard limit, when it is one agentspec can say. */
function limitOf(rule: IrRule): { path: string; bound: Record<string, unknown> } | undefined {
  const all = [...(rule.conditions ?? []), ...(rule.condition_groups ?? []).flat()];
  if (all.length !== 1 || (rule.condition_groups?.length ?? 0) > 1) return undefined;
  const { field, operator, value } = all[0]!;
  if (!field.startsWith("arguments.")) return undefined;
  const path = field.slice("arguments.".length);
  if (operator === "greater_than" && typeof value === "number") return { path, bound: { max: value } };
  if (operator === "less_than" && typeof value === "number") return { path, bound: { min: value } };
  if (operator === "equals" && value === null) return { path, bound: { required: true } };
  if (operator === "not_in" && Array.isArray(value) && value.every(isScalar)) return { path, bound: { one_of: value } };
  const length = operator === "matches" && typeof value === "string" ? /^\^\[\\s\\S\]\{(\d+)\}$/.exec(value) : null;
  if (length) return { path, bound: { max_length: Number(length[1]) - 1 } };
  return undefined;
}

/** A gate's condition from conditions (AND) or condition_groups (OR of ANDs); undefined: always. */
function gateCondition(rule: IrRule, notes: string[]): Condition | undefined {
  const groups = rule.condition_groups ?? (rule.conditions?.length ? [rule.conditions] : []);
  const alternatives: Condition[] = [];
  for (const group of groups) {
    const parts = group.flatMap((c) => {
      const part = conditionOf(c);
      if (!part)
        notes.push(
          `rule ${rule.id}: the condition ${c.field} ${c.operator} has no agentspec form; it was dropped, so approval is asked more often.`,
        );
      return part ? [part] : [];
    });
    // An alternative with no condition left always holds, and so does the gate.
    if (parts.length === 0) return undefined;
    alternatives.push(parts.length === 1 ? parts[0]! : { all: parts as [Condition, ...Condition[]] });
  }
  if (alternatives.length === 0) return undefined;
  return alternatives.length === 1 ? alternatives[0]! : { any: alternatives as [Condition, ...Condition[]] };
}

function conditionOf({ field, operator, value }: IrCondition): Condition | undefined {
  const target = field.startsWith("arguments.")
    ? { arg: field.slice("arguments.".length) }
    : field.startsWith("context.") && CONTEXT_FIELDS.includes(field.slice(8))
      ? { context: field.slice(8) as "actor" }
      : undefined;
  if (!target) return undefined;
  const list = Array.isArray(value) && value.every(isScalar) ? (value as (string | number | boolean)[]) : undefined;
  switch (operator) {
    case "equals":
      return isScalar(value) ? { ...target, eq: value } : undefined;
    case "not_equals":
      return isScalar(value) ? { ...target, ne: value } : undefined;
    case "greater_than":
      return typeof value === "number" ? { ...target, gt: value } : undefined;
    case "less_than":
      return typeof value === "number" ? { ...target, lt: value } : undefined;
    case "in":
      return list ? { ...target, in: list } : undefined;
    case "not_in":
      return list ? { ...target, not_in: list } : undefined;
    default:
      return undefined;
  }
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/**
 * A file the `veto` target wrote: its rules say in `metadata.agentspec` what they came from. It
 * is read back from that metadata only when the rules are exactly what the target writes for it
 * (so decide() on the import decides as Veto's engine does on the file); a file that carries
 * agentspec's rules but differs (edited by hand, or by another version) is refused, since no
 * reading of its mix of agentspec's rules and others can be shown never to be looser.
 */
function agentspecExport(ir: IrPolicy, file: string): ImportResult | undefined {
  const marked = ir.rules.some((r) => r.tags?.includes("agentspec") || isObject(r.metadata?.agentspec));
  if (!marked) return undefined;
  const refuse = (why: string): never => {
    throw new AgentspecError(
      "BAD_IMPORT",
      `${file}: its rules carry agentspec's metadata but ${why}: compile the spec again (agentspec compile --target veto), or remove the agentspec rules and tags to import it as any Veto file`,
    );
  };
  const tools: Record<string, PolicyTool> = {};
  const deny: Policy["deny"] = [];
  // The allow rule, which names the tools, comes after their limits and gates.
  for (const rule of ir.rules)
    if (rule.id === "allow-tools" && isObject(rule.metadata?.effects))
      for (const [name, effect] of Object.entries(rule.metadata.effects)) tools[name] = { effect: effect as Effect };
  for (const rule of ir.rules) {
    const meta = rule.metadata?.agentspec;
    if (!isObject(meta)) continue;
    if (isObject(meta.deny) && typeof meta.deny.pattern === "string")
      deny.push(prune({ pattern: meta.deny.pattern, reason: meta.deny.reason }) as Policy["deny"][number]);
    const tool = typeof meta.tool === "string" ? tools[meta.tool] : undefined;
    if (tool && typeof meta.argument === "string" && isObject(meta.limit))
      (tool.limits ??= {})[meta.argument] = meta.limit as unknown as ArgumentLimit;
    if (tool && isObject(meta.approval)) tool.approval = meta.approval as PolicyTool["approval"];
  }
  const name = ir.name ?? "veto-policy";
  const policy = { format: "agentspec-policy/1", agent: { id: name, version: "1.0.0" }, default: "deny", deny, tools } as Policy;
  let expected: unknown;
  try {
    expected = JSON.parse(JSON.stringify(vetoPolicyOf(policy, ir.description)));
  } catch {
    return refuse("their metadata is not what the veto target writes");
  }
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(ir)), expected))
    refuse("the rules differ from what the veto target writes for that metadata");
  const spec = {
    agentspec: "1.0",
    agent: { id: agentId(name), version: "1.0.0", ...(ir.description ? { goal: ir.description } : {}) },
    tools,
    ...(deny.length > 0 ? { deny: deny.map((d) => (d.reason ? { pattern: d.pattern, reason: d.reason } : d.pattern)) } : {}),
  };
  return { yaml: toSpecYaml(spec, { from: `Veto policy IR ${file}` }), notes: [] };
}
