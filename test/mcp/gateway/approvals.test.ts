// The approvers against real counterparts: a pseudo-terminal for tty, the SDK client's elicitation
// for elicit, a local HTTP server for the webhook's failure cases.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signBody, SIGNATURE_HEADER, ttyApprover, webhookApprover, type ApprovalAsk } from "../../../src/mcp/gateway/index.js";
import { BIN, FILESYSTEM_SERVER, resultText, startGateway, waitFor } from "./helpers.js";

const KEY = "a-shared-approval-key-of-more-than-32-bytes";
const SPEC = `agentspec: "1.0"
agent: { id: fs-approvals, version: 1.0.0, owner: test, last_reviewed: 2026-11-01 }
tools:
  move_file: { effect: irreversible, approval: { channel: "ops" } }
handoff: { triggers: [approval_needed], destination: ops }
`;

let dir: string;
let files: string;
let spec: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-gateway-approvals-"));
  files = path.join(dir, "files");
  mkdirSync(files);
  spec = path.join(dir, "approvals.agentspec.yaml");
  writeFileSync(spec, SPEC);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ask(overrides: Partial<ApprovalAsk> = {}): ApprovalAsk {
  return {
    tool: "move_file",
    args: { source: "/a", destination: "/b" },
    argsDigest: "sha256:" + "1".repeat(64),
    reason: '"move_file" always requires approval',
    channel: "ops",
    policyHash: "sha256:" + "2".repeat(64),
    agent: "fs-approvals",
    signal: new AbortController().signal,
    timeoutMs: 5000,
    ...overrides,
  };
}

const hasPython = spawnSync("python3", ["-c", "import pty"]).status === 0;

describe.skipIf(!hasPython)("tty: a question on a real terminal", { timeout: 30_000 }, () => {
  it("approves only on y, shows the call with control characters escaped, and denies on timeout", async () => {
    const relay = spawn("python3", [path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/pty-relay.py")], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    let screen = "";
    relay.stdout!.on("data", (chunk: Buffer) => (screen += chunk.toString("utf8")));
    try {
      const ttyPath = await waitFor(() => /^(\/dev\/\S+)\n/.exec(screen)?.[1], "the terminal's path");
      const approver = ttyApprover({ path: ttyPath });
      try {
        const first = approver.approve(ask({ args: { source: "/a\u001b[2J", destination: "/b" } }));
        await waitFor(() => screen.includes("Approve? [y/N]"), "the question");
        expect(screen).toContain("tool       move_file");
        expect(screen).toContain("\\u001b[2J");
        expect(screen).not.toContain("\u001b[2J");
        relay.stdin!.write("y\n");
        expect(await first).toMatchObject({ approved: true });
        screen = "";
        const second = approver.approve(ask());
        await waitFor(() => screen.includes("Approve? [y/N]"), "the second question");
        relay.stdin!.write("yes please\n");
        expect(await second).toEqual({ approved: false, reviewer: expect.stringMatching(/^tty/), reason: "answered no on the terminal" });
        const abort = new AbortController();
        const third = approver.approve(ask({ signal: abort.signal }));
        await waitFor(() => screen.split("Approve?").length === 3, "the third question");
        abort.abort();
        expect(await third).toEqual({ approved: false, reason: "no answer in time" });
      } finally {
        approver.close?.();
      }
    } finally {
      relay.kill();
    }
  });
});

describe("tty: no terminal", { timeout: 30_000 }, () => {
  const hasSetsid = spawnSync("setsid", ["--version"]).status === 0;
  it.skipIf(!hasSetsid)("refuses to start, naming the fix, when the client started it without a terminal", () => {
    // setsid: a new session, so no controlling terminal, as a desktop client starts servers.
    const run = spawnSync(
      "setsid",
      ["-w", process.execPath, BIN, "mcp", "proxy", spec, "--approve", "tty", "--", process.execPath, FILESYSTEM_SERVER, files],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      /--approve tty needs a terminal, and \/dev\/tty cannot be opened \(ENXIO\).*use --approve webhook:<url> or --approve elicit/,
    );
  });
});

describe("elicit: the client asked through elicitation", { timeout: 60_000 }, () => {
  it("runs the call when the client's user approves, and denies it otherwise", async () => {
    for (const [answer, moved] of [
      [{ action: "accept", content: { approve: true } }, true],
      [{ action: "accept", content: { approve: false } }, false],
      [{ action: "decline" }, false],
    ] as const) {
      const gw = await startGateway([spec, "--approve", "elicit"], [process.execPath, FILESYSTEM_SERVER, files], {
        capabilities: { capabilities: { elicitation: {} } },
      });
      const asked: string[] = [];
      gw.client.setRequestHandler(ElicitRequestSchema, async (request) => {
        asked.push(request.params.message);
        return answer;
      });
      try {
        const source = path.join(files, `s-${asked.length}-${String(moved)}-${Math.random()}.txt`);
        writeFileSync(source, "s");
        const destination = `${source}.moved`;
        const result = await gw.client.callTool({ name: "move_file", arguments: { source, destination } });
        expect(asked).toHaveLength(1);
        expect(asked[0]).toMatch(/^Approve the call to "move_file"\? .* asked through the same client that made the call\.$/);
        expect(existsSync(destination)).toBe(moved);
        expect(Boolean(result.isError)).toBe(!moved);
      } finally {
        await gw.close();
      }
    }
  });

  it("denies when the client cannot elicit", async () => {
    const gw = await startGateway([spec, "--approve", "elicit"], [process.execPath, FILESYSTEM_SERVER, files]);
    try {
      const result = await gw.client.callTool({
        name: "move_file",
        arguments: { source: path.join(files, "none"), destination: path.join(files, "none2") },
      });
      expect(resultText(result)).toContain("the MCP client does not support elicitation, so it cannot be asked");
    } finally {
      await gw.close();
    }
  });
});

describe("webhook: answers that do not count", () => {
  let server: Server;
  let url: string;
  let reply: (body: Record<string, unknown>, res: import("node:http").ServerResponse) => void;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => reply(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>, res));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/approve`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const answer = (request: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      type: "agentspec.approval.answer",
      nonce: request.nonce,
      tool: request.tool,
      argsDigest: request.argsDigest,
      policyHash: request.policyHash,
      approved: true,
      ...extra,
    });
  const cases: [string, (body: Record<string, unknown>, res: import("node:http").ServerResponse) => void, RegExp][] = [
    [
      "signed with another key",
      (b, res) => res.writeHead(200, { [SIGNATURE_HEADER]: signBody("x".repeat(40), answer(b)) }).end(answer(b)),
      /signature does not check/,
    ],
    ["unsigned", (b, res) => res.writeHead(200).end(answer(b)), /has no x-agentspec-signature header/],
    [
      "for another nonce",
      (b, res) => {
        const out = answer(b, { nonce: "other" });
        res.writeHead(200, { [SIGNATURE_HEADER]: signBody(KEY, out) }).end(out);
      },
      /its nonce differs/,
    ],
    [
      "the request sent back",
      (b, res) => {
        const out = JSON.stringify(b);
        res.writeHead(200, { [SIGNATURE_HEADER]: signBody(KEY, out) }).end(out);
      },
      /type is not "agentspec.approval.answer"/,
    ],
    ["an error status", (_b, res) => res.writeHead(500).end("no"), /answered HTTP 500/],
    ["a redirect", (_b, res) => res.writeHead(302, { location: "http://127.0.0.1:1/" }).end(), /could not be reached/],
    [
      "too large",
      (b, res) => {
        const out = answer(b, { reviewer: "r".repeat(70_000) });
        res.writeHead(200, { [SIGNATURE_HEADER]: signBody(KEY, out) }).end(out);
      },
      /over 65536 bytes/,
    ],
  ];
  for (const [name, handler, expected] of cases) {
    it(`denies an answer ${name}`, async () => {
      reply = handler;
      const result = await webhookApprover({ url, key: KEY }).approve(ask());
      expect(result.approved).toBe(false);
      expect(result.reason).toMatch(expected);
    });
  }

  it("approves a valid answer, with its reviewer", async () => {
    reply = (b, res) => {
      const out = answer(b, { reviewer: "dana" });
      res.writeHead(200, { [SIGNATURE_HEADER]: signBody(KEY, out) }).end(out);
    };
    expect(await webhookApprover({ url, key: KEY }).approve(ask())).toEqual({ approved: true, reviewer: "dana" });
  });

  it("refuses a short key, a plain-http remote URL and credentials in the URL", () => {
    expect(() => webhookApprover({ url, key: "short" })).toThrow(/at least 32/);
    expect(() => webhookApprover({ url: "http://approvals.example/x", key: KEY })).toThrow(/must use https/);
    expect(() => webhookApprover({ url: "https://u:p@approvals.example/x", key: KEY })).toThrow(/must not hold credentials/);
  });

  it("exits 2 when the key's environment variable is not set", () => {
    const env = { ...process.env };
    delete env.AGENTSPEC_APPROVAL_KEY;
    const run = spawnSync(
      process.execPath,
      [BIN, "mcp", "proxy", spec, "--approve", `webhook:${url}`, "--", process.execPath, FILESYSTEM_SERVER, files],
      {
        encoding: "utf8",
        env,
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/AGENTSPEC_APPROVAL_KEY, which is not set: export AGENTSPEC_APPROVAL_KEY=\$\(openssl rand -hex 32\)/);
  });
});
