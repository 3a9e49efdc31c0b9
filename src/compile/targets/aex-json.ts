/** `aex-json` → <id>.aex.json: aex's JSON policy, with what aex's engines can enforce of the spec (see ../aex/authority.ts). */
import type { Spec } from "../../model/index.js";
import { aexAuthority, type AexReport } from "../aex/authority.js";
import type { Target } from "./types.js";

export interface AexJsonPolicy {
  allow: string[];
  deny?: string[];
  require_confirmation: string[];
  budget?: { calls: number };
}

export function aexJsonPolicy(spec: Spec, report?: (r: AexReport) => void): AexJsonPolicy {
  const authority = aexAuthority(spec, report);
  const allow = authority.allow.flatMap((t) => (t.resources.length > 0 ? t.resources.map((r) => `${t.name}:${r}`) : [t.name]));
  // Key order and which keys appear follow aex's own examples: deny only when there is one.
  return {
    allow,
    ...(authority.deny.length > 0 ? { deny: authority.deny } : {}),
    require_confirmation: authority.confirm,
    ...(authority.calls !== undefined ? { budget: { calls: authority.calls } } : {}),
  };
}

export const aexJson: Target = {
  id: "aex-json",
  description: "aex's JSON policy: allow, deny, require_confirmation and budget",
  docs: `\`aex-json\` → <id>.aex.json: aex's JSON policy (schemas/policy.schema.json), which \`aex run --policy\`
reads: \`allow\` (a tool with resources becomes one \`tool:resource\` entry per resource; runTask
does not check the path), \`deny\`, \`require_confirmation\` (matched exactly by runTask) and
\`budget.calls\` from limits.max_tool_calls. The same authority as the \`aex\` target: exact names
only, tools with hard limits left out, every gated tool confirmed on every call, names with
\`,\` or \`:\` left out, and \`deny: ["*"]\` when nothing is allowed (runTask reads an empty
\`allow\` as no restriction). Each of these is reported at the tool.`,
  extension: ".aex.json",
  emit: (spec, context) => [
    {
      path: `${spec.agent.id}.aex.json`,
      contents:
        JSON.stringify(
          aexJsonPolicy(spec, (r) => context.report(r)),
          null,
          2,
        ) + "\n",
    },
  ],
};
