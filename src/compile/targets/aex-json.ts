/** `aex-json` → <id>.aex.json. */
import type { Spec } from "../../model/index.js";
import type { Target } from "./types.js";

export interface AexJsonPolicy {
  allow: string[];
  deny?: string[];
  require_confirmation: string[];
  budget?: { calls: number };
}

export function aexJsonPolicy(spec: Spec): AexJsonPolicy {
  const allow = spec.tools.flatMap((t) => (t.resources.length > 0 ? t.resources.map((r) => `${t.name}:${r}`) : [t.name]));
  const deny = spec.deny.map((d) => d.pattern);
  const calls = spec.limits.max_tool_calls;
  // Key order and which keys appear follow aex's own examples: deny only when there is one.
  return {
    allow,
    ...(deny.length > 0 ? { deny } : {}),
    require_confirmation: spec.tools.filter((t) => t.approval).map((t) => t.name),
    ...(calls !== undefined ? { budget: { calls } } : {}),
  };
}

export const aexJson: Target = {
  id: "aex-json",
  description: "aex's JSON policy: allow, deny, require_confirmation and budget",
  docs: `\`aex-json\` → <id>.aex.json: aex's JSON policy (schemas/policy.schema.json): \`allow\` (a tool
with resources becomes one \`tool:resource\` entry per resource), \`deny\`, \`require_confirmation\`
(every tool with an approval gate; aex confirms always, so a conditional gate is confirmed on
every call) and \`budget.calls\` from limits.max_tool_calls. Hard limits have no aex form.`,
  extension: ".aex.json",
  emit: (spec) => [{ path: `${spec.agent.id}.aex.json`, contents: JSON.stringify(aexJsonPolicy(spec), null, 2) + "\n" }],
};
