/** `veto` → <id>.veto.yaml. */
import { stringify } from "yaml";
import type { ArgumentLimit, Condition, Spec, ToolSpec } from "../../model/index.js";
import type { Target } from "./types.js";
import { prune } from "../../load/index.js";

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

export const veto: Target = {
  id: "veto",
  description: "Veto policy IR v1 YAML: block and allow rules with argument conditions",
  docs: `\`veto\` → <id>.veto.yaml: Veto policy IR v1 (version "1.0", ordered rules with \`block\` /
\`allow\` actions, settings default_action block and fail_mode closed). The mapping:
- each deny pattern is a \`block\` rule over that tool pattern;
- each hard limit is a \`block\` rule on the tool with the condition that breaks it:
  max → \`arguments.<path> greater_than\`, min → \`less_than\`, one_of → \`not_in\`,
  max_length → \`matches "^[\\s\\S]{N+1}"\`, required → \`equals null\` (Veto reads an absent field as null);
- each approval gate is a \`block\` rule tagged \`approval\`, with \`metadata.require_approval\`
  and the channel: IR v1 has no approval action, so an IR runtime blocks where agentspec asks a
  human (stricter), and a Veto deployment with approvals reads the metadata. Its condition is
  \`conditions\` (AND) or \`condition_groups\` (OR of ANDs) over \`arguments.<path>\` and
  \`context.<actor|tenant|environment>\`; >= and <= are written as greater/less than OR equals;
- the allowlist is one \`allow\` rule after every block, with the effects in its metadata.
\`agentspec import veto\` reads this shape back.`,
  extension: ".veto.yaml",
  emit: (spec) => [{ path: `${spec.agent.id}.veto.yaml`, contents: stringify(toVeto(spec), { lineWidth: 0 }) }],
};

export function toVeto(spec: Spec): VetoPolicy {
  const rules: VetoRule[] = spec.deny.map(
    (d, i) =>
      prune({
        id: `deny-${i}`,
        name: `Deny ${d.pattern}`,
        description: d.reason,
        severity: "high",
        action: "block",
        tools: [d.pattern],
        tags: ["deny"],
      }) as VetoRule,
  );
  spec.tools.forEach((tool, i) => rules.push(...limitRules(tool, i), ...approvalRules(tool, i)));
  if (spec.tools.length > 0) {
    rules.push({
      id: "allow-tools",
      name: "Allow the allowlisted tools",
      severity: "info",
      action: "allow",
      tools: spec.tools.map((t) => t.name),
      metadata: { effects: Object.fromEntries(spec.tools.map((t) => [t.name, t.effect])) },
    });
  }
  return prune({
    version: "1.0",
    name: spec.agent.id,
    description: spec.agent.goal,
    rules,
    settings: { default_action: "block", fail_mode: "closed" },
  }) as VetoPolicy;
}

function limitRules(tool: ToolSpec, index: number): VetoRule[] {
  return Object.entries(tool.limits).flatMap(([path, limit]) =>
    limitConditions(path, limit).map((condition, j) => ({
      id: `limit-${index}-${path}-${j}`,
      name: `${tool.name}: ${path} out of bounds`,
      severity: "high" as const,
      action: "block" as const,
      tools: [tool.name],
      conditions: [condition],
      tags: ["limit"],
    })),
  );
}

/** One condition per way the limit is broken. */
export function limitConditions(path: string, limit: ArgumentLimit): VetoCondition[] {
  const field = `arguments.${path}`;
  const out: VetoCondition[] = [];
  if (limit.required) out.push({ field, operator: "equals", value: null });
  if (limit.max !== undefined) out.push({ field, operator: "greater_than", value: limit.max });
  if (limit.min !== undefined) out.push({ field, operator: "less_than", value: limit.min });
  if (limit.max_length !== undefined) out.push({ field, operator: "matches", value: `^[\\s\\S]{${Math.floor(limit.max_length) + 1}}` });
  if (limit.one_of) out.push({ field, operator: "not_in", value: [...limit.one_of] });
  return out;
}

function approvalRules(tool: ToolSpec, index: number): VetoRule[] {
  const gate = tool.approval;
  if (!gate) return [];
  const groups = gate.when ? conditionGroups(gate.when) : [[]];
  // A condition that never holds (any: []) gates nothing.
  if (groups.length === 0) return [];
  const when = groups.length === 1 ? (groups[0]!.length > 0 ? { conditions: groups[0] } : {}) : { condition_groups: groups };
  return [
    prune({
      id: `approval-${index}`,
      name: `${tool.name} needs approval`,
      description: gate.reason,
      severity: "medium",
      action: "block",
      tools: [tool.name],
      ...when,
      tags: ["approval"],
      metadata: prune({ require_approval: true, channel: gate.channel }),
    }) as VetoRule,
  ];
}

/** A condition as OR-groups of AND-ed Veto conditions; [] never holds, [[]] always does. */
export function conditionGroups(c: Condition): VetoCondition[][] {
  let result: VetoCondition[][] = [[]];
  const and = (groups: VetoCondition[][]): void => {
    result = result.flatMap((left) => groups.map((right) => [...left, ...right]));
  };
  if (c.any) and(c.any.flatMap(conditionGroups));
  if (c.all) for (const inner of c.all) and(conditionGroups(inner));
  if (c.arg === undefined && c.context === undefined) return c.any || c.all ? result : [];
  const field = c.arg !== undefined ? `arguments.${c.arg}` : `context.${c.context}`;
  const one = (operator: VetoOperator, value: unknown): VetoCondition[][] => [[{ field, operator, value }]];
  if (c.gt !== undefined) and(one("greater_than", c.gt));
  if (c.lt !== undefined) and(one("less_than", c.lt));
  if (c.gte !== undefined) and([...one("greater_than", c.gte), ...one("equals", c.gte)]);
  if (c.lte !== undefined) and([...one("less_than", c.lte), ...one("equals", c.lte)]);
  if (c.eq !== undefined) and(one("equals", c.eq));
  if (c.ne !== undefined) and(one("not_equals", c.ne));
  if (c.in !== undefined) and(one("in", [...c.in]));
  if (c.not_in !== undefined) and(one("not_in", [...c.not_in]));
  return result;
}
