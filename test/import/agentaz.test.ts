import { readdirSync, readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { targets } from "../../src/compile/targets/index.js";
import { toAgentaz } from "../../src/compile/targets/agentaz.js";
import { agentazImporter } from "../../src/import/agentaz.js";
import { parseSource } from "../../src/load/index.js";
import { checkSource, type Spec } from "../../src/model/index.js";
import { main } from "../../src/cli/main.js";
import { corpusNote, corpusPath, hasCorpus } from "../helpers/corpus.js";
import { emit } from "../helpers/emit.js";
import { importText, refusal } from "../helpers/import.js";

function modelOf(file: string, text: string): Spec {
  const checked = checkSource(parseSource(file, text));
  expect({ file, diagnostics: checked.diagnostics }).toEqual({ file, diagnostics: [] });
  return checked.spec!;
}

/** What both formats carry, to compare the model before and after a round trip. */
function carried(spec: Spec) {
  return {
    agent: spec.agent,
    trust: spec.declaredTrustLevel,
    dna: spec.dnaPattern,
    worst: spec.worstCaseAction,
    boundary: spec.authorityBoundary,
    tools: spec.tools.map((t) => [t.name, t.effect, !!t.approval]).sort(),
    execution: JSON.parse(JSON.stringify(spec.execution)),
    outputs: JSON.parse(JSON.stringify({ format: spec.outputs.format, never_emits: spec.outputs.never_emits })),
    limits: JSON.parse(JSON.stringify(spec.limits)),
    handoff: { triggers: spec.handoff.triggers, destination: spec.handoff.destination },
    audit: { append_only: spec.audit.append_only, logs: spec.audit.logs },
  };
}

describe.skipIf(!hasCorpus)(`AgentAz corpus: import, compile, round trip${corpusNote}`, () => {
  // Read in beforeAll, never in the describe body: vitest runs the body even when it skips.
  let kits: string[];
  let validateAgentaz: ReturnType<Ajv["compile"]>;
  beforeAll(() => {
    kits = readdirSync(corpusPath("agentaz", "kits")).sort();
    const ajv = new Ajv({ strict: false });
    addFormats.default(ajv);
    validateAgentaz = ajv.compile(JSON.parse(readFileSync(corpusPath("agentaz", "agentaz-v1.0.schema.json"), "utf8")));
  });

  it("imports every agentaz.json (with its kit.json) into a valid agentspec spec that carries the kit's failure modes and metrics", () => {
    expect(kits.length).toBe(42);
    for (const kit of kits) {
      const file = corpusPath("agentaz", "kits", kit, "agentaz.json");
      const kitFile = corpusPath("agentaz", "kits", kit, "kit.json");
      const kitJson = JSON.parse(readFileSync(kitFile, "utf8"));
      const { yaml } = importText(agentazImporter, readFileSync(file, "utf8"), file, {
        companion: { file: kitFile, text: readFileSync(kitFile, "utf8") },
      });
      const spec = modelOf(`${kit}.agentspec.yaml`, yaml);
      expect(spec.format).toBe("agentspec");
      expect(spec.failureModes).toEqual(kitJson.failureModes);
      expect(spec.evaluation?.metrics?.map((m) => m.name)).toEqual(kitJson.evaluation.metrics.map((m: { name: string }) => m.name));
      expect(yaml).toContain("# inferred from the tool name: review it");
    }
  });

  it("compiles every imported spec to every target", () => {
    for (const kit of kits) {
      const file = corpusPath("agentaz", "kits", kit, "agentaz.json");
      const spec = modelOf(`${kit}.agentspec.yaml`, importText(agentazImporter, readFileSync(file, "utf8"), file).yaml);
      for (const target of targets) {
        const files = emit(target, spec);
        expect(files.length, `${kit} → ${target.id}`).toBeGreaterThan(0);
        for (const f of files) expect(f.contents.length, `${kit} → ${f.path}`).toBeGreaterThan(0);
      }
    }
  });

  it("round-trips agentaz → agentspec → agentaz: the exported JSON deep-equals the original, validates against AgentAz v1.0, and the model is unchanged", () => {
    for (const kit of kits) {
      const file = corpusPath("agentaz", "kits", kit, "agentaz.json");
      const text = readFileSync(file, "utf8");
      const original = modelOf(file, text);
      const spec = modelOf(`${kit}.agentspec.yaml`, importText(agentazImporter, text, file).yaml);
      const exported = toAgentaz(spec);
      expect(exported, kit).toEqual(JSON.parse(text));
      expect(validateAgentaz(exported), `${kit}: ${JSON.stringify(validateAgentaz.errors)}`).toBe(true);
      const back = modelOf(`${kit}/agentaz.json`, JSON.stringify(exported));
      expect(carried(back)).toEqual(carried(original));
    }
  });

  it("compiles an agentaz.json straight to the agentaz target unchanged", () => {
    for (const kit of kits) {
      const text = readFileSync(corpusPath("agentaz", "kits", kit, "agentaz.json"), "utf8");
      expect(toAgentaz(modelOf(`${kit}/agentaz.json`, text)), kit).toEqual(JSON.parse(text));
    }
  });

  it("keeps the AgentAz fields agentspec has no place for in extensions.agentaz, and notes the kit's undeclared tools", () => {
    const file = corpusPath("agentaz", "kits", "account-research-agent", "agentaz.json");
    const raw = JSON.parse(readFileSync(file, "utf8"));
    const kitFile = corpusPath("agentaz", "kits", "account-research-agent", "kit.json");
    const result = importText(agentazImporter, JSON.stringify(raw), file, {
      companion: { file: kitFile, text: readFileSync(kitFile, "utf8") },
    });
    const spec = modelOf("imported.agentspec.yaml", result.yaml);
    expect(spec.extensions).toEqual({
      agentaz: {
        $schema: "./agentaz.schema.json",
        tags: raw.tags,
        tool_boundary: { read_only: true },
        output_boundary: { never_fabricates: raw.output_boundary.never_fabricates },
        ungated_tools_field: "allowed_tools",
      },
    });
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toMatch(/^kit\.json lists tools agentaz\.json does not declare \(so they are denied\): /);
  });

  it("refuses a kit.json that is not a kit, naming the kit and the place", () => {
    const file = corpusPath("agentaz", "kits", "account-research-agent", "agentaz.json");
    expect(refusal(agentazImporter, readFileSync(file, "utf8"), file, { companion: { file: "kit.json", text: '{ "tools": 3 }' } })).toEqual(
      ['1:1 kit.json:1:12: "tools" must be a list of { name, purpose }'],
    );
  });

  it("agentspec import agentaz reads the kit.json beside the file and prints YAML", async () => {
    let out = "";
    const code = await main(["import", "agentaz", corpusPath("agentaz", "kits", "transaction-dispute-agent", "agentaz.json")], {
      stdout: (t) => (out += t),
      stderr: (t) => (out += t),
      color: false,
      cwd: process.cwd(),
    });
    expect(code).toBe(0);
    expect(out).toContain("Imported from AgentAz");
    expect(out).toContain("and its kit.json");
    expect(out).toContain("  - mode: Files a dispute against a legitimate, non-fraudulent charge.");
    expect(out).toContain("NOTE: kit.json lists tools agentaz.json does not declare (so they are denied): get_dispute, transaction_lookup");
  });
});
