/**
 * What of a spec aex's engines can enforce as decide() does, shared by the `aex` and `aex-json`
 * targets. aex (harsh-nod/aex at 296c43e) matches a name against `*`, a trailing `.*` or the
 * exact string; has no argument limits and no conditional approval; its proxy, `aex gate` and
 * `runTask` read the same lists, except that the gate first maps Claude Code's tool names
 * (`Read` → `file.read`) and any other undotted name to `unknown.<name>`, and that runTask
 * splits `tool:path` entries and takes an empty allow list as no restriction. So:
 *
 * - only exact names are allowed: a glob entry would also let through the spellings decide()
 *   denies (case, invisible characters, names its deny patterns fold to), and aex reads most
 *   globs as exact names anyway;
 * - a tool with a hard limit (its own or a matching glob's) is left out: aex would allow it
 *   whatever the arguments;
 * - a gated tool is `confirm before` on every call, as is a name the gate reaches from a Claude
 *   Code or undotted name the spec does not allow as freely;
 * - names aex's syntax would split (`,`, and `:` in runTask's entries) are left out;
 * - an empty allowlist becomes `deny *`, since runTask would read no allow list as everything.
 *
 * Everything left out or made stricter is reported at the spec's tool. Two things hold for every
 * export and are in the targets' docs instead: aex's proxy answers its meta-tools itself, and no
 * aex engine reads arguments (so a call decide() refuses for their shape reaches an allowed tool).
 */
import { joinPointer } from "../../load/index.js";
import { compilePolicy, decide, isPattern, matchToolPattern, type Policy } from "../../policy/index.js";
import type { Spec } from "../../model/index.js";

export interface AexAuthority {
  /** Exact names aex allows, in the spec's order, each with its resource scopes. */
  allow: { name: string; resources: string[] }[];
  deny: string[];
  /** Exact names aex confirms before every call. */
  confirm: string[];
  calls?: number;
  goal: string;
}

export interface AexReport {
  pointer: string;
  message: string;
  tool?: string;
}

/**
 * Claude Code's tool names and the aex names `aex gate` judges them as (aex-runtime gate.ts,
 * CLAUDE_CODE_TOOL_MAP); the differential tests check this copy against aex's own.
 */
export const CLAUDE_CODE_TOOL_MAP: Readonly<Record<string, string>> = Object.freeze({
  Read: "file.read",
  Write: "file.write",
  Edit: "file.write",
  MultiEdit: "file.write",
  Glob: "file.read",
  Grep: "file.read",
  LS: "file.read",
  Bash: "shell.exec",
  WebFetch: "network.fetch",
  WebSearch: "network.search",
  NotebookRead: "file.read",
  NotebookEdit: "file.write",
  TodoRead: "todo.read",
  TodoWrite: "todo.write",
  Agent: "agent.spawn",
});

/** aex's MCP proxy answers these itself, before any policy check. */
export const AEX_PROXY_META_TOOLS: readonly string[] = ["aex.checkpoint", "aex.resume", "aex.list_tasks", "aex.review_task"];

/** Characters aex's lists would split a name at: `,` in .aex lists, `:` in runTask's `tool:path` entries. */
const SPLITS = /[,:]/;

const RANK = { allow: 0, require_approval: 1, deny: 2 } as const;
type Verdict = keyof typeof RANK;

export function aexAuthority(spec: Spec, report: (r: AexReport) => void = () => {}): AexAuthority {
  const policy = compilePolicy(spec);
  const allow: AexAuthority["allow"] = [];
  const confirm: string[] = [];
  for (const tool of spec.tools) {
    const name = tool.name;
    const pointer = joinPointer("/tools", name);
    const say = (message: string): void => report({ pointer, message, tool: name });
    if (isPattern(name)) {
      say(
        `${name} is left out: aex reads ${aexReadsGlob(name)}, and cannot refuse the names agentspec denies among those it would allow (other spellings, malformed names); list the tools by their exact names`,
      );
      continue;
    }
    const decision = decide(policy, { tool: name });
    if (decision.rule === "deny-pattern" || decision.rule === "malformed-call") continue; // denied by decide() whatever aex says
    if (SPLITS.test(name)) {
      say(`${name} is left out: aex's lists would split the name at its ${name.includes(",") ? "comma" : "colon"}`);
      continue;
    }
    const worst = worstVerdict(policy, name);
    if (worst === "deny") {
      say(`${name} is left out: aex has no argument limits, so it would allow ${name} whatever its arguments`);
      continue;
    }
    let verdict: Verdict = worst;
    if (verdict === "require_approval" && tool.approval?.when !== undefined)
      say(`${name} needs confirmation on every call: aex has no conditional approval`);
    const readers = gateReaders(name);
    const denied = readers.filter((reader) => decide(policy, { tool: reader }).rule === "deny-pattern");
    if (denied.length > 0) {
      say(`${name} is left out: aex gate reads the denied ${denied.join(", ")} as ${name}`);
      continue;
    }
    const stricter = verdict === "allow" ? readers.filter((reader) => worstVerdict(policy, reader) !== "allow") : [];
    if (stricter.length > 0) {
      say(
        `${name} needs confirmation: aex gate reads ${stricter.join(", ")} as ${name}, and the spec does not allow ${stricter.length === 1 ? "it" : "them"} as freely`,
      );
      verdict = "require_approval";
    }
    if (!name.includes(".")) say(`aex gate judges the undotted ${name} as ${gateName(name)}, not as itself`);
    allow.push({ name, resources: tool.resources });
    if (verdict === "require_approval") confirm.push(name);
  }
  const patterns = spec.deny.map((d) => d.pattern).filter((p) => !SPLITS.test(p));
  // aex's x.* matches x too: the x beside it says nothing more to aex.
  const deny = patterns.filter((p) => !patterns.includes(`${p}.*`));
  for (const [i, d] of spec.deny.entries())
    if (SPLITS.test(d.pattern))
      report({
        pointer: joinPointer("/deny", i),
        message: `the pattern ${d.pattern} is left out of the deny list (aex would split it); the tools it denies are not allowed either`,
      });
  // runTask reads an empty allow list as "everything": deny it all instead.
  if (allow.length === 0 && !deny.includes("*")) deny.push("*");
  return {
    allow,
    deny,
    confirm,
    ...(spec.limits.max_tool_calls !== undefined ? { calls: spec.limits.max_tool_calls } : {}),
    goal: spec.agent.goal ?? spec.authorityBoundary ?? `The authority of ${spec.agent.name ?? spec.agent.id}, compiled by agentspec.`,
  };
}

/** The strictest decision decide() can give a call to the name, over every argument and context. */
function worstVerdict(policy: Policy, name: string): Verdict {
  const fixed = decide(policy, { tool: name });
  if (fixed.rule === "deny-pattern" || fixed.rule === "not-allowed" || fixed.rule === "malformed-call") return "deny";
  const entries = Object.entries(policy.tools).filter(([key]) => key === name || (isPattern(key) && matchToolPattern(key, name)));
  if (entries.some(([, t]) => t.limits && Object.keys(t.limits).length > 0)) return "deny";
  return entries.some(([, t]) => t.approval) ? "require_approval" : "allow";
}

/** The names `aex gate` judges as this one: Claude Code's tools that map to it, and for unknown.X the undotted X. */
export function gateReaders(name: string): string[] {
  const readers = Object.keys(CLAUDE_CODE_TOOL_MAP).filter((cc) => CLAUDE_CODE_TOOL_MAP[cc] === name);
  const undotted = name.startsWith("unknown.") ? name.slice("unknown.".length) : undefined;
  if (undotted && !undotted.includes(".") && !Object.hasOwn(CLAUDE_CODE_TOOL_MAP, undotted) && !(undotted in Object.prototype))
    readers.push(undotted);
  return readers;
}

/** The name `aex gate` judges a called name as (aex-runtime gate.ts mapToolName). */
function gateName(name: string): string {
  if (Object.hasOwn(CLAUDE_CODE_TOOL_MAP, name)) return CLAUDE_CODE_TOOL_MAP[name]!;
  return name.includes(".") ? name : `unknown.${name}`;
}

function aexReadsGlob(name: string): string {
  if (name === "*") return "* as every name";
  if (name.endsWith(".*") && !isPattern(name.slice(0, -2))) return `${name} as ${name.slice(0, -2)} and every name under it`;
  return `${name} as one exact name`;
}

/** The goal as an aex string: one line, quoted, with no line terminator aex's `goal "(.*)"` would not match. */
export function aexString(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
