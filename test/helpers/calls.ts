/**
 * Calls that probe a compiled policy where engines are likely to read it differently from
 * decide(): every deny pattern matched by each glob form and by the other readings of a name
 * (case, surrounding whitespace, invisible characters, fullwidth and other compatibility
 * letters, empty segments), unknown and undotted names (and the names dispatchers map, such as
 * Claude Code's and aex's meta-tools), values at, above and below every bound and threshold,
 * wrong types, absent arguments, `__proto__` keys, argument names an engine may reserve
 * (tool_name, arguments, context), and non-object arguments. Deterministic: the same policy
 * gives the same calls in the same order.
 */
import { decide, matchToolPattern, type Policy } from "../../src/index.js";
import type { Condition } from "../../src/model/index.js";

/** A call as an agent may send it: args and context may be anything, to probe malformed ones. */
export interface ProbeCall {
  tool: string;
  args?: unknown;
  context?: unknown;
}

export interface GeneratedCall {
  call: ProbeCall;
  /** What the call probes, for the tables and the failures. */
  why: string;
}

export interface CallOptions {
  /** More names to try (an engine's own vocabulary). */
  extraNames?: readonly string[];
  /** The most calls for one policy: the rest are dropped evenly (default 2,000). */
  cap?: number;
}

/** Claude Code's tool names (aex gate maps them to aex names) and other undotted names. */
export const UNDOTTED_NAMES = [
  "search",
  "Read",
  "Write",
  "Edit",
  "Bash",
  "WebFetch",
  "Glob",
  "Grep",
  "LS",
  "Agent",
  "TodoWrite",
  "__proto__",
  "constructor",
  "toString",
];

/** aex's MCP proxy answers these itself, whatever the policy says. */
export const AEX_META_TOOLS = ["aex.checkpoint", "aex.resume", "aex.list_tasks", "aex.review_task"];

const UNKNOWN_NAMES = ["unknown.tool", "zz.unknown", "x", "", "a..b", ".a", "a.", "tool_name"];

/** Every call the policy is probed with. */
export function generateCalls(policy: Policy, options: CallOptions = {}): GeneratedCall[] {
  const out = new CallSet();
  const baseNames = new Map<string, string>();
  const addBase = (name: string, why: string): void => {
    if (!baseNames.has(name)) baseNames.set(name, why);
  };
  for (const key of Object.keys(policy.tools)) {
    addBase(key, `the allowlist entry ${JSON.stringify(key)}`);
    for (const name of instances(key)) addBase(name, `a name the allowlist glob ${JSON.stringify(key)} matches`);
  }
  for (const { pattern } of policy.deny) {
    addBase(pattern, `the deny pattern ${JSON.stringify(pattern)} as written`);
    for (const name of instances(pattern)) addBase(name, `a name the deny glob ${JSON.stringify(pattern)} matches`);
  }
  for (const [name, why] of baseNames) {
    out.add({ tool: name }, why);
    for (const [reading, how] of readings(name)) out.add({ tool: reading }, `${how} of ${JSON.stringify(name)} (${why})`);
  }
  for (const name of UNKNOWN_NAMES) out.add({ tool: name }, "an unknown or malformed name");
  for (const name of UNDOTTED_NAMES) out.add({ tool: name }, "an undotted name");
  for (const name of AEX_META_TOOLS) out.add({ tool: name }, "an aex proxy meta-tool");
  for (const name of options.extraNames ?? []) out.add({ tool: name }, "a name the engine reads its own way");
  for (const name of baseNames.keys()) {
    const probes = argumentProbes(policy, name);
    for (const probe of probes.length > 0 ? probes : shapeProbes(name, { args: {} })) out.add(probe.call, probe.why);
  }
  return thin(out.calls, options.cap ?? 2000);
}

/** Names a glob matches: each star as nothing, one segment, two segments; each ? as one character. */
export function instances(pattern: string): string[] {
  if (!pattern.includes("*") && !pattern.includes("?")) return [];
  const fills = ["", "x", "x.y", "Q"];
  const out = new Set<string>();
  for (const star of fills) out.add(pattern.replaceAll("*", star).replaceAll("?", "q"));
  out.add(pattern.replaceAll("*", "x").replaceAll("?", "Q"));
  return [...out];
}

/** The other readings of a name a dispatcher may make, each with how it was made. */
export function readings(name: string): [string, string][] {
  const out: [string, string][] = [];
  const add = (reading: string, how: string): void => {
    if (reading !== name && !out.some(([r]) => r === reading)) out.push([reading, how]);
  };
  add(name.toUpperCase(), "the upper-case spelling");
  add(
    name.replace(/(^|\.)([a-z])/g, (_m, dot: string, c: string) => dot + c.toUpperCase()),
    "the capitalized spelling",
  );
  add(` ${name}`, "a leading space");
  add(`${name} `, "a trailing space");
  add(`${name}\t`, "a trailing tab");
  add(`${name}\n`, "a trailing newline");
  if (name.length > 1) {
    add(`${name.slice(0, 1)}\u200b${name.slice(1)}`, "a zero-width space inside");
    add(`${name.slice(0, 1)}\u00ad${name.slice(1)}`, "a soft hyphen inside");
  }
  add(`\ufeff${name}`, "a leading byte-order mark");
  add(`${name}\u2060`, "a trailing word joiner");
  add(fullwidth(name), "the fullwidth spelling");
  if (name.length > 0) add(fullwidth(name.slice(-1)).padStart(name.length, name), "a fullwidth last letter");
  add(name.replace(/k/gi, "\u212a"), "the Kelvin sign for k");
  add(name.replace(/s/g, "\u017f"), "the long s for s");
  add(name.replace(/i/g, "\u0131"), "the dotless i for i");
  add(name.replace(/fi/g, "\ufb01"), "the fi ligature");
  add(`${name}.`, "a trailing dot");
  add(`.${name}`, "a leading dot");
  add(name.replace(".", ".."), "a doubled dot");
  add(name.replace(".", "\uff0e"), "a fullwidth dot");
  const dot = name.lastIndexOf(".");
  if (dot > 0) add(name.slice(dot + 1), "the last segment alone");
  else if (name.length > 0) add(`unknown.${name}`, "aex gate's reading of an undotted name");
  return out;
}

function fullwidth(text: string): string {
  return [...text].map((c) => (c >= "!" && c <= "~" ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join("");
}

// --- arguments --------------------------------------------------------------------------------

interface Field {
  /** "args" for an argument path, "context" for a call context field. */
  where: "args" | "context";
  path: string;
  candidates: { value: unknown; why: string }[];
}

/** The calls that vary one field of a tool at a time around values that otherwise pass. */
function argumentProbes(policy: Policy, name: string): GeneratedCall[] {
  const entries = Object.entries(policy.tools).filter(([key]) => key === name || matchToolPattern(key, name));
  if (entries.length === 0) return [];
  const fields = new Map<string, Field>();
  const field = (where: "args" | "context", path: string): Field => {
    const key = `${where}:${path}`;
    let found = fields.get(key);
    if (!found) {
      found = { where, path, candidates: [] };
      fields.set(key, found);
    }
    return found;
  };
  for (const [, tool] of entries) {
    for (const [path, limit] of Object.entries(tool.limits ?? {})) {
      const f = field("args", path);
      for (const bound of [limit.min, limit.max]) if (bound !== undefined) numberCandidates(f, bound);
      if (limit.max_length !== undefined) {
        const n = limit.max_length;
        candidate(f, "x".repeat(n), `a string of the longest length, ${n}`);
        candidate(f, "x".repeat(n + 1), `a string one longer than ${n}`);
        candidate(f, "", "an empty string");
        candidate(f, "\ud83d\ude00".repeat(Math.ceil((n + 1) / 2)), "a string of emoji (two code units each)");
      }
      for (const value of limit.one_of ?? []) valueCandidates(f, value);
      if (limit.one_of) candidate(f, "not-one-of-them", "a string outside one_of");
    }
    if (tool.approval?.when) for (const leaf of leaves(tool.approval.when)) conditionCandidates(leaf, field);
  }
  if (fields.size === 0) return [];
  for (const f of fields.values()) wrongTypes(f);
  const base = passingBase(policy, name, [...fields.values()]);
  const out: GeneratedCall[] = [];
  out.push({ call: { tool: name, ...base }, why: "values chosen to pass" });
  out.push({ call: { tool: name }, why: "no arguments and no context" });
  for (const f of fields.values()) {
    out.push({ call: { tool: name, ...withField(base, f, undefined) }, why: `${f.where}.${f.path} absent` });
    for (const { value, why } of f.candidates)
      out.push({ call: { tool: name, ...withField(base, f, value) }, why: `${f.where}.${f.path}: ${why}` });
    if (f.where === "args" && f.path.includes(".")) {
      const head = f.path.slice(0, f.path.indexOf("."));
      out.push({
        call: { tool: name, ...base, args: { ...(base.args as object), [head]: "flat" } },
        why: `${head} a string, not an object`,
      });
    }
  }
  // One field at a time cannot make an `all` hold: set every field it needs at once.
  for (const [, tool] of entries) {
    const when = tool.approval?.when;
    if (!when) continue;
    for (const node of [when, ...allNodes(when)]) {
      const assignment = holding(node, fields);
      if (!assignment) continue;
      let parts = base;
      for (const [f, value] of assignment) parts = withField(parts, f, value);
      out.push({ call: { tool: name, ...parts }, why: `every field set so that ${describeNode(node)} holds` });
    }
  }
  return [...out, ...shapeProbes(name, base)];
}

/** Calls of a shape decide() refuses or engines may misread: __proto__ keys, reserved argument names, non-object arguments or context. */
function shapeProbes(name: string, base: CallParts): GeneratedCall[] {
  const out: GeneratedCall[] = [];
  const args = base.args;
  out.push({ call: { tool: name, ...base, args: withProto(args) }, why: "a __proto__ key among the arguments" });
  out.push({ call: { tool: name, ...base, args: { ...args, data: withProto({ x: 1 }) } }, why: "a __proto__ key in a nested argument" });
  out.push({ call: { tool: name, ...base, context: withProto({ environment: "staging" }) }, why: "a __proto__ key in the context" });
  for (const reserved of ["tool_name", "arguments", "context"])
    out.push({
      call: { tool: name, ...base, args: { ...args, [reserved]: reservedValue(reserved) } },
      why: `an argument named ${reserved}`,
    });
  out.push({ call: { tool: name, args: "abc" }, why: "arguments that are a string" });
  out.push({ call: { tool: name, args: [1] }, why: "arguments that are an array" });
  out.push({ call: { tool: name, args: null }, why: "arguments that are null" });
  out.push({ call: { tool: name, ...base, context: "production" }, why: "a context that is a string" });
  return out;
}

function reservedValue(key: string): unknown {
  if (key === "tool_name") return "unknown.tool";
  if (key === "arguments") return { amount: 1 };
  return { environment: "staging", actor: "alice", tenant: "acme" };
}

/** An object holding an own __proto__ key, as JSON.parse makes one. */
function withProto(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(value).slice(1)}`.replace(", }", "}"));
}

function allNodes(condition: Condition): Condition[] {
  const inner = [...(condition.any ?? []), ...(condition.all ?? [])].flatMap(allNodes);
  return condition.all ? [condition, ...inner] : inner;
}

function describeNode(condition: Condition): string {
  return condition.all ? `all of ${condition.all.length} conditions` : condition.any ? `any of ${condition.any.length}` : "the condition";
}

/** Field values under which the condition holds, found with decide() itself on a one-gate policy; undefined when none. */
function holding(condition: Condition, fields: Map<string, Field>): Map<Field, unknown> | undefined {
  if (condition.all) {
    const merged = new Map<Field, unknown>();
    for (const inner of condition.all) {
      const part = holding(inner, fields);
      if (!part) return undefined;
      for (const [f, v] of part) {
        if (merged.has(f) && !sameValue(merged.get(f), v)) return undefined;
        merged.set(f, v);
      }
    }
    return merged;
  }
  if (condition.any) {
    for (const inner of condition.any) {
      const part = holding(inner, fields);
      if (part) return part;
    }
    return undefined;
  }
  const f = condition.arg !== undefined ? fields.get(`args:${condition.arg}`) : fields.get(`context:${condition.context}`);
  if (!f) return undefined;
  const leafOnly = {
    arg: condition.arg,
    context: condition.context,
    gt: condition.gt,
    gte: condition.gte,
    lt: condition.lt,
    lte: condition.lte,
    eq: condition.eq,
    ne: condition.ne,
    in: condition.in,
    not_in: condition.not_in,
  };
  const probe = {
    format: "agentspec-policy/1",
    agent: { id: "probe", version: "0" },
    default: "deny",
    deny: [],
    tools: { probe: { effect: "read", approval: { when: JSON.parse(JSON.stringify(leafOnly)) } } },
    budgets: {},
    hash: "",
  } as unknown as Policy;
  for (const { value } of f.candidates) {
    if (decide(probe, { tool: "probe", ...withField({ args: {} }, f, value) }).decision === "require_approval")
      return new Map([[f, value]]);
  }
  return undefined;
}

function leaves(condition: Condition): Condition[] {
  const inner = [...(condition.any ?? []), ...(condition.all ?? [])].flatMap(leaves);
  return condition.arg !== undefined || condition.context !== undefined ? [condition, ...inner] : inner;
}

function conditionCandidates(leaf: Condition, field: (where: "args" | "context", path: string) => Field): void {
  const f = leaf.arg !== undefined ? field("args", leaf.arg) : field("context", leaf.context!);
  for (const bound of [leaf.gt, leaf.gte, leaf.lt, leaf.lte]) if (bound !== undefined) numberCandidates(f, bound);
  for (const value of [leaf.eq, leaf.ne]) if (value !== undefined) valueCandidates(f, value);
  for (const value of [...(leaf.in ?? []), ...(leaf.not_in ?? [])]) valueCandidates(f, value);
  if (leaf.in || leaf.not_in) {
    candidate(f, "none-of-them", "a string in no list");
    candidate(f, 424242, "a number in no list");
  }
}

function candidate(f: Field, value: unknown, why: string): void {
  if (!f.candidates.some((c) => sameValue(c.value, value))) f.candidates.push({ value, why });
}

function numberCandidates(f: Field, bound: number): void {
  candidate(f, bound, `${bound}, the bound`);
  candidate(f, bound + 1, `${bound + 1}, above ${bound}`);
  candidate(f, bound - 1, `${bound - 1}, below ${bound}`);
  candidate(f, bound + 0.5, `${bound + 0.5}, just above ${bound}`);
  candidate(f, bound - 0.25, `${bound - 0.25}, just below ${bound}`);
  candidate(f, String(bound + 1), `"${bound + 1}", a number as a string`);
}

function valueCandidates(f: Field, value: string | number | boolean): void {
  candidate(f, value, `${JSON.stringify(value)}, an operand`);
  if (typeof value === "string") {
    candidate(f, value.toUpperCase(), `${JSON.stringify(value.toUpperCase())}, the operand upper-cased`);
    candidate(f, `${value}x`, `${JSON.stringify(`${value}x`)}, another string`);
    if (value.trim() !== "" && Number.isFinite(Number(value))) candidate(f, Number(value), `${value}, the operand as a number`);
  } else if (typeof value === "number") {
    candidate(f, String(value), `"${value}", the operand as a string`);
    candidate(f, value + 1, `${value + 1}, another number`);
  } else {
    candidate(f, !value, `${!value}, the other boolean`);
    candidate(f, String(value), `"${value}", the operand as a string`);
  }
}

function wrongTypes(f: Field): void {
  candidate(f, "abc", `"abc", a string`);
  candidate(f, true, "true, a boolean");
  candidate(f, null, "null");
  candidate(f, {}, "an empty object");
  candidate(f, { value: 1 }, "an object");
  candidate(f, [], "an empty array");
  candidate(f, [5], "an array of one number");
  candidate(f, Number.NaN, "NaN");
  candidate(f, Number.POSITIVE_INFINITY, "Infinity");
  candidate(f, Number.NEGATIVE_INFINITY, "-Infinity");
}

function sameValue(a: unknown, b: unknown): boolean {
  return Object.is(a, b) || (typeof a === "object" && typeof b === "object" && stableKey(a) === stableKey(b));
}

type CallParts = { args: Record<string, unknown>; context?: Record<string, unknown> };

/**
 * Values for every field that give the least strict decision decide() allows, chosen greedily:
 * one field at a time, keeping what the others were set to, in two passes.
 */
function passingBase(policy: Policy, name: string, fields: Field[]): CallParts {
  let base: CallParts = { args: {} };
  const rank = (parts: CallParts): number => RANK[decide(policy, { tool: name, ...parts }).decision];
  for (let pass = 0; pass < 2; pass++) {
    for (const f of fields) {
      let best = withField(base, f, undefined);
      let bestRank = rank(best);
      for (const { value } of f.candidates) {
        const next = withField(base, f, value);
        const r = rank(next);
        if (r < bestRank) [best, bestRank] = [next, r];
      }
      base = best;
    }
  }
  return base;
}

const RANK = { allow: 0, require_approval: 1, deny: 2 } as const;

/** parts with one field set (a dotted argument path as nested objects) or, for undefined, removed. */
function withField(parts: CallParts, f: Field, value: unknown): CallParts {
  if (f.where === "context") {
    const context = { ...(parts.context ?? {}) };
    if (value === undefined) delete context[f.path];
    else context[f.path] = value;
    return Object.keys(context).length > 0 ? { args: parts.args, context } : { args: parts.args };
  }
  return { ...parts, args: setPath(parts.args, f.path.split("."), value) };
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path as [string, ...string[]];
  const copy: Record<string, unknown> = { ...target };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else defineOwn(copy, head, value);
    return copy;
  }
  const inner = copy[head];
  const next = setPath(
    inner !== null && typeof inner === "object" && !Array.isArray(inner) ? (inner as Record<string, unknown>) : {},
    rest,
    value,
  );
  if (Object.keys(next).length === 0) delete copy[head];
  else defineOwn(copy, head, next);
  return copy;
}

/** An own property even for the key __proto__, which assignment would take as the prototype. */
function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

// --- identity ---------------------------------------------------------------------------------

/** A key that tells calls apart: own __proto__ keys, NaN and the infinities included. */
export function stableKey(value: unknown): string {
  if (value === undefined) return "u";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : `#${value}`;
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableKey).join(",")}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableKey((value as Record<string, unknown>)[k])}`)
    .join(",")}}`;
}

/** A call as one line, for tables and failure messages: long strings are shortened. */
export function describeCall(call: ProbeCall): string {
  const parts = [JSON.stringify(call.tool)];
  if (call.args !== undefined) parts.push(`args ${shorten(stableKey(call.args))}`);
  if (call.context !== undefined) parts.push(`context ${shorten(stableKey(call.context))}`);
  return parts.join(" ");
}

function shorten(text: string): string {
  return text.replace(/"((?:[^"\\]|\\.){40,})"/g, (_m, inner: string) => `"${inner.slice(0, 12)}…" (${inner.length} characters)`);
}

class CallSet {
  readonly calls: GeneratedCall[] = [];
  private readonly seen = new Set<string>();
  add(call: ProbeCall, why: string): void {
    const key = stableKey(call);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.calls.push({ call, why });
  }
}

/** At most `cap` calls, taken evenly so every kind of probe keeps some. */
function thin(calls: GeneratedCall[], cap: number): GeneratedCall[] {
  if (calls.length <= cap) return calls;
  const step = calls.length / cap;
  return Array.from({ length: cap }, (_, i) => calls[Math.floor(i * step)]!);
}

/**
 * Every tool name and deny pattern of the policy with its dots written as ideographic full stops
 * (U+3002, U+FF61, and U+FE12, which NFKC makes U+3002): readings IDNA-style dispatchers take as
 * the dotted name. Kept apart from generateCalls, whose counts the README's agreement tables give.
 */
export function ideographicStopCalls(policy: Policy): GeneratedCall[] {
  const names = [...Object.keys(policy.tools), ...policy.deny.map((d) => d.pattern)]
    .flatMap((pattern) => (pattern.includes("*") || pattern.includes("?") ? instances(pattern) : [pattern]))
    .filter((name) => name.includes("."));
  const out: GeneratedCall[] = [];
  for (const name of new Set(names))
    for (const [stop, which] of [
      ["\u3002", "U+3002"],
      ["\uff61", "U+FF61"],
      ["\ufe12", "U+FE12"],
    ] as const) {
      out.push({ call: { tool: name.replaceAll(".", stop) }, why: `${JSON.stringify(name)} with every dot as ${which}` });
      out.push({ call: { tool: name.replace(".", stop) }, why: `${JSON.stringify(name)} with its first dot as ${which}` });
    }
  return out;
}
