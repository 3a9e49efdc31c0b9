/** `sentrely` → <id>.sentrely.yaml. */
import { stringify } from "yaml";
import type { Spec, ToolSpec } from "../../model/index.js";
import type { Target } from "./types.js";

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
agent's owner), \`agent\`, \`policies\` as \`namespace:verb on resource\` (agentspec's
\`tickets.read\` with resources ["queue/tier-1"] is \`tickets:read on queue/tier-1\`; a tool
without resources is \`on *\`), and \`budget\` (max_tokens_per_session, max_sessions_per_day).
Sentrely's own examples write a gated policy as the policy line followed by indented
\`requires_approval\` and \`approval_channel\`, which is not valid YAML; here that line is the key
of a one-entry mapping holding them. Sentrely denies what no policy grants, so deny patterns
need no form; a conditional approval becomes an unconditional one (stricter), and hard
limits have no Sentrely form.`,
  extension: ".sentrely.yaml",
  emit: (spec) => [{ path: `${spec.agent.id}.sentrely.yaml`, contents: stringify(toSentrely(spec), { lineWidth: 0 }) }],
};

export function toSentrely(spec: Spec): SentrelyConfig {
  const policies = spec.tools.flatMap((tool) =>
    (tool.resources.length > 0 ? tool.resources : ["*"]).map((resource) => policy(tool, resource)),
  );
  const { max_tokens_per_session, max_sessions_per_day } = spec.limits;
  const budget = Object.fromEntries(Object.entries({ max_tokens_per_session, max_sessions_per_day }).filter(([, v]) => v !== undefined));
  return {
    project: spec.agent.owner ?? spec.agent.id,
    agent: spec.agent.id,
    policies,
    ...(Object.keys(budget).length > 0 ? { budget } : {}),
  };
}

/** `tickets.read` → `tickets:read`: the last dot separates Sentrely's namespace from its verb. */
export function sentrelyPermission(toolName: string): string {
  const dot = toolName.lastIndexOf(".");
  return dot === -1 ? toolName : `${toolName.slice(0, dot)}:${toolName.slice(dot + 1)}`;
}

function policy(tool: ToolSpec, resource: string): SentrelyPolicy {
  const line = `${sentrelyPermission(tool.name)} on ${resource}`;
  if (!tool.approval) return line;
  return { [line]: { requires_approval: true, ...(tool.approval.channel ? { approval_channel: tool.approval.channel } : {}) } };
}
