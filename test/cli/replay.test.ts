/**
 * `agentspec test --replay <decisions.jsonl> <spec-or-policy>`: a log written by a real guard
 * replayed against a spec and against a compiled policy file, the exit codes of --fail-on, and
 * the errors: a missing log, an invalid spec, a refused policy, hostile lines.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compilePolicy, serializePolicy } from "../../src/policy/index.js";
import { createGuard } from "../../src/runtime/index.js";
import { runCli } from "../helpers/run-cli.js";
import { specFrom } from "../helpers/spec-text.js";

const spec = (threshold: number) => `agentspec: "1.0"
agent: { id: refunds, version: "1" }
tools:
  read_order_status: { effect: read }
  billing.refund:
    effect: irreversible
    approval: { when: { arg: amount, gt: ${threshold} } }
    limits: { amount: { max: 600 } }
audit: { append_only: true, record_arguments: full }
`;

let dir: string;
const at = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "agentspec-replay-"));
  await writeFile(at("old.agentspec.yaml"), spec(100));
  await writeFile(at("new.agentspec.yaml"), spec(500));
  await writeFile(at("broken.agentspec.yaml"), 'agentspec: "1.0"\nagent: { id: b, version: "1" }\ntools: 5\n');
  await writeFile(at("new.policy.json"), serializePolicy(compilePolicy(specFrom(spec(500)))));
  await writeFile(at("tampered.policy.json"), serializePolicy(compilePolicy(specFrom(spec(500)))).replace('"gt": 500', '"gt": 900'));
  // A real guard under the old spec writes the log, as in production.
  const guard = createGuard(compilePolicy(specFrom(spec(100))), {
    record: at("decisions.jsonl"),
    approve: () => ({ approved: true, reviewer: "rita" }),
  });
  for (const amount of [50, 150, 300, 700]) await guard.authorize({ tool: "billing.refund", args: { amount } });
  await guard.authorize({ tool: "read_order_status" });
  await guard.authorize({ tool: "email.send" });
});

describe("agentspec test --replay", () => {
  it("reports the calls decided less strictly, grouped, and exits 1", async () => {
    const { code, stdout, stderr } = await runCli("test", "--replay", at("decisions.jsonl"), at("new.agentspec.yaml"));
    expect(stderr).toBe("");
    expect(code).toBe(1);
    expect(stdout).toContain("less strict\n  billing.refund  require_approval → allow  2 calls  lines 2, 3\n");
    expect(stdout).toContain("hash chain intact");
    expect(stdout).toContain("✖ 2 of 6 recorded calls would be decided less strictly (0 stricter, 4 unchanged)");
  });

  it("replays against a compiled policy file as well, and --fail-on none exits 0", async () => {
    const { code, stdout } = await runCli("test", "--replay", at("decisions.jsonl"), at("new.policy.json"), "--fail-on", "none");
    expect(code).toBe(0);
    expect(stdout).toContain("billing.refund  require_approval → allow  2 calls");
  });

  it("nothing less strict against the policy the log was written under: exit 0", async () => {
    const { code, stdout } = await runCli("test", "--replay", at("decisions.jsonl"), at("old.agentspec.yaml"));
    expect(code).toBe(0);
    expect(stdout).toContain("✔ 0 of 6 recorded calls would be decided less strictly (0 stricter, 6 unchanged)");
  });

  it("--format json: the report with every change", async () => {
    const { stdout } = await runCli("test", "--replay", at("decisions.jsonl"), at("new.agentspec.yaml"), "-f", "json");
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ records: 6, exact: 6, byName: 0, unchanged: 4, problems: [] });
    expect(report.groups).toEqual([
      { tool: "billing.refund", direction: "less strict", from: "require_approval", to: "allow", replay: "exact", lines: [2, 3] },
    ]);
    expect(report.policyHash).toMatch(/^sha256:/);
  });

  it("hostile lines are located problems: exit 1, the rest still replayed", async () => {
    const log = at("hostile.jsonl");
    const good = (await import("node:fs")).readFileSync(at("decisions.jsonl"), "utf8").split("\n")[0];
    await writeFile(log, `${good}\n{"tool": ["x"], "decision": "allow", "rule": "allowed"}\n\u0000\u0001binary\n`);
    const { code, stdout } = await runCli("test", "--replay", log, at("new.agentspec.yaml"), "--fail-on", "none");
    expect(code).toBe(1);
    expect(stdout).toContain(`${log}:2: Not a decision record: "tool" must be a string or null`);
    expect(stdout).toMatch(new RegExp(`${log.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:3: Not a JSON line: `));
    expect(stdout).toContain("hash chain broken");
  });

  it("a log whose hash chain is broken fails, whatever --fail-on says: it was altered", async () => {
    const lines = (await import("node:fs")).readFileSync(at("decisions.jsonl"), "utf8").split("\n");
    // Two records swapped, and one removed: every line is a record, only the chain shows the edit.
    const log = at("reordered.jsonl");
    await writeFile(log, [lines[0], lines[2], lines[1], lines[4], ""].join("\n"));
    for (const failOn of ["none", "any", "widened"]) {
      const { code, stdout } = await runCli("test", "--replay", log, at("old.agentspec.yaml"), "--fail-on", failOn);
      expect(code).toBe(1);
      expect(stdout).toMatch(
        /hash chain broken \(\d+ problems?\): the log was altered, so its records cannot be relied on; run agentspec audit verify /,
      );
      expect(stdout).toContain(
        "✖ 0 of 4 recorded calls would be decided less strictly (0 stricter, 4 unchanged); the hash chain is broken",
      );
      expect(stdout).not.toContain("✔");
    }
    const json = await runCli("test", "--replay", log, at("old.agentspec.yaml"), "-f", "json");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).chain).toMatchObject({ ok: false });
  });

  it("a missing log, an invalid spec and a refused policy say so", async () => {
    const missing = await runCli("test", "--replay", at("nope.jsonl"), at("new.agentspec.yaml"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`agentspec: ${at("nope.jsonl")}: no such decision log\n`);
    const invalid = await runCli("test", "--replay", at("decisions.jsonl"), at("broken.agentspec.yaml"));
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toMatch(/3:8 +error +tools must be an object/);
    expect(invalid.stderr).toMatch(/is not a valid spec, so nothing was replayed/);
    const tampered = await runCli("test", "--replay", at("decisions.jsonl"), at("tampered.policy.json"));
    expect(tampered.code).toBe(2);
    expect(tampered.stderr).toMatch(/tampered\.policy\.json/);
    const none = await runCli("test", "--replay", at("decisions.jsonl"));
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/against one spec or policy/);
    const stray = await runCli("test", at("new.agentspec.yaml"), "--fail-on", "any");
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/--fail-on goes with --replay/);
    const junit = await runCli("test", "--replay", at("decisions.jsonl"), at("new.agentspec.yaml"), "--format", "junit");
    expect(junit.code).toBe(2);
    expect(junit.stderr).toMatch(/--replay reports changes of decision, not test cases: use --format stylish or json/);
  });
});
