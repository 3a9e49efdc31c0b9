/**
 * agentspec's computed trust level against the AgentAz reference tier (`computeTier`, bundled
 * unchanged in ../shared/peers/agentaz.mjs), on every corpus kit as written and on the AgentAz
 * export of every spec set. The reference gives bands (A1 and A2 are both ADV). Every
 * difference must be one of the known, documented ones (README "The AgentAz tier"), each
 * checked against the facts that cause it, never assumed.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toAgentaz } from "../../src/compile/targets/agentaz.js";
import { computeTrustLevel, loadSpecs, type Spec, type TrustLevelResult } from "../../src/index.js";
import { loadAgentaz } from "../helpers/peers.js";
import { hasShared, SHARED_MISSING } from "../helpers/shared.js";
import { corpusPath } from "../helpers/corpus.js";
import { corpusSpecs, edgeCaseSpecs, exampleSpecs, generatedSpecs } from "../helpers/spec-sets.js";

type Band = "A0" | "ADV" | "A3" | "A4" | "A5";
type ComputeTier = (doc: unknown) => { band: Band; basis: string; computable: boolean };

const REASONS = {
  "tools-absent":
    "the file says execution_tools_absent while listing tools agentspec reads as acting: the reference takes the claim (ADV), agentspec the tools (lint reports execution-tools-contradiction)",
  "gated-read-or-draft":
    "an approval-gated tool that only reads or drafts: the reference counts every gated tool as consequential (A3), agentspec by its effect (A1/A2)",
  "conditional-gate":
    "a tool gated only under a condition: AgentAz has no conditional approval, so the export lists it as approval-required (A3); agentspec counts it as acting without approval when the condition does not hold (A4/A5)",
  "verb-list":
    "a tool agentspec reads as acting (its declared effect, or inferred from its name) that the reference's verb list does not match, or the reverse (the reference matches verbs by prefix: deployment_status)",
  bounds:
    "A4 against A5: agentspec wants a call or turn bound, a cost bound and an append-only audit; the reference any non-empty audit, cost_boundary and loop_boundary",
} as const;

type Reason = keyof typeof REASONS;

function band(level: TrustLevelResult["level"]): Band {
  return level === "A1" || level === "A2" ? "ADV" : level;
}

/** Why the reference and agentspec differ on this document, checked against the facts; undefined when no known reason holds. */
function explain(doc: Record<string, any>, spec: Spec, ours: Band, theirs: Band, computeTier: ComputeTier): Reason | undefined {
  const boundary = doc.tool_boundary ?? {};
  const gated: string[] = boundary.approval_required_tools ?? [];
  const auto: string[] = boundary.auto_executable_tools ?? boundary.allowed_tools ?? [];
  const acting = spec.tools.filter((t) => t.effect === "write" || t.effect === "irreversible");
  // The reference's own reading of one name: does an ungated tool of that name alone make it A4?
  const referenceMutates = (name: string): boolean =>
    computeTier({ tool_boundary: { auto_executable_tools: [name] }, audit: { x: 1 }, cost_boundary: { x: 1 }, loop_boundary: { x: 1 } })
      .band === "A4";
  if (boundary.execution_tools_absent === true && theirs === (gated.length > 0 ? "A3" : "ADV") && acting.length > 0) return "tools-absent";
  if (theirs === "A3" && ours === "ADV" && gated.length > 0 && acting.every((t) => !gated.includes(t.name))) return "gated-read-or-draft";
  const autonomous = acting.filter((t) => !t.approval || t.approval.when !== undefined);
  const conditional = autonomous.filter((t) => t.approval?.when !== undefined);
  if (theirs === "A3" && (ours === "A4" || ours === "A5") && conditional.length > 0 && conditional.every((t) => gated.includes(t.name))) {
    const ungatedActing = autonomous.filter((t) => !t.approval);
    if (ungatedActing.every((t) => !referenceMutates(t.name))) return "conditional-gate";
  }
  const verbDisagrees = auto.some((name) => {
    const tool = spec.tools.find((t) => t.name === name);
    const agentspecActs = tool !== undefined && (tool.effect === "write" || tool.effect === "irreversible");
    return agentspecActs !== referenceMutates(name);
  });
  if (verbDisagrees) return "verb-list";
  if ((ours === "A4" && theirs === "A5") || (ours === "A5" && theirs === "A4")) return "bounds";
  return undefined;
}

interface Row {
  source: "kit" | "export";
  name: string;
  ours: Band;
  theirs: Band;
  reason?: Reason;
}

describe("agentspec's trust level against the AgentAz reference tier", () => {
  if (!hasShared) it.skip(`skipped: ${SHARED_MISSING}`, () => {});
  it.skipIf(!hasShared)("agrees per band, and every difference is a documented one", async () => {
    const { computeTier } = (await loadAgentaz()) as { computeTier: ComputeTier };
    const rows: Row[] = [];
    const compare = (source: Row["source"], name: string, doc: Record<string, any>, spec: Spec): void => {
      const ours = band(computeTrustLevel(spec).level);
      const theirs = computeTier(doc).band;
      rows.push({ source, name, ours, theirs, ...(ours !== theirs ? { reason: explain(doc, spec, ours, theirs, computeTier) } : {}) });
    };
    const kits = await loadSpecs([corpusPath("agentaz", "kits")]);
    expect(kits.length).toBe(42);
    for (const { source, spec } of kits) compare("kit", spec!.agent.id, JSON.parse(readFileSync(source.file, "utf8")), spec!);
    for (const { name, spec } of [...exampleSpecs(), ...corpusSpecs(), ...edgeCaseSpecs(), ...generatedSpecs(60)])
      compare("export", name, toAgentaz(spec), spec);

    const unexplained = rows.filter((r) => r.ours !== r.theirs && r.reason === undefined);
    expect(unexplained.map((r) => `${r.source} ${r.name}: agentspec ${r.ours}, reference ${r.theirs}`)).toEqual([]);

    const lines = ["| input | reference band | specs | agentspec agrees | differs (reason: count) |", "| --- | --- | ---: | ---: | --- |"];
    for (const source of ["kit", "export"] as const) {
      for (const b of ["A0", "ADV", "A3", "A4", "A5"] as const) {
        const inBand = rows.filter((r) => r.source === source && r.theirs === b);
        if (inBand.length === 0) continue;
        const reasons = new Map<string, number>();
        for (const r of inBand) if (r.reason) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
        const agree = inBand.filter((r) => r.ours === r.theirs).length;
        lines.push(
          `| ${source === "kit" ? "corpus agentaz.json" : "AgentAz export"} | ${b} | ${inBand.length} | ${agree}/${inBand.length} | ${[...reasons].map(([k, n]) => `${k}: ${n}`).join(", ") || "—"} |`,
        );
      }
    }
    console.log(`AgentAz reference tier (computeTier) vs agentspec's computed level\n\n${lines.join("\n")}\n`);
    console.log(
      rows
        .filter((r) => r.reason)
        .map((r) => `${r.source} ${r.name}: agentspec ${r.ours}, reference ${r.theirs} (${r.reason})`)
        .join("\n"),
    );
    // Both inputs were compared, in every band they reach.
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set(["kit", "export"]));
  });
});
