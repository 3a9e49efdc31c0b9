/**
 * Replaying recorded decisions against a new policy: each decision record (one JSON line, as the
 * guard writes them) is decided again, and the calls whose decision changes are reported, grouped
 * by tool and direction. A record that holds the call's arguments (audit.record_arguments: full;
 * its digest is checked against them) replays exactly; one that holds only their digest replays
 * by tool name: the change is reported only when every argument value would give it (the new
 * policy's decisions for that name all lie on one side of the recorded one), and the others are
 * counted as not settled. A record decided by the guard rather than by decide() (a budget, an
 * escalation) says less about decide(): it is compared only as far as it can be.
 */
import type { Policy } from "../../generated/policy.js";
import { decide, type Decision, type ToolCall } from "../policy/index.js";
import { verifyAuditLog } from "../runtime/audit-verify.js";
import { argsDigest } from "../runtime/decision-record.js";
import { decisionRange, viewOf, type DecisionRange } from "./search.js";
import { strictness } from "./strictness.js";

export type ReplayDirection = "less strict" | "stricter";

const KINDS = ["allow", "require_approval", "deny"] as const;

export interface ReplayedCall {
  /** 1-based line in the record file. */
  line: number;
  tool: string | null;
  call: ToolCall;
  /** exact: the record holds the arguments; by-name: only their digest, so only the name and context are replayed. */
  replay: "exact" | "by-name";
  /** What the record says decide() decided (an approved or rejected call: require_approval), and the rule. */
  recorded: { decision: string; rule: string };
  /** decide()'s answer now (an exact replay). */
  now?: Decision;
  /** The answers the new policy can give this name over all arguments (a replay by name). */
  range?: DecisionRange;
}

export interface ReplayChange extends ReplayedCall {
  direction: ReplayDirection;
}

export interface ReplayGroup {
  tool: string | null;
  direction: ReplayDirection;
  /** The recorded decision. */
  from: string;
  /** The decision now: one decision, or a range for a replay by name ("allow or require_approval"). */
  to: string;
  replay: "exact" | "by-name";
  lines: number[];
}

export interface ReplayNote {
  line: number;
  tool: string | null;
  reason: string;
}

export interface ReplayReport {
  /** Decision records read. */
  records: number;
  exact: number;
  byName: number;
  /** Records whose decision is the same now. */
  unchanged: number;
  changes: ReplayChange[];
  /** The changes grouped by tool, direction and decisions: less strict first. */
  groups: ReplayGroup[];
  /** Records replayed by name whose decision may or may not change: it depends on the arguments the record does not hold. */
  unsettled: ReplayNote[];
  /** Records the guard decided (a budget, an escalation), which say too little about decide() to compare. */
  notCompared: ReplayNote[];
  /** Lines that are not decision records, with why. */
  problems: { line: number; message: string }[];
  /** The log's hash chain, as `agentspec audit verify` checks it. */
  chain: { ok: boolean; problems: number };
}

/** Rules decide() gives, by how strict its decision was. */
const DECIDED: Record<string, number> = {
  allowed: 0,
  approval: 1,
  "deny-pattern": 2,
  "not-allowed": 2,
  "hard-limit": 2,
  "malformed-call": 2,
  "invalid-policy": 2,
};

/** Rules of the guard where decide() had allowed the call or asked for approval. */
const AFTER_DECIDE = new Set(["budget", "audit-failed"]);

export function replayDecisions(text: string, policy: Policy): ReplayReport {
  const view = viewOf(policy);
  const report: ReplayReport = {
    records: 0,
    exact: 0,
    byName: 0,
    unchanged: 0,
    changes: [],
    groups: [],
    unsettled: [],
    notCompared: [],
    problems: [],
    chain: { ok: true, problems: 0 },
  };
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, "");
    if (raw.trim() === "") continue;
    const line = i + 1;
    const parsed = readRecord(raw);
    if (typeof parsed === "string") {
      report.problems.push({ line, message: parsed });
      continue;
    }
    report.records += 1;
    replayOne(report, view, line, parsed);
  }
  report.groups = groupChanges(report.changes);
  const chain = verifyAuditLog(text);
  report.chain = { ok: chain.ok, problems: chain.problems.length };
  return report;
}

interface RecordFields {
  tool: string | null;
  args?: unknown;
  hasArgs: boolean;
  argsDigest: string | null;
  context?: ToolCall["context"];
  decision: string;
  rule: string;
}

/** A record's fields, or why the line is not a decision record. */
function readRecord(raw: string): RecordFields | string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return `Not a JSON line: ${(error as Error).message}`;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "Not a decision record: expected a JSON object";
  const record = value as Record<string, unknown>;
  const own = (key: string) => (Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined);
  const tool = own("tool");
  if (tool !== null && typeof tool !== "string") return 'Not a decision record: "tool" must be a string or null';
  const shadow = own("shadow");
  // A shadow-mode record holds what enforcement would have decided; its decision field is the allow it let through.
  const decided = shadow !== null && typeof shadow === "object" && !Array.isArray(shadow) ? (shadow as Record<string, unknown>) : record;
  const decision = decided.decision;
  const rule = decided.rule;
  if (typeof decision !== "string" || !(KINDS as readonly string[]).includes(decision)) {
    return 'Not a decision record: "decision" must be allow, require_approval or deny';
  }
  if (typeof rule !== "string" || rule === "") return 'Not a decision record: "rule" is missing';
  const ruled = DECIDED[rule];
  if (ruled !== undefined && rule !== "approval" && KINDS[ruled] !== decision) {
    return `Not a decision record: the rule ${JSON.stringify(rule)} gives ${KINDS[ruled]}, but the record says ${decision}`;
  }
  const digest = own("argsDigest");
  if (digest !== null && typeof digest !== "string") return 'Not a decision record: "argsDigest" must be a string or null';
  const context: Record<string, string> = {};
  for (const key of ["actor", "tenant", "environment"]) {
    const field = own(key);
    if (field === undefined) continue;
    if (typeof field !== "string") return `Not a decision record: "${key}" must be a string`;
    context[key] = field;
  }
  const hasArgs = Object.prototype.hasOwnProperty.call(record, "args");
  return {
    tool,
    args: own("args"),
    hasArgs,
    argsDigest: digest ?? null,
    ...(Object.keys(context).length > 0 ? { context } : {}),
    decision,
    rule,
  };
}

function replayOne(report: ReplayReport, view: ReturnType<typeof viewOf>, line: number, record: RecordFields): void {
  const tool = record.tool;
  // The record replays exactly when the arguments it holds are the call's: their digest must be the recorded one.
  const exact = record.argsDigest !== null && (record.hasArgs ? argsDigest(record.args) : argsDigest(undefined)) === record.argsDigest;
  const call = {
    tool,
    ...(exact && record.hasArgs ? { args: record.args } : {}),
    ...(record.context ? { context: record.context } : {}),
  } as ToolCall;
  if (exact) report.exact += 1;
  else report.byName += 1;
  const recorded = DECIDED[record.rule];
  const atMostGated = AFTER_DECIDE.has(record.rule);
  // What decide() decided, not what the guard did next: an approved call was require_approval.
  const decidedThen = recorded !== undefined ? KINDS[recorded]! : "allow or require_approval";
  const base: ReplayedCall = {
    line,
    tool,
    call,
    replay: exact ? "exact" : "by-name",
    recorded: { decision: decidedThen, rule: record.rule },
  };
  if (recorded === undefined && !atMostGated) {
    report.notCompared.push({ line, tool, reason: `decided by the guard (${record.rule}), not by the policy alone` });
    return;
  }
  if (exact || tool === null) {
    const now = decide(view.policy, call);
    const rank = strictness(now);
    if (atMostGated) {
      if (rank === 2) report.changes.push({ ...base, now, direction: "stricter" });
      else report.notCompared.push({ line, tool, reason: `decided by the guard (${record.rule}) after the policy allowed or gated it` });
      return;
    }
    if (rank === recorded) report.unchanged += 1;
    else report.changes.push({ ...base, now, direction: rank < recorded! ? "less strict" : "stricter" });
    return;
  }
  const range = decisionRange(view, tool, record.context);
  if (atMostGated) {
    if (range.min === 2) report.changes.push({ ...base, range, direction: "stricter" });
    else report.notCompared.push({ line, tool, reason: `decided by the guard (${record.rule}) after the policy allowed or gated it` });
    return;
  }
  if (range.max < recorded!) report.changes.push({ ...base, range, direction: "less strict" });
  else if (range.min > recorded!) report.changes.push({ ...base, range, direction: "stricter" });
  else if (range.min === range.max && range.complete) report.unchanged += 1;
  else {
    const could = describeRange(range);
    report.unsettled.push({
      line,
      tool,
      reason: `the record holds a digest of the arguments only; the new policy decides ${JSON.stringify(tool)} ${could} depending on them`,
    });
  }
}

function describeRange(range: DecisionRange): string {
  const kinds = KINDS.slice(range.min, range.max + 1);
  return kinds.length === 1 ? kinds[0]! : kinds.join(" or ");
}

function groupChanges(changes: readonly ReplayChange[]): ReplayGroup[] {
  const groups = new Map<string, ReplayGroup>();
  for (const change of changes) {
    const to = change.now ? change.now.decision : describeRange(change.range!);
    const key = JSON.stringify([change.direction, change.tool, change.recorded.decision, to, change.replay]);
    let group = groups.get(key);
    if (!group) {
      group = { tool: change.tool, direction: change.direction, from: change.recorded.decision, to, replay: change.replay, lines: [] };
      groups.set(key, group);
    }
    group.lines.push(change.line);
  }
  const order = (g: ReplayGroup) => (g.direction === "less strict" ? 0 : 1);
  return [...groups.values()].sort(
    (a, b) => order(a) - order(b) || String(a.tool).localeCompare(String(b.tool)) || a.lines[0]! - b.lines[0]!,
  );
}
