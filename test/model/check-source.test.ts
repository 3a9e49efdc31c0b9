/**
 * checkSource / loadSpecs give a Spec only for a document with no error diagnostic: library
 * callers compile whatever `spec` they get (the README's `checked.flatMap((c) => c.spec ? …)`),
 * so a document whose data is not what its author wrote must give none.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileSpecs } from "../../src/compile/index.js";
import { parseSource } from "../../src/load/index.js";
import { checkSource, loadSpecs } from "../../src/model/index.js";

const GATED = `agentspec: "1.0"
agent: { id: refunds, version: 1.0.0, owner: payments, last_reviewed: 2026-06-01 }
trust_level: A3
tools:
  billing.refund:
    effect: irreversible
    approval: true
`;

/** The same tool again, as a read tool: the last value wins, so the gate would silently go. */
const DUPLICATE_YAML = GATED + `  billing.refund: { effect: read }\n`;
const DUPLICATE_JSON = JSON.stringify(
  {
    agentspec: "1.0",
    agent: { id: "refunds", version: "1.0.0", owner: "payments", last_reviewed: "2026-06-01" },
    trust_level: "A3",
    tools: { "billing.refund": { effect: "irreversible", approval: true } },
  },
  null,
  2,
).replace('"tools": {', '"tools": {\n    "billing.refund": { "effect": "read" },');
const UNSAFE_INTEGER = GATED + `limits: { max_tool_calls: 9007199254740993 }\n`;

describe("no spec for a document with an error", () => {
  const cases: [string, string, string, RegExp][] = [
    ["a duplicate key (YAML)", "refunds.agentspec.yaml", DUPLICATE_YAML, /^Duplicate key "billing\.refund"/],
    ["a duplicate key (JSON)", "refunds.agentspec.json", DUPLICATE_JSON, /[Dd]uplicate key/],
    ["an integer beyond 2^53", "refunds.agentspec.yaml", UNSAFE_INTEGER, /beyond 2\^53/],
  ];

  it.each(cases)("%s: the syntax error is reported and no spec is built", (_name, file, text, message) => {
    const checked = checkSource(parseSource(file, text));
    expect(checked.spec).toBeUndefined();
    const errors = checked.diagnostics.filter((d) => d.severity === "error");
    expect(errors).toEqual([expect.objectContaining({ ruleId: "syntax", message: expect.stringMatching(message) })]);
    expect(errors[0]!.line).toBeGreaterThan(1);
  });

  it("the README's library pattern compiles nothing from them", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "agentspec-check-"));
    writeFileSync(path.join(dir, "dup.agentspec.yaml"), DUPLICATE_YAML);
    writeFileSync(path.join(dir, "big.agentspec.yaml"), UNSAFE_INTEGER.replace("id: refunds", "id: big"));
    writeFileSync(path.join(dir, "ok.agentspec.yaml"), GATED.replace("id: refunds", "id: fine"));
    const checked = await loadSpecs([dir]);
    const { files } = compileSpecs(
      checked.flatMap((c) => (c.spec ? [c.spec] : [])),
      ["policy"],
    );
    expect(files.map((f) => path.basename(f.path))).toEqual(["fine.policy.json"]);
  });

  it("a warning alone does not withhold the spec (an unresolved YAML tag is read as text and reported)", () => {
    const checked = checkSource(parseSource("refunds.agentspec.yaml", GATED.replace("owner: payments", "owner: !team payments")));
    expect(checked.diagnostics.map((d) => d.severity)).toEqual(["warning"]);
    expect(checked.spec?.agent.owner).toBe("payments");
  });
});
