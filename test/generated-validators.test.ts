import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { validateAgentspec } from "../generated/validators.js";
// @ts-expect-error: a plain JS build script without type declarations
import { renderValidators, validatorSchemas, validatorsOut } from "../scripts/validators.js";

const schemaFiles = validatorSchemas as Record<string, string>;
const render = renderValidators as (schemas: Record<string, unknown>) => string;

async function schemas(): Promise<Record<string, Record<string, any>>> {
  const entries = await Promise.all(Object.entries(schemaFiles).map(async ([name, file]) => [name, JSON.parse(await readFile(file, "utf8"))] as const));
  return Object.fromEntries(entries);
}

describe("precompiled validators", () => {
  it(`${validatorsOut as string} matches what the schemas generate`, async () => {
    expect(await readFile(validatorsOut as string, "utf8")).toBe(render(await schemas()));
  });

  it("a schema change without regenerating is caught as drift", async () => {
    const changed = await schemas();
    changed.validateAgentspec!.definitions.Limits.properties.max_new_thing = { type: "integer" };
    expect(render(changed)).not.toBe(await readFile(validatorsOut as string, "utf8"));
  });

  it("keeps the schema objects the messages read (verbose errors)", () => {
    expect(validateAgentspec({ agentspec: "1.0", agent: { id: "a", version: "1" }, tools: { t: { efect: "read" } } })).toBe(false);
    const unknown = (validateAgentspec as unknown as { errors: { keyword: string; params: unknown; parentSchema?: { properties?: object } }[] }).errors.find((e) => e.keyword === "additionalProperties");
    expect(unknown?.params).toEqual({ additionalProperty: "efect" });
    expect(Object.keys(unknown?.parentSchema?.properties ?? {})).toContain("effect");
  });
});
