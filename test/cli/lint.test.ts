import { execFile } from "node:child_process";
import { mkdtemp, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, runCliWith } from "../helpers/run-cli.js";
import { MINIMAL_YAML } from "../helpers/lint-text.js";

const run = runCli;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "agentspec-cli-"));
  await mkdir(path.join(dir, "ok"));
  await mkdir(path.join(dir, "bad"));
  await mkdir(path.join(dir, "empty"));
  await writeFile(path.join(dir, "ok/a.agentspec.yaml"), MINIMAL_YAML);
  await writeFile(path.join(dir, "bad/b.agentspec.yaml"), MINIMAL_YAML.replace("effect: read", "efect: read"));
  await writeFile(path.join(dir, "empty/notes.txt"), "not a spec");
});

describe("agentspec lint", () => {
  it("exits 0 on clean specs", async () => {
    const { code, stdout } = await run("lint", path.join(dir, "ok"));
    expect(code).toBe(0);
    expect(stdout).toBe("✔ 1 file checked: no problems\n");
  });

  it("prints stylish rows and exits 1 on errors", async () => {
    const { code, stdout } = await run("lint", path.join(dir, "bad"));
    expect(code).toBe(1);
    const file = path.join(dir, "bad/b.agentspec.yaml");
    expect(stdout).toBe(
      `${file}\n  7:5  error    Unknown property "efect" in tools["crm.lookup"]; did you mean "effect"?  schema\n\n✖ 1 problem (1 error, 0 warnings)\n`,
    );
  });

  it("prints the documented JSON shape", async () => {
    const { code, stdout } = await run("lint", path.join(dir, "bad"), "--format", "json");
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual([
      {
        file: path.relative(process.cwd(), path.join(dir, "bad/b.agentspec.yaml")),
        diagnostics: [
          {
            ruleId: "schema",
            severity: "error",
            message: 'Unknown property "efect" in tools["crm.lookup"]; did you mean "effect"?',
            line: 7,
            column: 5,
            pointer: "/tools/crm.lookup/efect",
          },
        ],
      },
    ]);
  });

  it("reports two specs with one agent id on the second, naming the first's file and line; stdin alone finds nothing", async () => {
    const twice = path.join(dir, "twice");
    await mkdir(path.join(twice, "eu"), { recursive: true });
    await writeFile(path.join(twice, "a.agentspec.yaml"), MINIMAL_YAML);
    await writeFile(path.join(twice, "eu/b.agentspec.yaml"), MINIMAL_YAML);
    const { code, stdout } = await run("lint", twice, "--format", "json");
    expect(code).toBe(1);
    const results = JSON.parse(stdout) as {
      file: string;
      diagnostics: { ruleId: string; message: string; line: number; column: number }[];
    }[];
    const first = path.join(twice, "a.agentspec.yaml");
    // json's file is relative to the working directory (as sarif's); the message names the file as given.
    const shown = (file: string) => path.relative(process.cwd(), file);
    expect(results.map((r) => [r.file, r.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`)])).toEqual([
      [shown(first), []],
      [
        shown(path.join(twice, "eu/b.agentspec.yaml")),
        [`3:7 duplicate-agent-id Agent id "demo" is already the id of ${first}:3: give each agent its own id`],
      ],
    ]);
    const alone = await runCliWith(dir, { stdin: async () => Buffer.from(MINIMAL_YAML) }, "lint", "-");
    expect(alone.code).toBe(0);
  });

  it("exits 2 with a message when no spec file matches", async () => {
    const { code, stderr } = await run("lint", path.join(dir, "empty"));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^agentspec: No spec files found in .*empty: agentspec looks for \*\.agentspec\.yaml/);
  });

  it("exits 2 when a path does not exist", async () => {
    const { code, stderr } = await run("lint", path.join(dir, "nope"));
    expect(code).toBe(2);
    expect(stderr).toBe(`agentspec: ${path.join(dir, "nope")}: no such file or directory\n`);
  });

  it("exits 2 on a usage error", async () => {
    const { code, stderr } = await run("lint", "--format", "xml", dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Invalid values/);
  });

  it("reads an explicitly named file whatever its name", async () => {
    const file = path.join(dir, "named.yml");
    await writeFile(file, MINIMAL_YAML);
    expect((await run("lint", file)).code).toBe(0);
  });

  it("prints its version", async () => {
    const { code, stdout } = await run("--version");
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe("the installed bin", () => {
  it("runs the built CLI on the example specs", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ["bin/agentspec.cjs", "lint", "specs/"], {
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(stdout).toBe("✔ 5 files checked: no problems\n");
  });
});
