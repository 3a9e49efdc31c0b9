/** `aex` → <id>.aex: an aex policy, with what aex's engines can enforce of the spec (see ../aex/authority.ts). */
import type { Spec } from "../../model/index.js";
import { aexAuthority, aexString, type AexReport } from "../aex/authority.js";
import type { Target } from "./types.js";

export function aexPolicyText(spec: Spec, report?: (r: AexReport) => void): string {
  const authority = aexAuthority(spec, report);
  const name = spec.agent.id.replace(/[^A-Za-z0-9_]+/g, "_");
  const major = /^\d+/.exec(spec.agent.version)?.[0] ?? "0";
  const blocks = [`policy ${name} v${major}`, `goal ${aexString(authority.goal)}`];
  const rules = authority.allow.length > 0 ? [`allow ${authority.allow.map((t) => t.name).join(", ")}`] : [];
  if (authority.deny.length > 0) rules.push(`deny ${authority.deny.join(", ")}`);
  if (rules.length > 0) blocks.push(rules.join("\n"));
  if (authority.calls !== undefined) blocks.push(`budget calls=${authority.calls}`);
  if (authority.confirm.length > 0) blocks.push(authority.confirm.map((t) => `confirm before ${t}`).join("\n"));
  return blocks.join("\n\n") + "\n";
}

export const aex: Target = {
  id: "aex",
  description: "An aex policy (.aex): allow, deny, confirm before and budget",
  docs: `\`aex\` → <id>.aex: an aex policy (\`policy NAME vN\`, \`goal\`, \`allow\`, \`deny\`, \`budget calls=N\`,
\`confirm before\`) that aex's MCP proxy, \`aex gate\` and \`aex run\` enforce as \`decide()\` does or
more strictly. aex matches \`*\`, a trailing \`.*\` or the exact name and has no argument limits and
no conditional approval, so: only exactly named tools are allowed (a glob entry is left out), a
tool with a hard limit is left out, a gated tool is \`confirm before\` on every call, and so is a
name \`aex gate\` reaches from a Claude Code tool name (\`Read\` is \`file.read\` to it) that the spec
does not allow as freely; names with \`,\` or \`:\` are left out, and an empty allowlist is
\`deny *\`. \`goal\` (which \`aex check\` requires) is the spec's goal, else its authority boundary.
Each of these is reported at the tool. The text names tools only: resource scopes are in the
\`aex-json\` target's \`tool:resource\` entries. Two things no export can change: aex's proxy
answers its meta-tools (\`aex.checkpoint\`, \`aex.resume\`, \`aex.list_tasks\`, \`aex.review_task\`)
itself, whatever the policy says, and no aex engine reads arguments, so a call \`decide()\` refuses
for the shape of its arguments (not an object, a \`__proto__\` key) reaches an allowed tool.`,
  extension: ".aex",
  emit: (spec, context) => [{ path: `${spec.agent.id}.aex`, contents: aexPolicyText(spec, (r) => context.report(r)) }],
};
