/**
 * Compiling specs: run the chosen targets over each spec, then write the files or check the
 * files on disk against them. Output is deterministic: sorted by path, no timestamps.
 */
import path from "node:path";
import { compareDiagnostics, internalDiagnostic, type Diagnostic, type FileResult, type Finding } from "../diagnostics.js";
import { AgentspecError } from "../errors.js";
import { locateFinding, type Spec } from "../model/index.js";
import { DEFAULT_TARGETS } from "./defaults.js";
import { targets, type EmittedFile, type Target } from "./targets/index.js";

/** A compiled file and the spec it came from. */
export interface CompiledFile extends EmittedFile {
  /** The spec file it was compiled from. */
  source: string;
  target: string;
}

export interface CompileResult {
  /** Sorted by path. A spec with an error contributes none for the target that reported it (none at all for a name problem). */
  files: CompiledFile[];
  /**
   * Per spec file: what the targets could not express (warnings: the export fails closed for
   * it; errors: nothing was written for that target), and problems that kept a spec from being
   * compiled (two specs naming the same file). Sorted by position.
   */
  problems: FileResult[];
}

export interface CompileOptions {
  /** Report every warning of a target as an error, so nothing is written where a format loses part of the spec. */
  strict?: boolean;
}

/** The registered targets with these ids (or these targets), in the order given. Throws BAD_ARGUMENT naming the valid ids. */
export function resolveTargets(ids: readonly (string | Target)[]): Target[] {
  if (ids.length === 0) throw new AgentspecError("BAD_ARGUMENT", `Name at least one target: ${validIds()}`);
  return [...new Set(ids)].map((id) => {
    if (typeof id !== "string") return id;
    const target = targets.find((t) => t.id === id);
    if (!target) throw new AgentspecError("BAD_ARGUMENT", `Unknown target "${id}": ${validIds()}`);
    return target;
  });
}

function validIds(): string {
  return `valid targets are ${targets.map((t) => t.id).join(", ")}`;
}

/**
 * Runs each target over each spec. What a target cannot express is reported at the spec line it
 * concerns; a target that throws gives one `internal` diagnostic for that spec, and the other
 * specs and targets still compile. Specs whose outputs collide or cannot be file names are
 * reported, not compiled.
 */
export function compileSpecs(
  specs: readonly Spec[],
  targetIds: readonly (string | Target)[] = DEFAULT_TARGETS,
  options: CompileOptions = {},
): CompileResult {
  const chosen = resolveTargets(targetIds);
  const diagnostics = new Map<Spec, Diagnostic[]>();
  const add = (spec: Spec, d: Diagnostic) => diagnostics.set(spec, [...(diagnostics.get(spec) ?? []), d]);
  const perSpec = specs.map((spec) => ({ spec, files: chosen.flatMap((target) => emitOne(target, spec, options, (d) => add(spec, d))) }));
  const blocked = new Set<Spec>();
  const report = (spec: Spec, message: string) => {
    blocked.add(spec);
    add(spec, locateFinding(spec, "compile", "error", { pointer: "/agent/id", message }));
  };
  for (const { spec, files } of perSpec) {
    for (const file of files)
      if (!isSafeRelativePath(file.path))
        report(spec, `Agent id "${spec.agent.id}" cannot name an output file ("${file.path}"): use letters, digits, '.', '_' and '-'`);
  }
  reportCollisions(perSpec, report);
  const files = perSpec.filter(({ spec }) => !blocked.has(spec)).flatMap(({ files }) => files);
  return {
    files: files.sort((a, b) => compareStrings(a.path, b.path)),
    problems: [...diagnostics].map(([spec, found]) => ({ file: spec.source.file, diagnostics: found.sort(compareDiagnostics) })),
  };
}

/** One target over one spec: its files, unless it reported an error or threw (then its diagnostics say why). */
function emitOne(target: Target, spec: Spec, options: CompileOptions, add: (d: Diagnostic) => void): CompiledFile[] {
  let failed = false;
  const report = (finding: Finding): void => {
    const severity = options.strict ? "error" : (finding.severity ?? "warning");
    if (severity === "error") failed = true;
    add(locateFinding(spec, target.id, severity, finding));
  };
  let emitted: EmittedFile[];
  try {
    emitted = target.emit(spec, { report });
  } catch (error) {
    add(internalDiagnostic("target", target.id, spec.source.file, error));
    return [];
  }
  return failed ? [] : emitted.map((f) => ({ ...f, source: spec.source.file, target: target.id }));
}

/** Two specs whose outputs share a path (ignoring case, as some file systems do): each is told which files and which other specs. */
function reportCollisions(perSpec: { spec: Spec; files: CompiledFile[] }[], report: (spec: Spec, message: string) => void): void {
  const owners = new Map<string, { spec: Spec; path: string }[]>();
  for (const { spec, files } of perSpec) {
    for (const file of files) {
      const key = file.path.toLowerCase();
      owners.set(key, [...(owners.get(key) ?? []), { spec, path: file.path }]);
    }
  }
  const clashes = new Map<Spec, { files: Set<string>; others: Set<string> }>();
  for (const owned of owners.values()) {
    if (new Set(owned.map((o) => o.spec)).size < 2) continue;
    for (const { spec, path: file } of owned) {
      const clash = clashes.get(spec) ?? { files: new Set<string>(), others: new Set<string>() };
      clash.files.add(file);
      for (const other of owned) if (other.spec !== spec) clash.others.add(other.spec.source.file);
      clashes.set(spec, clash);
    }
  }
  for (const [spec, { files, others }] of clashes) {
    report(
      spec,
      `Agent id "${spec.agent.id}" is also used by ${[...others].join(", ")}: both would compile to ${[...files].join(", ")}; give each agent its own id`,
    );
  }
}

/** A path that stays inside the output directory. */
function isSafeRelativePath(file: string): boolean {
  if (file === "" || path.isAbsolute(file) || file.includes("\\") || file.includes("\0")) return false;
  return file.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}

/** Code-unit order, the same on every machine and locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
