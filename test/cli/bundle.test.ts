/**
 * The CLI as users run it: bin/agentspec.cjs over the rolldown bundle (npm run build), which the
 * in-process tests of src/ do not load. One run per command, each checked by what it prints.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import module from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = async (...args: (string | { bin: string })[]) => {
  const options = args.find((a): a is { bin: string } => typeof a === "object");
  const argv = args.filter((a): a is string => typeof a === "string");
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [options?.bin ?? "bin/agentspec.cjs", ...argv], {
      env: { ...process.env, NO_COLOR: "1" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
};

/** Run markers of processes that have exited (other test files may run the CLI meanwhile). */
async function deadMarkers(cache: string): Promise<string[]> {
  return (await readdir(cache)).filter((name) => {
    const pid = /^\.run-(\d+)$/.exec(name)?.[1];
    if (pid === undefined) return false;
    try {
      process.kill(Number(pid), 0);
      return false;
    } catch {
      return true;
    }
  });
}

describe.runIf(existsSync("dist/cli/agentspec.cjs"))("the bundled CLI", () => {
  it("lints, with yargs (help) and without (a plain command line)", async () => {
    expect(await run("lint", "specs/", "-f", "json")).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('"file":"specs/customer-support.agentspec.yaml","diagnostics":[]'),
    });
    expect((await run("lint", "--help")).stdout).toContain("--max-warnings");
    expect(await run("lint", "nowhere/")).toMatchObject({ code: 2, stderr: "agentspec: nowhere/: no such file or directory\n" });
  });

  it("compiles to every target, and imports what the YAML targets wrote", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "agentspec-bundle-"));
    const targets = "policy,markdown,cedar,aex,aex-json,agentaz,wpc,veto,sentrely";
    expect((await run("compile", "specs/", "--target", targets, "--out", out)).code).toBe(0);
    expect(await readdir(out)).toHaveLength(55);
    const imported = await run("import", "veto", path.join(out, "customer-support.veto.yaml"));
    expect(imported.stdout).toContain('agentspec: "1.0"');
  });

  it("decides, tests, tiers, lists rules and prints its version", async () => {
    expect(
      JSON.parse((await run("decide", "specs/customer-support.agentspec.yaml", "--tool", "payments.refund", "-f", "json")).stdout).decision,
    ).toBe("deny");
    expect((await run("test", "specs/")).stdout).toMatch(/cases passed/);
    expect((await run("tier", "specs/customer-support.agentspec.yaml")).stdout).toContain("computed");
    expect((await run("rules")).stdout).toContain("suspicious-tool-name");
    expect((await run("--version")).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it.runIf(!("enableCompileCache" in module))(
    "keeps V8's code cache beside the bundle, and never runs a stale or suspect one",
    async () => {
      // A copy of the CLI of its own, so no other test's run shares (or trips on) this cache.
      const pkg = await mkdtemp(path.join(tmpdir(), "agentspec-cache-"));
      await cp("bin", path.join(pkg, "bin"), { recursive: true });
      await cp("dist/cli", path.join(pkg, "dist/cli"), { recursive: true, filter: (source) => !source.includes(".v8-cache") });
      await symlink(path.resolve("node_modules"), path.join(pkg, "node_modules"));
      const runCopy = (...args: string[]) => run(...args, { bin: path.join(pkg, "bin/agentspec.cjs") });
      const cache = path.join(pkg, "dist/cli/.v8-cache");
      const entry = `${cache}/lint.cjs.bin`;
      const first = await runCopy("lint", "specs/");
      expect(first.stdout).toBe("✔ 5 files checked: no problems\n");
      expect(await readdir(cache)).toEqual(expect.arrayContaining(["agentspec.cjs.bin", "lint.cjs.bin"]));
      expect(await deadMarkers(cache)).toEqual([]);
      const header = (await readFile(entry)).toString("latin1").split("\n")[0]!;
      expect(header).toMatch(/^agentspec-v8-cache\/1 \d+ [\d.]+ \d+ \d+$/);

      // Not a cache entry at all, and an entry made from another version of the file (same length,
      // other mtime): neither reaches V8; both are rebuilt.
      await writeFile(entry, "not bytecode");
      expect(await runCopy("lint", "specs/")).toEqual(first);
      await writeFile(entry, header.replace(/ [\d.]+ (\d+ \d+)$/, " 1 $1") + "\n" + "\0".repeat(4096));
      expect(await runCopy("lint", "specs/")).toEqual(first);
      expect((await readFile(entry)).toString("latin1").split("\n")[0]).toBe(header);

      // A run that died using the cache (V8 aborts on a corrupt entry) leaves its marker: the next
      // run drops the whole cache, here one whose entry would have crashed it.
      const dead = await promisify(execFile)(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
      await writeFile(`${cache}/.run-${dead.stdout}`, "");
      await writeFile(entry, header + "\n" + "\0".repeat(20_000));
      expect(await runCopy("lint", "specs/")).toEqual(first);
      expect((await readFile(entry)).subarray(header.length + 1).some((byte) => byte !== 0)).toBe(true);
      expect(await deadMarkers(cache)).toEqual([]);
    },
  );
});

describe.runIf(existsSync("dist/src/cli/main.js"))("the CLI bundle's contents (issue #14 item 10)", () => {
  it("holds agentspec's own code only: every dependency is required from node_modules, none is inlined a second time", async () => {
    const { rolldown, RUNTIME_MODULE_ID } = await import("rolldown");
    // The config the build uses, read as the build reads it (a path, so it stays plain JavaScript).
    const config = (await import(pathToFileURL(path.resolve("scripts/bundle.config.js")).href)).default;
    const bundle = await rolldown(config);
    const { output } = await bundle.generate(config.output);
    await bundle.close();
    const chunks = output.flatMap((c) => (c.type === "chunk" ? [c] : []));
    const dist = path.resolve("dist") + path.sep;
    const foreign = chunks.flatMap((c) => c.moduleIds).filter((id) => id !== RUNTIME_MODULE_ID && !id.startsWith(dist));
    expect(foreign).toEqual([]);
    const { dependencies } = JSON.parse(await readFile("package.json", "utf8")) as { dependencies: Record<string, string> };
    const required = new Set(
      chunks
        .flatMap((c) => [...c.imports, ...c.dynamicImports])
        .filter((specifier) => !specifier.endsWith(".cjs") && !specifier.startsWith("node:"))
        .map((specifier) =>
          specifier
            .split("/")
            .slice(0, specifier.startsWith("@") ? 2 : 1)
            .join("/"),
        ),
    );
    // What the CLI loads at run time is installed with it: a dependency, never a devDependency.
    expect([...required].filter((name) => !(name in dependencies))).toEqual([]);
    // yaml and chalk are required on first use (createRequire), which the bundle leaves as it is.
    expect([...required]).toEqual(expect.arrayContaining(["ajv", "ajv-formats", "yargs", "fast-glob"]));
  });
});
