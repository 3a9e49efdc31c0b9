/** `aex` → <id>.aex. */
import type { Spec } from "../../model/index.js";
import type { Target } from "./types.js";

export function aexPolicyText(spec: Spec): string {
  const name = spec.agent.id.replace(/[^A-Za-z0-9_]+/g, "_");
  const major = /^\d+/.exec(spec.agent.version)?.[0] ?? "0";
  const blocks = [`policy ${name} v${major}`];
  if (spec.agent.goal) blocks.push(`goal ${JSON.stringify(spec.agent.goal)}`);
  const rules = spec.tools.length > 0 ? [`allow ${spec.tools.map((t) => t.name).join(", ")}`] : [];
  if (spec.deny.length > 0) rules.push(`deny ${spec.deny.map((d) => d.pattern).join(", ")}`);
  if (rules.length > 0) blocks.push(rules.join("\n"));
  if (spec.limits.max_tool_calls !== undefined) blocks.push(`budget calls=${spec.limits.max_tool_calls}`);
  const gated = spec.tools.filter((t) => t.approval);
  if (gated.length > 0) blocks.push(gated.map((t) => `confirm before ${t.name}`).join("\n"));
  return blocks.join("\n\n") + "\n";
}

export const aex: Target = {
  id: "aex",
  description: "An aex policy (.aex): allow, deny, confirm before and budget",
  docs: `\`aex\` → <id>.aex: an aex policy (\`policy NAME vN\`, \`goal\`, \`allow\`, \`deny\`, \`budget calls=N\`,
\`confirm before\`). The text form names tools only: resource scopes are in the \`aex-json\`
target's \`tool:resource\` entries. A conditional approval gate becomes an unconditional
\`confirm before\` (stricter); hard limits have no aex form.`,
  extension: ".aex",
  emit: (spec) => [{ path: `${spec.agent.id}.aex`, contents: aexPolicyText(spec) }],
};
