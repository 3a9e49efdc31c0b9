// Pinning's own listing (G3): a call of a name the policy could allow but the server does not list
// makes the gateway read the server's tools/list itself. A whole listing settles every name for its
// generation, so N such calls cost one listing, not N; a list_changed costs one more; a listing that
// fails or runs past its one overall deadline is not remembered. The SDK client, the gateway (the
// built CLI, or createMcpGateway) and a real SDK server that counts the pages it is asked for.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMcpGateway } from "../../../src/index.js";
import { parseSource } from "../../../src/load/index.js";
import { checkSource } from "../../../src/model/index.js";
import { compilePolicy } from "../../../src/policy/compile-policy.js";
import { cli, rawLibraryClient, resultText, startGateway, waitFor } from "./helpers.js";

const PAGED_SERVER = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/paged-server.mjs");
const PAGES = 20;
const PER_PAGE = 10;

function specText(serverArgs: string[]): string {
  return `agentspec: "1.0"
agent: { id: paged, version: 1.0.0, owner: test, last_reviewed: 2026-11-01 }
tools:
  "t.*": { effect: read }
  bump: { effect: read }
mcp:
  servers:
    paged:
      command: ${JSON.stringify(process.execPath)}
      args: [${serverArgs.map((a) => JSON.stringify(a)).join(", ")}]
`;
}

function decisionOf(result: unknown): { rule: string; reason: string } {
  return (result as { _meta: Record<string, { rule: string; reason: string }> })._meta["agentspec/decision"]!;
}

/** The tools/list requests the server received, one line each (its cursor, "-" for the first page). */
function listings(log: string): string[] {
  return existsSync(log) ? readFileSync(log, "utf8").split("\n").filter(Boolean) : [];
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-gateway-pin-list-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A spec in front of the paged server, locked by `agentspec mcp lock` (which lists every page itself). */
function lockedSpec(sub: string, pages: number, perPage: number): string {
  const lockLog = path.join(sub, "lock-listing.log");
  const spec = path.join(sub, "paged.agentspec.yaml");
  writeFileSync(spec, specText([PAGED_SERVER, String(pages), String(perPage), lockLog]));
  const locked = cli(["mcp", "lock", spec], sub);
  expect(locked.stderr + locked.stdout).toMatch(new RegExp(`paged\\.mcp-lock\\.json: ${pages * perPage + 1} tools`));
  return spec;
}

describe("unlisted names against a server of many pages", { timeout: 60_000 }, () => {
  it("N calls of unlisted names cost one listing; after list_changed, one more", async () => {
    const sub = mkdtempSync(path.join(dir, "cli-"));
    const spec = lockedSpec(sub, PAGES, PER_PAGE);
    const log = path.join(sub, "listing.log");
    const gw = await startGateway([spec], [process.execPath, PAGED_SERVER, String(PAGES), String(PER_PAGE), log]);
    try {
      for (let i = 0; i < 8; i++) {
        const result = await gw.client.callTool({ name: `t.missing${i}`, arguments: {} });
        expect(result.isError).toBe(true);
        expect(decisionOf(result).rule).toBe("definition-changed");
        expect(decisionOf(result).reason).toBe(
          `the server does not list "t.missing${i}" now, so its definition cannot be compared with the MCP lock`,
        );
      }
      // One whole listing: every page once, in order.
      expect(listings(log)).toEqual(["-", ...Array.from({ length: PAGES - 1 }, (_, i) => `p${i + 1}`)]);
      // A tool on the last page was settled by the same listing: forwarded, no listing more.
      expect(resultText(await gw.client.callTool({ name: `t.${PAGES * PER_PAGE - 1}`, arguments: {} }))).toBe(
        `called t.${PAGES * PER_PAGE - 1}`,
      );
      expect(listings(log)).toHaveLength(PAGES);
      // bump makes the server say its list changed (before it answers): the next unlisted call lists once more.
      expect(resultText(await gw.client.callTool({ name: "bump", arguments: {} }))).toBe("called bump");
      await waitFor(() => gw.stderr().includes("the server's tool list changed"), "the list_changed line");
      for (let i = 0; i < 8; i++) {
        const result = await gw.client.callTool({ name: `t.gone${i}`, arguments: {} });
        expect(decisionOf(result).rule).toBe("definition-changed");
      }
      expect(listings(log)).toHaveLength(2 * PAGES);
      expect(resultText(await gw.client.callTool({ name: "t.5", arguments: {} }))).toBe("called t.5");
      expect(listings(log)).toHaveLength(2 * PAGES);
    } finally {
      await gw.close();
    }
  });

  it("the client's own whole listing (one page, no cursor) settles the names too: no listing of the gateway's own", async () => {
    const sub = mkdtempSync(path.join(dir, "one-page-"));
    const spec = lockedSpec(sub, 1, 5);
    const log = path.join(sub, "listing.log");
    const gw = await startGateway([spec], [process.execPath, PAGED_SERVER, "1", "5", log]);
    try {
      const { tools } = await gw.client.listTools();
      expect(tools.map((t) => t.name)).toEqual(["bump", "t.0", "t.1", "t.2", "t.3", "t.4"]);
      expect(listings(log)).toEqual(["-"]);
      for (let i = 0; i < 5; i++) {
        const result = await gw.client.callTool({ name: `t.${10 + i}`, arguments: {} });
        expect(decisionOf(result).rule).toBe("definition-changed");
      }
      expect(resultText(await gw.client.callTool({ name: "t.3", arguments: {} }))).toBe("called t.3");
      expect(listings(log)).toEqual(["-"]);
    } finally {
      await gw.close();
    }
  });
});

describe("one deadline for the whole listing", { timeout: 60_000 }, () => {
  it("pages each answered in time but not all within the deadline: refused, and not remembered", async () => {
    const sub = mkdtempSync(path.join(dir, "deadline-"));
    const spec = lockedSpec(sub, 10, 2);
    const log = path.join(sub, "listing.log");
    const policy = compilePolicy(checkSource(parseSource(spec, readFileSync(spec, "utf8"))).spec!);
    const input = new PassThrough();
    const output = new PassThrough();
    const gateway = createMcpGateway({
      policy,
      // Each page answers after 100 ms, far inside any per-page timeout; ten of them take a second.
      upstream: { command: process.execPath, args: [PAGED_SERVER, "10", "2", log, "--delay", "100"], stderr: "ignore" },
      downstream: { input, output },
      lock: { file: path.join(sub, "paged.mcp-lock.json") },
      pinListDeadlineMs: 450,
      log: null,
    });
    const { send, answer } = await rawLibraryClient(gateway, input, output);
    send({ jsonrpc: "2.0", id: "c1", method: "tools/call", params: { name: "t.1", arguments: {} } });
    const first = decisionOf((await answer("c1")).result);
    expect(first.rule).toBe("definition-changed");
    expect(first.reason).toMatch(
      /^the gateway could not list the server's tools to compare "t\.1" with the MCP lock \(the server's tools\/list was not read whole within 0\.45 s \(page \d+\)\)$/,
    );
    const afterFirst = listings(log).length;
    expect(afterFirst).toBeLessThan(10);
    // Not remembered as the whole list: the next call lists again (and is refused again for the same reason).
    send({ jsonrpc: "2.0", id: "c2", method: "tools/call", params: { name: "t.1", arguments: {} } });
    expect(decisionOf((await answer("c2")).result).reason).toContain("was not read whole within 0.45 s");
    expect(listings(log).length).toBeGreaterThan(afterFirst);
    expect(listings(log).filter((l) => l === "-")).toHaveLength(2);
    input.end();
    await gateway.closed;
  });
});
