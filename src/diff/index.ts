/** The diff of authority: changes between two specs with witness calls, and the replay of recorded decisions. */
export { diffAuthority, diffAddedSpec, diffRemovedSpec } from "./diff.js";
export { CHANGE_KINDS, kindMeta, type ChangeKind, type ChangeKindMeta } from "./kinds.js";
export { comparators } from "./comparators/index.js";
export type { AuthorityChange, Comparator, DiffContext, ChangeReport, Direction, Witness } from "./types.js";
export { diffFiles, diffSince, type DiffOptions, type SpecDiff } from "./files.js";
export { diffReporters, diffFormatNames, type DiffFormatName, type DiffFormatOptions, type DiffReporter } from "./format/index.js";
export {
  replayDecisions,
  type ReplayChange,
  type ReplayDirection,
  type ReplayGroup,
  type ReplayNote,
  type ReplayReport,
  type ReplayedCall,
} from "./replay.js";
