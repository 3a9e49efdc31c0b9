import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkOutputs, compileSpecs, resolveTargets, writeOutputs, type Target } from "../../src/compile/index.js";
import { AgentspecError } from "../../src/errors.js";
import { MINIMAL_YAML } from "../helpers/lint-text.js";
import { specFrom } from "../helpers/spec-text.js";

const other = MINIMAL_YAML.replace("id: demo", "id: other");

describe("resolveTargets", () => {
  it("returns the registered targets in the order named", () => {
    expect(resolveTargets(["markdown", "policy"]).map((t) => t.id)).toEqual(["markdown", "policy"]);
  });

  it("throws BAD_ARGUMENT naming the valid ids for an unknown one", () => {
    expect(() => resolveTargets(["policy", "pdf"])).toThrowError(AgentspecError);
    try {
      resolveTargets(["pdf"]);
    } catch (error) {
      expect((error as AgentspecError).code).toBe("BAD_ARGUMENT");
      expect((error as AgentspecError).message).toMatch(/^Unknown target "pdf": valid targets are policy, markdown/);
    }
  });
});

describe("compileSpecs", () => {
  it("turns a target that throws into one internal diagnostic for that spec; other targets and specs still compile", () => {
    const broken: Target = {
      id: "broken",
      description: "throws on the spec named other",
      docs: "A test target.",
      extension: ".txt",
      emit: (spec) => {
        if (spec.agent.id === "other") throw new RangeError("cannot encode");
        return [{ path: `${spec.agent.id}.txt`, contents: "ok" }];
      },
    };
    const { files, problems } = compileSpecs([specFrom(MINIMAL_YAML), specFrom(other, "other.agentspec.yaml")], ["policy", broken]);
    expect(files.map((f) => f.path)).toEqual(["demo.policy.json", "demo.txt", "other.policy.json"]);
    expect(problems).toEqual([
      {
        file: "other.agentspec.yaml",
        diagnostics: [
          {
            ruleId: "internal",
            severity: "error",
            message:
              'The target "broken" failed on other.agentspec.yaml (cannot encode): this is a bug in agentspec, please report it with the file',
            line: 1,
            column: 1,
            pointer: "",
          },
        ],
      },
    ]);
  });

  it("keeps a target's files when it reports a warning, and drops them when it reports an error", () => {
    const lossy = (severity: "warning" | "error"): Target => ({
      id: `lossy-${severity}`,
      description: "reports what it cannot say",
      docs: "A test target.",
      extension: ".txt",
      emit: (spec, { report }) => {
        report({ pointer: "/tools/crm.lookup", message: "cannot say this", severity });
        return [{ path: `${spec.agent.id}.${severity}.txt`, contents: "x" }];
      },
    });
    const { files, problems } = compileSpecs([specFrom(MINIMAL_YAML)], [lossy("warning"), lossy("error")]);
    expect(files.map((f) => f.path)).toEqual(["demo.warning.txt"]);
    expect(problems[0]!.diagnostics.map((d) => [d.ruleId, d.severity, d.line, d.column])).toEqual([
      ["lossy-error", "error", 7, 5],
      ["lossy-warning", "warning", 7, 5],
    ]);
  });

  it("emits each target's file per spec, sorted by path", () => {
    const { files, problems } = compileSpecs(
      [specFrom(other, "b.agentspec.yaml"), specFrom(MINIMAL_YAML, "a.agentspec.yaml")],
      ["policy", "markdown"],
    );
    expect(problems).toEqual([]);
    expect(files.map((f) => [f.path, f.source, f.target])).toEqual([
      ["demo.md", "a.agentspec.yaml", "markdown"],
      ["demo.policy.json", "a.agentspec.yaml", "policy"],
      ["other.md", "b.agentspec.yaml", "markdown"],
      ["other.policy.json", "b.agentspec.yaml", "policy"],
    ]);
  });

  it("reports two specs with the same agent id on both files and compiles neither", () => {
    const first = specFrom(MINIMAL_YAML, "one.agentspec.yaml");
    const second = specFrom(MINIMAL_YAML, "two.agentspec.yaml");
    const { files, problems } = compileSpecs([first, second, specFrom(other, "c.agentspec.yaml")], ["policy", "markdown"]);
    expect(files.map((f) => f.path)).toEqual(["other.md", "other.policy.json"]);
    expect(problems).toEqual([
      {
        file: "one.agentspec.yaml",
        diagnostics: [
          {
            ruleId: "compile",
            severity: "error",
            message:
              'Agent id "demo" is also used by two.agentspec.yaml: both would compile to demo.policy.json, demo.md; give each agent its own id',
            line: 3,
            column: 7,
            pointer: "/agent/id",
          },
        ],
      },
      {
        file: "two.agentspec.yaml",
        diagnostics: [
          {
            ruleId: "compile",
            severity: "error",
            message:
              'Agent id "demo" is also used by one.agentspec.yaml: both would compile to demo.policy.json, demo.md; give each agent its own id',
            line: 3,
            column: 7,
            pointer: "/agent/id",
          },
        ],
      },
    ]);
  });

  it("refuses an agent id that would write outside the output directory", () => {
    const spec = specFrom(MINIMAL_YAML);
    spec.agent.id = "../escape"; // AgentAz agent_id has no pattern, so the model can carry one
    const { files, problems } = compileSpecs([spec], ["policy"]);
    expect(files).toEqual([]);
    expect(problems[0]!.diagnostics.map((d) => d.message)).toEqual([
      `Agent id "../escape" cannot name an output file ("../escape.policy.json"): use letters, digits, '.', '_' and '-'`,
    ]);
  });
});

describe("writeOutputs and checkOutputs", () => {
  it("writes files, then finds no drift; an edited or deleted file is drift", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "agentspec-compile-"));
    const out = path.join(dir, "nested/out");
    const { files } = compileSpecs([specFrom(MINIMAL_YAML)], ["policy", "markdown"]);
    expect(await writeOutputs(files, out)).toEqual([path.join(out, "demo.md"), path.join(out, "demo.policy.json")]);
    expect(await readFile(path.join(out, "demo.md"), "utf8")).toBe(files[0]!.contents);
    expect(await checkOutputs(files, out)).toEqual([]);
    await writeFile(path.join(out, "demo.md"), files[0]!.contents + "edited\n");
    expect(await checkOutputs(files, out)).toEqual([
      { path: path.join(out, "demo.md"), problem: "differs", source: "demo.agentspec.yaml" },
    ]);
    expect(await checkOutputs(files, path.join(dir, "absent"))).toEqual([
      { path: path.join(dir, "absent/demo.md"), problem: "missing", source: "demo.agentspec.yaml" },
      { path: path.join(dir, "absent/demo.policy.json"), problem: "missing", source: "demo.agentspec.yaml" },
    ]);
  });

  it("throws UNWRITABLE when the output directory is a file", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "agentspec-compile-"));
    await writeFile(path.join(dir, "taken"), "a file");
    const { files } = compileSpecs([specFrom(MINIMAL_YAML)], ["policy"]);
    await expect(writeOutputs(files, path.join(dir, "taken"))).rejects.toMatchObject({ code: "UNWRITABLE" });
  });
});
