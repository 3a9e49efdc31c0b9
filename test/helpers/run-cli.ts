/** Runs the CLI in-process and captures what it prints. */
import type { CliIO } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(...argv: string[]): Promise<CliRun> {
  return runCliIn(process.cwd(), ...argv);
}

/** The CLI run as if from the working directory `cwd`. */
export function runCliIn(cwd: string, ...argv: string[]): Promise<CliRun> {
  return runCliWith(cwd, {}, ...argv);
}

/** The CLI run from `cwd` with standard input (`stdin` gives its bytes). */
export async function runCliWith(cwd: string, options: { stdin?: () => Promise<Uint8Array> }, ...argv: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    color: false,
    cwd,
    ...(options.stdin && { readStdin: options.stdin }),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
