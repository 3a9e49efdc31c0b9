/** What the diff of authority returns: changes, each located in the file it concerns, the widened ones with a witness call. */
import type { Spec } from "../model/index.js";
import type { ChangeKind } from "./kinds.js";
import type { EntryPairs } from "./pairs.js";
import type { PolicyView, Witness } from "./search.js";
import type { Direction } from "./strictness.js";

export type { ChangeKind, Direction, Witness };

export interface AuthorityChange {
  kind: ChangeKind;
  direction: Direction;
  /** JSON pointer into the file as written: the new file, or the old one for what was removed (see `side`). */
  pointer: string;
  line: number;
  column: number;
  /** Which file `pointer`, `line` and `column` are in. */
  side: "new" | "old";
  message: string;
  /**
   * For a widened change: a call decide() answers less strictly under the new policy than under
   * the old, checked on both. Absent when none was found; `noWitness` then says why.
   */
  witness?: Witness;
  /** Why a widened change has no witness. */
  noWitness?: string;
  /** For a change located in the old file: where it shows in the new one (the nearest part still there), for annotations. */
  inNew?: { line: number; column: number };
}

/** A change as a comparator reports it: pointer in agentspec terms, located by the diff. */
export interface ChangeReport {
  kind: ChangeKind;
  direction: Direction;
  /** Pointer in agentspec terms (/tools/<name>/approval, /limits/max_tool_calls), mapped into the file by the spec. */
  pointer: string;
  side: "new" | "old";
  message: string;
  witness?: Witness;
  noWitness?: string;
}

/** What a comparator is given: both specs, both compiled policies, and where to report. */
export interface DiffContext {
  oldSpec: Spec;
  newSpec: Spec;
  old: PolicyView;
  new: PolicyView;
  /** The allowlist entries of both, paired (pairs.ts). */
  entries: EntryPairs;
  report(change: ChangeReport): void;
}

/** One part of the policy compared: tools, deny patterns, budgets, … (comparators/index.ts lists them). */
export interface Comparator {
  id: string;
  /** One line: what it compares. */
  description: string;
  compare(context: DiffContext): void;
}
