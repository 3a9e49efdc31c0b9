/**
 * `agentspec diff`: two files and --base against a real git repository made in the test, every
 * format (SARIF validated against its schema), --fail-on, and the errors a user can make.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sarifValidator } from "../helpers/sarif.js";
import { runCliIn } from "../helpers/run-cli.js";

const refunds = (threshold: number, extra = "") => `agentspec: "1.0"
agent: { id: refunds, version: 1.0.0 }
tools:
  read_order_status: { effect: read }
  billing.refund:
    effect: irreversible
    approval:
      when: { arg: amount, gt: ${threshold} }
      channel: "slack:#support-escalations"
    limits: { amount: { max: 600 } }
deny: [email.send]
${extra}`;

let dir: string;
const run = (...argv: string[]) => runCliIn(dir, ...argv);

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", HOME: cwd } });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "agentspec-diff-"));
  await writeFile(path.join(dir, "old.agentspec.yaml"), refunds(100));
  await writeFile(path.join(dir, "new.agentspec.yaml"), refunds(500));
  await writeFile(path.join(dir, "same.agentspec.yaml"), refunds(100) + "# a comment only\n");
  await writeFile(
    path.join(dir, "broken.agentspec.yaml"),
    'agentspec: "1.0"\nagent: { id: b, version: "1" }\ntools:\n  x: { efect: read }\n',
  );
});

describe("agentspec diff <old> <new>", () => {
  it("prints the witness of a raised approval threshold, and exits 0 without --fail-on", async () => {
    const { code, stdout, stderr } = await run("diff", "old.agentspec.yaml", "new.agentspec.yaml");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("new.agentspec.yaml (was old.agentspec.yaml)");
    expect(stdout).toMatch(/8:7 +widened +approval-loosened +"billing\.refund" needs approval when amount > 500, was when amount > 100/);
    expect(stdout).toContain('witness billing.refund {"amount":101}: require_approval (approval) → allow (allowed)');
    expect(stdout).toContain("✖ authority widened in 1 of 1 spec (1 widened, 0 narrowed, 0 neutral changes)");
  });

  it("--fail-on widened exits 1 on a widening, --fail-on any on any change, none never", async () => {
    expect((await run("diff", "old.agentspec.yaml", "new.agentspec.yaml", "--fail-on", "widened")).code).toBe(1);
    expect((await run("diff", "new.agentspec.yaml", "old.agentspec.yaml", "--fail-on", "widened")).code).toBe(0);
    expect((await run("diff", "new.agentspec.yaml", "old.agentspec.yaml", "--fail-on", "any")).code).toBe(1);
    expect((await run("diff", "old.agentspec.yaml", "same.agentspec.yaml", "--fail-on", "any")).code).toBe(0);
    expect((await run("diff", "old.agentspec.yaml", "new.agentspec.yaml", "--fail-on", "none")).code).toBe(0);
    const bad = await run("diff", "old.agentspec.yaml", "new.agentspec.yaml", "--fail-on", "sometimes");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/fail-on/);
  });

  it("a comment is no change", async () => {
    const { code, stdout } = await run("diff", "old.agentspec.yaml", "same.agentspec.yaml");
    expect(code).toBe(0);
    expect(stdout).toBe("✔ no authority changes in 1 spec\n");
  });

  it("--format json: [{ file, old, changes }] with the witness and both decisions", async () => {
    const { code, stdout } = await run("diff", "old.agentspec.yaml", "new.agentspec.yaml", "--format", "json");
    expect(code).toBe(0);
    const [entry, ...rest] = JSON.parse(stdout);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ file: "new.agentspec.yaml", old: "old.agentspec.yaml", status: "changed" });
    expect(entry.changes).toHaveLength(1);
    const [change] = entry.changes;
    expect(change).toMatchObject({
      kind: "approval-loosened",
      direction: "widened",
      pointer: "/tools/billing.refund/approval/when",
      line: 8,
      side: "new",
      witness: {
        call: { tool: "billing.refund", args: { amount: 101 } },
        before: { decision: "require_approval", rule: "approval", channel: "slack:#support-escalations" },
        after: { decision: "allow", rule: "allowed" },
      },
    });
    expect(change.witness.before.policyHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(change.witness.after.policyHash).not.toBe(change.witness.before.policyHash);
  });

  it("--format markdown: a summary line, a table per spec and the witnesses", async () => {
    const { stdout } = await run("diff", "old.agentspec.yaml", "new.agentspec.yaml", "--format", "markdown");
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("### agentspec diff: authority widened in 1 of 1 spec (1 widened, 0 narrowed, 0 neutral changes)");
    expect(stdout).toContain("| line | direction | kind | change |");
    expect(stdout).toContain(
      '| 8 | ⚠️ **widened** | `approval-loosened` | "billing\\.refund" needs approval when amount &gt; 500, was when amount &gt; 100 |',
    );
    expect(stdout).toContain(
      '- **line 8** `approval-loosened`: `billing.refund {"amount":101}`: require_approval (approval) → **allow** (allowed)',
    );
  });

  it("--format github: each widened change an annotation at its line", async () => {
    const { stdout } = await run("diff", "old.agentspec.yaml", "new.agentspec.yaml", "--format", "github");
    expect(stdout.trimEnd().split("\n")).toEqual([
      '::warning file=new.agentspec.yaml,line=8,col=7,title=approval-loosened::Authority widened: "billing.refund" needs approval when amount > 500, was when amount > 100. Witness: billing.refund {"amount":101}: require_approval (approval) → allow (allowed).',
    ]);
    const narrowed = await run("diff", "new.agentspec.yaml", "old.agentspec.yaml", "--format", "github");
    expect(narrowed.stdout).toBe("");
  });

  it("--format sarif: valid SARIF 2.1.0, each widened change a result whose rule is its kind", async () => {
    const { stdout } = await run("diff", "old.agentspec.yaml", "new.agentspec.yaml", "--format", "sarif");
    const log = JSON.parse(stdout);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const [result] = log.runs[0].results;
    expect(log.runs[0].results).toHaveLength(1);
    expect(result).toMatchObject({ ruleId: "approval-loosened", level: "warning" });
    expect(result.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: "new.agentspec.yaml" },
      region: { startLine: 8, startColumn: 7 },
    });
    const rule = log.runs[0].tool.driver.rules[result.ruleIndex];
    expect(rule.id).toBe("approval-loosened");
  });

  it("an invalid spec is not compared: its located errors, exit 1", async () => {
    const { code, stdout } = await run("diff", "old.agentspec.yaml", "broken.agentspec.yaml");
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /broken\.agentspec\.yaml\n {2}4:8 +error +Unknown property "efect" in tools\.x; did you mean "effect"\? +schema/,
    );
    expect(stdout).toContain("1 spec could not be compared");
    const json = JSON.parse((await run("diff", "old.agentspec.yaml", "broken.agentspec.yaml", "-f", "json")).stdout);
    expect(json[0].changes).toEqual([]);
    expect(json[0].problems[0]).toMatchObject({ file: "broken.agentspec.yaml", diagnostics: [{ ruleId: "schema", line: 4, column: 8 }] });
    const sarif = JSON.parse((await run("diff", "old.agentspec.yaml", "broken.agentspec.yaml", "-f", "sarif")).stdout);
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: "schema", level: "error" });
  });

  it("a missing file or a wrong number of paths exits 2 with the reason", async () => {
    const missing = await run("diff", "old.agentspec.yaml", "nope.agentspec.yaml");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("agentspec: nope.agentspec.yaml: no such file\n");
    const one = await run("diff", "old.agentspec.yaml");
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/compares two spec files .*got 1 path/);
  });
});

describe("agentspec diff --base <ref>", () => {
  let repo: string;
  beforeAll(async () => {
    repo = path.join(dir, "repo");
    await mkdir(path.join(repo, "specs", "team"), { recursive: true });
    git(repo, "init", "-q", "-b", "main");
    git(repo, "config", "user.email", "t@example.com");
    git(repo, "config", "user.name", "t");
    const write = (file: string, text: string) => writeFile(path.join(repo, file), text);
    await write("specs/refunds.agentspec.yaml", refunds(100));
    await write("specs/gone.agentspec.yaml", refunds(100).replace("id: refunds", "id: gone"));
    await write("specs/moved.agentspec.yaml", refunds(100).replace("id: refunds", "id: moved"));
    await write("specs/team/still.agentspec.yaml", refunds(100).replace("id: refunds", "id: still"));
    await write("notes.yaml", "not: a spec\n");
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "base");
    await write("specs/refunds.agentspec.yaml", refunds(500));
    await rm(path.join(repo, "specs/gone.agentspec.yaml"));
    git(repo, "mv", "specs/moved.agentspec.yaml", "specs/renamed.agentspec.yaml");
    await write(
      "specs/fresh.agentspec.yaml",
      'agentspec: "1.0"\nagent: { id: fresh, version: "1" }\ntools:\n  crm.read: { effect: read }\n',
    );
    await write("notes.yaml", "still: not a spec\n");
  });

  const inRepo = (...argv: string[]) => runCliIn(repo, ...argv);

  it("compares every spec changed since the ref: modified, removed, renamed, new (untracked too)", async () => {
    const { code, stdout, stderr } = await inRepo("diff", "--base", "main", "--format", "json");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const diffs = JSON.parse(stdout) as {
      file: string;
      old: string | null;
      status: string;
      changes: { kind: string; direction: string }[];
    }[];
    expect(diffs.map((d) => [d.file, d.old, d.status])).toEqual([
      ["main:specs/gone.agentspec.yaml", "main:specs/gone.agentspec.yaml", "removed"],
      ["specs/fresh.agentspec.yaml", null, "added"],
      ["specs/refunds.agentspec.yaml", "main:specs/refunds.agentspec.yaml", "changed"],
      ["specs/renamed.agentspec.yaml", "main:specs/moved.agentspec.yaml", "renamed"],
    ]);
    const kinds = (i: number) => diffs[i]!.changes.map((c) => `${c.kind}/${c.direction}`);
    expect(kinds(0)).toEqual(["spec-removed/narrowed"]);
    expect(kinds(1)).toEqual(["spec-added/widened", "tool-added/widened"]);
    expect(kinds(2)).toEqual(["approval-loosened/widened"]);
    expect(kinds(3)).toEqual([]);
  });

  it("--format markdown sums it up in one line", async () => {
    const { stdout } = await inRepo("diff", "--base", "main", "--format", "markdown");
    expect(stdout.split("\n")[0]).toBe("### agentspec diff: authority widened in 2 of 4 specs (3 widened, 1 narrowed, 0 neutral changes)");
    expect(stdout).toContain("No authority change in `specs/renamed.agentspec.yaml`.");
  });

  it("keeps to the paths given", async () => {
    const { stdout } = await inRepo("diff", "--base", "main", "specs/team", "-f", "json");
    expect(JSON.parse(stdout)).toEqual([]);
    const only = JSON.parse((await inRepo("diff", "--base", "main", "specs/refunds.agentspec.yaml", "-f", "json")).stdout);
    expect(only.map((d: { file: string }) => d.file)).toEqual(["specs/refunds.agentspec.yaml"]);
  });

  it("refuses a ref git does not know, one that reads as an option, a path that is nowhere, and a directory outside git", async () => {
    const unknown = await inRepo("diff", "--base", "no-such-branch");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^agentspec: --base no-such-branch: git knows no commit by that name/);
    const option = await inRepo("diff", "--base=--output=/tmp/agentspec-pwned");
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/is not a revision/);
    const nowhere = await inRepo("diff", "--base", "main", "specs/nope");
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toBe("agentspec: specs/nope: no such file or directory, in the working tree or at main\n");
    const outside = await runCliIn(dir, "diff", "--base", "main");
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/needs a git working tree/);
  });

  it("an old version that is not a valid spec is reported at its ref and line, exit 1", async () => {
    const bad = path.join(dir, "badrepo");
    await mkdir(bad);
    git(bad, "init", "-q", "-b", "main");
    git(bad, "config", "user.email", "t@example.com");
    git(bad, "config", "user.name", "t");
    await writeFile(
      path.join(bad, "a.agentspec.yaml"),
      'agentspec: "1.0"\nagent: { id: a, version: "1" }\ntools:\n  x: { effect: reed }\n',
    );
    git(bad, "add", ".");
    git(bad, "commit", "-qm", "bad");
    await writeFile(
      path.join(bad, "a.agentspec.yaml"),
      'agentspec: "1.0"\nagent: { id: a, version: "1" }\ntools:\n  x: { effect: read }\n',
    );
    const { code, stdout } = await runCliIn(bad, "diff", "--base", "main");
    expect(code).toBe(1);
    expect(stdout).toMatch(/main:a\.agentspec\.yaml\n {2}4:16 +error .*effect/);
  });
});
