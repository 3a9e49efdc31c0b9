/**
 * The specs the differential tests compile and probe: the example specs in specs/, every corpus
 * spec imported the way a user would import it (AgentAz kits through the agentaz importer, aex's
 * examples and Veto's valid conformance fixtures through theirs), the edge-case spec in
 * specs/edge-cases.agentspec.yaml beside this file, and seeded fast-check specs. Loading reads
 * files: call these inside a test or a beforeAll, never at collection.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { stringify } from "yaml";
import { importers, type Spec } from "../../src/index.js";
import { parseSource } from "../../src/load/index.js";
import { checkSource } from "../../src/model/index.js";
import { corpusPath } from "./corpus.js";
import { importText } from "./import.js";

export interface NamedSpec {
  /** Where it came from, for the tables: `specs/x`, `agentaz/<kit>`, `edge-cases`, `generated/3`. */
  name: string;
  spec: Spec;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** A spec from its text; throws naming the diagnostics when it is not valid. */
export function specOf(file: string, text: string): Spec {
  const checked = checkSource(parseSource(file, text));
  if (!checked.spec)
    throw new Error(`${file} is not a valid spec: ${checked.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join("; ")}`);
  return checked.spec;
}

export function exampleSpecs(): NamedSpec[] {
  const dir = path.join(ROOT, "specs");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".agentspec.yaml"))
    .sort()
    .map((f) => ({ name: `specs/${f.replace(".agentspec.yaml", "")}`, spec: specOf(f, readFileSync(path.join(dir, f), "utf8")) }));
}

export function edgeCaseSpecs(): NamedSpec[] {
  const file = path.join(ROOT, "test/helpers/specs/edge-cases.agentspec.yaml");
  const edge = specOf("edge-cases.agentspec.yaml", readFileSync(file, "utf8"));
  const denyAll = specOf(
    "deny-all.agentspec.yaml",
    `agentspec: "1.0"\nagent: { id: deny-all, version: 1.0.0 }\ntools:\n  crm.lookup: { effect: read }\ndeny: ["*"]\n`,
  );
  const empty = specOf("empty.agentspec.yaml", `agentspec: "1.0"\nagent: { id: nothing-allowed, version: 1.0.0 }\ntools: {}\n`);
  return [
    { name: "edge-cases", spec: edge },
    { name: "edge/deny-all", spec: denyAll },
    { name: "edge/nothing-allowed", spec: empty },
  ];
}

/** A file of another format through its importer, then the model: what `agentspec import` gives a user. */
export function importedSpec(format: string, file: string, companion?: string): Spec {
  const importer = importers.find((i) => i.id === format);
  if (!importer) throw new Error(`no importer "${format}"`);
  const options = companion ? { companion: { file: companion, text: readFileSync(companion, "utf8") } } : undefined;
  const { yaml } = importText(importer, readFileSync(file, "utf8"), file, options);
  return specOf(`${path.basename(file)}.agentspec.yaml`, yaml);
}

export function agentazCorpusSpecs(): NamedSpec[] {
  const kits = corpusPath("agentaz", "kits");
  return readdirSync(kits)
    .sort()
    .map((kit) => {
      const dir = path.join(kits, kit);
      const companion = readdirSync(dir).includes("kit.json") ? path.join(dir, "kit.json") : undefined;
      return { name: `agentaz/${kit}`, spec: importedSpec("agentaz", path.join(dir, "agentaz.json"), companion) };
    });
}

/** aex's own example policies, tasks and JSON policies. */
export function aexCorpusFiles(): string[] {
  const examples = corpusPath("aex", "examples");
  return readdirSync(examples, { recursive: true, encoding: "utf8" })
    .map((f) => path.join(examples, f))
    .filter((f) => /\.(aex|json)$/.test(f) && !f.endsWith("inputs.json"))
    .sort();
}

export function aexCorpusSpecs(): NamedSpec[] {
  return aexCorpusFiles().map((file) => ({
    name: `aex/${path.relative(corpusPath("aex", "examples"), file)}`,
    spec: importedSpec("aex", file),
  }));
}

export function vetoConformanceFiles(kind: "valid" | "invalid"): string[] {
  const dir = corpusPath("veto", "conformance");
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${kind}-`))
    .sort()
    .map((f) => path.join(dir, f));
}

export function vetoCorpusSpecs(): NamedSpec[] {
  return vetoConformanceFiles("valid").map((file) => ({ name: `veto/${path.basename(file)}`, spec: importedSpec("veto", file) }));
}

/** Every corpus spec, imported. */
export function corpusSpecs(): NamedSpec[] {
  return [...agentazCorpusSpecs(), ...aexCorpusSpecs(), ...vetoCorpusSpecs()];
}

// --- generated specs ----------------------------------------------------------------------------

const NAMES = [
  "crm.lookup",
  "crm.update",
  "crm.delete",
  "billing.refund",
  "email.send",
  "email.draft",
  "search",
  "file.read",
  "Read",
  "unknown.grep",
  "a.b.c",
  "Crm.Lookup",
  "tickets.respond",
  "ümlaut.read",
];
const GLOBS = ["crm.*", "*.admin", "email.*", "crm.d*", "a?c", "*", "billing.re*nd", "*.*"];
const ARGS = ["amount", "body", "to", "recipient.domain", "__proto__", "tool_name", "arguments", "context", "count"];

const scalar = fc.oneof(fc.constantFrom("low", "high", "EUR", "x", ""), fc.integer({ min: -3, max: 200 }), fc.boolean());
const number = fc.oneof(fc.integer({ min: -10, max: 1000 }), fc.constantFrom(0.5, 99.75));

const leaf: fc.Arbitrary<Record<string, unknown>> = fc
  .oneof(
    fc.record({ arg: fc.constantFrom(...ARGS), op: fc.constantFrom("gt", "gte", "lt", "lte"), value: number }),
    fc.record({ arg: fc.constantFrom(...ARGS), op: fc.constantFrom("eq", "ne"), value: scalar }),
    fc.record({
      arg: fc.constantFrom(...ARGS),
      op: fc.constantFrom("in", "not_in"),
      value: fc.array(scalar, { minLength: 1, maxLength: 3 }),
    }),
    fc.record({
      context: fc.constantFrom("actor", "tenant", "environment"),
      op: fc.constantFrom("eq", "ne"),
      value: fc.constantFrom("production", "acme", "alice"),
    }),
  )
  .map(({ op, value, ...target }) => ({ ...target, [op as string]: value }));

const condition: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 3, arbitrary: leaf },
  { weight: 1, arbitrary: fc.record({ any: fc.array(leaf, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ all: fc.array(leaf, { minLength: 1, maxLength: 3 }) }) },
);

const limit = fc
  .record(
    {
      min: number,
      max: number,
      max_length: fc.integer({ min: 0, max: 30 }),
      one_of: fc.array(scalar, { minLength: 1, maxLength: 3 }),
      required: fc.constant(true),
    },
    { requiredKeys: [] },
  )
  .filter((l) => Object.keys(l).length > 0);

const tool = fc.record(
  {
    effect: fc.constantFrom("read", "draft", "write", "irreversible"),
    approval: fc.oneof(fc.constant(true), fc.record({ when: condition })),
    limits: fc.dictionary(fc.constantFrom(...ARGS), limit, { minKeys: 1, maxKeys: 3 }),
  },
  { requiredKeys: ["effect"] },
);

const specDocument = fc.record({
  tools: fc.dictionary(fc.oneof(fc.constantFrom(...NAMES), fc.constantFrom(...GLOBS)), tool, { minKeys: 0, maxKeys: 6 }),
  deny: fc.uniqueArray(fc.oneof(fc.constantFrom(...NAMES), fc.constantFrom(...GLOBS)), { maxLength: 4 }),
  max_tool_calls: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
});

/**
 * `count` specs from a fixed seed: allowlists of exact names and globs (dotted, undotted,
 * mixed-case, non-ASCII), deny lists of every glob form, limits of every kind and approval
 * conditions with any / all over arguments (reserved names and __proto__ among them) and context.
 */
export function generatedSpecs(count: number, seed = 1313): NamedSpec[] {
  const documents = fc.sample(specDocument, { seed, numRuns: count });
  return documents.map((doc, i) => {
    const text = stringify({
      agentspec: "1.0",
      agent: { id: `generated-${i}`, version: "1.0.0", goal: "A generated spec." },
      tools: doc.tools,
      ...(doc.deny.length > 0 ? { deny: doc.deny } : {}),
      ...(doc.max_tool_calls !== undefined ? { limits: { max_tool_calls: doc.max_tool_calls } } : {}),
    });
    return { name: `generated/${i}`, spec: specOf(`generated-${i}.agentspec.yaml`, text) };
  });
}
