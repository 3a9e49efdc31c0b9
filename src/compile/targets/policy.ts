/** `policy` → <id>.policy.json. */
import { compilePolicy, serializePolicy } from "../../policy/compile-policy.js";
import type { Target } from "./types.js";

export const policy: Target = {
  id: "policy",
  description: "The canonical runtime policy JSON with its sha256, enforced by decide() and createGuard()",
  docs: `\`policy\` → <id>.policy.json: the canonical runtime policy decide() enforces.`,
  extension: ".policy.json",
  emit: (spec) => [{ path: `${spec.agent.id}.policy.json`, contents: serializePolicy(compilePolicy(spec)) }],
};
