/** `agentspec decide <spec-or-policy> --tool <name> [--args '<json>'] [--actor --tenant --environment] [--pin]`. */
import { Chalk } from "chalk";
import type { Argv } from "yargs";
import type { Policy } from "../../generated/policy.js";
import { compilePolicy } from "../policy/compile-policy.js";
import { AgentspecError } from "../errors.js";
import { loadSource } from "../load/index.js";
import { checkSource, type Spec } from "../model/index.js";
import { decide, type Decision, type ToolCall } from "../policy/decide.js";
import { printable } from "../diagnostics.js";
import { loadPolicy } from "../runtime/load-policy.js";
import type { KeyInput } from "../runtime/policy-signature.js";
import { EXIT, writeReport, type CliIO } from "./io.js";
import { addOptions, DECIDE_OPTIONS } from "./options.js";

export interface DecideArgs {
  file: string;
  tool: string;
  args?: string;
  actor?: string;
  tenant?: string;
  environment?: string;
  pin?: string;
  format: "stylish" | "json";
  outputFile?: string;
}

export function decideBuilder(yargs: Argv): Argv<DecideArgs> {
  yargs.positional("file", {
    type: "string",
    demandOption: true,
    describe: "A spec (compiled in memory) or a *.policy.json (loaded with its hash checked)",
  });
  return addOptions(yargs, DECIDE_OPTIONS) as unknown as Argv<DecideArgs>;
}

export async function runDecide(args: DecideArgs, io: CliIO): Promise<number> {
  const call = buildCall(args);
  const policy = await policyFor(args.file, args.pin);
  const decision = decide(policy, call);
  const text =
    args.format === "json" ? JSON.stringify(decision, null, 2) + "\n" : decisionStylish(call, decision, io.color && !args.outputFile);
  await writeReport(io, args.outputFile, text);
  return EXIT.ok;
}

/** The decision for people: the verdict first, then why, which policy entries decided it, and the policy's hash. */
function decisionStylish(call: ToolCall, decision: Decision, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const paint = decision.decision === "allow" ? c.green : decision.decision === "deny" ? c.red.bold : c.yellow.bold;
  const rows: [string, string][] = [
    ["rule", decision.rule],
    ["reason", printable(decision.reason)],
    ...(decision.channel !== undefined ? [["channel", printable(decision.channel)] as [string, string]] : []),
    ["entries", decision.entries.length > 0 ? decision.entries.map(printable).join(", ") : "none (nothing in the policy decided it)"],
    ["policy", decision.policyHash],
  ];
  return `${paint(decision.decision)}  ${printable(call.tool)}\n${rows.map(([k, v]) => `  ${k.padEnd(7)}  ${v}`).join("\n")}\n`;
}

function buildCall(args: DecideArgs): ToolCall {
  const call: ToolCall = { tool: args.tool };
  if (args.args !== undefined) call.args = parseArgs(args.args);
  const context: NonNullable<ToolCall["context"]> = {};
  if (args.actor !== undefined) context.actor = args.actor;
  if (args.tenant !== undefined) context.tenant = args.tenant;
  if (args.environment !== undefined) context.environment = args.environment;
  if (Object.keys(context).length > 0) call.context = context;
  return call;
}

function parseArgs(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `--args is not valid JSON (${(error as Error).message}): pass an object, e.g. --args '{"amount": 150}'`,
    );
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `--args must be a JSON object, not ${Array.isArray(value) ? "an array" : JSON.stringify(value)}: e.g. --args '{"amount": 150}'`,
    );
  }
  return value as Record<string, unknown>;
}

/**
 * A *.policy.json is loaded as it is (its signature required with `publicKey`); anything else is
 * a spec, compiled in memory. Both go through loadPolicy's checks. Also `mcp proxy`'s.
 */
export async function policyFor(file: string, pin: string | undefined, publicKey?: KeyInput): Promise<Policy> {
  return (await loadTarget(file, pin, publicKey)).policy;
}

/**
 * policyFor's policy, and the spec it was compiled from (none for a compiled policy): read once,
 * so what a caller takes from the spec beside the policy (`mcp proxy`: its MCP servers' prefixes
 * and lock) is of the same text as the policy it enforces, even if the file changes meanwhile.
 */
export async function loadTarget(file: string, pin: string | undefined, publicKey?: KeyInput): Promise<{ policy: Policy; spec?: Spec }> {
  if (file.endsWith(".policy.json")) return { policy: loadPolicy(file, { pin, publicKey }) };
  if (publicKey !== undefined) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `${file}: --pub checks the signature of a compiled *.policy.json, and a spec has none: compile it, sign it (agentspec sign), and pass the policy`,
    );
  }
  const checked = checkSource(await loadSource(file));
  const errors = checked.diagnostics.filter((d) => d.severity === "error");
  if (!checked.spec || errors.length > 0) {
    const first = errors[0];
    const where = first ? ` (first at ${first.line}:${first.column}: ${first.message})` : "";
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `${file}: not a valid spec, ${errors.length} error${errors.length === 1 ? "" : "s"}${where}; run agentspec lint ${file}`,
    );
  }
  return { policy: loadPolicy(compilePolicy(checked.spec), { pin, name: file }), spec: checked.spec };
}
