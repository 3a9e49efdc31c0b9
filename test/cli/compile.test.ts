import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { runCliIn } from "../helpers/run-cli.js";
import { MINIMAL_YAML } from "../helpers/lint-text.js";

const run = (...argv: string[]) => runCliIn(dir, ...argv);

let dir: string;
let specs: string;
let out: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "agentspec-compile-cli-"));
  specs = path.join(dir, "specs");
  out = path.join(dir, "out");
  await mkdir(specs);
  await writeFile(path.join(specs, "demo.agentspec.yaml"), MINIMAL_YAML);
  await writeFile(path.join(specs, "other.agentspec.yaml"), MINIMAL_YAML.replace("id: demo", "id: other"));
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function snapshot(folder: string): Promise<Record<string, string>> {
  const names = (await readdir(folder)).sort();
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(path.join(folder, n), "utf8")] as const)));
}

describe("agentspec compile", () => {
  it("writes the policy and markdown files named by agent id and exits 0", async () => {
    const { code, stdout, stderr } = await run("compile", specs, "--out", out);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toBe(`Compiled 2 specs (policy, markdown) into 4 files in ${out}\n`);
    expect(Object.keys(await snapshot(out))).toEqual(["demo.md", "demo.policy.json", "other.md", "other.policy.json"]);
    expect(JSON.parse((await snapshot(out))["demo.policy.json"]!)).toMatchObject({
      format: "agentspec-policy/1",
      agent: { id: "demo", version: "1.0.0" },
    });
  });

  it("writes to generated/ under the working directory by default", async () => {
    const { code } = await run("compile", specs, "--target", "policy");
    expect(code).toBe(0);
    expect(Object.keys(await snapshot(path.join(dir, "generated")))).toEqual(["demo.policy.json", "other.policy.json"]);
  });

  it("is deterministic: compiling twice gives identical bytes", async () => {
    await run("compile", specs, "--out", out);
    const first = await snapshot(out);
    const second = path.join(dir, "again");
    await run("compile", specs, "--out", second);
    expect(await snapshot(second)).toEqual(first);
  });

  it("--check exits 0 when the files are up to date and writes nothing", async () => {
    await run("compile", specs, "--out", out);
    const before = await snapshot(out);
    const { code, stdout } = await run("compile", specs, "--out", out, "--check");
    expect(code).toBe(0);
    expect(stdout).toBe(`✔ 4 compiled files in ${out} up to date\n`);
    expect(await snapshot(out)).toEqual(before);
  });

  it("--check exits 1 naming an edited and a missing file, and the command that fixes them", async () => {
    await run("compile", specs, "--out", out, "--target", "policy,markdown");
    await writeFile(path.join(out, "demo.md"), "# edited by hand\n");
    await rm(path.join(out, "other.policy.json"));
    const { code, stdout } = await run("compile", specs, "--out", out, "--target", "policy,markdown", "--check");
    expect(code).toBe(1);
    expect(stdout).toBe(
      `${path.join(out, "demo.md")} is out of date (compiled from ${specs}/demo.agentspec.yaml)\n` +
        `${path.join(out, "other.policy.json")} is missing (compiled from ${specs}/other.agentspec.yaml)\n` +
        `Run \`agentspec compile ${specs} --target policy,markdown --out ${out}\` to update them.\n`,
    );
    expect(await readFile(path.join(out, "demo.md"), "utf8")).toBe("# edited by hand\n");
  });

  it("exits 2 listing the valid targets for an unknown one, before writing anything", async () => {
    const { code, stdout, stderr } = await run("compile", specs, "--out", out, "--target", "policy,pdf");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^agentspec: Unknown target "pdf": valid targets are policy, markdown/);
    await expect(readdir(out)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("does not compile a spec with schema errors: prints its diagnostics and exits 1", async () => {
    await writeFile(
      path.join(specs, "other.agentspec.yaml"),
      MINIMAL_YAML.replace("id: demo", "id: other").replace("effect: read", "efect: read"),
    );
    const { code, stdout } = await run("compile", specs, "--out", out);
    expect(code).toBe(1);
    const file = path.join(specs, "other.agentspec.yaml");
    const lines = stdout.split("\n");
    expect(lines[0]).toBe(file);
    expect(lines[1]).toMatch(/^ {2}7:5 +error +Unknown property "efect" in tools\["crm\.lookup"\]; did you mean "effect"\? +schema$/);
    expect(lines.slice(-2)).toEqual([`Compiled 1 spec (policy, markdown) into 2 files in ${out}`, ""]);
    expect(Object.keys(await snapshot(out))).toEqual(["demo.md", "demo.policy.json"]);
  });

  it("exits 1 and writes neither when two specs have the same agent id: lint's finding on the second, the first blocked naming it", async () => {
    await writeFile(path.join(specs, "other.agentspec.yaml"), MINIMAL_YAML);
    const { code, stdout } = await run("compile", specs, "--out", out, "--target", "policy");
    expect(code).toBe(1);
    const a = path.join(specs, "demo.agentspec.yaml");
    const b = path.join(specs, "other.agentspec.yaml");
    const lines = stdout.split("\n");
    const blocked = `Agent id "demo" is also the id of ${b}, which is not compiled (it has lint errors): nothing is written for either; give each agent its own id`;
    expect(lines[lines.indexOf(a) + 1]).toMatch(new RegExp(`^ {2}3:7 +error +${escapeRegExp(blocked)} +compile$`));
    const duplicate = `Agent id "demo" is already the id of ${a}:3: give each agent its own id`;
    expect(lines[lines.indexOf(b) + 1]).toMatch(new RegExp(`^ {2}3:7 +error +${escapeRegExp(duplicate)} +duplicate-agent-id$`));
    await expect(readdir(out)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("with --allow-lint-errors, two specs with one id are still both refused by compile's own collision check", async () => {
    await writeFile(path.join(specs, "other.agentspec.yaml"), MINIMAL_YAML);
    const { code, stdout } = await run("compile", specs, "--out", out, "--target", "policy", "--allow-lint-errors");
    expect(code).toBe(1);
    expect(stdout).toContain("duplicate-agent-id");
    expect(stdout).toMatch(/both would compile to demo\.policy\.json; give each agent its own id +compile/);
    await expect(readdir(out)).rejects.toMatchObject({ code: "ENOENT" });
  });

  describe("a spec lint reports errors for", () => {
    // deny-overlaps-allow (an error by default): the allowlisted tool is also denied.
    const denied = MINIMAL_YAML.replace("id: demo", "id: denied") + "deny: [crm.lookup]\n";
    const overlap = 'Tool "crm.lookup" is in the allowlist but denied by "crm.lookup" (line 8); deny wins, so remove one of them';
    beforeEach(async () => {
      await writeFile(path.join(specs, "denied.agentspec.yaml"), denied);
    });

    it("is not compiled: its lint errors are printed, the others compile, exit 1", async () => {
      const { code, stdout, stderr } = await run("compile", specs, "--out", out, "--target", "policy");
      expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
      const lines = stdout.split("\n");
      const file = path.join(specs, "denied.agentspec.yaml");
      expect(lines[lines.indexOf(file) + 1]).toMatch(new RegExp(`^ {2}6:3 +error +${escapeRegExp(overlap)} +deny-overlaps-allow$`));
      expect(Object.keys(await snapshot(out))).toEqual(["demo.policy.json", "other.policy.json"]);
    });

    it("is not checked either: compile --check exits 1 on lint errors whatever is on disk", async () => {
      const { code, stdout } = await run("compile", specs, "--out", out, "--target", "policy", "--check");
      expect(code).toBe(1);
      expect(stdout).toContain("deny-overlaps-allow");
    });

    it("compiles with --allow-lint-errors, its errors still shown, exit 0", async () => {
      const { code, stdout, stderr } = await run("compile", specs, "--out", out, "--target", "policy", "--allow-lint-errors");
      expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
      expect(stdout).toMatch(new RegExp(`6:3 +error +${escapeRegExp(overlap)} +deny-overlaps-allow`));
      expect(Object.keys(await snapshot(out))).toEqual(["demo.policy.json", "denied.policy.json", "other.policy.json"]);
    });

    it("compiles when the nearest agentspec.config.json turns the rule off, as lint would pass it", async () => {
      await writeFile(path.join(dir, "agentspec.config.json"), JSON.stringify({ rules: { "deny-overlaps-allow": "off" } }));
      const { code, stdout } = await run("compile", specs, "--out", out, "--target", "policy");
      expect({ code, stdout }).toEqual({ code: 0, stdout: `Compiled 3 specs (policy) into 3 files in ${out}\n` });
      const lint = await run("lint", specs);
      expect(lint.code).toBe(0);
    });

    it("is refused again under --config naming a config that keeps the rule on", async () => {
      await writeFile(path.join(dir, "agentspec.config.json"), JSON.stringify({ rules: { "deny-overlaps-allow": "off" } }));
      await writeFile(path.join(dir, "strict.json"), JSON.stringify({ rules: {} }));
      const { code, stdout } = await run("compile", specs, "--out", out, "--target", "policy", "--config", path.join(dir, "strict.json"));
      expect(code).toBe(1);
      expect(stdout).toContain("deny-overlaps-allow");
    });
  });

  it("exits 2 when no spec file is found", async () => {
    const empty = path.join(dir, "empty");
    await mkdir(empty);
    const { code, stderr } = await run("compile", empty, "--out", out);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^agentspec: No spec files found in /);
  });

  it("reports what a target cannot express at its line, writes the other specs' files, and --strict writes none for it", async () => {
    const tiny = MINIMAL_YAML.replace("id: demo", "id: tiny") + '  "crm.?x*":\n    effect: read\n    limits:\n      rows: { max: 10 }\n';
    await writeFile(path.join(specs, "tiny.agentspec.yaml"), tiny);
    const { code, stdout, stderr } = await run("compile", specs, "--target", "cedar", "--out", out);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toContain(
      `${path.join(specs, "tiny.agentspec.yaml")}\n  9:5  warning  Cedar has no one-character wildcard: the glob "crm.?x*" gets no permit`,
    );
    expect(stdout).not.toContain("internal");
    expect(Object.keys(await snapshot(out))).toEqual([
      "demo.cedar",
      "demo.cedarschema",
      "other.cedar",
      "other.cedarschema",
      "tiny.cedar",
      "tiny.cedarschema",
    ]);
    // No permit for the glob, but its limit still applies (to every name the widened glob matches).
    const tinyCedar = (await snapshot(out))["tiny.cedar"]!;
    expect(tinyCedar).not.toContain('@tool("crm.?x*")\n@effect');
    expect(tinyCedar).toContain('context.numbers["args.rows"].greaterThan(decimal("10.0"))');

    const strictOut = path.join(dir, "strict");
    const strict = await run("compile", specs, "--target", "cedar", "--out", strictOut, "--strict");
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/9:5 +error +Cedar has no one-character wildcard/);
    expect(Object.keys(await snapshot(strictOut))).toEqual(["demo.cedar", "demo.cedarschema", "other.cedar", "other.cedarschema"]);
  });
});
