/**
 * A Mermaid flowchart of how decide() rules on one tool call, in its order (deny pattern →
 * allowlist → hard limits → approval → allow), labelled with this spec's patterns and counts.
 * Steps the spec does not use are left out.
 */
import type { Spec } from "../../model/index.js";
import { describeCondition } from "../../policy/index.js";

const SHOWN = 4;

export function decisionFlowchart(spec: Spec): string {
  const lines = ["flowchart TD", `  call(["Tool call"])`];
  let from = "call";
  let edge = "";
  const step = (id: string, question: string, denyLabel: string) => {
    lines.push(`  ${from} -->${edge} ${id}{"${label(question)}"}`);
    lines.push(`  ${id} -- ${id === "allowlist" ? "no" : "yes"} --> ${id}_deny["${label(denyLabel)}"]`);
    from = id;
    edge = id === "allowlist" ? "|yes|" : "|no|";
  };
  if (spec.deny.length > 0) step("denylist", `Matches a deny pattern? ${sample(spec.deny.map((d) => d.pattern))}`, "deny: deny wins");
  step("allowlist", `In the allowlist? ${sample(spec.tools.map((t) => t.name))}`, "deny: not allowed");
  const limited = spec.tools.filter((t) => Object.keys(t.limits).length > 0);
  if (limited.length > 0) step("limits", `Breaks a hard limit? ${sample(limited.map((t) => t.name))}`, "deny: hard limit");
  const gated = spec.tools.filter((t) => t.approval);
  if (gated.length > 0) {
    const gates = gated.map((t) =>
      t.approval!.when ? `${t.name} when ${describeCondition(t.approval!.when, "review")}` : `${t.name} always`,
    );
    const channels = [...new Set(gated.map((t) => t.approval!.channel).filter((c): c is string => c !== undefined))];
    lines.push(`  ${from} -->${edge} approval{"${label(`Approval gate holds? ${sample(gates)}`)}"}`);
    lines.push(
      `  approval -- yes --> approval_ask["${label(`require_approval${channels.length > 0 ? ` via ${channels.join(", ")}` : ""}`)}"]`,
    );
    from = "approval";
    edge = "|no|";
  }
  lines.push(`  ${from} -->${edge} allow["allow"]`);
  return lines.join("\n");
}

/** Up to SHOWN items in brackets, then how many more. */
function sample(items: readonly string[]): string {
  if (items.length === 0) return "(none: every call is denied)";
  const shown = items.slice(0, SHOWN).join(", ");
  return `(${items.length}: ${shown}${items.length > SHOWN ? `, +${items.length - SHOWN} more` : ""})`;
}

/** Text inside a quoted Mermaid label: quotes, angle brackets and a `#` that would read as an entity code, escaped. */
function label(text: string): string {
  return text
    .replace(/#(?=\w+;)/g, "#35;")
    .replace(/"/g, "#quot;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;")
    .replace(/\r?\n/g, " ");
}
