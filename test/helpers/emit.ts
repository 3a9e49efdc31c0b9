/** Runs one compile target over a spec in memory, keeping what it reports. */
import type { Finding } from "../../src/diagnostics.js";
import type { EmittedFile, Target } from "../../src/compile/index.js";
import type { Spec } from "../../src/model/index.js";

/** The target's files and what it reported it could not express. */
export function emitWithReports(target: Target, spec: Spec): { files: EmittedFile[]; reports: Finding[] } {
  const reports: Finding[] = [];
  const files = target.emit(spec, { report: (finding) => reports.push(finding) });
  return { files, reports };
}

/** The target's files. */
export function emit(target: Target, spec: Spec): EmittedFile[] {
  return emitWithReports(target, spec).files;
}
