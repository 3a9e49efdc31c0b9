import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { aexJson } from "../../src/compile/targets/aex-json.js";
import { aex } from "../../src/compile/targets/aex.js";
import { aexImporter } from "../../src/import/aex.js";
import { parseSource } from "../../src/load/index.js";
import { lintSource } from "../../src/lint/index.js";
import { checkSource, type Spec } from "../../src/model/index.js";
import { corpusPath, hasCorpus } from "../helpers/corpus.js";
import { emit } from "../helpers/emit.js";
import { importText, refusal } from "../helpers/import.js";

function imported(file: string, text = readFileSync(file, "utf8")): { yaml: string; spec: Spec } {
  const { yaml } = importText(aexImporter, text, file);
  const checked = checkSource(parseSource("imported.agentspec.yaml", yaml));
  expect(checked.diagnostics).toEqual([]);
  return { yaml, spec: checked.spec! };
}

const SUPPORT_POLICY = `policy support v0

goal "CRM access boundary for support workflows."

allow crm.lookup, ticket.read, email.draft
deny email.send, payment.*, admin.*, secrets.read

budget calls=30

confirm before email.draft
`;

describe("aex importer", () => {
  it("reads a .aex policy: tools with inferred effects, deny, budget and confirm before", () => {
    const { yaml, spec } = imported("support/policy.aex", SUPPORT_POLICY);
    expect(spec.agent).toEqual({ id: "support", version: "0.0.0", goal: "CRM access boundary for support workflows." });
    expect(spec.tools.map((t) => [t.name, t.effect, !!t.approval])).toEqual([
      ["crm.lookup", "read", false],
      ["ticket.read", "read", false],
      ["email.draft", "draft", true],
    ]);
    expect(spec.deny.map((d) => d.pattern)).toEqual(["email.send", "payment.*", "admin.*", "secrets.read"]);
    expect(spec.limits).toEqual({ max_tool_calls: 30 });
    expect(yaml).toContain("effect: read # inferred from the tool name: review it");
  });

  it("writes the policy back as the same .aex text", () => {
    const { spec } = imported("support/policy.aex", SUPPORT_POLICY);
    expect(emit(aex, spec)).toEqual([{ path: "support.aex", contents: SUPPORT_POLICY }]);
  });

  it("reads a task contract's header and keeps its inputs as a note", () => {
    const task = `task fix_test v0\n\ngoal "Fix it."\n\nuse file.read, file.write\ndeny network.*\n\nneed test_cmd: str\n\ndo file.read(paths=x) -> y\n\nconfirm before file.write\n\nreturn y\n`;
    const result = importText(aexImporter, task, "task.aex");
    expect(result.notes).toEqual(["task inputs (aex need): test_cmd: str."]);
    const { spec } = imported("task.aex", task);
    expect(spec.agent.id).toBe("fix_test");
    expect(spec.tools.map((t) => [t.name, t.effect, !!t.approval])).toEqual([
      ["file.read", "read", false],
      ["file.write", "write", true],
    ]);
  });

  it("refuses a file that is not aex, at the line", () => {
    expect(refusal(aexImporter, "policy x v0\nconfirm file.write\n", "p.aex")).toEqual([
      '2:1 expected "confirm before TOOL", found "confirm file.write"',
    ]);
    expect(refusal(aexImporter, "hello\n", "p.aex")).toEqual([expect.stringMatching(/has no "policy NAME vN"/)]);
  });
});

describe.skipIf(!hasCorpus)("aex corpus", () => {
  const examples = corpusPath("aex", "examples");
  const files = readdirSync(examples, { recursive: true, encoding: "utf8" })
    .map((f) => path.join(examples, f))
    .filter((f) => /\.(aex|json)$/.test(f) && !f.endsWith("inputs.json"));
  const ajv = new Ajv2020({ strict: false });
  const validatePolicy = ajv.compile(JSON.parse(readFileSync(corpusPath("aex", "schemas", "policy.schema.json"), "utf8")));

  it("imports every example (.aex policies and tasks, JSON policies) into a valid spec that lints without errors", () => {
    expect(files.length).toBe(11);
    for (const file of files) {
      const { yaml } = imported(file);
      const errors = lintSource(parseSource("imported.agentspec.yaml", yaml)).diagnostics.filter((d) => d.severity === "error");
      expect({ file, errors }).toEqual({ file, errors: [] });
    }
  });

  it("reproduces every example's JSON policy exactly: import + aex-json", () => {
    const policies = files.filter((f) => f.endsWith(".json"));
    expect(policies.length).toBe(4);
    for (const file of policies) {
      const original = JSON.parse(readFileSync(file, "utf8"));
      const [out] = emit(aexJson, imported(file).spec);
      const written = JSON.parse(out!.contents);
      expect({ file, written, keys: Object.keys(written) }).toEqual({ file, written: original, keys: Object.keys(original) });
      expect(validatePolicy(written)).toBe(true);
    }
  });

  it("reproduces every example's .aex policy exactly: import + aex", () => {
    for (const file of files.filter((f) => path.basename(f) === "policy.aex")) {
      const text = readFileSync(file, "utf8");
      expect(emit(aex, imported(file).spec)[0]!.contents.trimEnd()).toBe(text.trimEnd());
    }
  });
});
