/**
 * aex → agentspec. Reads a `.aex` policy (`policy NAME vN`, `goal`, `allow`, `deny`,
 * `confirm before`, `budget calls=N`), the authority header of a `.aex` task contract (`task`,
 * `goal`, `use`, `deny`, `need`, `confirm before`; its steps are not authority and are left out),
 * or aex's JSON policy (`allow` entries `tool` or `tool:resource`, `deny`,
 * `require_confirmation`, `budget`). aex tools carry no effect: it is inferred from the verb.
 * The audit and handoff sections describe what the aex runtime itself does (JSONL audit events;
 * a `confirm before` pauses the run for the operator).
 */
import path from "node:path";
import { AgentspecError } from "../errors.js";
import { inferEffect } from "../model/index.js";
import type { Importer, ImportResult } from "./types.js";
import { toSpecYaml } from "./yaml-out.js";

/** What an aex file says, whichever of its forms it was written in. */
export interface AexPolicy {
  kind: "policy" | "task" | "json";
  name: string;
  version?: string;
  goal?: string;
  /** Allowed tools in order, each with the resources its `tool:resource` entries name. */
  allow: { tool: string; resources: string[] }[];
  deny: string[];
  confirm: string[];
  budget: Record<string, number>;
  /** Task inputs (`need name: type`). */
  needs: string[];
}

export const aexImporter: Importer = {
  id: "aex",
  description: "an aex .aex policy or task contract, or aex's JSON policy",
  docs: "Reads an aex `.aex` policy (`policy`, `goal`, `allow`, `deny`, `confirm before`, `budget calls=N`), the header of an `.aex` task contract (`task`, `use`, `deny`, `need`, `confirm before`), or aex's JSON policy (`allow`, `deny`, `require_confirmation`, `budget`). Tool effects are inferred from names and marked for review; what cannot be carried is listed as NOTE comments in the header.",
  import: (text, file) => aexToYaml(parseAex(text, file), file),
};

export function parseAex(text: string, file: string): AexPolicy {
  return /^\s*\{/.test(text) ? parseAexJson(text, file) : parseAexText(text, file);
}

function parseAexText(text: string, file: string): AexPolicy {
  const policy: AexPolicy = { kind: "policy", name: "", allow: [], deny: [], confirm: [], budget: {}, needs: [] };
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const fail = (why: string): never => {
      throw new AgentspecError("BAD_IMPORT", `${file}:${index + 1}: ${why}`);
    };
    const [keyword = "", rest = ""] = splitFirst(line);
    switch (keyword) {
      case "policy":
      case "task": {
        const match = /^([A-Za-z_][\w.-]*)(?:\s+(v\S+))?$/.exec(rest) ?? fail(`expected "${keyword} NAME vN", found "${line}"`);
        Object.assign(policy, { kind: keyword, name: match[1], version: match[2] });
        break;
      }
      case "goal":
        policy.goal = unquote(rest);
        break;
      case "allow":
      case "use":
        policy.allow.push(...list(rest).map((entry) => ({ tool: entry, resources: [] })));
        break;
      case "deny":
        policy.deny.push(...list(rest));
        break;
      case "confirm":
        if (!rest.startsWith("before ")) fail(`expected "confirm before TOOL", found "${line}"`);
        for (const tool of list(rest.slice("before ".length))) if (!policy.confirm.includes(tool)) policy.confirm.push(tool);
        break;
      case "budget":
        for (const pair of rest.split(/[\s,]+/).filter(Boolean)) {
          const [key, value] = pair.split("=");
          const amount = Number(value);
          if (!key || value === undefined || !Number.isFinite(amount)) fail(`expected "budget calls=N", found "${pair}"`);
          policy.budget[key!] = amount;
        }
        break;
      case "need":
        policy.needs.push(rest);
        break;
      default:
        break; // task steps (do, make, check, return) and their bodies are not authority
    }
  });
  if (!policy.name) throw new AgentspecError("BAD_IMPORT", `${file}: not an aex file: it has no "policy NAME vN" or "task NAME vN" line`);
  return policy;
}

function parseAexJson(text: string, file: string): AexPolicy {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new AgentspecError("BAD_IMPORT", `${file}: not valid JSON (${(error as Error).message})`);
  }
  const strings = (key: string): string[] => {
    const value = (data as Record<string, unknown>)[key];
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string"))
      throw new AgentspecError("BAD_IMPORT", `${file}: "${key}" must be a list of strings`);
    return value as string[];
  };
  if (!data || typeof data !== "object" || Array.isArray(data))
    throw new AgentspecError("BAD_IMPORT", `${file}: an aex JSON policy is an object`);
  const allow: AexPolicy["allow"] = [];
  for (const entry of strings("allow")) {
    const colon = entry.indexOf(":");
    const tool = colon === -1 ? entry : entry.slice(0, colon);
    const existing = allow.find((a) => a.tool === tool);
    const target = existing ?? { tool, resources: [] };
    if (!existing) allow.push(target);
    if (colon !== -1) target.resources.push(entry.slice(colon + 1));
  }
  const budget = (data as Record<string, unknown>).budget;
  return {
    kind: "json",
    name: path
      .basename(file)
      .replace(/(\.policy)?\.json$/i, "")
      .replace(/^policy$/i, path.basename(path.dirname(path.resolve(file)))),
    allow,
    deny: strings("deny"),
    confirm: strings("require_confirmation"),
    budget: budget && typeof budget === "object" ? (budget as Record<string, number>) : {},
    needs: [],
  };
}

export function aexToYaml(aex: AexPolicy, file: string): ImportResult {
  const notes: string[] = [];
  const tools: Record<string, Record<string, unknown>> = {};
  for (const { tool, resources } of aex.allow) {
    tools[tool] = {
      effect: inferEffect(tool),
      ...(resources.length > 0 ? { resources } : {}),
      ...(aex.confirm.includes(tool) ? { approval: true } : {}),
    };
  }
  for (const tool of aex.confirm) {
    if (!tools[tool]) notes.push(`"confirm before ${tool}" names a tool that is not allowed, so it is denied anyway; it was left out.`);
  }
  const { calls, ...otherBudgets } = aex.budget;
  for (const [key, value] of Object.entries(otherBudgets))
    notes.push(`aex budget ${key}=${value} has no agentspec equivalent; it was left out.`);
  if (aex.needs.length > 0) notes.push(`task inputs (aex need): ${aex.needs.join("; ")}.`);
  const spec = {
    agentspec: "1.0",
    agent: { id: agentId(aex.name), version: aexVersion(aex.version), ...(aex.goal ? { goal: aex.goal } : {}) },
    tools,
    ...(aex.deny.length > 0 ? { deny: aex.deny } : {}),
    ...(calls !== undefined ? { limits: { max_tool_calls: calls } } : {}),
    // What the aex runtime does whatever the policy says: a confirmation pauses the run for the
    // operator, and every decision is a JSONL audit event.
    ...(aex.confirm.some((t) => tools[t]) ? { handoff: { triggers: ["confirm.required"], destination: "the operator running aex" } } : {}),
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

/** aex versions are `v0`, `v1`: agentspec keeps the number as a semantic version. */
function aexVersion(version: string | undefined): string {
  const match = version && /^v(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(version);
  return match ? `${match[1]}.${match[2] ?? 0}.${match[3] ?? 0}` : (version ?? "0.0.0");
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

function list(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function unquote(text: string): string {
  if (!(text.startsWith('"') && text.endsWith('"') && text.length >= 2)) return text;
  try {
    return String(JSON.parse(text));
  } catch {
    return text.slice(1, -1);
  }
}
