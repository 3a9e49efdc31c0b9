/** `wpc` → <id>.wpc.json. */
import { createHash } from "node:crypto";
import type { ArgumentLimit, Condition, Spec, ToolSpec } from "../../model/index.js";
import { canonicalize } from "../../policy/canonical.js";
import { compilePolicy } from "../../policy/compile-policy.js";
import type { Target } from "./types.js";
import { nonEmpty, prune } from "../../load/index.js";

type Operator = "StringEquals" | "StringNotEquals" | "NumericEquals" | "NumericLessThan" | "NumericGreaterThan" | "Bool";
type Conditions = Partial<Record<Operator, Record<string, string>>>;

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

/** One condition: an operator on one context key. An alternative is a conjunction of atoms. */
interface Atom {
  op: Operator;
  key: string;
  value: string;
}

const TOOL_EXECUTE = "tool:execute";
const MAX_STATEMENTS = 64;
const UNAPPROVED: Atom = { op: "Bool", key: "Request:HasHumanApproval", value: "false" };

export const wpc: Target = {
  id: "wpc",
  description: "A Claw EA Work Policy Contract v2 (IAM-style statements) and its policy_hash_b64u",
  docs: `\`wpc\` → <id>.wpc.json: a Claw EA Work Policy Contract v2 (IAM-style statements), and
<id>.wpc.hash.json with its \`policy_hash_b64u\` (base64url SHA-256 of the RFC 8785 canonical
payload: the v2 payload has no field for its own hash). Default deny and "explicit Deny wins"
are WPC's own rules, so the mapping is:
- one Allow of \`tool:execute\` over the allowlisted tool names (globs kept: WPC resources are globs);
- one Deny over the deny patterns;
- per hard limit a Deny with the condition that breaks it, and per approval gate a Deny with
  \`Bool { Request:HasHumanApproval: "false" }\` and the gate's condition (written as alternatives
  where WPC conditions, which are a conjunction, cannot say "or").
Context keys beyond WPC's built-ins (the enforcing runtime supplies them, as Cedar's request
does): \`Tool:Arg:<path>\`, \`Tool:ArgLength:<path>\`, \`Tool:ArgPresent:<path>\`,
\`Request:Actor\` / \`Request:Tenant\` / \`Request:Environment\`. Where WPC cannot say a condition
exactly it says a stricter one: a Deny loses a conjunct (so denies more); a tool whose
\`one_of\` limit WPC cannot say is left out of the Allow. Budgets, scopes, channels and what was
left out are in \`metadata.agentspec\`. \`extensions.wpc.issuer_did\` sets the issuer.`,
  extension: ".wpc.json",
  emit: (spec) => {
    const contract = toWpc(spec);
    return [
      { path: `${spec.agent.id}.wpc.json`, contents: JSON.stringify(contract, null, 2) + "\n" },
      {
        path: `${spec.agent.id}.wpc.hash.json`,
        contents:
          JSON.stringify(
            { policy_id: contract.policy_id, hash_algorithm: "SHA-256", canonicalization: "RFC 8785", policy_hash_b64u: wpcHash(contract) },
            null,
            2,
          ) + "\n",
      },
    ];
  },
};

/** base64url (no padding) SHA-256 of the RFC 8785 canonical JSON of the payload. */
export function wpcHash(contract: object): string {
  return createHash("sha256").update(canonicalize(contract), "utf8").digest("base64url");
}

export function toWpc(spec: Spec): WorkPolicyContract {
  const leftOut: string[] = [];
  const perTool: { tool: ToolSpec; denies: WpcStatement[] }[] = [];
  for (const tool of spec.tools) {
    const denies = toolDenies(tool, perTool.length);
    if (denies) perTool.push({ tool, denies });
    else leftOut.push(`${tool.name}: a one_of limit WPC cannot express; the tool is left out (denied)`);
  }
  const denyStatement: WpcStatement[] =
    spec.deny.length > 0 ? [{ sid: "deny", effect: "Deny", actions: [TOOL_EXECUTE], resources: spec.deny.map((d) => d.pattern) }] : [];
  // WPC allows 64 statements: tools that do not fit are left out, last first (fail closed).
  const fixed = denyStatement.length + 1;
  while (perTool.length > 0 && fixed + perTool.reduce((n, t) => n + t.denies.length, 0) > MAX_STATEMENTS) {
    leftOut.push(
      `${perTool.pop()!.tool.name}: its conditions do not fit in WPC's ${MAX_STATEMENTS} statements; the tool is left out (denied)`,
    );
  }
  const allow: WpcStatement[] =
    perTool.length > 0
      ? [{ sid: "allow-tools", effect: "Allow", actions: [TOOL_EXECUTE], resources: perTool.map((t) => t.tool.name) }]
      : [];
  const statements = [...denyStatement, ...perTool.flatMap((t) => t.denies), ...allow];
  return {
    policy_version: "2",
    policy_id: `${spec.agent.id}@${spec.agent.version}`.slice(0, 128),
    issuer_did: issuerDid(spec),
    // WPC requires at least one statement: with nothing allowed, say the default out loud.
    statements: statements.length > 0 ? statements : [{ sid: "deny-all", effect: "Deny", actions: [TOOL_EXECUTE], resources: ["*"] }],
    metadata: { agentspec: metadata(spec, leftOut) },
  };
}

function issuerDid(spec: Spec): string {
  const configured = spec.extensions.wpc?.issuer_did;
  if (typeof configured === "string" && /^did:/.test(configured)) return configured;
  const who = (spec.agent.owner ?? spec.agent.id).toLowerCase().replace(/[^a-z0-9._-]+/g, "-");
  return `did:agentspec:${who}`;
}

/** The Deny statements of one tool's hard limits and approval gate; undefined when the tool must be left out. */
function toolDenies(tool: ToolSpec, index: number): WpcStatement[] | undefined {
  const alternatives: Atom[][] = [];
  for (const [path, limit] of Object.entries(tool.limits)) {
    const broken = limitBreaks(path, limit);
    if (!broken) return undefined;
    alternatives.push(...broken);
  }
  const denies = alternatives.map((atoms, j) => statement(`limit-${index}-${j}`, tool.name, atoms));
  if (tool.approval) {
    const when = tool.approval.when ? alternativesOf(tool.approval.when) : [[]];
    when.forEach((atoms, j) => denies.push(statement(`approval-${index}-${j}`, tool.name, [UNAPPROVED, ...atoms])));
  }
  return denies;
}

function statement(sid: string, tool: string, atoms: Atom[]): WpcStatement {
  const conditions: Conditions = {};
  for (const { op, key, value } of atoms) {
    const map = (conditions[op] ??= {});
    // One value per key and operator: a second conjunct on the same key is dropped, which only
    // widens a Deny (stricter).
    if (!(key in map)) map[key] = value;
  }
  return { sid, effect: "Deny", actions: [TOOL_EXECUTE], resources: [tool], ...(atoms.length > 0 ? { conditions } : {}) };
}

/** The ways a call breaks one hard limit, each a conjunction; undefined when WPC cannot say it. */
function limitBreaks(path: string, limit: ArgumentLimit): Atom[][] | undefined {
  const arg = `Tool:Arg:${path}`;
  const out: Atom[][] = [];
  if (limit.required) out.push([{ op: "Bool", key: `Tool:ArgPresent:${path}`, value: "false" }]);
  if (limit.max !== undefined) out.push([{ op: "NumericGreaterThan", key: arg, value: String(limit.max) }]);
  if (limit.min !== undefined) out.push([{ op: "NumericLessThan", key: arg, value: String(limit.min) }]);
  if (limit.max_length !== undefined)
    out.push([{ op: "NumericGreaterThan", key: `Tool:ArgLength:${path}`, value: String(Math.floor(limit.max_length)) }]);
  if (limit.one_of) {
    if (limit.one_of.length !== 1) return undefined;
    const [only] = limit.one_of;
    out.push([typeof only === "number" ? { op: "NumericLessThan", key: arg, value: String(only) } : notEqual(arg, only!)]);
    if (typeof only === "number") out.push([{ op: "NumericGreaterThan", key: arg, value: String(only) }]);
  }
  return out;
}

/** A condition as alternatives (any of them holds), each a conjunction of atoms; [] never holds, [[]] always does. */
export function alternativesOf(c: Condition): Atom[][] {
  let result: Atom[][] = [[]];
  const and = (alternatives: Atom[][]): void => {
    result = result.flatMap((left) => alternatives.map((right) => [...left, ...right]));
  };
  if (c.any) and(c.any.flatMap(alternativesOf));
  if (c.all) for (const inner of c.all) and(alternativesOf(inner));
  if (c.arg === undefined && c.context === undefined) return c.any || c.all ? result : [];
  const key = c.arg !== undefined ? `Tool:Arg:${c.arg}` : `Request:${capitalize(c.context!)}`;
  const atoms: Atom[][][] = [];
  if (c.gt !== undefined) atoms.push([[{ op: "NumericGreaterThan", key, value: String(c.gt) }]]);
  if (c.lt !== undefined) atoms.push([[{ op: "NumericLessThan", key, value: String(c.lt) }]]);
  if (c.gte !== undefined)
    atoms.push([[{ op: "NumericGreaterThan", key, value: String(c.gte) }], [{ op: "NumericEquals", key, value: String(c.gte) }]]);
  if (c.lte !== undefined)
    atoms.push([[{ op: "NumericLessThan", key, value: String(c.lte) }], [{ op: "NumericEquals", key, value: String(c.lte) }]]);
  if (c.eq !== undefined) atoms.push([[equal(key, c.eq)]]);
  if (c.ne !== undefined) atoms.push(notEqualAlternatives(key, c.ne));
  if (c.in !== undefined) atoms.push(c.in.map((v) => [equal(key, v)]));
  if (c.not_in !== undefined) atoms.push(c.not_in.length === 1 ? notEqualAlternatives(key, c.not_in[0]!) : [[]]);
  for (const alternatives of atoms) and(alternatives);
  return result;
}

function equal(key: string, value: string | number | boolean): Atom {
  if (typeof value === "number") return { op: "NumericEquals", key, value: String(value) };
  if (typeof value === "boolean") return { op: "Bool", key, value: String(value) };
  return { op: "StringEquals", key, value };
}

function notEqual(key: string, value: string | boolean): Atom {
  return typeof value === "boolean" ? { op: "Bool", key, value: String(!value) } : { op: "StringNotEquals", key, value };
}

/** WPC has no NumericNotEquals: a number is unequal when it is less or greater. */
function notEqualAlternatives(key: string, value: string | number | boolean): Atom[][] {
  if (typeof value !== "number") return [[notEqual(key, value)]];
  return [[{ op: "NumericLessThan", key, value: String(value) }], [{ op: "NumericGreaterThan", key, value: String(value) }]];
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function metadata(spec: Spec, leftOut: string[]): Record<string, unknown> {
  const channels = Object.fromEntries(spec.tools.filter((t) => t.approval?.channel).map((t) => [t.name, t.approval!.channel!]));
  const scopes = Object.fromEntries(spec.tools.filter((t) => t.resources.length > 0).map((t) => [t.name, t.resources]));
  return prune({
    generator: "agentspec",
    agent: prune({ id: spec.agent.id, version: spec.agent.version, owner: spec.agent.owner }),
    agentspec_policy_hash: compilePolicy(spec).hash,
    approval_channels: nonEmpty(channels),
    resource_scopes: nonEmpty(scopes),
    limits: nonEmpty(prune({ ...spec.limits })),
    outputs: nonEmpty(prune({ ...spec.outputs })),
    left_out: leftOut.length > 0 ? leftOut : undefined,
  });
}
