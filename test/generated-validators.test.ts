import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { validateAgentspec } from "../generated/validate-agentspec.js";
// @ts-expect-error: a plain JS build script without type declarations
import { renderValidator, validatorTargets } from "../scripts/validators.js";

interface ValidatorTarget {
  name: string;
  schema: string;
  out: string;
}
const targets = validatorTargets as ValidatorTarget[];
const render = renderValidator as (name: string, schema: unknown) => string;
const schemaOf = async (target: ValidatorTarget): Promise<Record<string, any>> => JSON.parse(await readFile(target.schema, "utf8"));

describe("precompiled validators", () => {
  it.each(targets)("$out matches what $schema generates", async (target) => {
    expect(await readFile(target.out, "utf8")).toBe(render(target.name, await schemaOf(target)));
  });

  it("a schema change without regenerating is caught as drift", async () => {
    const target = targets.find((t) => t.name === "validateAgentspec")!;
    const changed = await schemaOf(target);
    changed.definitions.Limits.properties.max_new_thing = { type: "integer" };
    expect(render(target.name, changed)).not.toBe(await readFile(target.out, "utf8"));
  });

  it("keeps the schema objects the messages read (verbose errors)", () => {
    expect(validateAgentspec({ agentspec: "1.0", agent: { id: "a", version: "1" }, tools: { t: { efect: "read" } } })).toBe(false);
    const unknown = (
      validateAgentspec as unknown as { errors: { keyword: string; params: unknown; parentSchema?: { properties?: object } }[] }
    ).errors.find((e) => e.keyword === "additionalProperties");
    expect(unknown?.params).toEqual({ additionalProperty: "efect" });
    expect(Object.keys(unknown?.parentSchema?.properties ?? {})).toContain("effect");
  });
});
