/**
 * On Node 22.1+ the CLI uses node's own compile cache, given a directory inside the package:
 * without one node would use the shared temporary directory, where another user can plant
 * bytecode. (Node 20 uses bin/code-cache.cjs, tested in test/cli/bundle.test.ts.)
 */
import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import module from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const hasCompileCache = "enableCompileCache" in module;

describe.skipIf(!hasCompileCache)("node's compile cache", () => {
  it("is kept in the package's dist/.compile-cache/, and reused by the next run", async () => {
    const pkg = await mkdtemp(path.join(tmpdir(), "agentspec-compile-cache-"));
    try {
      await cp(path.join(root, "bin"), path.join(pkg, "bin"), { recursive: true });
      await cp(path.join(root, "dist/cli"), path.join(pkg, "dist/cli"), { recursive: true, filter: (f) => !f.includes(".v8-cache") });
      await symlink(path.join(root, "node_modules"), path.join(pkg, "node_modules"));
      const env = { ...process.env, NO_COLOR: "1", NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined };
      const lint = () => promisify(execFile)(process.execPath, [path.join(pkg, "bin/agentspec.cjs"), "lint", "specs/"], { cwd: root, env });
      expect((await lint()).stdout).toContain("no problems");
      const cache = path.join(pkg, "dist/.compile-cache");
      const entries = await readdir(cache, { recursive: true });
      expect(entries.length).toBeGreaterThan(1);
      expect((await lint()).stdout).toContain("no problems");
    } finally {
      await rm(pkg, { recursive: true, force: true });
    }
  });
});

describe.skipIf(hasCompileCache)("node's compile cache", () => {
  it.skip(`needs Node 22.1+ (this is ${process.version}; Node 20 uses bin/code-cache.cjs)`, () => {});
});
