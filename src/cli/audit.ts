/** `agentspec audit verify <file.jsonl>`: checks a decision log's hash chain. */
import type { Argv } from "yargs";
import { verifyAuditLog } from "../runtime/audit-verify.js";
import { EXIT, type CliIO } from "./io.js";
import { readText } from "../load/index.js";

export interface AuditVerifyArgs {
  file: string;
}

/** The `audit` command group; `runCommand` is main's wrapper that keeps the exit code. */
export function auditBuilder(yargs: Argv, io: CliIO, runCommand: (task: () => Promise<number>) => Promise<void>): Argv {
  return yargs
    .command(
      "verify <file>",
      "Check a decision log (JSON lines) for removed, reordered, edited or inserted records",
      (y) => y.positional("file", { type: "string", demandOption: true, describe: "The decision log, one JSON record per line" }),
      (args) => runCommand(() => runAuditVerify(args as unknown as AuditVerifyArgs, io)),
    )
    .demandCommand(1, "Name an audit command: agentspec audit verify <file.jsonl>");
}

export async function runAuditVerify(args: AuditVerifyArgs, io: CliIO): Promise<number> {
  const text = readText(args.file);
  const result = verifyAuditLog(text);
  const count = `${result.records} record${result.records === 1 ? "" : "s"}`;
  if (result.ok) {
    io.stdout(`OK ${args.file}: ${count}, hash chain intact\n`);
    return EXIT.ok;
  }
  const lines = result.problems.map((p) => `${args.file}:${p.line}  ${p.message}\n`).join("");
  const n = result.problems.length;
  io.stdout(`${lines}\n✖ ${n} problem${n === 1 ? "" : "s"} in ${count}: the log was altered\n`);
  return EXIT.problems;
}
