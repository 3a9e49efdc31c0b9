import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const PASSING = `agentspec: "1.0"
agent: { id: demo, version: 1.0.0 }
tools:
  crm.lookup: { effect: read }
deny: [email.send]
tests:
  - { call: { tool: crm.lookup }, expect: allow }
  - { call: { tool: email.send }, expect: deny }
`;

const FAILING = `agentspec: "1.0"
agent: { id: refunds, version: 1.0.0 }
tools:
  billing.refund: { effect: irreversible, approval: { when: { arg: amount, gt: 100 } } }
tests:
  - name: small refunds run alone
    call: { tool: billing.refund, args: { amount: 50 } }
    expect: allow
  - { call: { tool: billing.refund, args: { amount: 150 } }, expect: allow }
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "agentspec-test-"));
  for (const sub of ["ok", "mixed", "invalid"]) await mkdir(path.join(dir, sub));
  await writeFile(path.join(dir, "ok/a.agentspec.yaml"), PASSING);
  await writeFile(path.join(dir, "mixed/a.agentspec.yaml"), PASSING);
  await writeFile(path.join(dir, "mixed/b.agentspec.yaml"), FAILING);
  await writeFile(path.join(dir, "mixed/c.agentspec.yaml"), PASSING.replace(/tests:[\s\S]*/, ""));
  await writeFile(path.join(dir, "invalid/x.agentspec.yaml"), PASSING.replace("effect: read", "efect: read"));
});

describe("agentspec test", () => {
  it("prints each case and exits 0 when all pass", async () => {
    const file = path.join(dir, "ok/a.agentspec.yaml");
    expect(await runCli("test", path.join(dir, "ok"))).toEqual({
      code: 0,
      stdout: `${file}\n  ✔ 7:5  crm.lookup: allow\n  ✔ 8:5  email.send: deny\n\n✔ 2 cases passed in 1 file\n`,
      stderr: "",
    });
  });

  it("prints expected and actual decision with the reason, and exits 1 on a failure", async () => {
    const { code, stdout } = await runCli("test", path.join(dir, "mixed"));
    const [a, b, c] = ["a", "b", "c"].map((n) => path.join(dir, `mixed/${n}.agentspec.yaml`));
    expect(code).toBe(1);
    expect(stdout).toBe(
      `${a}\n  ✔ 7:5  crm.lookup: allow\n  ✔ 8:5  email.send: deny\n` +
        `${b}\n  ✔ 6:5  small refunds run alone: allow\n` +
        `  ✖ 9:5  billing.refund {"amount":150}: expected allow, got require_approval (approval: "billing.refund" requires approval when amount > 100)\n` +
        `${c}\n  no tests\n` +
        `\n✖ 1 of 4 cases failed in 3 files\n`,
    );
  });

  it("counts an invalid spec as not tested and exits 1", async () => {
    const file = path.join(dir, "invalid/x.agentspec.yaml");
    const { code, stdout } = await runCli("test", file);
    expect(code).toBe(1);
    expect(stdout).toBe(
      `${file}\n  ✖ not tested: the spec has 1 error; the first at 4:17: Unknown property "efect" in tools["crm.lookup"]; did you mean "effect"? (run agentspec lint ${file})\n` +
        `\n✖ 0 of 0 cases failed in 1 file, 1 spec not tested\n`,
    );
  });

  it("exits 2 when a path does not exist", async () => {
    const missing = path.join(dir, "missing");
    expect(await runCli("test", missing)).toEqual({ code: 2, stdout: "", stderr: `agentspec: ${missing}: no such file or directory\n` });
  });

  it("passes on the example specs", async () => {
    const { code, stdout } = await runCli("test", "specs/");
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n✔ \d+ cases passed in 5 files\n$/);
    expect(stdout).not.toContain("✖");
  });
});
