import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { lexer, type Tokens } from "marked";
import { describe, expect, it } from "vitest";
import { compilePolicy } from "../../src/policy/compile-policy.js";
import { markdown } from "../../src/compile/targets/markdown.js";
import { GOVERNANCE_ROWS } from "../../src/compile/markdown/governance.js";
import { escapeCell } from "../../src/compile/markdown/table.js";
import { loadSource } from "../../src/load/index.js";
import { checkSource, type Spec } from "../../src/model/index.js";
import { MINIMAL_YAML } from "../helpers/lint-text.js";
import { specFrom } from "../helpers/spec-text.js";
import { corpusPath, hasCorpus } from "../helpers/corpus.js";
import { loadSpecs } from "../../src/model/index.js";
import { emit } from "../helpers/emit.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const specFiles = readdirSync(path.join(root, "specs"))
  .filter((f) => f.endsWith(".agentspec.yaml"))
  .sort();

async function exampleSpec(file: string): Promise<Spec> {
  const checked = checkSource(await loadSource(path.join(root, "specs", file)));
  return checked.spec!;
}

function render(spec: Spec): string {
  const files = emit(markdown, spec);
  expect(files.map((f) => f.path)).toEqual([`${spec.agent.id}.md`]);
  return files[0]!.contents;
}

interface ParsedTable {
  /** The `## ` heading the table sits under. */
  section: string;
  header: string[];
  rows: string[][];
}

/** Every table in the document, with the section it is in, as marked's lexer reads it. */
function tables(doc: string): ParsedTable[] {
  const found: ParsedTable[] = [];
  let section = "";
  for (const token of lexer(doc)) {
    if (token.type === "heading") section = (token as Tokens.Heading).text;
    if (token.type === "table") {
      const t = token as Tokens.Table;
      found.push({ section, header: t.header.map(plain), rows: t.rows.map((r) => r.map(plain)) });
    }
  }
  return found;
}

/** A cell's text as a reader sees it: code spans without their backticks. */
function plain(cell: Tokens.TableCell): string {
  return cell.tokens.map((t) => ("text" in t ? t.text : t.raw)).join("");
}

function tableIn(doc: string, section: string): ParsedTable {
  const table = tables(doc).find((t) => t.section === section);
  if (!table) throw new Error(`no table under "${section}"`);
  return table;
}

const COLUMNS: Record<string, string[]> = {
  "": ["Field", "Value"],
  "Governance matrix": ["Dimension", "This agent"],
  Tools: ["Tool", "Effect", "Approval", "Limits", "Resources (advisory)"],
  "What is denied": ["Pattern", "Reason"],
  "Failure modes": ["Mode", "Detection", "Mitigation", "Recovery"],
  Evaluation: ["Metric", "Description", "Target"],
  "Decision tests": ["Case", "Call", "Expected"],
  "Framework crosswalk": ["Safeguard", "In this spec", "NIST AI RMF", "ISO/IEC 42001 Annex A", "OWASP Agentic Top 10"],
};

describe("markdown target: every example spec", () => {
  it.each(specFiles)("%s: every table has its columns, and rows from the spec", async (file) => {
    const spec = await exampleSpec(file);
    const doc = render(spec);
    const found = tables(doc);
    // The header table sits under the title, an h1, so its section is the title.
    const title = lexer(doc).find((t) => t.type === "heading" && (t as Tokens.Heading).depth === 1) as Tokens.Heading;
    for (const table of found) {
      const expected = COLUMNS[table.section === title.text ? "" : table.section];
      expect(expected, `table under "${table.section}"`).toBeDefined();
      expect(table.header).toEqual(expected);
      for (const row of table.rows) expect(row).toHaveLength(expected!.length);
    }
    expect(new Set(found.map((t) => (t.section === title.text ? "" : t.section)))).toEqual(new Set(Object.keys(COLUMNS)));

    expect(tableIn(doc, "Governance matrix").rows.map((r) => r[0])).toEqual([...GOVERNANCE_ROWS]);
    expect(tableIn(doc, "Tools").rows.map((r) => r[0]!.split(": ")[0])).toEqual(spec.tools.map((t) => t.name));
    expect(tableIn(doc, "What is denied").rows.map((r) => r[0])).toEqual(spec.deny.map((d) => d.pattern));
    expect(tableIn(doc, "Failure modes").rows).toEqual(spec.failureModes.map((f) => [f.mode, f.detection, f.mitigation, f.recovery]));
    expect(tableIn(doc, "Evaluation").rows.map((r) => r[0])).toEqual(spec.evaluation!.metrics!.map((m) => m.name));
    expect(tableIn(doc, "Decision tests").rows.map((r) => r[2])).toEqual(spec.tests.map((t) => t.expect));
    const header = Object.fromEntries(found[0]!.rows.map(([k, v]) => [k, v]));
    expect(header["Version"]).toBe(spec.agent.version);
    expect(header["Owner"]).toBe(spec.agent.owner);
    expect(header["Last reviewed"]).toBe(spec.agent.last_reviewed);
    expect(header["Policy hash"]).toBe(compilePolicy(spec).hash);
    expect(header["Policy hash"]).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it.each(specFiles)("%s: the same spec gives byte-identical output", async (file) => {
    expect(render(await exampleSpec(file))).toBe(render(await exampleSpec(file)));
  });
});

describe("markdown target: order-support against the AgentAz seed page", () => {
  // The values the AgentAz page for this blueprint shows (../shared/seeds/002_d445d56421c255e2.txt).
  // Its "Agent goal" row reads "Bounded by the authority spec above"; agentspec shows the
  // spec's declared goal there instead, and that wording only when no goal is declared.
  const SEED_MATRIX: [string, string][] = [
    ["Trust Level", "A2 — Recommend"],
    ["Tool access", "Least privilege — execution tools absent (read-only)"],
    ["Context handling", "Grounded in provided inputs; cites or flags rather than guessing"],
    ["Memory strategy", "Task-scoped; no persistent cross-session memory"],
    ["Human approval", "Required on account action needed, sensitive issue, low confidence → support agent"],
    ["Audit trail", "Append-only log (lookups, drafts)"],
    ["Cost & loop bounds", "≤ $0.2 per loop · ≤ 8 reasoning turns"],
    ["Recovery / escalation", "Escalates to support agent"],
  ];
  const SEED_FAILURE_MODES = [
    [
      "Quotes a wrong order status or delivery date from stale data.",
      "Order data is read fresh and its timestamp is checked.",
      "It is read-only on order status and the draft is reviewed before sending.",
      "The human verifies status before replying.",
    ],
    [
      "Drafts a promise it can't keep, such as a refund or expedite the company must honor.",
      "Commitment language is flagged and the agent has no refund or cancel tools.",
      "It never makes commitments or takes account actions.",
      "The human removes or approves the commitment.",
    ],
    [
      "Misidentifies the order, matching the wrong customer or order.",
      "The order-to-customer match is verified before drafting.",
      "Ambiguous matches are flagged, not assumed.",
      "The agent confirms the order with the customer.",
    ],
  ];

  it("shows the seed's governance matrix, row for row", async () => {
    const doc = render(await exampleSpec("order-support.agentspec.yaml"));
    const matrix = tableIn(doc, "Governance matrix");
    expect(matrix.rows).toEqual([
      ["Agent goal", "Answer order questions from real order data and draft replies for a human to send"],
      ...SEED_MATRIX,
    ]);
  });

  it("shows the seed's failure modes with detection, mitigation and recovery", async () => {
    const doc = render(await exampleSpec("order-support.agentspec.yaml"));
    expect(tableIn(doc, "Failure modes").rows).toEqual(SEED_FAILURE_MODES);
  });

  it("shows the seed's evaluation metrics", async () => {
    const doc = render(await exampleSpec("order-support.agentspec.yaml"));
    expect(tableIn(doc, "Evaluation").rows.slice(0, 2)).toEqual([
      ["Status accuracy", "Share of order-status answers matching the system of record.", "—"],
      ["Groundedness", "Share of replies supported by order data, with no fabricated dates.", "—"],
    ]);
  });

  it("draws the decision flow with the spec's deny patterns and allowlist, and no limit or approval step", async () => {
    const doc = render(await exampleSpec("order-support.agentspec.yaml"));
    const mermaid = lexer(doc).find((t) => t.type === "code" && (t as Tokens.Code).lang === "mermaid") as Tokens.Code;
    expect(mermaid.text.split("\n")).toEqual([
      "flowchart TD",
      '  call(["Tool call"])',
      '  call --> denylist{"Matches a deny pattern? (4: cancel_order, refund*, modify_order, send*)"}',
      '  denylist -- yes --> denylist_deny["deny: deny wins"]',
      '  denylist -->|no| allowlist{"In the allowlist? (3: read_order_status, draft_reply, route)"}',
      '  allowlist -- no --> allowlist_deny["deny: not allowed"]',
      '  allowlist -->|yes| allow["allow"]',
    ]);
  });
});

const GATED_YAML = `agentspec: "1.0"
agent: { id: refunds, version: 1.0.0, owner: payments }
trust_level: A2
tools:
  billing.refund:
    effect: irreversible
    approval: { when: { arg: amount, gt: 100 }, channel: "slack:#refunds" }
    limits: { amount: { max: 600, required: true } }
deny: [{ pattern: "payment.*", reason: "No charges | ever" }]
failure_modes:
  - mode: "Refunds twice\\nfor one order"
    detection: "Duplicate refund ids | same order"
    mitigation: Idempotency key.
    recovery: Reverse the second refund.
`;

describe("markdown target: escaping, gates and mismatched levels", () => {
  it("keeps | and newlines inside their cells", () => {
    const doc = render(specFrom(GATED_YAML));
    expect(tableIn(doc, "Failure modes").rows).toEqual([
      ["Refunds twice<br>for one order", "Duplicate refund ids | same order", "Idempotency key.", "Reverse the second refund."],
    ]);
    expect(tableIn(doc, "What is denied").rows).toEqual([["payment.*", "No charges | ever"]]);
  });

  it("escapes cells: pipes, line breaks and a < that would open HTML", () => {
    expect(escapeCell("a | b\nc\r\nd <script> x < 3")).toBe("a \\| b<br>c<br>d &lt;script> x < 3");
  });

  it("states approval gates, limits and a computed level above the declared one", () => {
    const doc = render(specFrom(GATED_YAML));
    expect(tableIn(doc, "Tools").rows).toEqual([
      ["billing.refund", "irreversible", "when amount > 100 via slack:#refunds", "amount: ≤ 600, required", "any"],
    ]);
    const matrix = Object.fromEntries(tableIn(doc, "Governance matrix").rows.map(([k, v]) => [k, v]));
    expect(matrix["Trust Level"]).toBe("A2 — Recommend (computed: A5 — Full Autonomy)");
    expect(matrix["Human approval"]).toBe("Required for billing.refund (when amount > 100 via slack:#refunds)");
    expect(matrix["Tool access"]).toBe("Least privilege — 1 allowlisted tool (irreversible: billing.refund); everything else denied");
    expect(matrix["Cost & loop bounds"]).toBe("None declared");
    const header = Object.fromEntries(tables(doc)[0]!.rows.map(([k, v]) => [k, v]));
    expect(header["Computed trust level"]).toBe(
      "A5 — Full Autonomy (above the declared A2: the tools give more authority than the spec claims)",
    );
    expect(header["Why this level"]).toBe(
      "A5: billing.refund (irreversible, approval only under a condition) can act without approval, and the spec has no call or turn bound, no cost bound, no append-only audit",
    );
  });

  it("draws limit and approval steps with the gate's condition and channel", () => {
    const doc = render(specFrom(GATED_YAML));
    expect(doc).toContain('limits{"Breaks a hard limit? (1: billing.refund)"}');
    expect(doc).toContain('approval{"Approval gate holds? (1: billing.refund when amount #gt; 100)"}');
    expect(doc).toContain('approval -- yes --> approval_ask["require_approval via slack:#refunds"]');
  });
});

describe("markdown target: framework crosswalk", () => {
  it("says it is evidence, not certification", async () => {
    const doc = render(await exampleSpec("order-support.agentspec.yaml"));
    expect(doc).toContain("This is evidence toward these frameworks, not a certification");
  });

  it("has rows only for the safeguards a spec declares", () => {
    const doc = render(specFrom(MINIMAL_YAML));
    expect(tableIn(doc, "Framework crosswalk").rows).toEqual([
      [
        "Tool allowlist (default deny)",
        "1 tool; anything else is denied",
        "MAP 2.1, MANAGE 1.3",
        "A.6.2.2 AI system requirements and specification, A.9.4 Intended use of the AI system",
        "ASI02 Tool Misuse & Exploitation, ASI03 Identity & Privilege Abuse",
      ],
    ]);
  });

  it("maps order-support's safeguards with OWASP's published names", async () => {
    const doc = render(await exampleSpec("order-support.agentspec.yaml"));
    const rows = Object.fromEntries(tableIn(doc, "Framework crosswalk").rows.map((r) => [r[0], r.slice(1)]));
    expect(Object.keys(rows)).toEqual([
      "Tool allowlist (default deny)",
      "Resource scopes",
      "Deny list",
      "Budgets and loop bounds",
      "Execution boundary",
      "Output boundary",
      "Context handling",
      "Memory strategy",
      "Audit trail",
      "Human handoff and escalation",
      "Failure modes",
      "Evaluation metrics",
      "Decision tests",
      "Trust level classification",
    ]);
    expect(rows["Deny list"]).toEqual([
      "4 patterns: cancel_order, refund*, modify_order, send*",
      "MANAGE 1.3",
      "A.9.2 Processes for responsible use of AI systems",
      "ASI01 Agent Goal Hijack, ASI02 Tool Misuse & Exploitation",
    ]);
    expect(rows["Audit trail"]).toEqual([
      "append-only: lookups, drafts",
      "GOVERN 4.3, MEASURE 2.8",
      "A.6.2.8 AI system recording of event logs",
      "ASI10 Rogue Agents",
    ]);
    expect(rows["Memory strategy"]![3]).toBe("ASI06 Memory & Context Poisoning");
  });
});

describe.skipIf(!hasCorpus)("markdown target: the AgentAz corpus", () => {
  it("renders every kit's agentaz.json with well-formed tables and the nine matrix rows", async () => {
    const checked = await loadSpecs([corpusPath("agentaz/kits")]);
    expect(checked).toHaveLength(42);
    for (const { spec, source } of checked) {
      expect(spec, source.file).toBeDefined();
      const doc = render(spec!);
      for (const table of tables(doc))
        for (const row of table.rows) expect(row, `${source.file}: ${table.section}`).toHaveLength(table.header.length);
      expect(tableIn(doc, "Governance matrix").rows.map((r) => r[0])).toEqual([...GOVERNANCE_ROWS]);
      const failureRows = tables(doc).find((t) => t.section === "Failure modes")?.rows ?? [];
      expect(failureRows).toHaveLength(spec!.failureModes.length);
    }
  });
});
