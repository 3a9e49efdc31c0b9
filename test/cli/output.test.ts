/**
 * What every reporting command shares, run as real processes (argv, stdout, files, exit codes):
 * one --format vocabulary (stylish for people by default, json for machines), -o/--output-file,
 * quoted globs, tier over several files, test with no cases (--pass-with-no-tests), findings in
 * file order, and json paths written as the CI formats write them.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeReport } from "../../src/cli/io.js";
import { createGuard } from "../../src/runtime/guard.js";
import { SUPPORT_POLICY } from "../helpers/policy.js";

const BIN = path.resolve("bin/agentspec.cjs");

/** --help as one line: yargs wraps it to the terminal's width. */
const oneLine = (text: string) => text.replace(/\s+/g, " ");

/** The built CLI, run for real from `cwd`, without colour. */
function agentspec(cwd: string, ...argv: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...argv], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const TESTED = `agentspec: "1.0"
agent: { id: tested, version: 1.0.0 }
trust_level: A1
tools:
  crm.lookup: { effect: read }
deny: [email.send]
tests:
  - { call: { tool: crm.lookup }, expect: allow }
  - { call: { tool: email.send }, expect: deny }
`;
const FAILING = TESTED.replace("id: tested", "id: failing").replace("expect: deny", "expect: allow");
const UNTESTED = `agentspec: "1.0"
agent: { id: untested, version: 1.0.0 }
tools:
  crm.lookup: { effect: read }
`;
/** Three schema errors, written bottom-up in the order a validator may find them. */
const BROKEN = `agentspec: "1.0"
agent: { id: broken, version: 1.0.0 }
tools:
  crm.lookup: { efect: read }
  crm.update: { effect: write, approval: { chanel: x } }
limits: { max_tool_calls: thirty }
`;

let dir: string;
let log: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "agentspec-output-"));
  const files: Record<string, string> = {
    "specs/tested.agentspec.yaml": TESTED,
    "specs/team/untested.agentspec.yaml": UNTESTED,
    "specs/.github/agents/hidden.agentspec.yaml": UNTESTED.replace("id: untested", "id: hidden"),
    "specs/node_modules/pkg/dep.agentspec.yaml": BROKEN,
    "notests/untested.agentspec.yaml": UNTESTED,
    "failing/failing.agentspec.yaml": FAILING,
    "broken/broken.agentspec.yaml": BROKEN,
    "not-a-dir": "a file",
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  log = path.join(dir, "decisions.jsonl");
  const guard = createGuard(SUPPORT_POLICY, { record: log });
  for (const tool of ["crm.get", "email.send"]) await guard.authorize({ tool });
  guard.close();
});

/** A command line of each reporting command, with what its report holds. */
const COMMANDS: [string, string[]][] = [
  ["lint", ["lint", "specs/tested.agentspec.yaml"]],
  ["test", ["test", "specs/tested.agentspec.yaml"]],
  ["tier", ["tier", "specs/tested.agentspec.yaml"]],
  ["rules", ["rules"]],
  ["decide", ["decide", "specs/tested.agentspec.yaml", "--tool", "email.send"]],
  ["audit verify", ["audit", "verify", "decisions.jsonl"]],
  ["diff", ["diff", "specs/tested.agentspec.yaml", "failing/failing.agentspec.yaml"]],
  ["mcp check", ["mcp", "check", "broken/broken.agentspec.yaml"]],
];

describe("-o, --output-file on every command that prints a report", () => {
  it.each(COMMANDS)("%s writes the report it prints to the file (its folder made) and prints nothing", (_, argv) => {
    const printed = agentspec(dir, ...argv);
    expect(printed.stdout.length).toBeGreaterThan(0);
    for (const [flag, file] of [
      ["-o", `reports/${argv[0]}/short.txt`],
      ["--output-file", `reports/${argv[0]}/long/report.txt`],
    ] as const) {
      const written = agentspec(dir, ...argv, flag, file);
      expect({ code: written.code, stdout: written.stdout }).toEqual({ code: printed.code, stdout: "" });
      expect(readFileSync(path.join(dir, file), "utf8")).toBe(printed.stdout);
    }
    const json = agentspec(dir, ...argv, "--format", "json", "-o", `reports/${argv[0]}.json`);
    expect(json.stdout).toBe("");
    expect(() => JSON.parse(readFileSync(path.join(dir, `reports/${argv[0]}.json`), "utf8"))).not.toThrow();
  });

  it.each(COMMANDS)("%s exits 2 naming a file it cannot write, and writes nothing", (_, argv) => {
    const run = agentspec(dir, ...argv, "-o", "not-a-dir/report.txt");
    expect(run).toEqual({ code: 2, stdout: "", stderr: "agentspec: not-a-dir/report.txt: cannot be written (ENOTDIR)\n" });
  });

  it.each(COMMANDS)("%s -o without a value exits 2 saying so", (_, argv) => {
    const run = agentspec(dir, ...argv, "-o");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--output-file (-o) needs a value");
  });

  it.runIf(process.platform === "linux")("a folder the filesystem refuses (/proc) is an error naming the file, not a hang", async () => {
    // node's recursive mkdir never returned for /proc/<missing>/…; writeReport makes one folder at a time.
    const io = { stdout: () => {}, stderr: () => {}, color: false, cwd: dir };
    await expect(writeReport(io, "/proc/agentspec-missing/report.json", "{}")).rejects.toThrow(
      /^\/proc\/agentspec-missing\/report\.json: cannot be written \(E[A-Z]+\)$/,
    );
  });

  it("compile writes its report with --output-file; -o stays --out, the folder of the compiled files", () => {
    const run = agentspec(dir, "compile", "specs/tested.agentspec.yaml", "-o", "out", "--output-file", "reports/compile.txt");
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 0, stdout: "" });
    expect(readFileSync(path.join(dir, "reports/compile.txt"), "utf8")).toMatch(/^Compiled 1 spec \(.+\) into \d+ files in out\n$/);
    expect(readFileSync(path.join(dir, "out/tested.policy.json"), "utf8")).toContain('"agentspec-policy/1"');
    const help = oneLine(agentspec(dir, "compile", "--help").stdout);
    expect(help).toContain("-o, --out Directory the compiled files are written to (-o is this, not --output-file)");
    expect(help).toContain("--output-file Write the report (problems, the summary) to this file instead of stdout");
  });
});

describe("one --format vocabulary", () => {
  it.each(COMMANDS)("%s: --help lists stylish (the default) and json", (_, argv) => {
    const help = oneLine(agentspec(dir, ...argv.filter((a) => !a.includes(".")), "--help").stdout);
    expect(help).toMatch(/-f, --format Output format[^[]*\[choices: "stylish", "json"[^\]]*\] \[default: "stylish"\]/);
    expect(help).toContain("-o, --output-file Write the report to this file (its folder is made) instead of stdout");
  });

  it("test also has junit; lint and mcp check keep their CI formats", () => {
    expect(oneLine(agentspec(dir, "test", "--help").stdout)).toContain('[choices: "stylish", "json", "junit"]');
    for (const argv of [["lint"], ["mcp", "check", "x"]]) {
      expect(oneLine(agentspec(dir, ...argv, "--help").stdout)).toContain('[choices: "stylish", "json", "sarif", "github", "junit"]');
    }
  });

  it("decide prints the decision for people by default, and the decision object with --format json", () => {
    const argv = ["decide", "specs/tested.agentspec.yaml", "--tool", "email.send"];
    const stylish = agentspec(dir, ...argv);
    expect(stylish.code).toBe(0);
    expect(stylish.stdout).toMatch(
      /^deny {2}email\.send\n {2}rule {5}deny-pattern\n {2}reason {3}"email\.send" is denied by the policy\n {2}entries {2}\/deny\/0\n {2}policy {3}sha256:[0-9a-f]{64}\n$/,
    );
    const json = JSON.parse(agentspec(dir, ...argv, "-f", "json").stdout);
    expect(json).toMatchObject({ decision: "deny", rule: "deny-pattern", entries: ["/deny/0"] });
  });

  it("tier's text and rules' table, 0.1.0's names for stylish, still work, silently", () => {
    for (const [argv, former] of [
      [["tier", "specs/tested.agentspec.yaml"], "text"],
      [["rules"], "table"],
    ] as const) {
      const now = agentspec(dir, ...argv);
      expect(agentspec(dir, ...argv, "--format", former)).toEqual(now);
      expect(now.stderr).toBe("");
      expect(agentspec(dir, ...argv, "--help").stdout).not.toContain(`"${former}"`);
    }
  });

  it("a format a command does not have exits 2 naming the choices", () => {
    const run = agentspec(dir, "tier", "specs/tested.agentspec.yaml", "-f", "junit");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Argument: format, Given: "junit", Choices: "stylish", "json"/);
  });

  it("audit verify --format json: { file, ok, records, problems }", () => {
    const lines = readFileSync(log, "utf8").trimEnd().split("\n");
    writeFileSync(path.join(dir, "altered.jsonl"), [lines[1], "not json", lines[0]].join("\n") + "\n");
    const intact = agentspec(dir, "audit", "verify", log, "-f", "json");
    expect(JSON.parse(intact.stdout)).toEqual({ file: "decisions.jsonl", ok: true, records: 2, problems: [] });
    const altered = agentspec(dir, "audit", "verify", "altered.jsonl", "-f", "json");
    expect(altered.code).toBe(1);
    const report = JSON.parse(altered.stdout);
    expect(report).toMatchObject({ file: "altered.jsonl", ok: false });
    const problemLines = report.problems.map((p: { line: number }) => p.line);
    expect(problemLines.length).toBeGreaterThan(1);
    expect(problemLines).toEqual([...problemLines].sort((a, b) => a - b));
  });
});

describe("quoted globs", () => {
  it("expands a pattern the shell left alone, searching hidden folders but not node_modules", () => {
    const run = agentspec(dir, "lint", "specs/**/*.agentspec.yaml", "-f", "json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).map((r: { file: string }) => r.file)).toEqual([
      "specs/.github/agents/hidden.agentspec.yaml",
      "specs/team/untested.agentspec.yaml",
      "specs/tested.agentspec.yaml",
    ]);
  });

  it("takes every file the pattern names, as ESLint does, and applies the config's ignore", () => {
    const cwd = mkdtempSync(path.join(tmpdir(), "agentspec-glob-"));
    mkdirSync(path.join(cwd, "specs/drafts"), { recursive: true });
    writeFileSync(path.join(cwd, "specs/a.yaml"), TESTED);
    writeFileSync(path.join(cwd, "specs/drafts/b.yaml"), BROKEN);
    expect(JSON.parse(agentspec(cwd, "lint", "specs/**/*.yaml", "-f", "json").stdout).map((r: { file: string }) => r.file)).toEqual([
      "specs/a.yaml",
      "specs/drafts/b.yaml",
    ]);
    writeFileSync(path.join(cwd, "agentspec.config.json"), JSON.stringify({ ignore: ["**/drafts/**"] }));
    const run = agentspec(cwd, "lint", "specs/**/*.yaml", "-f", "json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).map((r: { file: string }) => r.file)).toEqual(["specs/a.yaml"]);
  });

  it("a pattern that matches nothing exits 2 naming it, as a missing path does", () => {
    for (const command of ["lint", "test", "tier", "compile"]) {
      const run = agentspec(dir, command, "specs/**/*.agentspec.yml");
      expect(run).toMatchObject({ code: 2, stdout: "" });
      expect(run.stderr).toBe(
        "agentspec: specs/**/*.agentspec.yml: no such file or directory, and no file matches it as a pattern (.git and node_modules are not searched)\n",
      );
    }
  });

  it("a path that exists is read as it is, whatever characters it holds", () => {
    mkdirSync(path.join(dir, "odd"), { recursive: true });
    writeFileSync(path.join(dir, "odd/[x]*.agentspec.yaml"), TESTED);
    const run = agentspec(dir, "lint", "odd/[x]*.agentspec.yaml", "-f", "json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).map((r: { file: string }) => r.file)).toEqual(["odd/[x]*.agentspec.yaml"]);
  });
});

describe("agentspec tier over several specs", () => {
  it("prints each spec's level, and the specs it could not read after them (exit 1)", () => {
    const run = agentspec(dir, "tier", "specs/tested.agentspec.yaml", "broken/broken.agentspec.yaml", "notests/");
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^specs\/tested\.agentspec\.yaml\n {2}computed {2}A1\n[^]*\n {2}declared {2}A1 \(agrees\)\nnotests\/untested\.agentspec\.yaml\n {2}computed {2}A1\n[^]*\n {2}declared {2}none: declare trust_level: A1\n\nbroken\/broken\.agentspec\.yaml\n {2}4:17 +error/,
    );
    const json = JSON.parse(agentspec(dir, "tier", "specs/", "broken/", "-f", "json").stdout);
    expect(json.map((r: { file: string; computed?: string }) => [r.file, r.computed ?? null])).toEqual([
      ["specs/.github/agents/hidden.agentspec.yaml", "A1"],
      ["specs/team/untested.agentspec.yaml", "A1"],
      ["specs/tested.agentspec.yaml", "A1"],
      ["broken/broken.agentspec.yaml", null],
    ]);
  });

  it("lists a spec's errors in file order", () => {
    const [broken] = JSON.parse(agentspec(dir, "tier", "broken/broken.agentspec.yaml", "-f", "json").stdout);
    const places = broken.diagnostics.map((d: { line: number; column: number }) => [d.line, d.column]);
    expect(places.length).toBeGreaterThanOrEqual(3);
    expect(places).toEqual([...places].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  });
});

describe("agentspec test with no cases (vitest's --pass-with-no-tests)", () => {
  it("says nothing was checked and exits 1; --pass-with-no-tests exits 0", () => {
    const none = agentspec(dir, "test", "notests/");
    expect(none.code).toBe(1);
    expect(none.stdout).toBe(
      "notests/untested.agentspec.yaml\n  no tests\n\n✖ No test cases in 1 spec: nothing was checked. Add tests: cases to a spec (see the README's Runtime section), or pass --pass-with-no-tests\n",
    );
    const allowed = agentspec(dir, "test", "notests/", "--pass-with-no-tests");
    expect(allowed).toEqual({
      code: 0,
      stdout: "notests/untested.agentspec.yaml\n  no tests\n\n✔ No test cases in 1 spec (--pass-with-no-tests)\n",
      stderr: "",
    });
  });

  /** tests="…" failures="…" of the whole report. */
  const totals = (xml: string) => {
    const [, tests, failures] = /<testsuites name="agentspec test" tests="(\d+)" failures="(\d+)"/.exec(xml)!;
    return { tests: Number(tests), failures: Number(failures) };
  };

  it.each([
    [["specs/tested.agentspec.yaml"], 0, { tests: 2, failures: 0 }],
    [["failing/"], 1, { tests: 2, failures: 1 }],
    [["broken/"], 1, { tests: 1, failures: 1 }],
    [["notests/"], 1, { tests: 1, failures: 1 }],
    [["notests/", "--pass-with-no-tests"], 0, { tests: 0, failures: 0 }],
    [["broken/", "--pass-with-no-tests"], 1, { tests: 1, failures: 1 }],
  ])("JUnit agrees with the exit code: test %j exits %d", (argv, code, expected) => {
    const run = agentspec(dir, "test", ...argv, "-f", "junit");
    expect(run.code).toBe(code);
    expect(totals(run.stdout)).toEqual(expected);
    // Every <failure> is counted, and the report fails exactly when the run does.
    expect((run.stdout.match(/<failure /g) ?? []).length).toBe(expected.failures);
    expect(expected.failures > 0).toBe(code === 1);
  });

  it("--format json: one entry per spec with its cases, paths as the CI formats write them", () => {
    const run = agentspec(dir, "test", path.join(dir, "failing"), "-f", "json");
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([
      {
        file: "failing/failing.agentspec.yaml",
        tested: true,
        diagnostics: [],
        cases: [
          expect.objectContaining({ label: "crm.lookup", line: 8, column: 5, expected: "allow", passed: true }),
          expect.objectContaining({
            label: "email.send",
            line: 9,
            column: 5,
            call: { tool: "email.send" },
            expected: "allow",
            actual: expect.objectContaining({ decision: "deny", rule: "deny-pattern" }),
            passed: false,
          }),
        ],
      },
    ]);
  });
});

describe("json paths agree with the CI formats' (relative to the working directory)", () => {
  it.each([
    ["lint", ["lint"]],
    ["mcp check", ["mcp", "check"]],
  ])("%s: json's file is sarif's uri and junit's name, for a path given absolute", (_, argv) => {
    const file = path.join(dir, "broken/broken.agentspec.yaml");
    const json = JSON.parse(agentspec(dir, ...argv, file, "-f", "json").stdout);
    const sarif = JSON.parse(agentspec(dir, ...argv, file, "-f", "sarif").stdout);
    const junit = agentspec(dir, ...argv, file, "-f", "junit").stdout;
    expect(json[0].file).toBe("broken/broken.agentspec.yaml");
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(json[0].file);
    expect(junit).toContain(`<testcase classname="${json[0].file}"`);
    // Findings in file order, in every report.
    const places = json[0].diagnostics.map((d: { line: number; column: number }) => [d.line, d.column]);
    expect(places).toEqual([...places].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  });

  it("diff, tier and test write the same relative path for an absolute one", () => {
    const file = path.join(dir, "specs/tested.agentspec.yaml");
    const other = path.join(dir, "failing/failing.agentspec.yaml");
    const diff = JSON.parse(agentspec(dir, "diff", file, other, "-f", "json").stdout);
    expect([diff[0].file, diff[0].old]).toEqual(["failing/failing.agentspec.yaml", "specs/tested.agentspec.yaml"]);
    const sarif = JSON.parse(agentspec(dir, "diff", file, other, "-f", "sarif").stdout);
    for (const result of sarif.runs[0].results) {
      expect(["failing/failing.agentspec.yaml", "specs/tested.agentspec.yaml"]).toContain(
        result.locations[0].physicalLocation.artifactLocation.uri,
      );
    }
    expect(JSON.parse(agentspec(dir, "tier", file, "-f", "json").stdout)[0].file).toBe("specs/tested.agentspec.yaml");
    expect(JSON.parse(agentspec(dir, "test", file, "-f", "json").stdout)[0].file).toBe("specs/tested.agentspec.yaml");
  });
});
