/**
 * Compiling specs: run the chosen targets over each spec, then write the files or check the
 * files on disk against them. Output is deterministic: sorted by path, no timestamps.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic, FileResult } from "../diagnostics.js";
import { AgentspecError } from "../errors.js";
import type { Spec } from "../model/index.js";
import { DEFAULT_TARGETS } from "./defaults.js";
import { targets, type EmittedFile, type Target } from "./targets/index.js";

export { canonicalize, sha256Hex } from "./canonical.js";
export { compilePolicy, policyHash, serializePolicy, type Policy, type PolicyTool } from "./policy.js";
export { targets, type EmittedFile, type Target } from "./targets/index.js";

export { DEFAULT_TARGETS } from "./defaults.js";

/** A compiled file and the spec it came from. */
export interface CompiledFile extends EmittedFile {
  /** The spec file it was compiled from. */
  source: string;
  target: string;
}

export interface CompileResult {
  /** Sorted by path. Specs with problems contribute none. */
  files: CompiledFile[];
  /** Problems that kept a spec from being compiled (e.g. two specs naming the same file). */
  problems: FileResult[];
}

/** The registered targets with these ids, in the order given. Throws BAD_ARGUMENT naming the valid ids. */
export function resolveTargets(ids: readonly string[]): Target[] {
  if (ids.length === 0) throw new AgentspecError("BAD_ARGUMENT", `Name at least one target: ${validIds()}`);
  return [...new Set(ids)].map((id) => {
    const target = targets.find((t) => t.id === id);
    if (!target) throw new AgentspecError("BAD_ARGUMENT", `Unknown target "${id}": ${validIds()}`);
    return target;
  });
}

function validIds(): string {
  return `valid targets are ${targets.map((t) => t.id).join(", ")}`;
}

/** Runs each target over each spec. Specs whose outputs collide or cannot be file names are reported, not compiled. */
export function compileSpecs(specs: readonly Spec[], targetIds: readonly string[] = DEFAULT_TARGETS): CompileResult {
  const chosen = resolveTargets(targetIds);
  const perSpec = specs.map((spec) => ({
    spec,
    files: chosen.flatMap((target) => target.emit(spec).map((f) => ({ ...f, source: spec.source.file, target: target.id }))),
  }));
  const problems = new Map<Spec, Diagnostic[]>();
  const report = (spec: Spec, message: string) => {
    const pointer = spec.pointerFor("/agent/id");
    const at = spec.source.locate(pointer);
    problems.set(spec, [...(problems.get(spec) ?? []), { ruleId: "compile", severity: "error", message, ...at, pointer }]);
  };
  for (const { spec, files } of perSpec) {
    for (const file of files)
      if (!isSafeRelativePath(file.path))
        report(spec, `Agent id "${spec.agent.id}" cannot name an output file ("${file.path}"): use letters, digits, '.', '_' and '-'`);
  }
  reportCollisions(perSpec, report);
  const files = perSpec.filter(({ spec }) => !problems.has(spec)).flatMap(({ files }) => files);
  return {
    files: files.sort((a, b) => compareStrings(a.path, b.path)),
    problems: [...problems].map(([spec, diagnostics]) => ({ file: spec.source.file, diagnostics })),
  };
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

/** Writes each file under outDir, creating directories. Returns the paths written. */
export async function writeOutputs(files: readonly EmittedFile[], outDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const file of files) {
    const target = path.join(outDir, file.path);
    try {
      // Sync: a compile writes a few small files, and each promise's trip through the thread
      // pool cost more than the write.
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.contents, "utf8");
    } catch (error) {
      throw new AgentspecError(
        "UNWRITABLE",
        `${target}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
    written.push(target);
  }
  return written;
}

export interface OutputDrift {
  /** The file's path under outDir. */
  path: string;
  problem: "missing" | "differs";
  /** The spec it is compiled from, when known. */
  source?: string;
}

/** The files on disk that are missing or differ from what compiling would write. Writes nothing. */
export async function checkOutputs(files: readonly (EmittedFile & { source?: string })[], outDir: string): Promise<OutputDrift[]> {
  const drift: OutputDrift[] = [];
  for (const file of files) {
    const target = path.join(outDir, file.path);
    let current: string;
    try {
      current = readFileSync(target, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") {
        drift.push({ path: target, problem: "missing", source: file.source });
        continue;
      }
      throw new AgentspecError("UNREADABLE", `${target}: cannot be read (${code ?? (error as Error).message})`);
    }
    if (current !== file.contents) drift.push({ path: target, problem: "differs", source: file.source });
  }
  return drift;
}
