/** Sentences the comparators share. */

/** Why a widened change has no witness, when the search found none among these names. */
export function noWitnessFound(names: readonly string[], where: string): string {
  if (names.length === 0) return "No tool name matches the entry without also being denied, so no call could show it";
  const list = names.map((n) => JSON.stringify(n)).join(", ");
  return `No call to ${list} where ${where} decides less strictly under the new policy as a whole (checked with decide() on both): another entry, limit or deny pattern still holds it`;
}

/** Why a change decide() cannot show has no witness. */
export const NOT_DECIDED_PER_CALL = {
  budget: "Budgets bound a whole run and are counted by the guard; decide() answers every single call alike",
  effect: "The effect class says what a call does to the world; decide() answers every call alike",
  resources: "decide() does not check resource scopes; the engines a spec is exported to do",
  outputs: "Output constraints apply to what the agent emits, not to tool calls; decide() answers every call alike",
  redaction: "Redaction applies to text sent to the model; decide() answers every call alike",
  handoff: "Handoffs are the guard's and the agent's; decide() answers every call alike",
  escalation: "Escalation counts denials over a run in the guard; decide() answers every single call alike",
  audit: "Audit settings change what is recorded, not what is decided",
  trust: "The trust level classifies the spec; decide() answers every call alike",
  spec: "The spec is new: every call its allowlist admits was denied before (see its tool-added changes)",
} as const;
