/**
 * aex → agentspec. Reads a `.aex` policy or task contract (`policy|task|agent NAME vN`, `goal`,
 * `allow` / `use`, `deny`, `need`, `budget k=N, …`, `confirm before`, and a task's steps), or aex's
 * JSON policy (`allow` entries `tool` or `tool:path`, `deny`, `require_confirmation`, `budget`,
 * an inline `extends`). A file aex itself would reject (no declaration, a line aex does not
 * recognize, no goal, a JSON policy with fields aex's schema does not have) is refused at its line.
 *
 * The spec decides every call as aex's engines do (its MCP proxy, `aex gate`, `aex run`) or more
 * strictly, and says where: each such part is a NOTE in the header and a warning at its line.
 * aex matches `*`, a trailing `.*` (which also matches the name before it) and exact strings; its
 * gate reads Claude Code's tool names as aex names and any other undotted name as `unknown.<name>`;
 * `aex run` reads an empty allow list as no restriction. Tool effects are inferred from names.
 */
import path from "node:path";
import { AgentspecError } from "../errors.js";
import { inferEffect } from "../model/index.js";
import { isObject, parseSource } from "../load/index.js";
import type { ImportContext, Importer, ImportResult } from "./types.js";
import { toSpecYaml } from "./yaml-out.js";

/** What an aex file says, whichever of its forms it was written in, with the line of each part. */
export interface AexPolicy {
  kind: "policy" | "task" | "json";
  name: string;
  version?: string;
  goal?: string;
  /** Allowed entries in order, each with the resources its `tool:path` entries name. */
  allow: { tool: string; resources: string[]; line: number }[];
  deny: { pattern: string; line: number }[];
  confirm: { tool: string; line: number }[];
  budget: Record<string, number>;
  budgetLine?: number;
  /** Task inputs (`need name: type`). */
  needs: { text: string; line: number }[];
  /** A task's steps by kind, with the line of the first. */
  steps: Map<string, number>;
}

/** Claude Code's tool names aex gate reads as aex names (aex-runtime gate.ts). */
const GATE_READS: Readonly<Record<string, string[]>> = {
  "file.read": ["Read", "Glob", "Grep", "LS", "NotebookRead"],
  "file.write": ["Write", "Edit", "MultiEdit", "NotebookEdit"],
  "shell.exec": ["Bash"],
  "network.fetch": ["WebFetch"],
  "network.search": ["WebSearch"],
  "todo.read": ["TodoRead"],
  "todo.write": ["TodoWrite"],
  "agent.spawn": ["Agent"],
};

export const aexImporter: Importer = {
  id: "aex",
  description: "an aex .aex policy or task contract, or aex's JSON policy",
  docs: "Reads an aex `.aex` policy or task contract (`policy`, `goal`, `allow` / `use`, `deny`, `confirm before`, `budget`, `need`, and a task's steps) or aex's JSON policy (`allow`, `deny`, `require_confirmation`, `budget`, an inline `extends`); a file aex would reject is refused at its line. The spec decides every call as aex's proxy, gate and runtime do, or more strictly: aex patterns other than `*` and a trailing `.*` are exact names to aex (an allowed one is left out, a denied one denies more), undotted names are left out (aex gate reads them as `unknown.<name>`), a `confirm before` pattern gates every allowed entry it may match. What cannot be carried (a task's steps, its inputs, other budgets) is a NOTE in the header and a warning at its line. Tool effects are inferred from names and marked for review.",
  import: (text, file, context) => {
    const policy = parseAex(text, file, context);
    return policy ? aexToYaml(policy, file, context) : { yaml: "", notes: [] };
  },
};

/** The file's policy; undefined when it was refused (the problems are reported). */
export function parseAex(text: string, file: string, context: ImportContext): AexPolicy | undefined {
  return /^\uFEFF?\s*\{/.test(text) ? parseAexJson(text, file, context) : parseAexText(text, file);
}

// --- .aex text ---------------------------------------------------------------------------------

const STEP = /^(do|make|check|return|if|for)\s/;

function parseAexText(text: string, file: string): AexPolicy {
  // Until its declaration a file is no policy: aex refuses `allow` there too.
  const policy: AexPolicy = { kind: "task", name: "", allow: [], deny: [], confirm: [], budget: {}, needs: [], steps: new Map() };
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  let declared = false;
  let returnDepth = 0;
  let inMake = false;
  lines.forEach((raw, index) => {
    const n = index + 1;
    const line = raw.trim();
    const column = raw.length - raw.trimStart().length + 1;
    const fail = (why: string): never => {
      throw new AgentspecError("BAD_IMPORT", `${file}:${n}:${column}: ${why}`);
    };
    if (returnDepth > 0) {
      returnDepth += count(raw, "{") - count(raw, "}");
      return;
    }
    if (line === "" || line.startsWith("#")) {
      inMake = false;
      return;
    }
    if (inMake && line.startsWith("-")) return;
    inMake = false;
    const declaration = /^(agent|policy|task)\s+([A-Za-z0-9_-]+)\s+v([0-9.]+)$/.exec(line);
    if (/^(agent|policy|task)\s/.test(line)) {
      if (!declaration) fail(`expected "policy NAME vN" or "task NAME vN" (NAME letters, digits, _ and -), found "${line}"`);
      Object.assign(policy, {
        kind: declaration![1] === "policy" ? "policy" : "task",
        name: declaration![2],
        version: `v${declaration![3]}`,
      });
      declared = true;
      return;
    }
    const [keyword = "", rest = ""] = splitFirst(line);
    switch (keyword) {
      case "goal": {
        const goal = /^goal\s+"(.*)"$/.exec(line) ?? fail(`the goal must be a quoted string, found "${line}"`);
        policy.goal = unquote(`"${goal[1]}"`);
        return;
      }
      case "allow":
      case "use":
        // A policy's allow and a task's use are the same list; aex refuses allow in a task.
        if (keyword === "allow" && policy.kind !== "policy")
          fail("`allow` is only valid in a policy: a task contract lists its tools with `use` (aex AEX121)");
        policy.allow.push(...list(rest).map((tool) => ({ tool, resources: [], line: n })));
        return;
      case "deny":
        policy.deny.push(...list(rest).map((pattern) => ({ pattern, line: n })));
        return;
      case "need":
        if (policy.kind === "policy") fail("`need` is not allowed in a policy (aex AEX120)");
        if (!/^need\s+[A-Za-z0-9_.-]+\s*:\s*.+$/.exec(line)) fail(`expected "need NAME: TYPE", found "${line}"`);
        policy.needs.push({ text: rest, line: n });
        return;
      case "budget":
        policy.budgetLine = n;
        for (const part of list(rest)) {
          const [key = "", value] = part.split("=");
          const amount = Number(value);
          if (!key.trim() || !Number.isFinite(amount)) fail(`expected "budget calls=N" (entries separated by commas), found "${part}"`);
          policy.budget[key.trim()] = amount;
        }
        return;
      case "confirm":
        if (!rest.startsWith("before ")) fail(`expected "confirm before TOOL", found "${line}"`);
        policy.confirm.push({ tool: rest.slice("before ".length).trim(), line: n });
        return;
    }
    if (STEP.test(`${line} `)) {
      if (policy.kind === "policy") fail(`\`${keyword}\` is not allowed in a policy: a policy holds authority only (aex AEX120)`);
      if (!policy.steps.has(keyword)) policy.steps.set(keyword, n);
      if (keyword === "make") inMake = true;
      if (keyword === "return") {
        const depth = count(line, "{") - count(line, "}");
        if (depth > 0 && !line.endsWith("}")) returnDepth = depth;
      }
      return;
    }
    fail(
      declared
        ? `aex does not recognize this line: "${line}"`
        : `not an aex file: it starts with "${line}", not "policy NAME vN" or "task NAME vN"`,
    );
  });
  if (!declared) throw new AgentspecError("BAD_IMPORT", `${file}:1:1: not an aex file: it has no "policy NAME vN" or "task NAME vN" line`);
  return policy;
}

// --- JSON policy -------------------------------------------------------------------------------

const JSON_FIELDS = ["extends", "allow", "deny", "require_confirmation", "budget"];
const MAX_EXTENDS = 16;

function parseAexJson(text: string, file: string, context: ImportContext): AexPolicy | undefined {
  const doc = parseSource(file.endsWith(".json") ? file : `${file}.json`, text);
  const syntax = doc.diagnostics.filter((d) => d.severity === "error");
  if (syntax.length > 0 || doc.data === undefined) {
    for (const d of syntax) context.report({ message: `not valid JSON: ${d.message}`, line: d.line, column: d.column });
    if (syntax.length === 0) context.report({ message: "not valid JSON" });
    return undefined;
  }
  const problems: [string, string][] = [];
  const composed = readJsonPolicy(doc.data, "", problems, 0);
  for (const [pointer, message] of problems) context.report({ message, ...doc.locate(pointer, "key") });
  if (problems.length > 0 || !composed) return undefined;
  const allow: AexPolicy["allow"] = [];
  for (const { entry, pointer } of composed.allow) {
    const colon = entry.indexOf(":");
    const tool = colon === -1 ? entry : entry.slice(0, colon);
    let target = allow.find((a) => a.tool === tool);
    if (!target) allow.push((target = { tool, resources: [], line: doc.locate(pointer).line }));
    if (colon !== -1) target.resources.push(entry.slice(colon + 1));
  }
  return {
    kind: "json",
    name: path
      .basename(file)
      .replace(/(\.policy)?\.json$/i, "")
      .replace(/^policy$/i, path.basename(path.dirname(path.resolve(file)))),
    allow,
    // runTask splits deny entries at ':' too and denies the tool part.
    deny: composed.deny.map(({ entry, pointer }) => ({ pattern: entry.split(":")[0]!, line: doc.locate(pointer).line })),
    confirm: composed.confirm.map(({ entry, pointer }) => ({ tool: entry, line: doc.locate(pointer).line })),
    budget: composed.budget,
    budgetLine: composed.budgetPointer === undefined ? undefined : doc.locate(composed.budgetPointer).line,
    needs: [],
    steps: new Map(),
  };
}

interface Located {
  entry: string;
  pointer: string;
}

interface JsonLayer {
  allow: Located[];
  deny: Located[];
  confirm: Located[];
  budget: Record<string, number>;
  budgetPointer?: string;
}

/** aex's policy schema and its CLI's validatePolicyData, checked together; an inline `extends` composed as aex composes it. */
function readJsonPolicy(data: unknown, base: string, problems: [string, string][], depth: number): JsonLayer | undefined {
  if (!isObject(data)) {
    problems.push([base, "an aex JSON policy is an object with allow, deny, require_confirmation, budget or extends"]);
    return undefined;
  }
  for (const key of Object.keys(data))
    if (!JSON_FIELDS.includes(key))
      problems.push([`${base}/${key}`, `"${key}" is not a field of an aex JSON policy (${JSON_FIELDS.join(", ")})`]);
  const strings = (key: string): Located[] => {
    const value = data[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      problems.push([`${base}/${key}`, `"${key}" must be a list of strings`]);
      return [];
    }
    return value.flatMap((v, i) => {
      if (typeof v === "string") return [{ entry: v, pointer: `${base}/${key}/${i}` }];
      problems.push([`${base}/${key}/${i}`, `"${key}" holds only strings`]);
      return [];
    });
  };
  const layer: JsonLayer = { allow: strings("allow"), deny: strings("deny"), confirm: strings("require_confirmation"), budget: {} };
  if (data.budget !== undefined) {
    layer.budgetPointer = `${base}/budget`;
    if (!isObject(data.budget)) problems.push([`${base}/budget`, `"budget" must be an object of numbers, e.g. { "calls": 30 }`]);
    else
      for (const [key, value] of Object.entries(data.budget)) {
        if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
          problems.push([`${base}/budget/${key}`, `budget "${key}" must be a number, 0 or more`]);
        else layer.budget[key] = value;
      }
  }
  if (data.extends === undefined) return layer;
  if (typeof data.extends === "string") {
    problems.push([
      `${base}/extends`,
      `"extends" names another file (${data.extends}), which aex reads when it runs: inline the policy it extends, or import the file it names`,
    ]);
    return undefined;
  }
  if (depth >= MAX_EXTENDS) {
    problems.push([`${base}/extends`, `"extends" is nested more than ${MAX_EXTENDS} deep`]);
    return undefined;
  }
  const parent = readJsonPolicy(data.extends, `${base}/extends`, problems, depth + 1);
  if (!parent) return undefined;
  // aex composePolicies: unions, and the smaller of each budget.
  const budget: Record<string, number> = { ...parent.budget };
  for (const [key, value] of Object.entries(layer.budget)) budget[key] = key in budget ? Math.min(budget[key]!, value) : value;
  return {
    allow: [...parent.allow, ...layer.allow],
    deny: [...parent.deny, ...layer.deny],
    confirm: [...parent.confirm, ...layer.confirm],
    budget,
    budgetPointer: layer.budgetPointer ?? parent.budgetPointer,
  };
}

// --- the spec ----------------------------------------------------------------------------------

/** aex's matcher (aex-parser match.ts): `*`, a trailing `.*` (the name before it too), or the exact name. */
function aexMatches(name: string, pattern: string): boolean {
  if (pattern === "*") return true;
  if (pattern.endsWith(".*")) return name.startsWith(pattern.slice(0, -1)) || name === pattern.slice(0, -2);
  return name === pattern;
}

/** A pattern aex reads as a pattern (`*` or a trailing `.*` after a plain name); any other * or ? is part of an exact name to aex. */
function aexPattern(entry: string): boolean {
  return entry === "*" || (entry.endsWith(".*") && !/[*?]/.test(entry.slice(0, -2)));
}

const hasWildcard = (entry: string): boolean => /[*?]/.test(entry);

export function aexToYaml(aex: AexPolicy, file: string, context: ImportContext): ImportResult {
  // aex's engines read a file without a goal; only `aex check` rejects it.
  if (aex.kind !== "json" && aex.goal === undefined)
    context.report({
      severity: "warning",
      message: 'aex check rejects a file without a goal (AEX002): add one, e.g. goal "What the agent is for."',
      line: 1,
    });
  const notes: string[] = [];
  const note = (message: string, line: number): void => {
    notes.push(message);
    context.report({ severity: "warning", message, line });
  };
  const tools: Record<string, Record<string, unknown>> = {};
  const add = (name: string, resources: string[]): void => {
    tools[name] ??= { effect: inferEffect(name) };
    if (resources.length > 0) tools[name].resources = [...((tools[name].resources as string[]) ?? []), ...resources];
  };
  for (const { tool, resources, line } of aex.allow) {
    if (hasWildcard(tool) && !aexPattern(tool)) {
      note(
        `allow ${tool} was left out: aex reads it as one exact name, and a * or ? is a wildcard in agentspec, which would allow more.`,
        line,
      );
      continue;
    }
    if (tool === "*") {
      add(tool, resources);
      continue;
    }
    const plain = aexPattern(tool) ? tool.slice(0, -2) : tool;
    if (!plain.includes(".")) {
      const why = `aex gate reads the undotted ${plain} as unknown.${plain}, which it denies, where aex's proxy allows ${plain}; add it to tools if the agent calls it through the proxy.`;
      if (aexPattern(tool)) {
        add(tool, resources);
        note(`aex's ${tool} also allows ${plain} itself, which was left out: ${why}`, line);
      } else note(`allow ${tool} was left out: ${why}`, line);
      continue;
    }
    add(tool, resources);
    // aex's x.* also allows x itself.
    if (aexPattern(tool)) add(plain, resources);
    const readers = GATE_READS[plain];
    if (readers)
      note(`aex gate also allows ${readers.join(", ")} (Claude Code's names for ${plain}); agentspec allows ${plain} only as named.`, line);
    if (plain.startsWith("unknown.") && !plain.slice(8).includes("."))
      note(`aex gate also allows the undotted ${plain.slice(8)} as ${plain}; agentspec allows ${plain} only as named.`, line);
  }
  if (aex.allow.length === 0 && aex.kind !== "task")
    note("the policy allows no tool, which aex run reads as no restriction; agentspec allows nothing.", 1);
  const deny: string[] = [];
  for (const { pattern, line } of aex.deny) {
    if (aexPattern(pattern) && pattern !== "*") deny.push(pattern, pattern.slice(0, -2));
    else deny.push(pattern);
    if (hasWildcard(pattern) && !aexPattern(pattern))
      note(`deny ${pattern} denies more here: aex reads it as one exact name, agentspec as a pattern.`, line);
  }
  if (deny.length > 0)
    notes.push(
      "agentspec denies every spelling of a denied name (other cases, compatibility and invisible characters) and malformed names, where aex compares exact strings.",
    );
  // A confirmation gates every allowed entry it may reach (aex's proxy and gate match it as a
  // pattern; aex run matches it exactly): a name under an allowed pattern gets an exact gated entry.
  for (const { tool: confirm, line } of aex.confirm) {
    const gated: string[] = [];
    const coveredBy = Object.keys(tools).filter((entry) => aexPattern(entry) && aexMatches(confirm, entry));
    if (!hasWildcard(confirm) && coveredBy.length > 0 && !tools[confirm]) add(confirm, []);
    for (const entry of Object.keys(tools)) {
      const reached = aexPattern(entry)
        ? hasWildcard(confirm) && overlaps(entry, confirm)
        : aexMatches(entry, confirm) || entry === confirm;
      if (!reached) continue;
      tools[entry]!.approval = true;
      gated.push(entry);
    }
    if (gated.length === 0) note(`confirm before ${confirm} names no allowed tool, so it is denied anyway; it was left out.`, line);
    else if (gated.some((g) => aexPattern(g) && g !== confirm))
      note(`confirm before ${confirm} gates ${gated.join(", ")}: every allowed entry it may match.`, line);
  }
  const { calls, ...otherBudgets } = aex.budget;
  for (const [key, value] of Object.entries(otherBudgets))
    note(`aex budget ${key}=${value} has no agentspec equivalent; it was left out.`, aex.budgetLine ?? 1);
  if (aex.needs.length > 0) note(`task inputs (aex need): ${aex.needs.map((n) => n.text).join("; ")}.`, aex.needs[0]!.line);
  if (aex.steps.size > 0) {
    const where = [...aex.steps].map(([kind, line]) => `${kind} (line ${line})`).join(", ");
    note(
      `the task's steps were left out: ${where}. agentspec authorizes each call by the allowlist; aex run also calls only the steps the task lists, in order, and stops where a check fails.`,
      Math.min(...aex.steps.values()),
    );
  }
  const spec = {
    agentspec: "1.0",
    agent: { id: agentId(aex.name), version: aexVersion(aex.version), ...(aex.goal ? { goal: aex.goal } : {}) },
    tools,
    ...(deny.length > 0 ? { deny: [...new Set(deny)] } : {}),
    ...(calls !== undefined ? { limits: { max_tool_calls: calls } } : {}),
    // What the aex runtime does whatever the policy says: a confirmation pauses the run for the
    // operator, and every decision is a JSONL audit event.
    ...(Object.values(tools).some((t) => t.approval)
      ? { handoff: { triggers: ["confirm.required"], destination: "the operator running aex" } }
      : {}),
    audit: { append_only: true, logs: ["tool.allowed", "tool.denied", "confirm.required", "confirm.approved"] },
  };
  return {
    yaml: toSpecYaml(spec, {
      from: `aex ${aex.kind === "json" ? "JSON policy" : aex.kind} ${path.basename(file)}`,
      inferredEffects: Object.keys(tools),
      notes,
    }),
    notes,
  };
}

/** Whether an allowed aex pattern and a confirm pattern can match one name (for the patterns aex has). */
function overlaps(entry: string, confirm: string): boolean {
  if (entry === "*" || confirm === "*") return true;
  const prefix = (p: string): string | undefined => (aexPattern(p) ? p.slice(0, -1) : undefined);
  const [a, b] = [prefix(entry), prefix(confirm)];
  if (a !== undefined && b !== undefined) return a.startsWith(b) || b.startsWith(a);
  if (a !== undefined) return aexMatches(confirm, entry);
  return false;
}

/** aex versions are `v0`, `v1`: agentspec keeps the number as a semantic version. */
function aexVersion(version: string | undefined): string {
  const match = version && /^v(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(version);
  return match ? `${match[1]}.${match[2] ?? 0}.${match[3] ?? 0}` : "0.0.0";
}

export function agentId(name: string): string {
  const id = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[^a-z0-9]+/, "");
  return id || "imported";
}

function splitFirst(line: string): [string, string] {
  const space = line.search(/\s/);
  return space === -1 ? [line, ""] : [line.slice(0, space), line.slice(space + 1).trim()];
}

/** aex's lists: split at commas, trimmed, empty parts dropped. */
function list(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function count(text: string, token: string): number {
  return text.split(token).length - 1;
}

function unquote(text: string): string {
  try {
    return String(JSON.parse(text));
  } catch {
    return text.slice(1, -1);
  }
}
