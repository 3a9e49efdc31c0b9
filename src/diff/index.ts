/** The diff of authority: changes between two specs with witness calls, and the replay of recorded decisions. */
export { diffAuthority, diffAddedSpec, diffRemovedSpec } from "./diff.js";
export { CHANGE_KINDS, kindMeta, type ChangeKind, type ChangeKindMeta } from "./kinds.js";
export { comparators } from "./comparators/index.js";
export type { AuthorityChange, Comparator, DiffContext, ChangeReport, Direction, Witness } from "./types.js";
