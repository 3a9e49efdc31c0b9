/**
 * The package as users get it: `npm pack`'s tarball, installed with the real npm into an empty
 * folder, where the CLI, the library and the schemas must work. Slow (an npm install), so one
 * install serves every check.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const pkg = JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
};

interface PackedFile {
  path: string;
}

/** `npm pack --json`: its stdout must be JSON and nothing else (pre-commit and scripts read it). */
async function pack(...args: string[]): Promise<{ filename: string; files: PackedFile[] }> {
  const { stdout } = await exec("npm", ["pack", "--json", ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  const parsed = JSON.parse(stdout) as { filename: string; files: PackedFile[] }[];
  expect(parsed).toHaveLength(1);
  return parsed[0]!;
}

describe("the packed tarball", () => {
  let dir: string;
  let files: string[];
  let tarball: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "agentspec-tarball-"));
    const packed = await pack("--pack-destination", dir);
    files = packed.files.map((f) => f.path);
    tarball = path.join(dir, packed.filename);
  }, 120_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("is named by the package's own name, which is not the unrelated `agentspec` on npm", () => {
    expect(pkg.name).toBe("@agentspec/agentspec");
    expect(path.basename(tarball)).toBe(`agentspec-agentspec-${pkg.version}.tgz`);
  });

  it("ships the built code, the schemas, the README and the licence, and nothing a user does not run", () => {
    for (const needed of [
      "package.json",
      "README.md",
      "LICENSE",
      "bin/agentspec.cjs",
      "bin/code-cache.cjs",
      "dist/cli/agentspec.cjs",
      "dist/src/index.js",
      "dist/src/index.d.ts",
      "dist/generated/validate-agentspec.js",
      "schema/agentspec.schema.json",
      "schema/config.schema.json",
      "schema/policy.schema.json",
    ]) {
      expect(files, needed).toContain(needed);
    }
    const unwanted = files.filter(
      (file) =>
        (file.endsWith(".ts") && !file.endsWith(".d.ts")) || // sources whose JavaScript is shipped
        /^(?:generated|specs|test|bench|scripts|src)\//.test(file) || // example outputs, sources, tests
        /(?:^|\/)\.(?:v8-cache|compile-cache|build-stamp)(?:\/|$)/.test(file), // a machine's caches
    );
    expect(unwanted).toEqual([]);
  });

  describe("installed into an empty folder", () => {
    let project: string;

    beforeAll(async () => {
      project = path.join(dir, "project");
      await exec("mkdir", ["-p", project]);
      await writeFile(path.join(project, "package.json"), JSON.stringify({ name: "user-project", version: "1.0.0", private: true }));
      await exec("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], { cwd: project, maxBuffer: 16 * 1024 * 1024 });
      await writeFile(path.join(project, "ok.agentspec.yaml"), await readFile(path.join(root, "specs/order-support.agentspec.yaml")));
    }, 300_000);

    it("runs `npx agentspec lint`, with its exit codes", async () => {
      const { stdout } = await exec("npx", ["agentspec", "lint", "ok.agentspec.yaml"], { cwd: project });
      expect(stdout).toContain("1 file checked: no problems");
      await writeFile(
        path.join(project, "bad.agentspec.yaml"),
        'agentspec: "1.0"\nagent: { id: x, version: "1" }\ntools: { a: { efect: read } }\n',
      );
      const failed = await exec("npx", ["agentspec", "lint", "bad.agentspec.yaml"], { cwd: project }).catch((e: unknown) => e);
      expect(failed).toMatchObject({ code: 1, stdout: expect.stringContaining('did you mean "effect"') });
      const version = await exec("npx", ["agentspec", "--version"], { cwd: project });
      expect(version.stdout.trim()).toBe(pkg.version);
    }, 120_000);

    it("imports as a library by its package name", async () => {
      const script = `const m = await import(${JSON.stringify(pkg.name)}); const r = await m.lintFiles(["ok.agentspec.yaml"]); console.log(typeof m.decide, typeof m.createGuard, r.errorCount);`;
      const { stdout } = await exec(process.execPath, ["--input-type=module", "-e", script], { cwd: project });
      expect(stdout.trim()).toBe("function function 0");
    }, 60_000);

    it("resolves the schemas by package path, for editors and $schema", async () => {
      const script = `for (const s of ["agentspec", "config", "policy"]) console.log(require.resolve(${JSON.stringify(pkg.name)} + "/schema/" + s + ".schema.json"));`;
      const { stdout } = await exec(process.execPath, ["-e", script], { cwd: project });
      const resolved = stdout.trim().split("\n");
      expect(resolved).toEqual(
        ["agentspec", "config", "policy"].map((s) => path.join(project, "node_modules", pkg.name, "schema", `${s}.schema.json`)),
      );
      const schema = JSON.parse(await readFile(resolved[0]!, "utf8")) as { $schema: string };
      expect(schema.$schema).toMatch(/json-schema/);
    }, 60_000);
  });
});
