import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { SPEC_FILE_PATTERNS } from "../src/load/index.js";

interface Hook {
  id: string;
  language: string;
  entry: string;
  files: string;
  pass_filenames: boolean;
}

describe(".pre-commit-hooks.yaml", async () => {
  const hooks = parse(await readFile(".pre-commit-hooks.yaml", "utf8")) as Hook[];
  const hook = hooks.find((h) => h.id === "agentspec-lint")!;

  it("defines the agentspec-lint hook", () => {
    expect(hook).toMatchObject({ id: "agentspec-lint", language: "node", entry: "agentspec lint", pass_filenames: true });
    expect(hook.files).toBe("(\\.agentspec\\.(ya?ml|json)|agentaz\\.json)$");
  });

  it("the entry names a command the package's bin provides", async () => {
    const pkg = JSON.parse(await readFile("package.json", "utf8")) as { bin: Record<string, string> };
    expect(Object.keys(pkg.bin)).toContain(hook.entry.split(" ")[0]);
  });

  // pre-commit matches `files` with Python's re.search; this pattern means the same in JavaScript.
  it("selects the files a directory search finds, and nothing else", () => {
    const files = new RegExp(hook.files);
    for (const name of ["specs/a.agentspec.yaml", "a.agentspec.yml", "deep/x/b.agentspec.json", "agents/support/agentaz.json"]) {
      expect(files.test(name), name).toBe(true);
    }
    for (const name of ["a.yaml", "agentspec.config.json", "a.agentspec.yaml.bak", "kit.json", "agentaz.json.orig"]) {
      expect(files.test(name), name).toBe(false);
    }
    expect(SPEC_FILE_PATTERNS.map((p) => p.replace("**/*", "x").replace("**/", ""))).toSatisfy((names: string[]) =>
      names.every((n) => files.test(n)),
    );
  });
});
