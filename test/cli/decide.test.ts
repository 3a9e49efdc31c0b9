import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compilePolicy, serializePolicy } from "../../src/policy/compile-policy.js";
import { loadSpecs } from "../../src/model/index.js";
import { loadTarget } from "../../src/cli/decide.js";
import { runCli } from "../helpers/run-cli.js";

const SPEC = "specs/order-support.agentspec.yaml";
let dir: string;
let policyFile: string;
let hash: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "agentspec-decide-"));
  const [checked] = await loadSpecs([SPEC]);
  const policy = compilePolicy(checked!.spec!);
  hash = policy.hash;
  policyFile = path.join(dir, "order-support.policy.json");
  await writeFile(policyFile, serializePolicy(policy));
  await writeFile(path.join(dir, "edited.policy.json"), serializePolicy(policy).replace('"cancel_order"', '"cancel_orders"'));
});

describe("agentspec decide", () => {
  it("decides a call against a spec compiled in memory", async () => {
    const { code, stdout, stderr } = await runCli(
      "decide",
      SPEC,
      "--tool",
      "read_order_status",
      "--args",
      '{"order_id": "1001"}',
      "-f",
      "json",
    );
    expect([code, stderr]).toEqual([0, ""]);
    expect(JSON.parse(stdout)).toEqual({
      decision: "allow",
      rule: "allowed",
      reason: '"read_order_status" is allowed',
      policyHash: hash,
      entries: ["/tools/read_order_status"],
    });
  });

  it("decides against a compiled policy file, with context", async () => {
    const { code, stdout } = await runCli(
      "decide",
      policyFile,
      "--tool",
      "refund_order",
      "--actor",
      "u-1",
      "--environment",
      "production",
      "--format",
      "json",
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      decision: "deny",
      rule: "deny-pattern",
      reason: '"refund_order" is denied by "refund*"',
      policyHash: hash,
      entries: [expect.stringMatching(/^\/deny\/\d+$/)],
    });
  });

  it("denies as malformed-call a key a case-insensitive decoder reads as a limited or gated path", async () => {
    const spec = path.join(dir, "case-variants.agentspec.yaml");
    await writeFile(
      spec,
      `agentspec: "1.0"
agent: { id: case-variants, version: 1.0.0, goal: Case variants. }
tools:
  refund:
    effect: irreversible
    approval: { when: { arg: payment.total, gt: 100 } }
    limits: { amount: { max: 10 } }
`,
    );
    const decideArgs = async (args: string) => {
      const { code, stdout, stderr } = await runCli("decide", spec, "--tool", "refund", "--args", args, "-f", "json");
      expect([code, stderr]).toEqual([0, ""]);
      return JSON.parse(stdout) as { decision: string; rule: string; reason: string };
    };
    expect(await decideArgs('{"amount":1,"payment":{"total":1}}')).toMatchObject({ decision: "allow" });
    for (const args of [
      '{"amount":1,"Amount":5000,"payment":{"total":1}}',
      '{"amount":1,"payment":{"total":1,"Total":5000}}',
      '{"amount":1,"payment":{"total":1},"Payment":{"total":5000}}',
      '{"amount":1,"payment":{"total":1},"payment.Total":5000}',
    ]) {
      const decision = await decideArgs(args);
      expect(decision).toMatchObject({ decision: "deny", rule: "malformed-call" });
      expect(decision.reason).toMatch(
        /^The call's args hold args.* beside the path args\.(amount|payment\.total) that .*: "[^"]+" reads as "[^"]+"/,
      );
    }
  });

  it("accepts the pinned hash and refuses another", async () => {
    expect((await runCli("decide", policyFile, "--tool", "draft_reply", "--pin", hash)).code).toBe(0);
    const other = "sha256:" + "a".repeat(64);
    expect(await runCli("decide", policyFile, "--tool", "draft_reply", "--pin", other)).toEqual({
      code: 2,
      stdout: "",
      stderr: `agentspec: ${policyFile}: policy refused: its hash ${hash} is not the pinned ${other}: only the pinned policy is accepted\n`,
    });
  });

  it("refuses a tampered policy file with exit 2", async () => {
    const { code, stdout, stderr } = await runCli("decide", path.join(dir, "edited.policy.json"), "--tool", "draft_reply");
    expect([code, stdout]).toEqual([2, ""]);
    expect(stderr).toMatch(/edited\.policy\.json: policy refused: its hash sha256:[0-9a-f]{64} does not match its contents/);
  });

  it("exits 2 with a clear message on bad --args", async () => {
    const bad = await runCli("decide", SPEC, "--tool", "draft_reply", "--args", "{amount: 5}");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^agentspec: --args is not valid JSON \(.+\): pass an object, e.g. --args '\{"amount": 150\}'\n$/);
    expect(await runCli("decide", SPEC, "--tool", "draft_reply", "--args", "[1]")).toEqual({
      code: 2,
      stdout: "",
      stderr: `agentspec: --args must be a JSON object, not an array: e.g. --args '{"amount": 150}'\n`,
    });
  });

  it("exits 2 when --tool is missing or the file does not exist", async () => {
    const noTool = await runCli("decide", SPEC);
    expect(noTool.code).toBe(2);
    expect(noTool.stderr).toContain("Missing required argument: tool");
    const missing = path.join(dir, "nope.agentspec.yaml");
    expect(await runCli("decide", missing, "--tool", "x")).toEqual({
      code: 2,
      stdout: "",
      stderr: `agentspec: ${missing}: no such file\n`,
    });
  });

  it("exits 2 on an invalid spec, pointing at lint", async () => {
    const file = path.join(dir, "bad.agentspec.yaml");
    await writeFile(file, 'agentspec: "1.0"\nagent: { id: demo, version: 1.0.0 }\ntools:\n  crm.get: { efect: read }\n');
    const { code, stderr } = await runCli("decide", file, "--tool", "crm.get");
    expect(code).toBe(2);
    expect(stderr).toMatch(
      new RegExp(`^agentspec: .*bad\\.agentspec\\.yaml: not a valid spec, \\d+ errors? \\(first at 4:\\d+: .+\\); run agentspec lint`),
    );
  });
});

describe("loadTarget (decide's and mcp proxy's reading of a spec or policy)", () => {
  it("gives a spec's policy with the spec it was compiled from, read once: the file changing afterwards changes neither", async () => {
    const file = path.join(dir, "read-once.agentspec.yaml");
    const text = `agentspec: "1.0"
agent: { id: read-once, version: 1.0.0, owner: test, last_reviewed: 2026-12-01 }
tools:
  read_file: { effect: read }
mcp:
  servers:
    fs:
      command: npx
      prefix: fs.
`;
    await writeFile(file, text.replace("read_file: { effect: read }", "fs.read_file: { effect: read }"));
    const loaded = await loadTarget(file, undefined);
    await writeFile(file, text.replace("prefix: fs.", "prefix: other."));
    expect(loaded.spec?.mcp?.servers?.map((s) => [s.name, s.prefix])).toEqual([["fs", "fs."]]);
    expect(compilePolicy(loaded.spec!).hash).toBe(loaded.policy.hash);
  });

  it("gives a compiled policy without a spec (it keeps no mcp section)", async () => {
    const loaded = await loadTarget(policyFile, hash);
    expect(loaded.policy.hash).toBe(hash);
    expect(loaded.spec).toBeUndefined();
  });
});
