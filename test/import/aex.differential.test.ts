/**
 * aex's own examples imported: decide() on the import against aex's real engines on the original
 * file (its proxy and gate for .aex files, `aex run` for every file), call by call. The import may
 * be stricter (each kind of difference is a NOTE in its header), never looser.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aexImporter } from "../../src/import/aex.js";
import { aexPermissions, gateEngine, proxyEngine, runTaskEngine, scratchDir } from "../helpers/aex-engines.js";
import { readings } from "../helpers/calls.js";
import { hasCorpus } from "../helpers/corpus.js";
import { NOT_ASKED, formatAgreementTable, runDifferential, type PeerAsk, type PreparePeer } from "../helpers/differential.js";
import { importText } from "../helpers/import.js";
import { hasPeers, loadAex, PEERS_MISSING, type AexPeer } from "../helpers/peers.js";
import { aexCorpusFiles, specOf, type NamedSpec } from "../helpers/spec-sets.js";

describe.skipIf(!hasPeers || !hasCorpus)("aex's examples: decide() on the import against aex's engines on the original", () => {
  let aex: AexPeer;
  let scratch: ReturnType<typeof scratchDir>;
  beforeAll(async () => {
    aex = await loadAex();
    scratch = scratchDir();
  });
  afterAll(() => scratch?.remove());

  it("is never looser, for every example and every engine that reads it", async () => {
    const files = aexCorpusFiles();
    const originals = new Map<string, string>();
    const imports: NamedSpec[] = files.map((file) => {
      const name = path.relative(path.dirname(path.dirname(path.dirname(file))), file);
      const text = readFileSync(file, "utf8");
      originals.set(name, text);
      return { name, spec: specOf("imported.agentspec.yaml", importText(aexImporter, text, file).yaml) };
    });
    const fileOf = new Map(imports.map(({ name }, i) => [name, files[i]!]));
    // Only the engines that read a file of that kind: aex's proxy and gate read .aex files only.
    const only = (kind: "aex" | "json" | "any", prepare: (file: string, text: string) => Promise<PeerAsk>): PreparePeer => {
      return async (spec) => {
        const name = imports.find((i) => i.spec === spec)!.name;
        const file = fileOf.get(name)!;
        if (kind !== "any" && !file.endsWith(`.${kind}`)) return () => NOT_ASKED;
        return prepare(file, originals.get(name)!);
      };
    };
    const tallies = await runDifferential(
      imports,
      {
        "aex proxy on the original": only("aex", async (_f, text) => proxyEngine(aex, aexPermissions(aex, text))),
        "aex gate on the original": only("aex", async (_f, text) => gateEngine(aex, aexPermissions(aex, text), scratch.dir)),
        "aex run on the original": only("any", async (file, text) =>
          runTaskEngine(
            aex,
            await aex.resolvePolicy(file.endsWith(".json") ? JSON.parse(text) : await aex.loadAEXPolicy(file)),
            scratch.dir,
          ),
        ),
      },
      { extraNames: originalNames([...originals.values()]), reverse: true },
    );
    for (const tally of tallies) tally.notAskedWhy = "files this engine does not read, and names no aex task can call";
    console.log(formatAgreementTable(tallies, `aex's ${files.length} examples, imported`));
    for (const tally of tallies) expect(tally.looser, `${tally.engine}:\n${tally.describeLooser()}`).toEqual([]);
    // Each engine compared several examples.
    for (const tally of tallies) expect(new Set(tally.rows.map((r) => r.spec)).size).toBeGreaterThan(3);
  }, 300_000);
});

if (!(hasPeers && hasCorpus)) it.skip(`aex's examples against aex's engines: skipped: ${PEERS_MISSING}`, () => {});

/** Every name the originals list, and its other readings: the import must not drop a deny or a gate on them. */
function originalNames(texts: string[]): string[] {
  const names = new Set<string>();
  for (const text of texts) {
    const found = text.startsWith("{")
      ? (Object.values(JSON.parse(text)).flat() as unknown[]).filter((v): v is string => typeof v === "string").map((v) => v.split(":")[0]!)
      : [...text.matchAll(/^\s*(?:allow|use|deny|confirm before)\s+(.+)$/gm)].flatMap((m) => m[1]!.split(",").map((s) => s.trim()));
    for (const name of found) {
      names.add(name);
      for (const [reading] of readings(name)) names.add(reading);
      if (name.endsWith(".*")) names.add(name.slice(0, -2)).add(`${name.slice(0, -1)}x`);
    }
  }
  return [...names];
}
