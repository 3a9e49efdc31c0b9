import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createGuard } from "../../src/runtime/guard.js";
import { SUPPORT_POLICY } from "../helpers/policy.js";
import { runCli } from "../helpers/run-cli.js";

let dir: string;
let intact: string;
let lines: string[];
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "agentspec-audit-"));
  intact = path.join(dir, "decisions.jsonl");
  const guard = createGuard(SUPPORT_POLICY, { record: intact });
  for (const tool of ["crm.get", "email.send", "read_order_status"]) await guard.authorize({ tool });
  lines = (await readFile(intact, "utf8")).trimEnd().split("\n");
});

describe("agentspec audit verify", () => {
  it("prints OK with the count and exits 0 on an intact log", async () => {
    expect(await runCli("audit", "verify", intact)).toEqual({
      code: 0,
      stdout: `OK ${intact}: 3 records, hash chain intact\n`,
      stderr: "",
    });
  });

  it("prints each problem with its line and exits 1 on a tampered log", async () => {
    const file = path.join(dir, "removed.jsonl");
    await writeFile(file, [lines[0], lines[2]].join("\n") + "\n");
    expect(await runCli("audit", "verify", file)).toEqual({
      code: 1,
      stdout: `${file}:2  seq 3 follows seq 1 (line 1): 1 record is missing before it (removed or moved)\n\n✖ 1 problem in 2 records: the log was altered\n`,
      stderr: "",
    });
  });

  it("exits 2 on a file that cannot be read", async () => {
    const missing = path.join(dir, "missing.jsonl");
    expect(await runCli("audit", "verify", missing)).toEqual({ code: 2, stdout: "", stderr: `agentspec: ${missing}: no such file\n` });
  });

  it("exits 2 without a subcommand", async () => {
    const { code, stderr } = await runCli("audit");
    expect(code).toBe(2);
    expect(stderr).toContain("Name an audit command: agentspec audit verify <file.jsonl>");
  });
});
