/**
 * Command lines as users' tools write them (ESLint's and ruff's conventions): standard input,
 * --output-file, `--`, flags without their value, and a "did you mean" for misspellings.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, runCliIn, runCliWith } from "../helpers/run-cli.js";

const CLEAN = readFileSync("specs/order-support.agentspec.yaml", "utf8");
const BROKEN = 'agentspec: "1.0"\nagent: { id: broken, version: "1" }\ntools:\n  crm.lookup: { efect: read }\n';
const scratch = () => mkdtempSync(path.join(tmpdir(), "agentspec-flags-"));

describe("a single-valued flag given twice", () => {
  // yargs makes an array of a repeated option, which no value test matches: diff's
  // `--fail-on widened` given twice printed "authority widened" and exited 0.
  it.each([
    [
      ["diff", "specs/order-support.agentspec.yaml", "specs/customer-email.agentspec.yaml", "--fail-on", "widened", "--fail-on", "widened"],
      "fail-on",
    ],
    [
      ["diff", "specs/order-support.agentspec.yaml", "specs/customer-email.agentspec.yaml", "--fail-on", "none", "--fail-on=widened"],
      "fail-on",
    ],
    [
      ["diff", "specs/order-support.agentspec.yaml", "specs/customer-email.agentspec.yaml", "--format", "json", "--format", "markdown"],
      "format",
    ],
    [["lint", "specs/", "--format", "json", "-f", "stylish"], "format"],
    [["lint", "specs/", "--max-warnings", "0", "--max-warnings", "5"], "max-warnings"],
    [["tier", "specs/order-support.agentspec.yaml", "-f", "json", "-f", "stylish"], "format"],
  ])("%j exits 2 naming it, and does nothing", async (...argv) => {
    const [args, flag] = argv as [string[], string];
    const run = await runCli(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--${flag} is given 2 times: give it once`);
    expect(run.stdout).toBe("");
  });
});

describe("a flag that needs a value and gets none", () => {
  it.each([
    [["compile", "specs/", "--target"], "target"],
    [["compile", "specs/", "--target", "--out", "x"], "target"],
    [["lint", "specs/", "--config"], "config"],
    [["lint", "specs/", "--format"], "format"],
    [["lint", "specs/", "--max-warnings"], "max-warnings"],
    [["lint", "specs/", "-o"], "output-file"],
  ])("%j exits 2 naming it, and does nothing", async (argv, flag) => {
    const run = await runCli(...argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(flag);
    expect(run.stdout).toBe("");
  });
});

describe("standard input", () => {
  it("lints the spec on stdin with `-` and with --stdin, named by --stdin-filename", async () => {
    const stdin = async () => Buffer.from(BROKEN);
    const dash = await runCliWith(process.cwd(), { stdin }, "lint", "-");
    expect(dash.code).toBe(1);
    expect(dash.stdout).toMatch(/^<stdin>\n\s+4:17\s+error\s+Unknown property "efect"/);
    const named = await runCliWith(
      process.cwd(),
      { stdin },
      "lint",
      "--stdin",
      "--stdin-filename",
      "agents/x.agentspec.yaml",
      "-f",
      "json",
    );
    expect(JSON.parse(named.stdout)).toMatchObject([{ file: "agents/x.agentspec.yaml", diagnostics: [{ ruleId: "schema", line: 4 }] }]);
    const clean = await runCliWith(process.cwd(), { stdin: async () => Buffer.from(CLEAN) }, "lint", "-");
    expect(clean).toMatchObject({ code: 0, stdout: expect.stringContaining("1 file checked: no problems") });
  });

  it("reads a pipe for real, as `cat x | agentspec lint -` does", () => {
    const run = spawnSync(process.execPath, ["bin/agentspec.cjs", "lint", "-"], {
      input: BROKEN,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("<stdin>");
    expect(run.stdout).toContain('did you mean "effect"?');
  });

  it("refuses stdin mixed with paths, and --stdin-filename without stdin (exit 2)", async () => {
    expect(await runCli("lint", "-", "specs/")).toMatchObject({
      code: 2,
      stderr: "agentspec: Standard input (- or --stdin) is linted alone: name no other paths with it\n",
    });
    expect(await runCli("lint", "specs/", "--stdin-filename", "x.yaml")).toMatchObject({
      code: 2,
      stderr: "agentspec: --stdin-filename names the spec read with --stdin (or -): add --stdin\n",
    });
  });
});

describe("-o, --output-file", () => {
  it("writes the report to the file (making its folder), and prints nothing", async () => {
    const dir = scratch();
    const run = await runCliIn(dir, "lint", path.resolve("specs"), "-f", "sarif", "-o", "reports/agentspec.sarif");
    expect(run).toMatchObject({ code: 0, stdout: "" });
    expect(JSON.parse(readFileSync(path.join(dir, "reports/agentspec.sarif"), "utf8")).version).toBe("2.1.0");
  });

  it("exits 2 naming a file it cannot write", async () => {
    const dir = scratch();
    writeFileSync(path.join(dir, "file"), "");
    const run = await runCliIn(dir, "lint", path.resolve("specs"), "--output-file", "file/report.json");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^agentspec: file\/report\.json: cannot be written \((ENOTDIR|EEXIST)\)\n$/);
  });
});

describe("--", () => {
  it("ends the options: what follows is a path, even one that starts with -", () => {
    const dir = scratch();
    writeFileSync(path.join(dir, "-odd.agentspec.yaml"), BROKEN);
    writeFileSync(path.join(dir, "other.agentspec.yaml"), CLEAN);
    const run = spawnSync(process.execPath, [path.resolve("bin/agentspec.cjs"), "lint", "-f", "json", "--", "-odd.agentspec.yaml"], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).map((r: { file: string }) => r.file)).toEqual(["-odd.agentspec.yaml"]);
  });
});

describe("did you mean", () => {
  it("names the command meant", async () => {
    expect(await runCli("lnt", "specs/")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown command "lnt": did you mean `agentspec lint`?'),
    });
    expect((await runCli("comple", "specs/")).stderr).toContain("did you mean `agentspec compile`?");
  });

  it("names the option meant", async () => {
    expect(await runCli("lint", "specs/", "--formt", "json")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Unknown option --formt: did you mean --format?"),
    });
    expect((await runCli("compile", "specs/", "--taget=cedar")).stderr).toContain("Unknown option --taget: did you mean --target?");
  });
});

describe("did you mean, for rule ids", () => {
  it("in the config", async () => {
    const dir = scratch();
    writeFileSync(path.join(dir, "agentspec.config.json"), '{\n  "rules": {\n    "stale-reveiw": "off"\n  }\n}\n');
    writeFileSync(path.join(dir, "a.agentspec.yaml"), CLEAN);
    expect(await runCliIn(dir, "lint", path.join(dir, "a.agentspec.yaml"))).toMatchObject({
      code: 2,
      stderr: 'agentspec: agentspec.config.json:3:5: rules["stale-reveiw"] names no rule: did you mean "stale-review"?\n',
    });
  });

  it("in a suppression", async () => {
    const dir = scratch();
    const file = path.join(dir, "a.agentspec.yaml");
    writeFileSync(file, `${CLEAN}suppressions:\n  - { rule: deny-overlap-allow, reason: typo }\n`);
    const run = await runCliIn(dir, "lint", file, "-f", "json");
    const messages = JSON.parse(run.stdout)[0].diagnostics.map((d: { message: string }) => d.message);
    expect(messages).toContain('Suppression names "deny-overlap-allow", which is not a rule: did you mean "deny-overlaps-allow"?');
  });
});

describe("what a directory search takes", () => {
  it("searches hidden directories such as .github/agents/, but not .git or node_modules", async () => {
    const dir = scratch();
    for (const [file, text] of [
      [".github/agents/broken.agentspec.yaml", BROKEN],
      [".git/stale.agentspec.yaml", BROKEN],
      ["node_modules/pkg/x.agentspec.yaml", BROKEN],
      ["ok.agentspec.yaml", CLEAN],
    ]) {
      mkdirSync(path.dirname(path.join(dir, file!)), { recursive: true });
      writeFileSync(path.join(dir, file!), text!);
    }
    const run = await runCliIn(dir, "lint", dir + "/", "-f", "json");
    expect(run.code).toBe(1);
    // json writes paths relative to the working directory, as sarif, github and junit do.
    expect(JSON.parse(run.stdout).map((r: { file: string }) => r.file)).toEqual([
      ".github/agents/broken.agentspec.yaml",
      "ok.agentspec.yaml",
    ]);
  });
});

describe("a compiled policy where a spec is expected", () => {
  it("lint says it is a policy and names the commands that read one", async () => {
    const run = await runCli("lint", "generated/specs/order-support.policy.json", "-f", "json");
    expect(run.code).toBe(1);
    const [result] = JSON.parse(run.stdout) as { diagnostics: { ruleId: string; message: string; line: number }[] }[];
    expect(result!.diagnostics).toHaveLength(1);
    const formatLine =
      readFileSync("generated/specs/order-support.policy.json", "utf8")
        .split("\n")
        .findIndex((l) => l.includes('"format"')) + 1;
    expect(result!.diagnostics[0]).toMatchObject({
      ruleId: "schema",
      line: formatLine,
      message: expect.stringContaining(
        "This is a compiled policy (agentspec-policy/1), not a spec: check it with `agentspec verify generated/specs/order-support.policy.json --pub <key>`",
      ),
    });
  });
});
