/** Runs the CLI in-process and captures what it prints. */
import type { CliIO } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

export async function runCli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), color: false, cwd: process.cwd() };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
