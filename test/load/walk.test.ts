import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fg from "fast-glob";
import { afterAll, describe, expect, it } from "vitest";
import { findSpecFiles, SPEC_FILE_PATTERNS, walkSpecFiles } from "../../src/load/index.js";
import { CORPUS, hasCorpus } from "../helpers/corpus.js";

/** What the loader uses fast-glob for when the config has ignore patterns: the same search. */
const globbed = async (dir: string) =>
  (
    await fg(SPEC_FILE_PATTERNS, {
      cwd: dir,
      ignore: ["**/node_modules/**", "**/.git/**"],
      dot: true,
      onlyFiles: false,
      markDirectories: true,
      followSymbolicLinks: false,
      suppressErrors: true,
    })
  )
    .filter((entry) => !entry.endsWith("/"))
    .sort();

describe("walkSpecFiles finds what fast-glob finds", () => {
  const tree = mkdtempSync(path.join(os.tmpdir(), "agentspec-walk-"));
  afterAll(() => rmSync(tree, { recursive: true, force: true }));
  const file = (relative: string) => {
    mkdirSync(path.dirname(path.join(tree, relative)), { recursive: true });
    writeFileSync(path.join(tree, relative), "{}");
  };
  for (const f of [
    "a.agentspec.yaml",
    "b.agentspec.yml",
    "c.agentspec.json",
    "agentaz.json",
    "x/agentaz.json",
    "x/y/d.agentspec.yaml",
    "x/notes.yaml",
    "x/e.AGENTSPEC.yaml",
    ".hidden/f.agentspec.yaml",
    "x/.g.agentspec.yaml",
    "node_modules/h.agentspec.yaml",
    "x/node_modules/i.agentspec.json",
    "agentaz.json.bak",
    "x/my-agentaz.json",
    ".git/j.agentspec.yaml",
    "x/.git/k.agentspec.yaml",
    ".github/agents/l.agentspec.yaml",
  ])
    file(f);
  symlinkSync(path.join(tree, "x"), path.join(tree, "link-dir"));
  symlinkSync(path.join(tree, "a.agentspec.yaml"), path.join(tree, "link.agentspec.yaml"));
  symlinkSync(tree, path.join(tree, "x/y/loop"));

  it("in a tree with hidden entries (searched), .git and node_modules (not), symbolic links and near-miss names", async () => {
    const walked = (await walkSpecFiles(tree)).sort();
    expect(walked).toEqual([
      ".github/agents/l.agentspec.yaml",
      ".hidden/f.agentspec.yaml",
      "a.agentspec.yaml",
      "agentaz.json",
      "b.agentspec.yml",
      "c.agentspec.json",
      "link.agentspec.yaml",
      "x/.g.agentspec.yaml",
      "x/agentaz.json",
      "x/y/d.agentspec.yaml",
    ]);
    expect(walked).toEqual(await globbed(tree));
  });

  it.each(["specs", "test"])("in %s/", async (dir) => {
    expect((await walkSpecFiles(dir)).sort()).toEqual(await globbed(dir));
  });

  it.runIf(hasCorpus)("in the shared corpus", async () => {
    expect((await walkSpecFiles(CORPUS)).sort()).toEqual(await globbed(CORPUS));
  });
});

describe("a spec that is a symbolic link is searched, never passed over", () => {
  // A pull request replacing specs/prod.agentspec.yaml by a link to a file with another name must
  // not turn `lint specs/` green while everything that loads the spec by path reads the target.
  const tree = mkdtempSync(path.join(os.tmpdir(), "agentspec-link-"));
  afterAll(() => rmSync(tree, { recursive: true, force: true }));
  mkdirSync(path.join(tree, "specs"));
  mkdirSync(path.join(tree, "shared"));
  writeFileSync(path.join(tree, "specs/good.agentspec.yaml"), "{}");
  writeFileSync(path.join(tree, "shared/prod.yaml"), "{}");
  symlinkSync("../shared/prod.yaml", path.join(tree, "specs/prod.agentspec.yaml"));
  symlinkSync("../shared/missing.yaml", path.join(tree, "specs/dangling.agentspec.yaml"));
  const expected = ["dangling.agentspec.yaml", "good.agentspec.yaml", "prod.agentspec.yaml"].map((f) => path.join(tree, "specs", f));

  it("by a directory search, with and without the config's ignore patterns", async () => {
    expect((await findSpecFiles([path.join(tree, "specs")])).sort()).toEqual(expected);
    expect((await findSpecFiles([path.join(tree, "specs")], { ignore: ["none/**"] })).sort()).toEqual(expected);
  });

  it("by a quoted glob", async () => {
    expect((await findSpecFiles([path.join(tree, "specs/*.agentspec.yaml")])).sort()).toEqual(expected);
  });
});
