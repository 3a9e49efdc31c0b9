import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCliIn } from "../helpers/run-cli.js";
import { rules } from "../../src/lint/rules/index.js";
import { MINIMAL_YAML } from "../helpers/lint-text.js";

const run = runCliIn;

/** The registered rules turned off, so only unused-suppression speaks, whatever rules exist. */
const allRulesOff = Object.fromEntries(rules.map((r) => [r.id, "off"]));

/** Two suppressions naming no rule: two unused-suppression warnings, at 9:5 and 10:5. */
const TWO_WARNINGS = `${MINIMAL_YAML}suppressions:
  - { rule: no-such-rule, reason: a }
  - { rule: another-typo, reason: b }
`;

let dir: string;
const writeJson = (file: string, value: unknown) => writeFile(path.join(dir, file), JSON.stringify(value, null, 2));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "agentspec-cli-config-"));
  await mkdir(path.join(dir, "project/specs/drafts"), { recursive: true });
  await mkdir(path.join(dir, "project/sub"), { recursive: true });
  await writeFile(path.join(dir, "project/specs/warn.agentspec.yaml"), TWO_WARNINGS);
  await writeFile(path.join(dir, "project/specs/drafts/bad.agentspec.yaml"), MINIMAL_YAML.replace("effect: read", "efect: read"));
  await writeJson("project/agentspec.config.json", { rules: allRulesOff, ignore: ["drafts/**"] });
  await writeJson("errors.json", { rules: { ...allRulesOff, "unused-suppression": "error" } });
  await writeJson("unknown-rule.json", { rules: { "no-such-rule": "off" } });
  await writeFile(path.join(dir, "broken.json"), '{ "rules": { "unused-suppression": "off", } }');
});

describe("agentspec lint configuration", () => {
  const specs = () => path.join(dir, "project/specs");

  it("finds agentspec.config.json upward from the working directory and applies ignore", async () => {
    const { code, stdout } = await run(path.join(dir, "project/sub"), "lint", specs(), "--format", "github");
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        '::warning file=../specs/warn.agentspec.yaml,line=9,col=5,title=unused-suppression::Suppression names "no-such-rule", which is not a rule: see `agentspec rules`',
        '::warning file=../specs/warn.agentspec.yaml,line=10,col=5,title=unused-suppression::Suppression names "another-typo", which is not a rule: see `agentspec rules`',
        "",
      ].join("\n"),
    );
  });

  it("reads --config instead, and its severities decide the exit code", async () => {
    const { code, stdout } = await run(
      dir,
      "lint",
      path.join(specs(), "warn.agentspec.yaml"),
      "--config",
      "errors.json",
      "--format",
      "json",
    );
    expect(code).toBe(1);
    expect(JSON.parse(stdout)[0].diagnostics.map((d: { severity: string; line: number }) => `${d.severity}@${d.line}`)).toEqual([
      "error@9",
      "error@10",
    ]);
  });

  it("without ignore, a searched directory includes the drafts", async () => {
    await writeJson("no-ignore.json", { rules: allRulesOff });
    const { code, stdout } = await run(dir, "lint", specs(), "--config", "no-ignore.json", "--quiet");
    expect(code).toBe(1);
    expect(stdout).toContain('Unknown property "efect"');
  });

  it("exits 2 on a config with bad JSON, naming the file and line:column", async () => {
    const { code, stdout, stderr } = await run(dir, "lint", specs(), "--config", "broken.json");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe("agentspec: broken.json:1:43: Unexpected '}': expected a property name in double quotes\n");
  });

  it("exits 2 on a config naming an unknown rule", async () => {
    const { code, stderr } = await run(dir, "lint", specs(), "--config", "unknown-rule.json");
    expect(code).toBe(2);
    expect(stderr).toBe(
      'agentspec: unknown-rule.json:3:5: rules["no-such-rule"] names no rule: remove it, or use an id that `agentspec rules` lists\n',
    );
  });

  it("exits 2 when --config names a missing file", async () => {
    const { code, stderr } = await run(dir, "lint", specs(), "--config", "missing.json");
    expect(code).toBe(2);
    expect(stderr).toBe("agentspec: missing.json: no such config file: check the --config path\n");
  });
});

describe("agentspec lint --max-warnings", () => {
  const warn = () => path.join(dir, "project/specs/warn.agentspec.yaml");

  it("exits 0 with warnings and no limit, or within the limit", async () => {
    expect((await run(path.join(dir, "project"), "lint", warn())).code).toBe(0);
    expect((await run(path.join(dir, "project"), "lint", warn(), "--max-warnings", "2")).code).toBe(0);
  });

  it("exits 1 past the limit and says why", async () => {
    const { code, stdout, stderr } = await run(path.join(dir, "project"), "lint", warn(), "--max-warnings", "1");
    expect(code).toBe(1);
    expect(stdout).toMatch(/✖ 2 problems \(0 errors, 2 warnings\): 2 warnings exceed --max-warnings 1\n$/);
    expect(stderr).toBe("agentspec: 2 warnings exceed --max-warnings 1\n");
    expect((await run(path.join(dir, "project"), "lint", warn(), "--max-warnings", "0")).code).toBe(1);
  });

  it("with --quiet the summary still says the hidden warnings fail the run, never 'no problems'", async () => {
    const { code, stdout } = await run(path.join(dir, "project"), "lint", warn(), "--quiet", "--max-warnings", "0");
    expect(code).toBe(1);
    expect(stdout).toBe("✖ 1 file checked: 2 warnings exceed --max-warnings 0 (not shown: --quiet)\n");
    const within = await run(path.join(dir, "project"), "lint", warn(), "--quiet", "--max-warnings", "2");
    expect([within.code, within.stdout]).toEqual([0, "✔ 1 file checked: no problems\n"]);
  });

  it("JUnit fails a --max-warnings test case exactly when the limit fails the run", async () => {
    const over = await run(path.join(dir, "project"), "lint", warn(), "--format", "junit", "--quiet", "--max-warnings", "1");
    expect(over.code).toBe(1);
    expect(over.stdout).toContain('<testsuites name="agentspec" tests="2" failures="1" errors="0">');
    expect(over.stdout).toContain(
      '<testcase classname="agentspec lint" name="--max-warnings 1">\n      <failure type="max-warnings" message="2 warnings exceed --max-warnings 1">',
    );
    const within = await run(path.join(dir, "project"), "lint", warn(), "--format", "junit", "--max-warnings", "2");
    expect(within.code).toBe(0);
    expect(within.stdout).toContain('tests="1" failures="0"');
    expect(within.stdout).not.toContain("max-warnings");
  });

  it("exits 2 when --max-warnings is not a number", async () => {
    const { code, stderr } = await run(path.join(dir, "project"), "lint", warn(), "--max-warnings", "many");
    expect(code).toBe(2);
    expect(stderr).toBe("agentspec: --max-warnings takes a whole number, such as --max-warnings 0 (-1: no limit)\n");
  });
});

describe("agentspec lint --format", () => {
  it.each(["sarif", "junit"])("prints %s for the same findings", async (format) => {
    const { code, stdout } = await run(path.join(dir, "project"), "lint", path.join(dir, "project/specs"), "--format", format);
    expect(code).toBe(0);
    if (format === "sarif") {
      const log = JSON.parse(stdout);
      expect(log.runs[0].tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(
        log.runs[0].results.map(
          (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
            r.locations[0]!.physicalLocation.artifactLocation.uri,
        ),
      ).toEqual(["specs/warn.agentspec.yaml", "specs/warn.agentspec.yaml"]);
    } else {
      expect(stdout).toContain('<testcase classname="specs/warn.agentspec.yaml" name="specs/warn.agentspec.yaml">');
    }
  });
});
