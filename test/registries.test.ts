/**
 * Every extension point — lint rules, compile targets, importers, reporters — keeps the same
 * contract: one unit per file named after its id, registered exactly once in its one list,
 * documented, with a README row, and with passing and failing cases. Nothing here counts units:
 * adding one is adding its file, its line in the list and its cases, and this test says which
 * of those is missing.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileSpecs, targets } from "../src/compile/index.js";
import { importers, runImporter } from "../src/import/index.js";
import { docsExamples } from "../src/lint/docs.js";
import { rules } from "../src/lint/index.js";
import { formatNames, reporters } from "../src/report/index.js";
import { emitWithReports } from "./helpers/emit.js";
import { agentaz } from "./helpers/lint-rule.js";
import { MINIMAL_YAML } from "./helpers/lint-text.js";
import { runRule } from "./helpers/rule-tester.js";
import { specFrom } from "./helpers/spec-text.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");
const tableRows = readme.split("\n").filter((line) => line.startsWith("|"));

interface Unit {
  id: string;
  description: string;
  docs: string;
}

/** The ids of the .ts files in a folder of src/, leaving out the list and the types. */
function unitFiles(folder: string, skip: readonly string[] = []): string[] {
  return readdirSync(path.join(root, "src", folder))
    .filter((f) => f.endsWith(".ts") && !["index.ts", "types.ts", ...skip].includes(f))
    .map((f) => f.replace(/\.ts$/, ""));
}

/** The checks every kind shares. */
function sharedContract(kind: string, folder: string, units: readonly Unit[], skip: readonly string[] = []): void {
  const files = unitFiles(folder, skip);

  it(`every ${kind} file is registered once, under its file name`, () => {
    expect([...units.map((u) => u.id)].sort()).toEqual([...files].sort());
    expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
  });

  it.each(files)(`src/${folder}/%s.ts exports the ${kind} named after the file, and only it`, async (id) => {
    const exported = Object.values(await import(path.join(root, "src", folder, `${id}.ts`))).filter(
      (value): value is Unit => typeof value === "object" && value !== null && "id" in value && "docs" in value,
    );
    expect(exported.map((u) => u.id)).toEqual([id]);
    expect(units).toContain(exported[0]);
  });

  it.each(units.map((u) => [u.id, u] as const))(`${kind} %s describes itself in one line and documents itself`, (_, unit) => {
    expect(unit.description).toMatch(/^[A-Za-z`][^\n]{10,140}[^.\n]$/);
    expect(unit.docs.trim().length).toBeGreaterThan(40);
  });
}

function hasReadmeRow(pattern: RegExp): boolean {
  return tableRows.some((row) => pattern.test(row));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("lint rules", () => {
  sharedContract("rule", "lint/rules", rules);
  /** stale-review's docs examples are dated; they are checked on a fixed day. */
  const config = { options: { now: new Date("2026-11-23T12:00:00Z") } };

  it("are listed in id order", () => {
    expect(rules.map((r) => r.id)).toEqual([...rules.map((r) => r.id)].sort());
  });

  it.each(rules.map((r) => [r.id, r] as const))("%s has a severity, a Fix section, a README row and a rule-tester test", (id, rule) => {
    expect(["error", "warning"]).toContain(rule.severity);
    expect(rule.docs).toContain("**Fix:**");
    expect(hasReadmeRow(new RegExp(`^\\| \`${escape(id)}\` \\|`))).toBe(true);
    const testFile = path.join(root, "test/lint/rules", `${id}.test.ts`);
    expect(existsSync(testFile), `${testFile} exists`).toBe(true);
    expect(readFileSync(testFile, "utf8")).toMatch(/\btestRule\(/);
  });

  it.each(rules.map((r) => [r.id, r] as const))("%s: its docs' failing example fails and its passing example passes", (id, rule) => {
    const { fails, passes, kit, earlier: before } = docsExamples(rule.docs);
    const earlier = before === undefined ? undefined : [before];
    expect(fails).toBeDefined();
    expect(passes).toBeDefined();
    const file = fails!.trimStart().startsWith("{") ? "agentaz.json" : undefined;
    expect(runRule(id, { code: fails!, file, config, kit, earlier }).map((d) => d.ruleId)).toContain(id);
    expect(runRule(id, { code: passes!, file, config, kit, earlier })).toEqual([]);
  });
});

describe("compile targets", () => {
  sharedContract("target", "compile/targets", targets);
  const plain = specFrom(MINIMAL_YAML);

  it.each(targets.map((t) => [t.id, t] as const))("%s has a README row", (id) => {
    expect(hasReadmeRow(new RegExp(`\`(--target )?${escape(id)}\``))).toBe(true);
  });

  it.each(targets.map((t) => [t.id, t] as const))(
    "%s expresses a plain spec fully, deterministically, in files named by the agent id",
    (_, target) => {
      const first = emitWithReports(target, plain);
      expect(first.reports).toEqual([]);
      expect(first.files.length).toBeGreaterThan(0);
      for (const file of first.files) expect(file.path.startsWith("demo.")).toBe(true);
      expect(emitWithReports(target, plain)).toEqual(first);
    },
  );

  it.each(targets.map((t) => [t.id] as const))("%s: a target that throws gives one internal diagnostic, never a crash", (id) => {
    const broken = { ...targets.find((t) => t.id === id)!, emit: () => JSON.parse("{") as never };
    const { files, problems } = compileSpecs([plain], [broken]);
    expect(files).toEqual([]);
    expect(problems.flatMap((p) => p.diagnostics.map((d) => [d.ruleId, d.message.split(" (")[0]]))).toEqual([
      ["internal", `The target "${id}" failed on demo.agentspec.yaml`],
    ]);
  });

  it.each(targets.map((t) => [t.id] as const))("%s is tested in a file of its own stage", (id) => {
    const tests = readdirSync(path.join(root, "test"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".test.ts"));
    const importing = tests.filter((f) => readFileSync(path.join(root, "test", f), "utf8").includes(`compile/targets/${id}.js`));
    expect(importing.length, `a test imports src/compile/targets/${id}.js`).toBeGreaterThan(0);
  });
});

describe("importers", () => {
  sharedContract("importer", "import", importers, ["run.ts", "yaml-out.ts"]);

  /** A file each importer reads: a new importer needs a sample here. */
  const SAMPLES: Record<string, { file: string; text: string }> = {
    agentaz: { file: "kits/demo/agentaz.json", text: agentaz({}) },
    aex: { file: "policy.aex", text: "policy demo v1\n\nallow crm.lookup\ndeny email.send\n" },
    veto: {
      file: "rules.yaml",
      text: 'version: "1.0"\nname: demo\nrules:\n  - id: allow-lookup\n    name: lookup\n    action: allow\n    tools: [crm.lookup]\n',
    },
  };

  it.each(importers.map((i) => [i.id, i] as const))("%s has a README row and imports a file of its format into a spec", (id, importer) => {
    expect(hasReadmeRow(new RegExp(`import ${escape(id)}\\b`))).toBe(true);
    const sample = SAMPLES[id];
    expect(sample, `a sample ${id} file in SAMPLES`).toBeDefined();
    const { result, diagnostics } = runImporter(importer, sample!.text, sample!.file);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result!.yaml).toMatch(/^agentspec: "1\.0"$/m);
  });

  it.each(importers.map((i) => [i.id, i] as const))("%s refuses a file that is not of its format, with a located error", (_, importer) => {
    const { result, diagnostics } = runImporter(importer, "just some text\n", "notes.txt");
    expect(result).toBeUndefined();
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) expect(d.line).toBeGreaterThan(0);
  });
});

describe("reporters", () => {
  sharedContract("reporter", "report/formatters", reporters);
  const finding = {
    file: "specs/a.agentspec.yaml",
    diagnostics: [{ ruleId: "schema", severity: "error" as const, message: "Unknown property", line: 7, column: 5, pointer: "/x" }],
  };
  const clean = { file: "specs/b.agentspec.yaml", diagnostics: [] };
  const options = { color: false, cwd: root };

  it("are the formats the CLI accepts, in order", () => {
    expect(reporters.map((r) => r.id)).toEqual([...formatNames]);
  });

  it.each(reporters.map((r) => [r.id, r] as const))("%s has a README row, and prints a clean run and a finding", (id, reporter) => {
    expect(hasReadmeRow(new RegExp(`\`${escape(id)}\``))).toBe(true);
    expect(typeof reporter.format([clean], options)).toBe("string");
    const printed = reporter.format([finding, clean], options);
    expect(printed).toContain("Unknown property");
    expect(printed).toMatch(/7/);
  });
});
