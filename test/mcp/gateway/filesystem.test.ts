// The SDK client, the gateway (the built CLI) and the real server-filesystem, each its own process.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditLog } from "../../../src/runtime/audit-verify.js";
import { BIN, FILESYSTEM_SERVER, resultText, startGateway, startWebhook, waitFor, type RunningGateway } from "./helpers.js";

const SPEC = `agentspec: "1.0"
agent: { id: fs-agent, version: 1.0.0, owner: test, last_reviewed: 2026-11-01 }
trust_level: A3
tools:
  read_text_file: { effect: read }
  list_directory: { effect: read }
  list_allowed_directories: { effect: read }
  move_file: { effect: irreversible, approval: { channel: "webhook:ops" } }
deny: [write_file]
handoff: { triggers: [approval_needed], destination: ops }
audit: { append_only: true }
`;

const KEY = "k".repeat(40);
let dir: string;
let files: string;
let spec: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-gateway-fs-"));
  files = path.join(dir, "files");
  spec = path.join(dir, "fs.agentspec.yaml");
  writeFileSync(spec, SPEC);
  mkdirSync(files);
  writeFileSync(path.join(files, "hello.txt"), "hello through the gateway\n");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const server = () => [process.execPath, FILESYSTEM_SERVER, files];

describe("the gateway in front of server-filesystem, no approver", { timeout: 30_000 }, () => {
  let gw: RunningGateway;
  let record: string;
  beforeAll(async () => {
    record = path.join(dir, "decisions.jsonl");
    gw = await startGateway([spec, "--record", record], server());
  });
  afterAll(() => gw.close());

  it("lists only the tools the policy could allow", async () => {
    const { tools } = await gw.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(["list_allowed_directories", "list_directory", "move_file", "read_text_file"]);
    await waitFor(() => /tools\/list: 4 of 14 tools shown: hid .*"write_file" \(deny-pattern\)/.test(gw.stderr()), "the tools/list line");
  });

  it("returns read_text_file's content from the server", async () => {
    const result = await gw.client.callTool({ name: "read_text_file", arguments: { path: path.join(files, "hello.txt") } });
    expect(result.isError).toBeFalsy();
    expect(resultText(result)).toBe("hello through the gateway\n");
  });

  it("denies write_file before the server sees it: no file is created", async () => {
    const target = path.join(files, "written.txt");
    const result = await gw.client.callTool({ name: "write_file", arguments: { path: target, content: "x" } });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toMatch(
      /^agentspec denied this call \(deny-pattern\): "write_file" is denied by the policy\. Policy sha256:[0-9a-f]{64}\.$/,
    );
    expect((result._meta as Record<string, { rule: string }>)["agentspec/decision"]).toMatchObject({
      decision: "deny",
      rule: "deny-pattern",
    });
    expect(existsSync(target)).toBe(false);
  });

  it("denies a tool outside the allowlist, listed or not", async () => {
    const result = await gw.client.callTool({ name: "create_directory", arguments: { path: path.join(files, "sub") } });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toContain('(not-allowed): "create_directory" is not in the allowlist');
    expect(existsSync(path.join(files, "sub"))).toBe(false);
  });

  it("denies an approval-gated move_file when no approver is configured", async () => {
    const source = path.join(files, "hello.txt");
    const result = await gw.client.callTool({ name: "move_file", arguments: { source, destination: path.join(files, "moved.txt") } });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toContain("no approver is configured, so it is denied");
    expect(existsSync(source)).toBe(true);
    expect(existsSync(path.join(files, "moved.txt"))).toBe(false);
  });

  it("refuses to start a second gateway on the same decision log (exit 2), which would fork its chain", () => {
    const second = spawnSync(process.execPath, [BIN, "mcp", "proxy", spec, "--record", record, "--", ...server()], {
      encoding: "utf8",
      input: "",
    });
    expect(second.status).toBe(2);
    expect(second.stdout).toBe("");
    expect(second.stderr).toMatch(/^agentspec: .*decisions\.jsonl.*lock/m);
  });

  it("logs one stderr line per decision and writes a hash chain agentspec audit verify accepts", async () => {
    await waitFor(() => gw.stderr().includes('tools/call "move_file"'), "the last decision line");
    const decisions = [...gw.stderr().matchAll(/^agentspec mcp proxy: (allow|deny) +tools\/call "([^"]+)" \(([a-z-]+)/gm)];
    expect(decisions.map((m) => `${m[1]} ${m[2]} ${m[3]}`)).toEqual([
      "allow read_text_file allowed",
      "deny write_file deny-pattern",
      "deny create_directory not-allowed",
      "deny move_file approval",
    ]);
    const log = readFileSync(record, "utf8");
    const verified = verifyAuditLog(log);
    expect(verified).toMatchObject({ ok: true, records: 4 });
    expect(
      log
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).rule),
    ).toEqual(["allowed", "deny-pattern", "not-allowed", "approval"]);
  });
});

describe("the gateway in front of server-filesystem, approvals by webhook", { timeout: 60_000 }, () => {
  it("runs move_file when the webhook approves it, signed and bound to its arguments", async () => {
    const webhook = await startWebhook(KEY, () => ({ approved: true, reviewer: "dana" }));
    const gw = await startGateway([spec, "--approve", `webhook:${webhook.url}`], server(), { env: { AGENTSPEC_APPROVAL_KEY: KEY } });
    try {
      writeFileSync(path.join(files, "a.txt"), "a");
      const args = { source: path.join(files, "a.txt"), destination: path.join(files, "b.txt") };
      const result = await gw.client.callTool({ name: "move_file", arguments: args });
      expect(result.isError).toBeFalsy();
      expect(existsSync(path.join(files, "b.txt"))).toBe(true);
      expect(webhook.requests).toHaveLength(1);
      const { body, signed } = webhook.requests[0]!;
      expect(signed).toBe(true);
      expect(body).toMatchObject({ type: "agentspec.approval.request", tool: "move_file", channel: "webhook:ops" });
      expect(body.argsDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(body.nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
      await waitFor(() => /allow  tools\/call "move_file" \(approval by dana:/.test(gw.stderr()), "the approval line");
    } finally {
      await gw.close();
      await webhook.close();
    }
  });

  it("denies when the webhook rejects, and when its answer is for other arguments", async () => {
    const rejecting = await startWebhook(KEY, () => ({ approved: false, reviewer: "erin" }));
    const tampering = await startWebhook(KEY, () => ({
      approved: true,
      tamper: (reply) => (reply.argsDigest = "sha256:" + "0".repeat(64)),
    }));
    writeFileSync(path.join(files, "c.txt"), "c");
    const args = { source: path.join(files, "c.txt"), destination: path.join(files, "d.txt") };
    for (const [hook, expected] of [
      [rejecting, /"move_file" was rejected by erin/],
      [tampering, /the answer is about another tool, other arguments or another policy/],
    ] as const) {
      const gw = await startGateway([spec, "--approve", `webhook:${hook.url}`], server(), { env: { AGENTSPEC_APPROVAL_KEY: KEY } });
      try {
        const result = await gw.client.callTool({ name: "move_file", arguments: args });
        expect(result.isError).toBe(true);
        expect(resultText(result)).toMatch(expected);
        expect(existsSync(path.join(files, "d.txt"))).toBe(false);
      } finally {
        await gw.close();
        await hook.close();
      }
    }
  });

  it("denies when the webhook does not answer in time", async () => {
    const { createServer } = await import("node:http");
    const silent = createServer(() => {}); // never answers
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as { port: number }).port;
    const gw = await startGateway([spec, "--approve", `webhook:http://127.0.0.1:${port}/`, "--approval-timeout", "0.5"], server(), {
      env: { AGENTSPEC_APPROVAL_KEY: KEY },
    });
    try {
      writeFileSync(path.join(files, "e.txt"), "e");
      const result = await gw.client.callTool({
        name: "move_file",
        arguments: { source: path.join(files, "e.txt"), destination: path.join(files, "f.txt") },
      });
      expect(result.isError).toBe(true);
      expect(resultText(result)).toContain(
        '(approval-timeout): "move_file" always requires approval; the approver did not answer within 500 ms',
      );
      expect(existsSync(path.join(files, "f.txt"))).toBe(false);
    } finally {
      await gw.close();
      silent.closeAllConnections();
      silent.close();
    }
  });
});
