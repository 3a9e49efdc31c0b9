/** `sentrely` → <id>.sentrely.yaml (a Sentrely blueprint policy configuration). */
import { joinPointer, loadYaml } from "../../load/index.js";
import type { Spec, ToolSpec } from "../../model/index.js";
import { compilePolicy, decide, isPattern } from "../../policy/index.js";
import type { Target, TargetContext } from "./types.js";

export type SentrelyPolicy = string | Record<string, { requires_approval: true; approval_channel?: string }>;

export interface SentrelyConfig {
  project: string;
  agent: string;
  policies: SentrelyPolicy[];
  budget?: { max_tokens_per_session?: number; max_sessions_per_day?: number };
}

export const sentrely: Target = {
  id: "sentrely",
  description: "A Sentrely policy configuration: verb-on-resource policies, approval channels and budget",
  docs: `\`sentrely\` → <id>.sentrely.yaml: a Sentrely blueprint policy configuration: \`project\` (the
agent's owner), \`agent\`, \`policies\` as \`namespace:verb on resource\` (\`tickets.read\` with resources
["queue/tier-1"] is \`tickets:read on queue/tier-1\`; a tool without resources is \`on *\`), and
\`budget\` (max_tokens_per_session, max_sessions_per_day). Sentrely's own examples write a gated
policy as the policy line followed by indented \`requires_approval\` and \`approval_channel\`, which
is not valid YAML; here that line is the key of a one-entry mapping holding them.
Sentrely grants only what a policy lists and has no deny list, no argument conditions and no
documented wildcard in a permission (a \`*\` there would grant every verb), so the export grants
no more than decide() allows: a glob tool, a tool decide() denies by name (a deny pattern, a
malformed name) and a tool with hard limits are left out (denied); a conditional approval is
always required. Each is reported.`,
  extension: ".sentrely.yaml",
  emit: (spec, context) => [
    { path: `${spec.agent.id}.sentrely.yaml`, contents: loadYaml().stringify(toSentrely(spec, context), { lineWidth: 0 }) },
  ],
};

const SILENT: TargetContext = { report: () => {} };

export function toSentrely(spec: Spec, context: TargetContext = SILENT): SentrelyConfig {
  const policy = compilePolicy(spec);
  const policies: SentrelyPolicy[] = [];
  for (const tool of spec.tools) {
    const at = joinPointer("/tools", tool.name);
    const why = leftOutBecause(tool, policy);
    if (why) {
      context.report({ pointer: at, message: `${why}: it is left out (denied)` });
      continue;
    }
    if (tool.approval?.when) {
      context.report({
        pointer: joinPointer(at, "approval", "when"),
        message: `Sentrely has no conditional approval: "${tool.name}" always requires approval`,
      });
    }
    for (const resource of tool.resources.length > 0 ? tool.resources : ["*"]) policies.push(policyLine(tool, resource));
  }
  const { max_tokens_per_session, max_sessions_per_day } = spec.limits;
  const budget = Object.fromEntries(Object.entries({ max_tokens_per_session, max_sessions_per_day }).filter(([, v]) => v !== undefined));
  return {
    project: spec.agent.owner ?? spec.agent.id,
    agent: spec.agent.id,
    policies,
    ...(Object.keys(budget).length > 0 ? { budget } : {}),
  };
}

/** Why a tool has no Sentrely form that grants no more than decide() allows, or undefined. */
function leftOutBecause(tool: ToolSpec, policy: ReturnType<typeof compilePolicy>): string | undefined {
  if (isPattern(tool.name)) return `Sentrely has no wildcard permission that stops where the glob "${tool.name}" does`;
  // decide() on the bare name: a deny pattern (under every reading of the name) or a malformed name denies it whatever the arguments.
  const byName = decide(policy, { tool: tool.name });
  if (byName.rule === "deny-pattern" || byName.rule === "malformed-call")
    return `decide() denies "${tool.name}" by its name (${byName.reason}) and Sentrely has no deny list`;
  if (Object.keys(tool.limits).length > 0) return `"${tool.name}" has hard limits on its arguments, which Sentrely cannot say`;
  return undefined;
}

/**
 * `tickets.read` → `tickets:read`: the last dot separates Sentrely's namespace from its verb. A
 * ":" or "%" in the name is written %3A / %25 first, so no two names share a permission (`a:b`
 * the tool is not `a.b`'s `a:b`).
 */
export function sentrelyPermission(toolName: string): string {
  const encoded = toolName.replaceAll("%", "%25").replaceAll(":", "%3A");
  const dot = encoded.lastIndexOf(".");
  return dot === -1 ? encoded : `${encoded.slice(0, dot)}:${encoded.slice(dot + 1)}`;
}

function policyLine(tool: ToolSpec, resource: string): SentrelyPolicy {
  const line = `${sentrelyPermission(tool.name)} on ${resource}`;
  if (!tool.approval) return line;
  return { [line]: { requires_approval: true, ...(tool.approval.channel ? { approval_channel: tool.approval.channel } : {}) } };
}
