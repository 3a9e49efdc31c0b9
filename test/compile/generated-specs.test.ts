/** generated/specs/ holds what `npm run compile:examples` writes: compiling specs/ in memory must give the same bytes. */
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkOutputs, compileSpecs } from "../../src/compile/index.js";
import { loadSpecs } from "../../src/model/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const out = path.join(root, "generated/specs");

describe("generated/specs", () => {
  it("matches what compiling specs/ with the policy and markdown targets gives (run `npm run compile:examples`)", async () => {
    const checked = await loadSpecs([path.join(root, "specs")]);
    expect(checked.flatMap((c) => c.diagnostics.filter((d) => d.severity === "error"))).toEqual([]);
    const { files, problems } = compileSpecs(
      checked.map((c) => c.spec!),
      ["policy", "markdown"],
    );
    expect(problems).toEqual([]);
    expect(await checkOutputs(files, out)).toEqual([]);
    expect(readdirSync(out).sort()).toEqual(files.map((f) => f.path));
  });
});
