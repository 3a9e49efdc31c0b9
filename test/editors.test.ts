/**
 * Editors: the schemas resolve by package path (package.json "exports"; installed for real in
 * test/install/tarball.test.ts), and the SchemaStore catalog entries in docs/ match the files
 * agentspec reads and name schema files of this version's release tag.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEMA_PATH } from "../src/import/yaml-out.js";
import { SPEC_FILE_PATTERNS } from "../src/load/index.js";
import { runCliIn } from "./helpers/run-cli.js";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string; exports: Record<string, unknown> };
const catalog = JSON.parse(readFileSync("docs/schemastore-catalog.json", "utf8")) as {
  schemas: { name: string; description: string; fileMatch: string[]; url: string }[];
};

describe("editor support", () => {
  it("exports every schema by package path", () => {
    expect(pkg.exports["./schema/*.json"]).toBe("./schema/*.json");
  });

  it("has SchemaStore entries for every agentspec file name, at this version's tag", () => {
    const spec = catalog.schemas.find((s) => s.name === "agentspec")!;
    expect(spec.fileMatch.sort()).toEqual(
      SPEC_FILE_PATTERNS.filter((p) => p.includes(".agentspec."))
        .map((p) => p.replace("**/", ""))
        .sort(),
    );
    const config = catalog.schemas.find((s) => s.name === "agentspec config")!;
    expect(config.fileMatch).toEqual(["agentspec.config.json"]);
    for (const entry of catalog.schemas) {
      const match = /^https:\/\/raw\.githubusercontent\.com\/agentspec\/agentspec\/v([^/]+)\/(schema\/[a-z-]+\.schema\.json)$/.exec(
        entry.url,
      );
      expect(match, entry.url).not.toBeNull();
      expect(match![1]).toBe(pkg.version);
      expect(existsSync(match![2]!), match![2]).toBe(true);
      expect(entry.description.length).toBeGreaterThan(20);
    }
  });
});

describe("the $schema comment of an imported spec", () => {
  const policy = "policy support v0\n\nallow crm.lookup\ndeny email.send\n";
  const schemaOf = (yaml: string) => /^# yaml-language-server: \$schema=(.+)$/m.exec(yaml)?.[1];

  it("points at this package's schema, relative to the file written, so it resolves offline", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "agentspec-import-"));
    writeFileSync(path.join(dir, "policy.aex"), policy);
    expect((await runCliIn(dir, "import", "aex", "policy.aex", "-o", "specs/../support.agentspec.yaml")).code).toBe(0);
    const written = readFileSync(path.join(dir, "support.agentspec.yaml"), "utf8");
    const ref = schemaOf(written)!;
    expect(ref).not.toMatch(/^https?:/);
    expect(path.resolve(dir, ref)).toBe(path.resolve("schema/agentspec.schema.json"));
    const printed = await runCliIn(dir, "import", "aex", "policy.aex");
    expect(path.resolve(dir, schemaOf(printed.stdout)!)).toBe(path.resolve("schema/agentspec.schema.json"));
  });

  it("from the library, points at the installed package from a spec at the project's root", () => {
    expect(DEFAULT_SCHEMA_PATH).toBe("./node_modules/@agentspec/agentspec/schema/agentspec.schema.json");
    expect(DEFAULT_SCHEMA_PATH.replace("./node_modules/@agentspec/agentspec/", "")).toSatisfy((p: string) => existsSync(p));
  });
});
