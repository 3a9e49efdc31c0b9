import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { canonicalize } from "../../src/policy/canonical.js";
import { policyHash } from "../../src/policy/compile-policy.js";
import { policy } from "../../src/compile/targets/policy.js";
import { loadSource } from "../../src/load/index.js";
import { checkSource } from "../../src/model/index.js";
import { emit } from "../helpers/emit.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const specFiles = readdirSync(path.join(root, "specs"))
  .filter((f) => f.endsWith(".agentspec.yaml"))
  .sort();
const validatePolicy = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(
  JSON.parse(readFileSync(path.join(root, "schema/policy.schema.json"), "utf8")),
);

describe("policy target", () => {
  it.each(specFiles)("%s: a policy whose hash is the sha256 of the rest, valid against schema/policy.schema.json", async (file) => {
    const spec = checkSource(await loadSource(path.join(root, "specs", file))).spec!;
    const [emitted, ...more] = emit(policy, spec);
    expect(more).toEqual([]);
    expect(emitted!.path).toBe(`${spec.agent.id}.policy.json`);
    const parsed = JSON.parse(emitted!.contents) as { hash: string; agent: { id: string; version: string } };
    const { hash, ...rest } = parsed;
    expect(hash).toBe(policyHash(rest as never));
    expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(parsed.agent).toEqual({ id: spec.agent.id, version: spec.agent.version });
    expect(validatePolicy(parsed), JSON.stringify(validatePolicy.errors)).toBe(true);
    // Canonical key order with a two-space indent and a final newline: re-serializing changes nothing.
    expect(emitted!.contents).toBe(JSON.stringify(JSON.parse(canonicalize(parsed)), null, 2) + "\n");
  });
});
