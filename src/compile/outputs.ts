/** Compiled files on disk: written under an output directory, or checked against it (--check). */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { AgentspecError } from "../errors.js";
import type { EmittedFile } from "./targets/index.js";
import { readTextIfExists } from "../load/index.js";

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
    const current = readTextIfExists(target);
    if (current === undefined) drift.push({ path: target, problem: "missing", source: file.source });
    else if (current !== file.contents) drift.push({ path: target, problem: "differs", source: file.source });
  }
  return drift;
}
