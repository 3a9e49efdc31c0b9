/** `agentspec audit verify <file.jsonl>`: checks a decision log's hash chain. */
import type { Argv } from "yargs";
import { printable } from "../diagnostics.js";
import { relativePath } from "../report/paths.js";
import { verifyAuditLog, type AuditProblem } from "../runtime/audit-verify.js";
import { EXIT, writeReport, type CliIO } from "./io.js";
import { addOptions, AUDIT_VERIFY_OPTIONS } from "./options.js";
import { readText } from "../load/index.js";

export interface AuditVerifyArgs {
  file: string;
  format: "stylish" | "json";
  outputFile?: string;
}

/** The `audit` command group; `runCommand` is main's wrapper that keeps the exit code. */
export function auditBuilder(yargs: Argv, io: CliIO, runCommand: (task: () => Promise<number>) => Promise<void>): Argv {
  return yargs
    .command(
      "verify <file>",
      "Check a decision log (JSON lines) for removed, reordered, edited or inserted records",
      (y) =>
        addOptions(
          y.positional("file", { type: "string", demandOption: true, describe: "The decision log, one JSON record per line" }),
          AUDIT_VERIFY_OPTIONS,
        ),
      (args) => runCommand(() => runAuditVerify(args as unknown as AuditVerifyArgs, io)),
    )
    .demandCommand(1, "Name an audit command: agentspec audit verify <file.jsonl>");
}

export async function runAuditVerify(args: AuditVerifyArgs, io: CliIO): Promise<number> {
  const text = readText(args.file);
  const result = verifyAuditLog(text);
  // In the order of the log, whatever order the checks found them in.
  const problems = [...result.problems].sort((a, b) => a.line - b.line);
  const report =
    args.format === "json"
      ? JSON.stringify({ file: relativePath(args.file, io.cwd), ok: result.ok, records: result.records, problems }) + "\n"
      : auditStylish(args.file, result.records, problems);
  await writeReport(io, args.outputFile, report);
  return result.ok ? EXIT.ok : EXIT.problems;
}

function auditStylish(file: string, records: number, problems: readonly AuditProblem[]): string {
  const count = `${records} record${records === 1 ? "" : "s"}`;
  if (problems.length === 0) return `OK ${printable(file)}: ${count}, hash chain intact\n`;
  const lines = problems.map((p) => `${printable(file)}:${p.line}  ${printable(p.message)}\n`).join("");
  const n = problems.length;
  return `${lines}\n✖ ${n} problem${n === 1 ? "" : "s"} in ${count}: the log was altered\n`;
}
