/**
 * The layers of src/: which stage may import which. The data flow is
 * load → validate → model → policy → lint | compile | runtime | import | mcp | diff → report → cli,
 * and this is the one list of the edges allowed between src/ folders (plus the shared root
 * files). An import along any other edge fails the test, naming the file and the line.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const src = path.join(root, "src");

/** Imported by every stage: the problem and error types. */
const SHARED = ["diagnostics", "errors", "generated"];

/** stage → the stages it may import, each with why. */
export const ALLOWED: Record<string, Record<string, string>> = {
  load: {},
  validate: { load: "validates a parsed SourceDoc" },
  model: { load: "builds the model from a SourceDoc", validate: "only a valid document is modelled" },
  tier: { model: "computes the trust level of a Spec" },
  policy: { model: "compilePolicy reads a Spec", load: "own-key writes and JSON pointers" },
  lint: {
    load: "reads files and maps pointers",
    validate: "config validation messages",
    model: "rules check the Spec",
    tier: "trust-level rules",
    policy: "rules match tool patterns and decide test cases",
  },
  compile: {
    load: "JSON pointers for reports",
    model: "targets emit from the Spec",
    tier: "documents show the computed level",
    policy: "targets start from the compiled policy",
  },
  runtime: { load: "reads policy files", policy: "the guard enforces decide()" },
  import: {
    load: "parses the imported file",
    model: "reads AgentAz through the model",
    policy: "checks imported patterns",
    compile: "the veto importer reads back an agentspec export only when re-emitting its metadata gives the same rules",
  },
  mcp: {
    load: "parses specs and locks",
    validate: "checks specs it writes",
    model: "compares a Spec with a server's tools",
    tier: "computes the trust level of a scaffolded spec",
    policy: "the gateway decides with the policy core",
    lint: "runs suspicious-tool-name over server tool names",
    runtime: "the gateway enforces with the guard",
    report: "drift findings print like lint's",
  },
  diff: {
    load: "reads old versions of files",
    model: "compares two Specs",
    tier: "compares computed trust levels",
    policy: "witness calls are decided with decide()",
    runtime: "replay reads the guard's decision records (their argument digests and hash chain)",
    report: "changes print like findings",
  },
  report: { lint: "SARIF describes rules from the rule catalog" },
  cli: Object.fromEntries(
    ["load", "validate", "model", "tier", "policy", "lint", "compile", "runtime", "import", "mcp", "diff", "report"].map((s) => [
      s,
      "the CLI is a thin shell over the library",
    ]),
  ),
  index: Object.fromEntries(
    ["load", "validate", "model", "tier", "policy", "lint", "compile", "runtime", "import", "mcp", "diff", "report"].map((s) => [
      s,
      "the public API re-exports every stage",
    ]),
  ),
};

export interface ImportSite {
  file: string;
  line: number;
  specifier: string;
}

/** The stage a path under src/ belongs to: its first folder, or the root file's name. */
function stageOf(file: string): string {
  const relative = path.relative(src, file);
  if (relative.startsWith("..")) return path.relative(root, file).split(path.sep)[0]!;
  const [first, ...rest] = relative.split(path.sep);
  return rest.length === 0 ? first!.replace(/\.(ts|js)$/, "") : first!;
}

/** Every relative import in a source text: static, re-export, side-effect and dynamic. */
export function importsOf(file: string, text: string): ImportSite[] {
  const sites: ImportSite[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(["'])([^"']+)\1/gm;
  for (const match of text.matchAll(pattern)) {
    const line = text.slice(0, match.index).split("\n").length;
    sites.push({ file, line, specifier: match[2]! });
  }
  return sites;
}

/** The imports that cross a layer the list does not allow, as "file:line: a → b". */
export function forbiddenImports(sites: readonly ImportSite[]): string[] {
  const problems: string[] = [];
  for (const { file, line, specifier } of sites) {
    if (!specifier.startsWith(".")) continue;
    const from = stageOf(file);
    const to = stageOf(path.resolve(path.dirname(file), specifier));
    if (from === to || SHARED.includes(to)) continue;
    if (!Object.hasOwn(ALLOWED, from) || !Object.hasOwn(ALLOWED[from]!, to)) {
      problems.push(`${path.relative(root, file)}:${line}: ${from} → ${to} ("${specifier}") is not an allowed edge`);
    }
  }
  return problems;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith(".ts") ? [full] : [];
  });
}

describe("layers", () => {
  const files = sourceFiles(src);

  it("every import in src/ follows an allowed edge", () => {
    const sites = files.flatMap((file) => importsOf(file, readFileSync(file, "utf8")));
    expect(sites.length).toBeGreaterThan(200);
    expect(forbiddenImports(sites)).toEqual([]);
  });

  it("every folder of src/ is a stage in the list", () => {
    const folders = readdirSync(src, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.filter((f) => !Object.hasOwn(ALLOWED, f))).toEqual([]);
  });

  it("fails on a forbidden import: a lint rule importing the runtime, or the runtime a compile target", () => {
    const rule = path.join(src, "lint/rules/x.ts");
    const guard = path.join(src, "runtime/x.ts");
    const sites = [
      ...importsOf(rule, 'import { a } from "../../policy/index.js";\nimport { createGuard } from "../../runtime/guard.js";\n'),
      ...importsOf(guard, 'const m = await import("../compile/targets/cedar.js");\nexport { b } from "../lint/index.js";\n'),
    ];
    expect(forbiddenImports(sites)).toEqual([
      'src/lint/rules/x.ts:2: lint → runtime ("../../runtime/guard.js") is not an allowed edge',
      'src/runtime/x.ts:1: runtime → compile ("../compile/targets/cedar.js") is not an allowed edge',
      'src/runtime/x.ts:2: runtime → lint ("../lint/index.js") is not an allowed edge',
    ]);
  });
});
