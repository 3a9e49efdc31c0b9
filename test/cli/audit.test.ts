import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
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
  guard.close();
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

  /** Records no guard writes, each on line 2 between two intact ones: 1e400 (Infinity once parsed), 5,000 and 1,000,000 levels of nesting. */
  const hostile: [string, () => string, string][] = [
    [
      "1e400",
      () => lines[1]!.replace('"seq":2', '"n":1e400,"seq":2'),
      "The record holds a number JSON cannot represent exactly (such as 1e400)",
    ],
    [
      "5,000 levels of arrays",
      () => lines[1]!.replace('"seq":2', `"d":${"[".repeat(5000)}${"]".repeat(5000)},"seq":2`),
      "it nests deeper than 256 levels",
    ],
    [
      "5,000 levels of objects",
      () => lines[1]!.replace('"seq":2', `"d":${'{"a":'.repeat(5000)}1${"}".repeat(5000)},"seq":2`),
      "it nests deeper than 256 levels",
    ],
    [
      "1,000,000 levels",
      () => lines[1]!.replace('"seq":2', `"d":${"[".repeat(1_000_000)}${"]".repeat(1_000_000)},"seq":2`),
      "it nests deeper than 256 levels",
    ],
  ];

  it.each(hostile)("reports a record holding %s at its line and exits 1, never an internal error", async (_name, line, message) => {
    const file = path.join(dir, "hostile.jsonl");
    await writeFile(file, [lines[0], line(), lines[2]].join("\n") + "\n");
    const { code, stdout, stderr } = await runCli("audit", "verify", file);
    expect([code, stderr]).toEqual([1, ""]);
    expect(stdout.startsWith(`${file}:2  `)).toBe(true);
    expect(stdout).toContain(message);
  });

  // The bundled CLI runs with node's default stack, where deep records overflowed before.
  it.runIf(existsSync("bin/agentspec.cjs") && existsSync("dist/cli/agentspec.cjs")).each(hostile)(
    "the bundled CLI reports a record holding %s and exits 1",
    async (_name, line, message) => {
      const file = path.join(dir, "hostile-bundled.jsonl");
      await writeFile(file, [lines[0], line(), lines[2]].join("\n") + "\n");
      const outcome = await promisify(execFile)(process.execPath, ["bin/agentspec.cjs", "audit", "verify", file]).then(
        ({ stdout }) => ({ code: 0, stdout, stderr: "" }),
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
      expect([outcome.code, outcome.stderr]).toEqual([1, ""]);
      expect(outcome.stdout.startsWith(`${file}:2  `)).toBe(true);
      expect(outcome.stdout).toContain(message);
      expect(outcome.stdout).not.toContain("internal error");
    },
  );
});
