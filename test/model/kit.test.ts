import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { markdown } from "../../src/compile/targets/markdown.js";
import { lintFiles } from "../../src/lint/index.js";
import { parseSource } from "../../src/load/index.js";
import { checkSource, loadSpecs, readKit } from "../../src/model/index.js";
import { agentaz } from "../helpers/lint-rule.js";
import { corpusPath, hasCorpus } from "../helpers/corpus.js";
import { emit } from "../helpers/emit.js";

describe("the kit.json companion", () => {
  it("reads a kit's tools with inferred effects, its failure modes and evaluation, keeping only the fields agentspec has", () => {
    const kit = readKit(
      parseSource(
        "kit.json",
        JSON.stringify({
          tools: [{ name: "get_dispute", purpose: "Fetch it." }, { name: "process_refund" }, { name: "email.draft" }],
          failureModes: [{ mode: "m", detection: "d", mitigation: "mi", recovery: "r", severity: "high" }],
          evaluation: { primary: "p", metrics: [{ name: "Accuracy", unit: "%" }] },
        }),
      ),
    );
    expect(kit).toEqual({
      file: "kit.json",
      tools: [
        { name: "get_dispute", purpose: "Fetch it.", effect: "read" },
        { name: "process_refund", purpose: undefined, effect: "irreversible" },
        { name: "email.draft", purpose: undefined, effect: "draft" },
      ],
      failureModes: [{ mode: "m", detection: "d", mitigation: "mi", recovery: "r" }],
      evaluation: { primary: "p", metrics: [{ name: "Accuracy" }] },
    });
  });

  it("fills the AgentAz model's failure modes, evaluation and tool descriptions from the kit", () => {
    const kitText = JSON.stringify({
      tools: [{ name: "read_ticket", purpose: "Fetch the ticket." }],
      failureModes: [{ mode: "m", detection: "d", mitigation: "mi", recovery: "r" }],
      evaluation: { metrics: [{ name: "Accuracy", target: ">= 0.9" }] },
    });
    const { spec } = checkSource(parseSource("agentaz.json", agentaz({})), { kit: parseSource("kit.json", kitText) });
    expect(spec!.failureModes).toEqual([{ mode: "m", detection: "d", mitigation: "mi", recovery: "r" }]);
    expect(spec!.evaluation).toEqual({ metrics: [{ name: "Accuracy", target: ">= 0.9" }] });
    expect(spec!.tools.map((t) => [t.name, t.description])).toEqual([
      ["read_ticket", "Fetch the ticket."],
      ["draft_reply", undefined],
    ]);
    const md = emit(markdown, spec!)[0]!.contents;
    expect(md).toContain("| m | d | mi | r |");
    expect(md).toContain("| Accuracy | — | >= 0.9 |");
  });

  it("loadSpecs reads the kit.json beside an agentaz.json; an unreadable kit is a warning, never a crash", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "agentspec-kit-"));
    writeFileSync(path.join(dir, "agentaz.json"), agentaz({}));
    writeFileSync(path.join(dir, "kit.json"), "{ not json");
    const [checked] = await loadSpecs([dir]);
    expect(checked!.spec!.kit).toEqual({
      file: path.join(dir, "kit.json"),
      tools: [],
      problem: "1:3: Unexpected 'n': expected a property name in double quotes",
    });
    const { results, errorCount } = await lintFiles([dir]);
    expect(errorCount).toBe(0);
    expect(
      results[0]!.diagnostics
        .filter((d) => d.ruleId === "kit-tool-undeclared")
        .map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`),
    ).toEqual([
      "1:1 warning kit.json beside this spec was ignored: kit.json:1:3: Unexpected 'n': expected a property name in double quotes",
    ]);
  });
});

describe.skipIf(!hasCorpus)("the corpus kits", () => {
  it("every agentaz.json gets its kit's failure modes and metrics, and its Markdown shows them", async () => {
    const checked = await loadSpecs([corpusPath("agentaz/kits")]);
    expect(checked).toHaveLength(42);
    for (const { source, spec } of checked) {
      const kit = JSON.parse(readFileSync(path.join(path.dirname(source.file), "kit.json"), "utf8"));
      expect(spec!.kit?.problem).toBeUndefined();
      expect(spec!.kit?.tools.map((t) => t.name)).toEqual(kit.tools.map((t: { name: string }) => t.name));
      expect(spec!.failureModes).toEqual(kit.failureModes);
      const md = emit(markdown, spec!)[0]!.contents;
      for (const metric of kit.evaluation.metrics) expect(md).toContain(`| ${metric.name} |`);
      expect(md).not.toContain("No failure modes declared.");
    }
  });
});
