import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { AgentspecError } from "../errors.js";

/** Where the CLI reads and writes, so tests can run it in-process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour for human formats. */
  color: boolean;
  cwd: string;
  /** All of standard input (`lint -` / `--stdin`); absent where there is none to read. */
  readStdin?: () => Promise<Uint8Array>;
}

let pipeWatched = false;

/**
 * When the reader of stdout goes away (`agentspec compile --check | head`), stop quietly with the
 * exit code so far instead of dying on an unhandled EPIPE with a stack trace.
 */
function watchStdoutPipe(): void {
  if (pipeWatched) return;
  pipeWatched = true;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    process.stderr.write(`agentspec: cannot write the output (${error.code ?? error.message})\n`);
    process.exit(2);
  });
}

export function processIO(): CliIO {
  watchStdoutPipe();
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "";
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: !noColor && (process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== "0" : process.stdout.isTTY === true),
    cwd: process.cwd(),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}

/** ESLint's exit codes: 0 clean, 1 problems, 2 usage or fatal error. */
export const EXIT = { ok: 0, problems: 1, fatal: 2 } as const;

/** A command's report: to `file` (--output-file, relative to the working directory, folders made) or to stdout. */
export async function writeReport(io: CliIO, file: string | undefined, text: string): Promise<void> {
  if (file === undefined) {
    io.stdout(text);
    return;
  }
  const target = path.resolve(io.cwd, file);
  try {
    await makeFolders(path.dirname(target));
    await writeFile(target, text);
  } catch (error) {
    throw new AgentspecError(
      "UNWRITABLE",
      `${file}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
}

/**
 * mkdir -p, one folder at a time from the nearest one that exists: node's recursive mkdir never
 * returns under a filesystem that refuses it in some ways (`-o /proc/x/report.json` spun forever).
 */
async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = dir; ; at = path.dirname(at)) {
    const exists = await stat(at).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return false;
        throw error;
      },
    );
    if (exists || path.dirname(at) === at) break;
    missing.unshift(at);
  }
  for (const folder of missing) {
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error; // made meanwhile by another process
    });
  }
}
