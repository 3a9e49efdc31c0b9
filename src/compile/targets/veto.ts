/** `veto` → <id>.veto.yaml: Veto policy IR v1 that Veto's own engine enforces as decide() decides. */
import type { ArgumentLimit, Condition, Policy, PolicyTool } from "../../../generated/policy.js";
import { joinPointer, loadYaml, prune } from "../../load/index.js";
import type { Spec } from "../../model/index.js";
import { compilePolicy, foldToolName, isPattern, jsonKind } from "../../policy/index.js";
import { encodeVetoSegment, VETO_FIELDS, VETO_WELL_FORMED } from "../requests/veto.js";
import type { Target, TargetContext } from "./types.js";

export type VetoOperator = "equals" | "not_equals" | "greater_than" | "less_than" | "in" | "not_in" | "matches";

export interface VetoCondition {
  field: string;
  operator: VetoOperator;
  value: unknown;
}

export interface VetoRule {
  id: string;
  name: string;
  description?: string;
  severity?: "critical" | "high" | "medium" | "low" | "info";
  action: "block" | "allow";
  tools?: string[];
  conditions?: VetoCondition[];
  condition_groups?: VetoCondition[][];
  tags?: string[];
  metadata?: Record<string, unknown>;
}

export interface VetoPolicy {
  version: "1.0";
  name: string;
  description?: string;
  rules: VetoRule[];
  settings: { default_action: "block"; fail_mode: "closed" };
}

/** More alternatives than this in one rule and a gate is asked on every call of its tool (reported). */
export const MAX_CONDITION_GROUPS = 256;

export const veto: Target = {
  id: "veto",
  description: "Veto policy IR v1 YAML: ordered block and allow rules Veto's own engine enforces as decide() decides",
  docs: `\`veto\` → <id>.veto.yaml: Veto policy IR v1 (version "1.0", settings default_action block and
fail_mode closed), written for what Veto's engine does as it runs: it ignores \`settings\`, looks
rules up by exact tool name, tries rules without \`tools\` first and takes the first that
matches, and compares values without asking their type. So every rule is a rule without
\`tools\`, matched on \`tool_name\`, in this order: a block of every call \`vetoRequest\` did not
mark well-formed; a block per deny pattern (the name as written, or folded, \`equals\` or
\`matches\` an anchored regular expression that cannot backtrack); per hard limit, a block under
each way the limit is broken; per approval gate, a block tagged \`approval\` (with
\`metadata.require_approval\` and the channel) under the gate's condition as decide() reads it
(an absent or wrong-typed value holds it); one \`allow\` of the allowlisted names (effects in its
\`metadata.effects\`); and a block of everything else. Conditions read the request
\`vetoRequest(rules, call)\` builds: \`arguments.<path>\` and \`context.<field>\` (decide()'s own
reading) and \`agentspec.*\` (each value's type and each string's length). A gate whose condition
needs more than ${MAX_CONDITION_GROUPS} condition groups asks on every call, reported at the gate.
\`metadata.agentspec\` on each rule says what it came from; \`agentspec import veto\` reads such a
file back when its rules are exactly what this target writes for that metadata.`,
  extension: ".veto.yaml",
  emit: (spec, context) => [
    {
      path: `${spec.agent.id}.veto.yaml`,
      contents: loadYaml().stringify(toVeto(spec, context), { lineWidth: 0, aliasDuplicateObjects: false }),
    },
  ],
};

const SILENT: TargetContext = { report: () => {} };

/** Every type a present value can have (jsonKind): a type fact outside this list, or none, is read as absent. */
const PRESENT_KINDS = ["null", "array", "object", "string", "number", "non-finite", "boolean", "bigint", "other"];

export function toVeto(spec: Spec, context: TargetContext = SILENT): VetoPolicy {
  return vetoPolicyOf(compilePolicy(spec), spec.agent.goal, context);
}

/** The IR for a compiled policy (what the importer compares a file with). */
export function vetoPolicyOf(policy: Policy, goal: string | undefined, context: TargetContext = SILENT): VetoPolicy {
  const tools = Object.entries(policy.tools);
  const rules: VetoRule[] = [
    {
      id: "well-formed",
      name: "Block calls decide() refuses as malformed",
      description:
        "A call agentspec refuses whatever the policy (a name that is no tool's name, arguments or context that are not objects, a __proto__ key), or one not built with agentspec's vetoRequest.",
      severity: "high",
      action: "block",
      conditions: [{ field: VETO_FIELDS.call, operator: "not_equals", value: VETO_WELL_FORMED }],
      tags: ["agentspec", "malformed"],
    },
  ];
  policy.deny.forEach((d, i) =>
    rules.push(
      prune({
        id: `deny-${i}`,
        name: `Deny ${d.pattern}`,
        description: d.reason,
        severity: "high",
        action: "block",
        ...groupsField(denyGroups(d.pattern)),
        tags: ["deny"],
        metadata: { agentspec: { deny: prune({ pattern: d.pattern, reason: d.reason }) } },
      }) as VetoRule,
    ),
  );
  tools.forEach(([name, tool], i) => {
    Object.entries(tool.limits ?? {}).forEach(([path, limit], j) => {
      // A limit with no bound breaks for no value; a rule without conditions would block every call.
      if (brokenGroups(path, limit).length === 0) return;
      rules.push({
        id: `limit-${i}-${j}`,
        name: `${name}: ${path} out of bounds`,
        severity: "high",
        action: "block",
        ...groupsField(and(nameGroups(name), brokenGroups(path, limit))),
        tags: ["limit"],
        metadata: { agentspec: { tool: name, argument: path, limit } },
      });
    });
  });
  tools.forEach(([name, tool], i) => {
    const rule = approvalRule(name, tool, i, context);
    if (rule) rules.push(rule);
  });
  if (tools.length > 0) {
    const exact = tools.filter(([name]) => !isPattern(name)).map(([name]) => name);
    const allow: VetoCondition[][] = [
      ...(exact.length > 0 ? [[{ field: VETO_FIELDS.tool, operator: "in" as const, value: exact }]] : []),
      ...tools.filter(([name]) => isPattern(name)).flatMap(([name]) => nameGroups(name)),
    ];
    rules.push({
      id: "allow-tools",
      name: "Allow the allowlisted tools",
      severity: "info",
      action: "allow",
      ...groupsField(allow),
      tags: ["allow"],
      metadata: { effects: Object.fromEntries(tools.map(([name, tool]) => [name, tool.effect])) },
    });
  }
  rules.push({
    id: "default-deny",
    name: "Deny every other call",
    description: "agentspec denies what it does not allow (Veto's engine does not read settings.default_action).",
    severity: "high",
    action: "block",
    tags: ["agentspec", "default-deny"],
  });
  return prune({
    version: "1.0",
    name: policy.agent.id,
    description: goal,
    rules,
    settings: { default_action: "block", fail_mode: "closed" },
  }) as VetoPolicy;
}

function approvalRule(name: string, tool: PolicyTool, index: number, context: TargetContext): VetoRule | undefined {
  const gate = tool.approval;
  if (!gate) return undefined;
  let when: Groups;
  try {
    when = gate.when === undefined ? TRUE : holdsGroups(gate.when);
  } catch (error) {
    if (!(error instanceof TooManyGroups)) throw error;
    context.report({
      pointer: joinPointer("/tools", name, "approval", "when"),
      message: `Veto cannot say this condition in at most ${MAX_CONDITION_GROUPS} condition groups (OR of ANDs): the export asks for approval on every call of "${name}"`,
    });
    when = TRUE;
  }
  const groups = and(nameGroups(name), when);
  // A condition that never holds (any: []) gates nothing.
  if (groups.length === 0) return undefined;
  return prune({
    id: `approval-${index}`,
    name: `${name} needs approval`,
    description: gate.reason,
    severity: "medium",
    action: "block",
    ...groupsField(groups),
    tags: ["approval"],
    metadata: prune({ require_approval: true, channel: gate.channel, agentspec: { tool: name, approval: gate } }),
  }) as VetoRule;
}

/** Alternatives (OR) of conditions that must all hold (AND): [] never holds, [[]] always does. */
type Groups = VetoCondition[][];
const TRUE: Groups = [[]];

/** Thrown while a condition's groups grow past MAX_CONDITION_GROUPS: no part of a product or sum is ever larger than it. */
class TooManyGroups extends Error {}

function and(...parts: Groups[]): Groups {
  let result: Groups = TRUE;
  for (const part of parts) {
    if (result.length * part.length > MAX_CONDITION_GROUPS) throw new TooManyGroups();
    result = result.flatMap((left) => part.map((right) => dedupe([...left, ...right])));
  }
  return result;
}

function or(...parts: Groups[]): Groups {
  const result = parts.flat();
  if (result.length > MAX_CONDITION_GROUPS) throw new TooManyGroups();
  return result;
}

function dedupe(conditions: VetoCondition[]): VetoCondition[] {
  const seen = new Set<string>();
  return conditions.filter((c) => {
    const key = JSON.stringify([c.field, c.operator, c.value]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One group is `conditions` (the engine reads condition_groups only when conditions is empty). */
function groupsField(groups: Groups): Pick<VetoRule, "conditions" | "condition_groups"> {
  return groups.length === 1 ? { conditions: groups[0]! } : { condition_groups: groups };
}

function one(field: string, operator: VetoOperator, value: unknown): Groups {
  return [[{ field, operator, value }]];
}

/** The allowlist matches the name as written: exactly, or as a glob. */
function nameGroups(name: string): Groups {
  return isPattern(name) ? one(VETO_FIELDS.tool, "matches", globRegex(name)) : one(VETO_FIELDS.tool, "equals", name);
}

/** A deny pattern meets the name as written and folded, each against the pattern as written and folded (decide() semantics 1). */
function denyGroups(pattern: string): Groups {
  const folded = foldToolName(pattern);
  const match = (field: string, p: string): Groups => (isPattern(p) ? one(field, "matches", globRegex(p)) : one(field, "equals", p));
  return or(match(VETO_FIELDS.tool, pattern), match(VETO_FIELDS.foldedTool, folded));
}

/**
 * An agentspec glob (`*` any run, `?` one UTF-16 code unit, no escapes) as an anchored regular
 * expression with the same matches. Each piece between stars is found leftmost, as decide()'s
 * matcher does, inside a lookahead the engine cannot backtrack into (`(?=([\s\S]*?piece))\1`),
 * so a hostile name costs time linear in its length per piece, not exponential.
 */
export function globRegex(glob: string): string {
  const literal = (piece: string): string =>
    [...piece].map((c) => (c === "?" ? "[\\s\\S]" : c.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&"))).join("");
  const pieces = glob.split("*");
  if (pieces.length === 1) return `^${literal(glob)}$`;
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  const middle = pieces.slice(1, -1).filter((p) => p !== "");
  const found = middle.map((p, i) => `(?=([\\s\\S]*?${literal(p)}))\\${i + 1}`).join("");
  return `^${literal(first)}${found}[\\s\\S]*${literal(last)}$`;
}

function fieldsFor(root: "arguments" | "context", path: string): { value: string; type: string } {
  const segment = encodeVetoSegment(path);
  return root === "arguments"
    ? { value: VETO_FIELDS.argument + segment, type: VETO_FIELDS.argumentType + segment }
    : { value: VETO_FIELDS.context + segment, type: VETO_FIELDS.contextType + segment };
}

/** The ways a value breaks the limit, as decide() reads it (semantics 3): a missing type fact reads as absent, or breaks. */
export function brokenGroups(path: string, limit: ArgumentLimit): Groups {
  const { value, type } = fieldsFor("arguments", path);
  const length = VETO_FIELDS.argumentLength + encodeVetoSegment(path);
  const groups: Groups = [];
  if (limit.required) groups.push([{ field: type, operator: "not_in", value: PRESENT_KINDS }]);
  if (limit.min !== undefined || limit.max !== undefined) {
    groups.push([{ field: type, operator: "not_in", value: ["absent", "number"] }]);
    if (limit.max !== undefined)
      groups.push([
        { field: type, operator: "equals", value: "number" },
        { field: value, operator: "greater_than", value: limit.max },
      ]);
    if (limit.min !== undefined)
      groups.push([
        { field: type, operator: "equals", value: "number" },
        { field: value, operator: "less_than", value: limit.min },
      ]);
  }
  if (limit.max_length !== undefined) {
    groups.push([{ field: type, operator: "not_in", value: ["absent", "string"] }]);
    groups.push([
      { field: type, operator: "equals", value: "string" },
      { field: length, operator: "greater_than", value: limit.max_length },
    ]);
  }
  if (limit.one_of !== undefined)
    groups.push([
      { field: type, operator: "not_equals", value: "absent" },
      { field: value, operator: "not_in", value: [...limit.one_of] },
    ]);
  return groups;
}

/**
 * When an approval condition holds, as decide()'s holds() reads it (semantics 2): an absent or
 * non-finite value holds every operator, a value of another type than the operand holds it, and
 * a missing type fact holds it too. Every value comparison follows the type test that makes it
 * exact (the engine's Number() on a number is the number itself).
 */
export function holdsGroups(c: Condition): Groups {
  const anyPart = c.any ? or(...c.any.map(holdsGroups)) : TRUE;
  const allPart = c.all ? and(...c.all.map(holdsGroups)) : TRUE;
  if (c.arg === undefined && c.context === undefined) return c.any || c.all ? and(anyPart, allPart) : [];
  const { value, type } = c.arg !== undefined ? fieldsFor("arguments", c.arg) : fieldsFor("context", c.context!);
  const is = (kind: string): VetoCondition => ({ field: type, operator: "equals", value: kind });
  const isNot = (kind: string): Groups => one(type, "not_equals", kind);
  const compare = (operator: VetoOperator, operand: unknown): VetoCondition => ({ field: value, operator, value: operand });
  const ops: Groups[] = [];
  if (c.gt !== undefined) ops.push(or(isNot("number"), [[is("number"), compare("greater_than", c.gt)]]));
  if (c.gte !== undefined)
    ops.push(or(isNot("number"), [[is("number"), compare("greater_than", c.gte)]], [[is("number"), compare("equals", c.gte)]]));
  if (c.lt !== undefined) ops.push(or(isNot("number"), [[is("number"), compare("less_than", c.lt)]]));
  if (c.lte !== undefined)
    ops.push(or(isNot("number"), [[is("number"), compare("less_than", c.lte)]], [[is("number"), compare("equals", c.lte)]]));
  if (c.eq !== undefined) ops.push(or(isNot(jsonKind(c.eq)), [[is(jsonKind(c.eq)), compare("equals", c.eq)]]));
  if (c.ne !== undefined) ops.push(or(isNot(jsonKind(c.ne)), [[is(jsonKind(c.ne)), compare("not_equals", c.ne)]]));
  for (const [list, operator] of [
    [c.in, "in"],
    [c.not_in, "not_in"],
  ] as const) {
    if (list === undefined) continue;
    const kinds = [...new Set(list.map(jsonKind))];
    ops.push(or(one(type, "not_in", kinds), [[{ field: type, operator: "in", value: kinds }, compare(operator, [...list])]]));
  }
  const leaf = or(one(type, "in", ["absent", "non-finite"]), and(...ops));
  return and(anyPart, allPart, leaf);
}
