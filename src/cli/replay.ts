/** `agentspec test --replay <decisions.jsonl> <spec-or-policy>`: recorded decisions re-decided against a policy. */
import type { Policy } from "../../generated/policy.js";
import { replayDecisions, type ReplayGroup, type ReplayReport } from "../diff/replay.js";
import { compareDiagnostics, printable } from "../diagnostics.js";
import { AgentspecError } from "../errors.js";
import { readText } from "../load/index.js";
import { loadSpec } from "../model/index.js";
import { compilePolicy } from "../policy/index.js";
import { colors } from "../report/colors.js";
import { formatters } from "../report/index.js";
import { loadPolicy } from "../runtime/index.js";
import type { FailOn } from "./fail-on.js";
import { relativePath } from "../report/paths.js";
import { EXIT, writeReport, type CliIO } from "./io.js";

export interface ReplayArgs {
  replay: string;
  paths: string[];
  format: "stylish" | "json";
  failOn: FailOn;
  outputFile?: string;
}

export async function runReplay(args: ReplayArgs, io: CliIO): Promise<number> {
  if (args.paths.length !== 1) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `--replay re-decides the records against one spec or policy: agentspec test --replay ${args.replay} <spec-or-policy.json> (got ${args.paths.length} paths)`,
    );
  }
  const target = args.paths[0]!;
  const text = readText(args.replay, { what: "decision log" });
  const policy = await policyFor(target, io, args.outputFile);
  if (!policy) return EXIT.problems;
  const report = replayDecisions(text, policy);
  await writeReport(
    io,
    args.outputFile,
    args.format === "json"
      ? JSON.stringify({
          log: relativePath(args.replay, io.cwd),
          policy: relativePath(target, io.cwd),
          policyHash: policy.hash,
          ...report,
        }) + "\n"
      : stylish(report, args.replay, target, policy, { ...io, color: io.color && !args.outputFile }),
  );
  // A log whose chain is broken was altered: what it says was decided cannot be relied on.
  if (report.problems.length > 0 || !report.chain.ok) return EXIT.problems;
  if (args.failOn === "widened" && report.changes.some((c) => c.direction === "less strict")) return EXIT.problems;
  if (args.failOn === "any" && report.changes.length > 0) return EXIT.problems;
  return EXIT.ok;
}

/** A *.policy.json is loaded with its hash checked (a refusal exits 2); a spec is compiled, and an invalid one is reported as lint does (exit 1). */
async function policyFor(file: string, io: CliIO, outputFile: string | undefined): Promise<Policy | undefined> {
  if (file.endsWith(".policy.json")) return loadPolicy(file);
  const checked = await loadSpec(file);
  const errors = checked.diagnostics.filter((d) => d.severity === "error");
  if (checked.spec && errors.length === 0) return compilePolicy(checked.spec);
  const report = formatters.stylish([{ file, diagnostics: errors.sort(compareDiagnostics) }], {
    color: io.color && !outputFile,
    cwd: io.cwd,
  });
  await writeReport(io, outputFile, report);
  io.stderr(`agentspec: ${file} is not a valid spec, so nothing was replayed; run agentspec lint ${file}\n`);
  return undefined;
}

const MAX_LINES_SHOWN = 10;

function lineList(lines: readonly number[]): string {
  const shown = lines.slice(0, MAX_LINES_SHOWN).join(", ");
  const more = lines.length > MAX_LINES_SHOWN ? `, … (${lines.length - MAX_LINES_SHOWN} more)` : "";
  return `line${lines.length === 1 ? "" : "s"} ${shown}${more}`;
}

function stylish(report: ReplayReport, records: string, target: string, policy: Policy, io: CliIO): string {
  const c = colors(io.color);
  const out: string[] = [`${c.underline(records)} replayed against ${target} (${policy.hash})`, ""];
  const section = (title: string, groups: ReplayGroup[], paint: (s: string) => string) => {
    if (groups.length === 0) return;
    out.push(paint(title));
    const width = Math.max(...groups.map((g) => printable(String(g.tool)).length));
    for (const g of groups) {
      const count = `${g.lines.length} call${g.lines.length === 1 ? "" : "s"}`;
      const how = g.replay === "by-name" ? c.dim(" (by tool name)") : "";
      out.push(`  ${printable(String(g.tool)).padEnd(width)}  ${g.from} → ${g.to}  ${count}${how}  ${c.dim(lineList(g.lines))}`);
    }
    out.push("");
  };
  section(
    "less strict",
    report.groups.filter((g) => g.direction === "less strict"),
    c.red.bold,
  );
  section(
    "stricter",
    report.groups.filter((g) => g.direction === "stricter"),
    c.green.bold,
  );
  if (report.byName > 0) {
    out.push(
      `by tool name only: ${report.byName} record${report.byName === 1 ? " holds" : "s hold"} a digest of the arguments, not the arguments (audit.record_arguments: full records them)`,
    );
    if (report.unsettled.length > 0)
      out.push(
        c.yellow(
          `  ${report.unsettled.length} may be decided otherwise, depending on those arguments: ${lineList(report.unsettled.map((n) => n.line))}`,
        ),
      );
  }
  if (report.notCompared.length > 0) {
    const rules = [...new Set(report.notCompared.map((n) => n.reason))].join("; ");
    out.push(
      `not compared: ${report.notCompared.length} record${report.notCompared.length === 1 ? "" : "s"} ${rules}: ${lineList(report.notCompared.map((n) => n.line))}`,
    );
  }
  for (const problem of report.problems) out.push(c.red(`${records}:${problem.line}: ${printable(problem.message)}`));
  out.push(
    report.chain.ok
      ? c.dim("hash chain intact")
      : c.red(
          `hash chain broken (${report.chain.problems} problem${report.chain.problems === 1 ? "" : "s"}): the log was altered, so its records cannot be relied on; run agentspec audit verify ${records}`,
        ),
  );
  out.push("");
  const less = report.changes.filter((ch) => ch.direction === "less strict").length;
  const stricter = report.changes.length - less;
  const summary = `${less} of ${report.records} recorded call${report.records === 1 ? "" : "s"} would be decided less strictly (${stricter} stricter, ${report.unchanged} unchanged)`;
  const failed = less > 0 || report.problems.length > 0 || !report.chain.ok;
  out.push(failed ? c.red.bold(`✖ ${summary}${report.chain.ok ? "" : "; the hash chain is broken"}`) : c.green(`✔ ${summary}`));
  return out.join("\n") + "\n";
}
