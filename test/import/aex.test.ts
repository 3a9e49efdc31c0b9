import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { aexJson } from "../../src/compile/targets/aex-json.js";
import { aex } from "../../src/compile/targets/aex.js";
import { aexImporter } from "../../src/import/aex.js";
import { runImporter } from "../../src/import/index.js";
import { parseSource } from "../../src/load/index.js";
import { lintSource } from "../../src/lint/index.js";
import { checkSource, type Spec } from "../../src/model/index.js";
import { corpusPath, hasCorpus } from "../helpers/corpus.js";
import { emit } from "../helpers/emit.js";
import { importText, refusal } from "../helpers/import.js";
import { runCliIn } from "../helpers/run-cli.js";
import { SHARED_MISSING } from "../helpers/shared.js";
import { aexCorpusFiles } from "../helpers/spec-sets.js";

function imported(file: string, text = readFileSync(file, "utf8")): { yaml: string; spec: Spec; notes: string[] } {
  const { yaml, notes } = importText(aexImporter, text, file);
  const checked = checkSource(parseSource("imported.agentspec.yaml", yaml));
  expect(checked.diagnostics).toEqual([]);
  return { yaml, spec: checked.spec!, notes };
}

/** The warnings an import prints, as line message. */
function warnings(text: string, file = "p.aex"): string[] {
  return runImporter(aexImporter, text, file).diagnostics.map((d) => `${d.line} ${d.severity} ${d.message}`);
}

const SUPPORT_POLICY = `policy support v0

goal "CRM access boundary for support workflows."

allow crm.lookup, ticket.read, email.draft
deny email.send, payment.*, admin.*, secrets.read

budget calls=30

confirm before email.draft
`;

describe("aex importer", () => {
  it("reads a .aex policy: tools with inferred effects, deny (x.* also denying x, as aex's does), budget and confirm before", () => {
    const { yaml, spec } = imported("support/policy.aex", SUPPORT_POLICY);
    expect(spec.agent).toEqual({ id: "support", version: "0.0.0", goal: "CRM access boundary for support workflows." });
    expect(spec.tools.map((t) => [t.name, t.effect, !!t.approval])).toEqual([
      ["crm.lookup", "read", false],
      ["ticket.read", "read", false],
      ["email.draft", "draft", true],
    ]);
    expect(spec.deny.map((d) => d.pattern)).toEqual(["email.send", "payment.*", "payment", "admin.*", "admin", "secrets.read"]);
    expect(spec.limits).toEqual({ max_tool_calls: 30 });
    expect(yaml).toContain("effect: read # inferred from the tool name: review it");
  });

  it("writes the policy back as the same .aex text", () => {
    expect(emit(aex, imported("support/policy.aex", SUPPORT_POLICY).spec)).toEqual([{ path: "support.aex", contents: SUPPORT_POLICY }]);
  });

  it("reads a task contract's header, and says in a NOTE and a warning at its line what it leaves out: inputs and steps", () => {
    const task = `task fix_test v0\n\ngoal "Fix it."\n\nuse file.read, file.write\ndeny network.*\n\nneed test_cmd: str\n\ndo file.read(paths=x) -> y\n\nconfirm before file.write\n\nreturn y\n`;
    const { spec, notes } = imported("task.aex", task);
    expect(spec.agent.id).toBe("fix_test");
    expect(spec.tools.map((t) => [t.name, t.effect, !!t.approval])).toEqual([
      ["file.read", "read", false],
      ["file.write", "write", true],
    ]);
    expect(notes).toContain("task inputs (aex need): test_cmd: str.");
    expect(warnings(task)).toEqual([
      "5 warning aex gate also allows Read, Glob, Grep, LS, NotebookRead (Claude Code's names for file.read); agentspec allows file.read only as named.",
      "5 warning aex gate also allows Write, Edit, MultiEdit, NotebookEdit (Claude Code's names for file.write); agentspec allows file.write only as named.",
      "8 warning task inputs (aex need): test_cmd: str.",
      "10 warning the task's steps were left out: do (line 10), return (line 14). agentspec authorizes each call by the allowlist; aex run also calls only the steps the task lists, in order, and stops where a check fails.",
    ]);
  });

  it("leaves out what agentspec cannot allow as aex does, and says so at the line", () => {
    const text = `policy p v1\ngoal "g"\nallow crm.look*, search, unknown.grep, net.*, a.b.*\nconfirm before crm.lookup\nconfirm before net.*\n`;
    const { spec } = imported("p.aex", text);
    expect(spec.tools.map((t) => [t.name, !!t.approval])).toEqual([
      ["unknown.grep", false],
      ["net.*", true],
      ["a.b.*", false],
      ["a.b", false],
    ]);
    expect(warnings(text)).toEqual([
      "3 warning allow crm.look* was left out: aex reads it as one exact name, and a * or ? is a wildcard in agentspec, which would allow more.",
      "3 warning allow search was left out: aex gate reads the undotted search as unknown.search, which it denies, where aex's proxy allows search; add it to tools if the agent calls it through the proxy.",
      "3 warning aex gate also allows the undotted grep as unknown.grep; agentspec allows unknown.grep only as named.",
      "3 warning aex's net.* also allows net itself, which was left out: aex gate reads the undotted net as unknown.net, which it denies, where aex's proxy allows net; add it to tools if the agent calls it through the proxy.",
      "4 warning confirm before crm.lookup names no allowed tool, so it is denied anyway; it was left out.",
    ]);
  });

  it("gates a name an allowed pattern covers with an exact entry, as aex confirms it", () => {
    const { spec } = imported("p.aex", `policy p v0\ngoal "g"\nallow crm.tickets.*\nconfirm before crm.tickets.close\n`);
    expect(spec.tools.map((t) => [t.name, !!t.approval])).toEqual([
      ["crm.tickets.*", false],
      ["crm.tickets", false],
      ["crm.tickets.close", true],
    ]);
  });

  it("reads aex's JSON policy: tool:path resources, an inline extends composed as aex composes it", () => {
    const json = JSON.stringify({
      allow: ["file.read:/src/**"],
      require_confirmation: ["git.apply"],
      extends: { allow: ["git.apply"], deny: ["net.*"], budget: { calls: 5 } },
      budget: { calls: 9 },
    });
    const { spec } = imported("policy.json", json);
    expect(spec.tools.map((t) => [t.name, t.resources, !!t.approval])).toEqual([
      ["git.apply", [], true],
      ["file.read", ["/src/**"], false],
    ]);
    expect(spec.deny.map((d) => d.pattern)).toEqual(["net.*", "net"]);
    expect(spec.limits).toEqual({ max_tool_calls: 5 });
    expect(warnings(JSON.stringify({ allow: [] }), "policy.json")).toEqual([
      "1 warning the policy allows no tool, which aex run reads as no restriction; agentspec allows nothing.",
    ]);
  });

  it("refuses a file that is not aex, at its line and column", () => {
    expect(refusal(aexImporter, 'policy x v0\ngoal "g"\nconfirm file.write\n', "p.aex")).toEqual([
      '3:1 expected "confirm before TOOL", found "confirm file.write"',
    ]);
    expect(refusal(aexImporter, "hello\n", "p.aex")).toEqual([
      '1:1 not an aex file: it starts with "hello", not "policy NAME vN" or "task NAME vN"',
    ]);
    expect(refusal(aexImporter, 'policy x v0\ngoal "g"\n  budget calls=1 tokens=2\n', "p.aex")).toEqual([
      '3:3 expected "budget calls=N" (entries separated by commas), found "calls=1 tokens=2"',
    ]);
    expect(refusal(aexImporter, 'policy x v0\ngoal "g"\ndo a.b() -> c\n', "p.aex")).toEqual([
      "3:1 `do` is not allowed in a policy: a policy holds authority only (aex AEX120)",
    ]);
    expect(refusal(aexImporter, 'task x v0\ngoal "g"\nallow a.b\n', "p.aex")).toEqual([
      "3:1 `allow` is only valid in a policy: a task contract lists its tools with `use` (aex AEX121)",
    ]);
    expect(refusal(aexImporter, 'policy x v0\ngoal "g"\nsend everything\n', "p.aex")).toEqual([
      '3:1 aex does not recognize this line: "send everything"',
    ]);
  });

  it("warns, without refusing, about a file aex's engines read but aex check rejects: no goal", () => {
    expect(warnings("policy x v0\nallow a.b\n")).toEqual([
      '1 warning aex check rejects a file without a goal (AEX002): add one, e.g. goal "What the agent is for."',
    ]);
  });

  it("refuses a JSON file that is not an aex policy (package.json), each field at its line", () => {
    const pkg = `{\n  "name": "agentspec",\n  "version": "0.1.0",\n  "scripts": { "test": "vitest" }\n}\n`;
    expect(refusal(aexImporter, pkg, "package.json")).toEqual([
      '2:3 "name" is not a field of an aex JSON policy (extends, allow, deny, require_confirmation, budget)',
      '3:3 "version" is not a field of an aex JSON policy (extends, allow, deny, require_confirmation, budget)',
      '4:3 "scripts" is not a field of an aex JSON policy (extends, allow, deny, require_confirmation, budget)',
    ]);
    expect(refusal(aexImporter, `{ "allow": "crm.lookup", "budget": { "calls": -1 } }`, "p.json")).toEqual([
      '1:3 "allow" must be a list of strings',
      '1:38 budget "calls" must be a number, 0 or more',
    ]);
    expect(refusal(aexImporter, `{ "allow": ["a.b"], "extends": "base.json" }`, "p.json")).toEqual([
      '1:21 "extends" names another file (base.json), which aex reads when it runs: inline the policy it extends, or import the file it names',
    ]);
    expect(refusal(aexImporter, `{ "allow": [1] `, "p.json")[0]).toMatch(/^1:\d+ not valid JSON/);
  });
});

describe("agentspec import aex", () => {
  it("exits 1 naming each field of a package.json at its line, and writes nothing", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-import-aex-"));
    try {
      writeFileSync(path.join(dir, "package.json"), `{\n  "name": "demo",\n  "version": "1.0.0"\n}\n`);
      const run = await runCliIn(dir, "import", "aex", "package.json", "-o", "out.agentspec.yaml");
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/package\.json\n {2}2:3 +error +"name" is not a field of an aex JSON policy/);
      expect(run.stderr).toMatch(/3:3 +error +"version" is not a field of an aex JSON policy/);
      expect(existsSync(path.join(dir, "out.agentspec.yaml"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("prints each NOTE as a warning at its line on stderr, and the spec with its NOTEs on stdout", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-import-aex-"));
    try {
      writeFileSync(path.join(dir, "task.aex"), `task t v0\n\ngoal "g"\n\nuse crm.lookup\n\ndo crm.lookup(id=x) -> y\n\nreturn y\n`);
      const run = await runCliIn(dir, "import", "aex", "task.aex");
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/task\.aex\n {2}7:1 {2}warning {2}the task's steps were left out: do \(line 7\), return \(line 9\)/);
      expect(run.stdout).toContain("# NOTE: the task's steps were left out: do (line 7), return (line 9).");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!hasCorpus)("aex's own examples", () => {
  it("every example (.aex policies and tasks, JSON policies) imports into a valid spec that lints without errors", () => {
    const files = aexCorpusFiles();
    expect(files.length).toBe(11);
    for (const file of files) {
      const { yaml } = imported(file);
      const errors = lintSource(parseSource("imported.agentspec.yaml", yaml)).diagnostics.filter((d) => d.severity === "error");
      expect({ file, errors }).toEqual({ file, errors: [] });
    }
  });

  it("import + aex-json gives each example's JSON policy back, confirming also the tools aex gate reaches from Claude Code's names", () => {
    const validatePolicy = new Ajv2020({ strict: false }).compile(
      JSON.parse(readFileSync(corpusPath("aex", "schemas", "policy.schema.json"), "utf8")),
    );
    const policies = aexCorpusFiles().filter((f) => f.endsWith(".json"));
    expect(policies.length).toBe(4);
    for (const file of policies) {
      const original = JSON.parse(readFileSync(file, "utf8"));
      const written = JSON.parse(emit(aexJson, imported(file).spec)[0]!.contents);
      const gatedByClaudeCode = original.allow
        .map((a: string) => a.split(":")[0])
        .filter((t: string) => t === "file.read" || t === "file.write");
      const expected = { ...original, require_confirmation: [...new Set([...gatedByClaudeCode, ...original.require_confirmation])].sort() };
      expect({ file, written: { ...written, require_confirmation: [...written.require_confirmation].sort() } }).toEqual({
        file,
        written: expected,
      });
      expect(Object.keys(written)).toEqual(Object.keys(original));
      expect(validatePolicy(written)).toBe(true);
    }
  });

  it("import + aex gives each example's .aex policy back, with `confirm before file.read` where aex gate reads Read as file.read", () => {
    for (const file of aexCorpusFiles().filter((f) => path.basename(f) === "policy.aex")) {
      const text = readFileSync(file, "utf8");
      const written = emit(aex, imported(file).spec)[0]!.contents;
      const added = written.split("\n").filter((line) => !text.split("\n").includes(line));
      expect({ file, added }).toEqual({ file, added: /allow [^\n]*file\.read/.test(text) ? ["confirm before file.read"] : [] });
    }
  });
});

if (!hasCorpus) it.skip(`aex's own examples: skipped: ${SHARED_MISSING}`, () => {});
