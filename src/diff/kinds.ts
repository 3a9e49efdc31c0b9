/**
 * Every kind of authority change the diff reports, with what it means: the one list reporters
 * (SARIF's rules, the README) read. A kind names what changed; a change's direction says what it
 * did to the agent's authority, computed for the kinds whose effect depends on the rest of the
 * policy (a tool added that a deny pattern still denies widens nothing).
 */
import type { Direction } from "./strictness.js";

export interface ChangeKindMeta {
  id: string;
  /** The direction a change of this kind has, or "computed" when it depends on the policies. */
  direction: Direction | "computed";
  /** One line: what changed. */
  description: string;
}

export const CHANGE_KINDS = [
  { id: "spec-added", direction: "widened", description: "A new spec: an agent with authority where there was none" },
  { id: "spec-removed", direction: "narrowed", description: "A spec is gone: its agent has no authority left" },
  {
    id: "tool-added",
    direction: "computed",
    description: "An allowlist entry is added (widened when it admits a name the old policy denied)",
  },
  {
    id: "tool-removed",
    direction: "computed",
    description: "An allowlist entry is removed (widened when a name it gated is still allowed by another entry without the gate)",
  },
  { id: "allow-glob-widened", direction: "computed", description: "An allowlist pattern is replaced by one that matches more names" },
  { id: "allow-glob-narrowed", direction: "computed", description: "An allowlist pattern is replaced by one that matches fewer names" },
  { id: "effect-raised", direction: "widened", description: "A tool's effect class is raised (read < draft < write < irreversible)" },
  { id: "effect-lowered", direction: "narrowed", description: "A tool's effect class is lowered" },
  { id: "resources-widened", direction: "widened", description: "A tool may reach resources its old scopes did not cover" },
  { id: "resources-narrowed", direction: "narrowed", description: "A tool's resource scopes cover less than they did" },
  { id: "approval-added", direction: "narrowed", description: "A tool that ran without approval now needs it" },
  { id: "approval-removed", direction: "widened", description: "A tool's approval gate is removed" },
  {
    id: "approval-loosened",
    direction: "widened",
    description: "A tool's approval condition holds for fewer calls (e.g. a raised threshold)",
  },
  { id: "approval-tightened", direction: "narrowed", description: "A tool's approval condition holds for more calls" },
  { id: "channel-changed", direction: "neutral", description: "Approval requests for a tool go to another channel" },
  { id: "limit-added", direction: "narrowed", description: "A hard limit on an argument is added" },
  { id: "limit-removed", direction: "widened", description: "A hard limit on an argument is removed" },
  {
    id: "limit-raised",
    direction: "widened",
    description: "A hard limit admits more values (max or max_length raised, min lowered, one_of values added, required dropped)",
  },
  { id: "limit-lowered", direction: "narrowed", description: "A hard limit admits fewer values" },
  {
    id: "deny-added",
    direction: "computed",
    description: "A deny pattern is added (narrowed when it denies a name the old policy allowed)",
  },
  { id: "deny-removed", direction: "computed", description: "A deny pattern is removed (widened when a name it denied is now allowed)" },
  { id: "budget-added", direction: "narrowed", description: "A run budget or rate limit is added" },
  { id: "budget-raised", direction: "widened", description: "A run budget, rate limit or cost alert is raised" },
  { id: "budget-lowered", direction: "narrowed", description: "A run budget, rate limit or cost alert is lowered" },
  { id: "budget-removed", direction: "widened", description: "A run budget, rate limit or cost alert is removed" },
  { id: "output-mode-loosened", direction: "widened", description: "Outputs take effect directly where they were proposals or drafts" },
  { id: "output-mode-tightened", direction: "narrowed", description: "Outputs become proposals or drafts where they took effect directly" },
  { id: "output-mode-changed", direction: "neutral", description: "Outputs change between proposals and drafts" },
  { id: "never-emits-removed", direction: "widened", description: "An action the output must never perform is no longer listed" },
  { id: "never-emits-added", direction: "narrowed", description: "An action the output must never perform is added" },
  { id: "required-field-removed", direction: "widened", description: "A field every output had to carry is no longer required" },
  { id: "required-field-added", direction: "narrowed", description: "Every output must carry a new field" },
  {
    id: "redaction-weakened",
    direction: "widened",
    description: "Redaction is no longer required, loses a rule, or lets more characters reach the model",
  },
  {
    id: "redaction-strengthened",
    direction: "narrowed",
    description: "Redaction is required, gains a rule, or lets fewer characters reach the model",
  },
  { id: "handoff-removed", direction: "widened", description: "A handoff trigger or the handoff destination is removed" },
  { id: "handoff-added", direction: "narrowed", description: "A handoff trigger or a handoff destination is added" },
  { id: "handoff-changed", direction: "neutral", description: "Handoffs go to another destination" },
  { id: "escalation-raised", direction: "widened", description: "More denied attempts at a tool are allowed before the run escalates" },
  { id: "escalation-lowered", direction: "narrowed", description: "Fewer denied attempts at a tool are allowed before the run escalates" },
  {
    id: "audit-weakened",
    direction: "widened",
    description: "Decision records are no longer append-only, record less of the arguments, keep fewer logs or are kept shorter",
  },
  {
    id: "audit-strengthened",
    direction: "narrowed",
    description: "Decision records become append-only, record more, keep more logs or are kept longer",
  },
  {
    id: "trust-level-changed",
    direction: "computed",
    description: "The declared or the computed trust level changes (raised: widened; lowered: narrowed)",
  },
] as const satisfies readonly ChangeKindMeta[];

export type ChangeKind = (typeof CHANGE_KINDS)[number]["id"];

export function kindMeta(id: ChangeKind): ChangeKindMeta {
  return CHANGE_KINDS.find((k) => k.id === id)!;
}
