/**
 * agentspec.config.json: found upward from the working directory or named with --config,
 * validated against schema/config.schema.json and the rule registry. Any problem is a
 * BAD_CONFIG error naming the file, the line:column and the fix.
 */
import { statSync } from "node:fs";
import path from "node:path";
import type { ValidateFunction } from "ajv";
import type { AgentspecConfig } from "../../generated/config.js";
import { validateConfig as precompiledValidator } from "../../generated/validate-config.js";
import { closestName, type Diagnostic } from "../diagnostics.js";
import { AgentspecError } from "../errors.js";
import { type FindOptions, joinPointer, readTextIfExists, type SourceDoc } from "../load/index.js";
import { parseJsonSource } from "../load/json.js";
import { schemaDiagnostics } from "../validate/messages.js";
import { configurableRuleIds, isBuiltinRule, type RuleMeta } from "./catalog.js";
import type { LintConfig } from "./engine.js";
import { rules as registeredRules } from "./rules/index.js";

export const CONFIG_FILE_NAME = "agentspec.config.json";

/** What `lintFiles` takes, and the file it came from (none when no config file was found). */
export interface LoadedConfig extends LintConfig, FindOptions {
  file?: string;
}

export interface LoadConfigOptions {
  /** Where the upward search starts. */
  cwd: string;
  /** A config file named explicitly (--config): it must exist, and no search is made. */
  file?: string;
  /** The rules whose ids the config may name; the registered rules by default. */
  rules?: readonly RuleMeta[];
}

export async function loadConfig({ cwd, file, rules = registeredRules }: LoadConfigOptions): Promise<LoadedConfig> {
  const found = file === undefined ? await findConfigFile(cwd) : path.resolve(cwd, file);
  if (found === undefined) return {};
  // Messages name the file as typed, or relative to where the search started (../agentspec.config.json).
  const shown = file ?? path.relative(cwd, found);
  return { ...parseConfig(shown, await readConfigText(found, shown), rules), file: found };
}

/** The nearest agentspec.config.json in `dir` or a parent directory, up to the filesystem root. */
export async function findConfigFile(dir: string): Promise<string | undefined> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    const info = statConfig(candidate);
    if (info?.isFile()) return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}

/**
 * A candidate config file's stat: undefined where there is none or its directory cannot be
 * searched; any other problem (a symlink loop, a name too long) stops the run naming the file.
 */
function statConfig(candidate: string) {
  try {
    return statSync(candidate, { throwIfNoEntry: false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR" || code === "EACCES" || code === "EPERM") return undefined;
    throw new AgentspecError("BAD_CONFIG", `${candidate}: the config file cannot be read (${code ?? (error as Error).message})`);
  }
}

/** Parses and checks config text; `file` names it in error messages. Throws BAD_CONFIG. */
export function parseConfig(file: string, text: string, rules: readonly RuleMeta[] = registeredRules): LoadedConfig {
  const source = parseJsonSource(file, text);
  const problems = source.data === undefined ? source.diagnostics : [...source.diagnostics, ...checkConfig(source, rules)];
  if (problems.length > 0) throw badConfig(file, problems);
  const config = source.data as AgentspecConfig;
  const loaded: LoadedConfig = {};
  if (config.rules) loaded.rules = config.rules;
  if (config.options) loaded.options = config.options;
  if (config.ignore) loaded.ignore = config.ignore;
  return loaded;
}

async function readConfigText(file: string, shown: string): Promise<string> {
  const text = readTextIfExists(file, { what: "config file", shown, code: "BAD_CONFIG" });
  if (text === undefined) throw new AgentspecError("BAD_CONFIG", `${shown}: no such config file: check the --config path`);
  return text;
}

/** Precompiled by `npm run generate` (ajv standalone), so loading a config compiles no schema. */
const validateConfig = precompiledValidator as ValidateFunction;

function checkConfig(source: SourceDoc, rules: readonly RuleMeta[]): Diagnostic[] {
  const data = source.data;
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return [problem(source, "", 'The config must be a JSON object, such as {"rules": {}}')];
  }
  if (!validateConfig(data)) {
    // The messages name the spec's root "the spec"; here the root is the config.
    return schemaDiagnostics(source, validateConfig.errors ?? []).map((d) => ({
      ...d,
      message: d.message.replace(/\bthe spec\b/, "the config"),
    }));
  }
  return unknownRuleIds(source, (data as AgentspecConfig).rules ?? {}, rules);
}

function unknownRuleIds(source: SourceDoc, settings: Record<string, unknown>, rules: readonly RuleMeta[]): Diagnostic[] {
  const known = configurableRuleIds(rules);
  return Object.keys(settings)
    .filter((id) => !known.has(id))
    .map((id) => {
      const pointer = joinPointer("/rules", id);
      const message = isBuiltinRule(id)
        ? `rules["${id}"]: ${id} findings cannot be turned off or re-levelled: remove this entry and fix the spec`
        : `rules["${id}"] names no rule: ${didYouMean(id, known) ?? "remove it, or use an id that `agentspec rules` lists"}`;
      return { ...problem(source, pointer, message), ...source.locate(pointer, "key") };
    });
}

/** `did you mean "x"?` for a likely misspelling of a known id. */
function didYouMean(id: string, known: Iterable<string>): string | undefined {
  const suggestion = closestName(id, known, { ignoreCase: true });
  return suggestion ? `did you mean "${suggestion}"?` : undefined;
}

function problem(source: SourceDoc, pointer: string, message: string): Diagnostic {
  return { ruleId: "config", severity: "error", message, pointer, ...source.locate(pointer) };
}

function badConfig(file: string, problems: readonly Diagnostic[]): AgentspecError {
  return new AgentspecError("BAD_CONFIG", problems.map((d) => `${file}:${d.line}:${d.column}: ${d.message}`).join("\n"));
}
