/** `wpc` → <id>.wpc.json (a Claw EA Work Policy Contract v2) and <id>.wpc.hash.json (its policy_hash_b64u). */
import { createHash } from "node:crypto";
import { joinPointer, nonEmpty, prune } from "../../load/index.js";
import type { Spec, ToolSpec } from "../../model/index.js";
import { canonicalize, compilePolicy, foldToolName, isPattern, matchToolPattern } from "../../policy/index.js";
import { encodeSlashes, WELL_FORMED, WPC_CONTEXT } from "../requests/wpc.js";
import {
  and,
  conditionHolds,
  limitBroken,
  lower,
  MAX_VALUE_LENGTH,
  oneOfHolds,
  TooManyAlternatives,
  type Alternatives,
  type Atom,
  type Conditions,
  type Mode,
} from "../wpc/conditions.js";
import type { Target, TargetContext } from "./types.js";

export interface WpcStatement {
  sid: string;
  effect: "Allow" | "Deny";
  actions: string[];
  resources: string[];
  conditions?: Conditions;
}

export interface WorkPolicyContract {
  policy_version: "2";
  policy_id: string;
  issuer_did: string;
  statements: WpcStatement[];
  metadata: Record<string, unknown>;
}

const TOOL_EXECUTE = "tool:execute";
/** WPC's own bounds (work_policy_contract.v2.json). */
const MAX_STATEMENTS = 64;
const MAX_RESOURCES = 256;
const UNAPPROVED: Atom = { kind: "str", key: WPC_CONTEXT.approval, op: "!=", value: "true" };

export const wpc: Target = {
  id: "wpc",
  description: "A Claw EA Work Policy Contract v2 (IAM-style statements) and its policy_hash_b64u",
  docs: `\`wpc\` → <id>.wpc.json: a Claw EA Work Policy Contract v2 and <id>.wpc.hash.json with its
\`policy_hash_b64u\` (base64url SHA-256 of the RFC 8785 canonical payload, which has no field for
its own hash). WPC denies by default and an explicit Deny wins, as decide() does. The runtime asks
for action \`tool:execute\` on resource <tool name> with the context \`wpcRequestContext(contract,
call, approved)\` builds, unapproved first (see README "The Work Policy Contract mapping"):
- a Deny of every call whose context does not say \`Agentspec:Call: well-formed\`;
- the deny patterns against the name as written (one Deny with the patterns as resources) and
  folded (one Deny per pattern over \`Agentspec:FoldedTool\`), so \`email.Send\` is denied by
  \`email.send\`;
- one Allow over the allowlisted names (a glob's \`*\` written \`**\`, which crosses "/" as
  decide()'s does; a glob with \`?\` matches \`Agentspec:Tool\`, where "/" is written U+0000);
- per hard limit and approval gate, Denies under the conditions that break the limit or need
  approval (\`StringNotEquals { Request:HasHumanApproval: "true" }\`), typed by \`Tool:ArgType:<path>\`.
What WPC cannot say exactly is said more strictly and reported: a Deny applies more often, or
the tool is denied outright.`,
  extension: ".wpc.json",
  emit: (spec, context) => {
    const contract = toWpc(spec, context);
    const hash = {
      policy_id: contract.policy_id,
      hash_algorithm: "SHA-256",
      canonicalization: "RFC 8785",
      policy_hash_b64u: wpcHash(contract),
    };
    return [
      { path: `${spec.agent.id}.wpc.json`, contents: JSON.stringify(contract, null, 2) + "\n" },
      { path: `${spec.agent.id}.wpc.hash.json`, contents: JSON.stringify(hash, null, 2) + "\n" },
    ];
  },
};

/** base64url (no padding) SHA-256 of the RFC 8785 canonical JSON of the payload. */
export function wpcHash(contract: object): string {
  return createHash("sha256").update(canonicalize(contract), "utf8").digest("base64url");
}

const SILENT: TargetContext = { report: () => {} };

export function toWpc(spec: Spec, context: TargetContext = SILENT): WorkPolicyContract {
  const report = (pointer: string, message: string): void => context.report({ pointer, message });
  const leftOut: { tool: ToolSpec; why: string }[] = [];
  const leave = (tool: ToolSpec, why: string): void => {
    leftOut.push({ tool, why });
    report(joinPointer("/tools", tool.name), `WPC cannot say ${why}: the contract denies "${tool.name}" outright`);
  };

  const wellFormed = statement("call-well-formed", "Deny", ["**"], {
    StringNotEquals: { [WPC_CONTEXT.call]: WELL_FORMED },
  });
  const denies = denyStatements(spec, report);

  const respellable = respellableTools(spec);
  const planned: { tool: ToolSpec; statements: WpcStatement[]; allow: AllowForm }[] = [];
  spec.tools.forEach((tool, index) => {
    const plan = planTool(spec, tool, index, report, respellable.has(tool));
    if (typeof plan === "string") leave(tool, plan);
    else planned.push({ tool, ...plan });
  });

  const assemble = (): WpcStatement[] => {
    const statements: WpcStatement[] = [wellFormed, ...denies];
    chunks(leftOut.map(({ tool }) => denySelectorResource(tool.name))).forEach((resources, i) =>
      statements.push(statement(`left-out-${i}`, "Deny", resources)),
    );
    // decide() applies a tool's limits and gate to every spelling that folds onto it: a tool
    // denied outright is denied in those spellings too, so with one left out that another entry
    // could admit respelled, every respelled name is denied (stricter, one statement).
    if (leftOut.some(({ tool }) => respellable.has(tool)))
      statements.push(statement("left-out-respelled", "Deny", ["**"], { StringEquals: { [WPC_CONTEXT.respelled]: "true" } }));
    statements.push(...merged(planned.flatMap((p) => p.statements)));
    chunks(planned.flatMap((p) => (p.allow.kind === "resource" ? [p.allow.resource] : []))).forEach((resources, i) =>
      statements.push(statement(i === 0 ? "allow-tools" : `allow-tools-${i}`, "Allow", resources)),
    );
    statements.push(...merged(planned.flatMap((p) => (p.allow.kind === "statements" ? p.allow.statements : []))));
    return statements;
  };
  let statements = assemble();
  // WPC holds 64 statements: the last tools that need statements of their own are denied outright
  // until the rest fit (a tool that is only a resource of the Allow, or whose statements say what
  // another tool's say, costs none).
  while (statements.length > MAX_STATEMENTS && planned.length > 0) {
    const users = new Map<string, number>();
    const keysOf = (p: (typeof planned)[number]): string[] => [
      ...new Set([...p.statements, ...(p.allow.kind === "statements" ? p.allow.statements : [])].map(mergeKey)),
    ];
    for (const p of planned) for (const key of keysOf(p)) users.set(key, (users.get(key) ?? 0) + 1);
    const saves = (p: (typeof planned)[number]): number => keysOf(p).filter((key) => users.get(key) === 1).length;
    let index = planned.findLastIndex((p) => saves(p) > 0);
    if (index === -1) index = planned.length - 1;
    const [last] = planned.splice(index, 1);
    leave(last!.tool, `all of its conditions within the ${MAX_STATEMENTS} statements a contract holds`);
    statements = assemble();
  }
  if (statements.length > MAX_STATEMENTS) {
    // Even the deny patterns do not fit: nothing is allowed any more, so they need no statements.
    denies.length = 0;
    statements = assemble();
  }

  return {
    policy_version: "2",
    policy_id: `${spec.agent.id}@${spec.agent.version}`.slice(0, 128),
    issuer_did: issuerDid(spec),
    statements,
    metadata: { agentspec: metadata(spec, leftOut) },
  };
}

type AllowForm = { kind: "resource"; resource: string } | { kind: "statements"; statements: WpcStatement[] };

/**
 * The deny patterns, matched against two readings of the name: as written (one Deny over them
 * as resources; a pattern with `?` matches `Agentspec:Tool`, where "/" is U+0000), and folded
 * (one Deny per pattern over `Agentspec:FoldedTool`, the name as foldToolName reads it, against
 * the folded pattern), so `email.Send` and a fullwidth `email.ｓｅｎｄ` are denied by `email.send`.
 */
function denyStatements(spec: Spec, report: (pointer: string, message: string) => void): WpcStatement[] {
  const asWritten: string[] = [];
  const out: WpcStatement[] = [];
  const clipped = (i: number, text: string, star = "*"): { text: string; glob: boolean } => {
    if (text.length <= MAX_VALUE_LENGTH) return { text, glob: isPattern(text) };
    // A prefix and a star match every name the pattern does, and more (fail closed).
    report(
      joinPointer("/deny", String(i)),
      `WPC holds ${MAX_VALUE_LENGTH} characters per pattern: the pattern is cut to its prefix and a *, which denies more`,
    );
    return { text: text.slice(0, MAX_VALUE_LENGTH - 2) + star, glob: true };
  };
  spec.deny.forEach((d, i) => {
    // As a resource a star must cross "/" (**); in a StringLike over an encoded name "*" already does.
    const raw = d.pattern.includes("?") ? clipped(i, encodeSlashes(d.pattern)) : clipped(i, crossingStars(d.pattern), "**");
    if (!d.pattern.includes("?")) asWritten.push(raw.text);
    else out.push(statement(`deny-${i}-as-written`, "Deny", ["**"], { StringLike: { [WPC_CONTEXT.tool]: raw.text } }));
    const folded = clipped(i, encodeSlashes(foldToolName(d.pattern)));
    out.push(
      statement(`deny-${i}`, "Deny", ["**"], { [folded.glob ? "StringLike" : "StringEquals"]: { [WPC_CONTEXT.foldedTool]: folded.text } }),
    );
  });
  const written = chunks([...new Set(asWritten)]).map((resources, i) => statement(i === 0 ? "deny" : `deny-more-${i}`, "Deny", resources));
  return [...written, ...out];
}

/**
 * A tool's Deny statements (its hard limits and approval gate) and how the Allow names it; a
 * string saying what WPC cannot say when the tool must be denied outright.
 */
function planTool(
  spec: Spec,
  tool: ToolSpec,
  index: number,
  report: (pointer: string, message: string) => void,
  respellable: boolean,
): { statements: WpcStatement[]; allow: AllowForm } | string {
  const at = joinPointer("/tools", tool.name);
  const selector = toolSelector(tool.name);
  if (!selector) return `a tool name longer than ${MAX_VALUE_LENGTH} characters`;
  const statements: WpcStatement[] = [];
  // A limit or gate follows every spelling that folds onto the entry, as decide() applies it:
  // its Denies also select the folded reading of the name (Agentspec:FoldedTool).
  const foldedName = foldToolName(tool.name);
  const folded = encodeSlashes(foldedName);
  const readings = !respellable
    ? [selector]
    : folded.length <= MAX_VALUE_LENGTH
      ? [selector, { resources: ["**"], atoms: [{ kind: "like", key: WPC_CONTEXT.foldedTool, pattern: folded } as Atom] }]
      : [selector, { resources: ["**"], atoms: [] as Atom[] }];
  if (respellable && folded.length > MAX_VALUE_LENGTH && (tool.approval || Object.keys(tool.limits).length > 0))
    report(
      at,
      `WPC holds ${MAX_VALUE_LENGTH} characters per value: the folded name is too long, so this tool's limits and gate apply to every name`,
    );
  const emit = (sid: string, alternatives: Alternatives, mode: Mode, pointer: string, what: string): WpcStatement[] => {
    const out: WpcStatement[] = [];
    let lossy = false;
    for (const reading of mode === "deny" ? readings : [selector])
      for (const atoms of alternatives) {
        const lowered = lower([...reading.atoms, ...atoms], mode);
        lossy ||= lowered.lossy;
        for (const conditions of lowered.conditions)
          out.push(statement(`${sid}-${out.length}`, mode === "deny" ? "Deny" : "Allow", reading.resources, conditions));
      }
    if (lossy)
      report(
        pointer,
        `WPC cannot say this ${what} exactly: the contract ${mode === "deny" ? "denies or asks more often" : "allows less"} than the spec`,
      );
    return out;
  };
  const oneOfAllows: Alternatives[] = [];
  try {
    for (const [k, [path, limit]] of Object.entries(tool.limits).entries()) {
      const sid = `limit-${index}-${k}`;
      const broken = limitBroken(path, limit);
      const pointer = joinPointer(at, "limits", path);
      const exact = broken.every((atoms) => !lower([...selector.atoms, ...atoms], "deny").lossy);
      if (!exact && limit.one_of && canAllowConditionally(spec, tool)) {
        // "none of these values" needs more not-equals than WPC has operators: allow only the
        // listed values instead, which is exact while no other allowlist entry allows this name.
        const { one_of: _listed, ...rest } = limit;
        if (Object.keys(rest).length > 0) statements.push(...emit(sid, limitBroken(path, rest), "deny", pointer, "limit"));
        oneOfAllows.push(oneOfHolds(path, limit));
        continue;
      }
      statements.push(...emit(sid, broken, "deny", pointer, "limit"));
    }
    if (tool.approval) {
      const when = tool.approval.when ? conditionHolds(tool.approval.when) : [[]];
      const pointer = tool.approval.when ? joinPointer(at, "approval", "when") : joinPointer(at, "approval");
      statements.push(...emit(`approval-${index}`, and(when, [[UNAPPROVED]]), "deny", pointer, "approval condition"));
    }
    if (oneOfAllows.length === 0) {
      if (selector.atoms.length === 0) return { statements, allow: { kind: "resource", resource: selector.resources[0]! } };
      return { statements, allow: { kind: "statements", statements: emit(`allow-${index}`, [[]], "allow", at, "glob") } };
    }
    const allowed = oneOfAllows.reduce((left, right) => and(left, right), [[]] as Alternatives);
    return { statements, allow: { kind: "statements", statements: emit(`allow-${index}`, allowed, "allow", at, "one_of limit") } };
  } catch (error) {
    if (error instanceof TooManyAlternatives) return "its conditions in few enough statements";
    throw error;
  }
}

/**
 * The tools another entry could admit in a spelling that folds onto them (a glob on either side,
 * or an exact name that folds the same); with exact names only, no other spelling is allowed at
 * all, so a tool's limits and gate need no folded reading. Computed once per spec: counting folded
 * names keeps it linear in the number of tools.
 */
function respellableTools(spec: Spec): Set<ToolSpec> {
  const globs = spec.tools.filter((tool) => isPattern(tool.name)).length;
  const folded = new Map<string, number>();
  for (const tool of spec.tools) {
    const name = foldToolName(tool.name);
    folded.set(name, (folded.get(name) ?? 0) + 1);
  }
  return new Set(
    spec.tools.filter(
      (tool) => spec.tools.length > 1 && (isPattern(tool.name) || globs > 0 || (folded.get(foldToolName(tool.name)) ?? 0) > 1),
    ),
  );
}

/**
 * An Allow that names only the listed values decides exactly when nothing else allows the name:
 * an exact tool no allowlist glob matches (WPC's Allows are an OR, decide() applies every entry).
 */
function canAllowConditionally(spec: Spec, tool: ToolSpec): boolean {
  if (isPattern(tool.name)) return false;
  return !spec.tools.some((other) => other !== tool && isPattern(other.name) && matchToolPattern(other.name, tool.name));
}

/** How a statement selects one allowlist entry, exactly as decide() matches it; undefined when WPC cannot hold the name. */
function toolSelector(name: string): { resources: string[]; atoms: Atom[] } | undefined {
  if (!isPattern(name)) return name.length <= MAX_VALUE_LENGTH ? { resources: [name], atoms: [] } : undefined;
  if (!name.includes("?")) {
    const resource = crossingStars(name);
    return resource.length <= MAX_VALUE_LENGTH ? { resources: [resource], atoms: [] } : undefined;
  }
  // WPC's "?" is one character other than "/": match the name with "/" written as U+0000.
  const encoded = encodeSlashes(name);
  return encoded.length <= MAX_VALUE_LENGTH
    ? { resources: ["**"], atoms: [{ kind: "like", key: WPC_CONTEXT.tool, pattern: encoded }] }
    : undefined;
}

/** A resource that matches every name the entry does, and maybe more: for the Deny of a tool left out. */
function denySelectorResource(name: string): string {
  const widened = crossingStars(isPattern(name) ? name.replaceAll("?", "*") : name);
  return widened.length <= MAX_VALUE_LENGTH ? widened : crossingStars(name.slice(0, MAX_VALUE_LENGTH / 2).replaceAll("?", "*") + "*");
}

/**
 * A glob whose stars cross "/" in WPC: `*` becomes `**`. WPC skips one "/" right after `**`
 * (`src/**\/x` also matches `src/x`), so a star before a "/" keeps that "/" doubled.
 */
export function crossingStars(glob: string): string {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    out += ch === "*" ? (glob[i + 1] === "/" ? "**/" : "**") : ch;
  }
  return out;
}

/**
 * Statements that differ only in their resources say the same of each: one statement with all
 * the resources (WPC ORs them), the first one's sid. Exact, and it leaves room for more tools.
 */
function mergeKey(s: WpcStatement): string {
  return JSON.stringify([s.effect, canonicalize(s.conditions ?? {})]);
}

function merged(statements: WpcStatement[]): WpcStatement[] {
  const byCondition = new Map<string, WpcStatement>();
  const out: WpcStatement[] = [];
  for (const s of statements) {
    const key = mergeKey(s);
    const into = byCondition.get(key);
    if (into && into.resources.length < MAX_RESOURCES && !into.resources.includes(s.resources[0]!) && s.resources.length === 1) {
      into.resources.push(s.resources[0]!);
      continue;
    }
    const copy = { ...s, resources: [...s.resources] };
    byCondition.set(key, copy);
    out.push(copy);
  }
  return out;
}

function statement(sid: string, effect: "Allow" | "Deny", resources: string[], conditions?: Conditions): WpcStatement {
  const hasConditions = conditions !== undefined && Object.keys(conditions).length > 0;
  return { sid, effect, actions: [TOOL_EXECUTE], resources, ...(hasConditions ? { conditions } : {}) };
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += MAX_RESOURCES) out.push(items.slice(i, i + MAX_RESOURCES));
  return out;
}

function issuerDid(spec: Spec): string {
  const configured = spec.extensions.wpc?.issuer_did;
  if (typeof configured === "string" && /^did:/.test(configured) && configured.length <= 256) return configured;
  const who =
    (spec.agent.owner ?? spec.agent.id)
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "-")
      .slice(0, 200) || "agent";
  return `did:agentspec:${who}`;
}

function metadata(spec: Spec, leftOut: { tool: ToolSpec; why: string }[]): Record<string, unknown> {
  const channels = Object.fromEntries(spec.tools.filter((t) => t.approval?.channel).map((t) => [t.name, t.approval!.channel!]));
  const scopes = Object.fromEntries(spec.tools.filter((t) => t.resources.length > 0).map((t) => [t.name, t.resources]));
  return prune({
    generator: "agentspec",
    request_context: "wpcRequestContext (agentspec)",
    agent: prune({ id: spec.agent.id, version: spec.agent.version, owner: spec.agent.owner }),
    agentspec_policy_hash: compilePolicy(spec).hash,
    deny_patterns: spec.deny.length > 0 ? spec.deny.map((d) => d.pattern) : undefined,
    approval_channels: nonEmpty(channels),
    resource_scopes: nonEmpty(scopes),
    limits: nonEmpty(prune({ ...spec.limits })),
    outputs: nonEmpty(prune({ ...spec.outputs })),
    left_out: leftOut.length > 0 ? leftOut.map(({ tool, why }) => `${tool.name}: WPC cannot say ${why}; denied outright`) : undefined,
  });
}
