import { spawnSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, runCliIn } from "../helpers/run-cli.js";
import { agentaz, HEADER } from "../helpers/lint-rule.js";

const run = runCli;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "agentspec-tier-"));
  await writeFile(
    path.join(dir, "a2.agentspec.yaml"),
    `${HEADER}trust_level: A2\ntools:\n  crm.lookup: { effect: read }\n  email.draft: { effect: draft }\n`,
  );
  await writeFile(path.join(dir, "undeclared.agentspec.yaml"), `${HEADER}tools:\n  crm.lookup: { effect: read }\n`);
  await writeFile(
    path.join(dir, "agentaz.json"),
    agentaz({ tool_boundary: { allowed_tools: ["read_diff", "post_comment"], execution_tools_absent: true } }),
  );
  await writeFile(path.join(dir, "bad.agentspec.yaml"), `${HEADER}tools:\n  crm.lookup: { efect: read }\n`);
});

describe("agentspec tier", () => {
  it("prints the computed level, why, and that the declared one agrees", async () => {
    const file = path.join(dir, "a2.agentspec.yaml");
    expect(await run("tier", file)).toEqual({
      code: 0,
      stdout: `${file}\n  computed  A2\n  why       A2: tools read or draft only (drafting: email.draft)\n  declared  A2 (agrees)\n`,
      stderr: "",
    });
  });

  it("says when no level is declared", async () => {
    const file = path.join(dir, "undeclared.agentspec.yaml");
    const { code, stdout } = await run("tier", file);
    expect(code).toBe(0);
    expect(stdout).toContain("\n  declared  none: declare trust_level: A1\n");
  });

  it("prints [{ file, diagnostics, declared, computed, explanation, inferred }] with --format json", async () => {
    const { code, stdout } = await runCliIn(dir, "tier", path.join(dir, "agentaz.json"), "--format", "json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      {
        file: "agentaz.json",
        diagnostics: [],
        declared: "A2",
        computed: "A4",
        explanation:
          "A4: post_comment (write, no approval) can act without approval, within a call/turn bound, a cost bound and an append-only audit (effects inferred from tool names: AgentAz tools declare none)",
        inferred: true,
      },
    ]);
  });

  it("prints a disagreement in text", async () => {
    const { stdout } = await run("tier", path.join(dir, "agentaz.json"));
    expect(stdout).toContain("\n  declared  A2 (differs from the computed A4)\n");
  });

  it("exits 1 and prints schema errors", async () => {
    const file = path.join(dir, "bad.agentspec.yaml");
    const { code, stdout } = await run("tier", file);
    expect(code).toBe(1);
    expect(stdout).toBe(
      `${file}\n  4:17  error    Unknown property "efect" in tools["crm.lookup"]; did you mean "effect"?  schema\n\n✖ 1 problem (1 error, 0 warnings)\n`,
    );
  });

  it("exits 2 when the file does not exist", async () => {
    const file = path.join(dir, "nope.yaml");
    expect(await run("tier", file)).toEqual({ code: 2, stdout: "", stderr: `agentspec: ${file}: no such file or directory\n` });
  });

  it("without a path, searches the working directory as lint does; exits 2 when it holds no spec", async () => {
    const empty = await mkdtemp(path.join(tmpdir(), "agentspec-tier-empty-"));
    // A real process: paths are read from the process's working directory.
    const run = spawnSync(process.execPath, [path.resolve("bin/agentspec.cjs"), "tier"], { cwd: empty, encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/No spec files found in \./);
    const found = spawnSync(process.execPath, [path.resolve("bin/agentspec.cjs"), "tier"], { cwd: dir, encoding: "utf8" });
    expect(found.status).toBe(1); // bad.agentspec.yaml
    expect(found.stdout).toContain("a2.agentspec.yaml\n  computed  A2\n");
  });
});
