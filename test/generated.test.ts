import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain JS build script without type declarations
import { renderTypes, SHARED_DEFINITIONS, typeTargets } from "../scripts/generate.js";

const targets = typeTargets as { schema: string; out: string }[];
const render = renderTypes as (schema: unknown, name: string) => Promise<string>;

describe("generated types", () => {
  it.each(targets)("$out matches what $schema generates", async ({ schema, out }) => {
    const json = JSON.parse(await readFile(schema, "utf8"));
    expect(await readFile(out, "utf8")).toBe(await render(json, schema));
  });

  it("a schema change without regenerating is caught as drift", async () => {
    const { schema, out } = targets[0]!;
    const json = JSON.parse(await readFile(schema, "utf8"));
    json.definitions.Limits.properties.max_new_thing = { type: "integer", description: "A field added to the schema." };
    expect(await render(json, schema)).not.toBe(await readFile(out, "utf8"));
  });
});

describe("the definitions the spec and the policy share", () => {
  it("are the spec schema's, copied into the policy schema (npm run generate keeps them equal)", async () => {
    const spec = JSON.parse(await readFile("schema/agentspec.schema.json", "utf8"));
    const policy = JSON.parse(await readFile("schema/policy.schema.json", "utf8"));
    const shared = SHARED_DEFINITIONS as string[];
    expect(shared).toEqual(expect.arrayContaining(["Condition", "ArgumentLimit", "Effect", "Audit", "Handoff", "Redaction"]));
    for (const name of shared) expect(policy.definitions[name], name).toEqual(spec.definitions[name]);
  });
});
