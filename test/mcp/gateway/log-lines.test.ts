// The gateway's log line per decision shows what a name holds: a character that looks like a
// space, or like nothing, is escaped, so one tool cannot pass for another in the log.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createMcpGateway } from "../../../src/index.js";
import { parseSource } from "../../../src/load/index.js";
import { checkSource } from "../../../src/model/index.js";
import { compilePolicy } from "../../../src/policy/compile-policy.js";
import { rawLibraryClient } from "./helpers.js";

const RECORDER = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/recording-server.mjs");
const dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-log-lines-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SPEC = `agentspec: "1.0"
agent: { id: log-lines, version: 1.0.0 }
tools:
  safe_read: { effect: read }
`;

describe("a decision's log line", { timeout: 30_000 }, () => {
  it("escapes spaces other than the space (no-break, ideographic), the braille blank, invisible characters and combining marks in a name", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const lines: string[] = [];
    const gateway = createMcpGateway({
      policy: compilePolicy(checkSource(parseSource("log-lines.agentspec.yaml", SPEC)).spec!),
      upstream: { command: process.execPath, args: [RECORDER, path.join(dir, "received.log")], stderr: "ignore" },
      downstream: { input, output },
      log: (line) => lines.push(line),
    });
    const { send, answer } = await rawLibraryClient(gateway, input, output);
    const names = [
      "safe\u00a0read",
      "safe\u3000read",
      "safe\u2800read",
      "safe\u200bread",
      "safe read",
      "safe_read\u0338",
      "safe\u{1d167}read",
    ];
    names.forEach((name, i) => send({ jsonrpc: "2.0", id: `c${i}`, method: "tools/call", params: { name, arguments: {} } }));
    for (let i = 0; i < names.length; i++) await answer(`c${i}`);
    input.end();
    await gateway.closed;
    const decisions = lines.filter((l) => l.startsWith("deny   tools/call"));
    expect(decisions.map((l) => l.slice(0, l.indexOf(" (")))).toEqual([
      'deny   tools/call "safe\\u00a0read"',
      'deny   tools/call "safe\\u3000read"',
      'deny   tools/call "safe\\u2800read"',
      'deny   tools/call "safe\\u200bread"',
      'deny   tools/call "safe read"',
      'deny   tools/call "safe_read\\u0338"',
      'deny   tools/call "safe\\u{1d167}read"',
    ]);
    // No line holds a character that shows as a space, or as nothing, other than the space itself.
    for (const line of lines) expect(line).not.toMatch(/[\u00a0\u3000\u2800\u200b]/);
    // Nor a combining mark, which would draw over the name's letters.
    for (const line of lines) expect(line).not.toMatch(/\p{M}/u);
  });
});
