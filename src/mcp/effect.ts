/**
 * The effect class a tool's MCP annotations claim. The annotations are hints the server chose
 * (the MCP specification calls them untrusted): `mcp init` starts from them, marking what it had
 * to guess, and `mcp check` holds a spec to at least what they say.
 *
 *   readOnlyHint: true                          read
 *   destructiveHint: true                       irreversible (also when readOnlyHint is true too)
 *   readOnlyHint: false, destructiveHint: false write
 *   only some of the two, or neither            the worst case the given hints allow: guessed
 */
import type { Effect } from "../model/index.js";

export interface HintedEffect {
  effect: Effect;
  /** true when a hint the mapping needs is missing, so the worst case was taken. */
  guessed: boolean;
  /** true when the server gave readOnlyHint or destructiveHint at all. */
  explicit: boolean;
  /** The hints, as a reader checks them: "readOnlyHint: true". */
  hints: string;
}

export function effectFromAnnotations(annotations: Record<string, unknown> | undefined): HintedEffect {
  const readOnly = hint(annotations, "readOnlyHint");
  const destructive = hint(annotations, "destructiveHint");
  const given = [
    ...(readOnly === undefined ? [] : [`readOnlyHint: ${readOnly}`]),
    ...(destructive === undefined ? [] : [`destructiveHint: ${destructive}`]),
  ];
  const hints = given.length > 0 ? given.join(", ") : "no readOnlyHint or destructiveHint";
  const explicit = given.length > 0;
  if (destructive === true) return { effect: "irreversible", guessed: false, explicit, hints };
  if (readOnly === true) return { effect: "read", guessed: false, explicit, hints };
  if (readOnly === false && destructive === false) return { effect: "write", guessed: false, explicit, hints };
  // MCP's defaults are readOnlyHint false and destructiveHint true: a missing hint is the worse one.
  if (destructive === false) return { effect: "write", guessed: true, explicit, hints };
  return { effect: "irreversible", guessed: true, explicit, hints };
}

function hint(annotations: Record<string, unknown> | undefined, name: string): boolean | undefined {
  const value = annotations?.[name];
  return typeof value === "boolean" ? value : undefined;
}
