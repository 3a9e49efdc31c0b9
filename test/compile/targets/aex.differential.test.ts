/**
 * The aex and aex-json exports against aex's real engines (../shared/peers/aex.mjs): its MCP
 * proxy (AEXProxy.handleToolsCall), `aex gate` (evaluateGate) and `aex run` (runTask, with the
 * JSON policy and with the .aex policy as the CLI loads each). None may allow a call decide()
 * denies or gates; every export passes `aex check` and aex's JSON policy checks.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AEX_PROXY_META_TOOLS, CLAUDE_CODE_TOOL_MAP } from "../../../src/compile/aex/authority.js";
import { aexJson } from "../../../src/compile/targets/aex-json.js";
import { aex as aexTarget } from "../../../src/compile/targets/aex.js";
import type { Spec } from "../../../src/model/index.js";
import { decide } from "../../../src/policy/index.js";
import { aexPermissions, gateEngine, proxyEngine, runTaskEngine, scratchDir } from "../../helpers/aex-engines.js";
import { hasCorpus } from "../../helpers/corpus.js";
import { NOT_ASKED, formatAgreementTable, malformedShape, runDifferential, type PeerAsk } from "../../helpers/differential.js";
import { emit, emitWithReports } from "../../helpers/emit.js";
import { hasPeers, loadAex, PEERS_MISSING, type AexPeer } from "../../helpers/peers.js";
import { corpusSpecs, edgeCaseSpecs, exampleSpecs, generatedSpecs, specOf, type NamedSpec } from "../../helpers/spec-sets.js";

const aexText = (spec: Spec): string => emit(aexTarget, spec)[0]!.contents;
const aexJsonText = (spec: Spec): string => emit(aexJson, spec)[0]!.contents;

describe("the aex target's reports", () => {
  const spec = specOf(
    "demo.agentspec.yaml",
    `agentspec: "1.0"
agent: { id: demo, version: 2.1.0 }
tools:
  crm.lookup: { effect: read }
  "crm.*": { effect: read }
  billing.refund: { effect: irreversible, limits: { amount: { max: 600 } } }
  email.draft: { effect: draft, approval: { when: { arg: to, ne: example.com } } }
  file.read: { effect: read }
  "notes,append": { effect: write }
  search: { effect: read }
deny: [email.send]
limits: { max_tool_calls: 20 }
`,
  );

  it("allows exact names only, leaves out limited tools, confirms gated ones and what the gate reads as them", () => {
    expect(aexText(spec)).toBe(`policy demo v2

goal "The authority of demo, compiled by agentspec."

allow crm.lookup, email.draft, file.read, search
deny email.send

budget calls=20

confirm before email.draft
confirm before file.read
`);
    expect(JSON.parse(aexJsonText(spec))).toEqual({
      allow: ["crm.lookup", "email.draft", "file.read", "search"],
      deny: ["email.send"],
      require_confirmation: ["email.draft", "file.read"],
      budget: { calls: 20 },
    });
  });

  it("reports each part it leaves out or makes stricter at the tool", () => {
    const { reports } = emitWithReports(aexTarget, spec);
    expect(reports.map((r) => r.pointer)).toEqual([
      "/tools/crm.*",
      "/tools/billing.refund",
      "/tools/email.draft",
      "/tools/file.read",
      "/tools/notes,append",
      "/tools/search",
    ]);
    expect(reports.map((r) => r.message)).toEqual([
      "crm.* is left out: aex reads crm.* as crm and every name under it, and cannot refuse the names agentspec denies among those it would allow (other spellings, malformed names); list the tools by their exact names",
      "billing.refund is left out: aex has no argument limits, so it would allow billing.refund whatever its arguments",
      "email.draft needs confirmation on every call: aex has no conditional approval",
      "file.read needs confirmation: aex gate reads Read, Glob, Grep, LS, NotebookRead as file.read, and the spec does not allow them as freely",
      "notes,append is left out: aex's lists would split the name at its comma",
      "aex gate judges the undotted search as unknown.search, not as itself",
    ]);
  });

  it("denies everything when it can allow nothing, since aex run reads an empty allow list as no restriction", () => {
    const empty = specOf(
      "e.agentspec.yaml",
      `agentspec: "1.0"\nagent: { id: e, version: 1.0.0, goal: Nothing. }\ntools:\n  "crm.*": { effect: read }\n`,
    );
    expect(aexText(empty)).toBe(`policy e v1\n\ngoal "Nothing."\n\ndeny *\n`);
    expect(JSON.parse(aexJsonText(empty))).toEqual({ allow: [], deny: ["*"], require_confirmation: [] });
  });
});

describe.skipIf(!hasPeers)("aex's engines reading the exports", () => {
  let aex: AexPeer;
  let specs: NamedSpec[];
  let scratch: ReturnType<typeof scratchDir>;
  beforeAll(async () => {
    aex = await loadAex();
    specs = [...exampleSpecs(), ...edgeCaseSpecs(), ...(hasCorpus ? corpusSpecs() : []), ...generatedSpecs(24)];
    scratch = scratchDir();
  });
  afterAll(() => scratch?.remove());

  it("every .aex export passes `aex check` (validateText) with no errors", () => {
    const failures = specs.flatMap(({ name, spec }) =>
      aex
        .validateText(aexText(spec))
        .issues.filter((i) => i.severity === "error")
        .map((i) => `${name}: ${i.code} ${i.message}`),
    );
    expect(failures).toEqual([]);
    expect(specs.length).toBeGreaterThan(30);
  });

  it("every aex-json export passes aex's own policy check and its policy schema", () => {
    const schema = new Ajv2020({ strict: false }).compile(aex.AEX_POLICY_SCHEMA);
    for (const { name, spec } of specs) {
      const policy = JSON.parse(aexJsonText(spec));
      expect({ name, issues: aex.validatePolicyData(policy), schema: schema(policy) ? [] : schema.errors }).toEqual({
        name,
        issues: [],
        schema: [],
      });
    }
  });

  it("the target's copy of Claude Code's tool names is aex gate's own", () => {
    expect(CLAUDE_CODE_TOOL_MAP).toEqual(aex.CLAUDE_CODE_TOOL_MAP);
  });

  it("aex's proxy answers exactly its four meta-tools itself, whatever the policy (the target reports it)", () => {
    const proxy = new aex.AEXProxy({ permissions: { allow: [], deny: ["*"], confirm: [] }, logger: () => {} });
    const answered = [...AEX_PROXY_META_TOOLS, "aex.other", "crm.lookup"].filter(
      (name) => proxy.handleToolsCall({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: {} } }).action === "meta",
    );
    expect(answered).toEqual(AEX_PROXY_META_TOOLS);
  });

  it("its proxy, gate and runTask never allow a call decide() denies or gates", async () => {
    const meta = new Set(AEX_PROXY_META_TOOLS);
    // Counted apart, per engine: the calls aex lets through that no export can refuse, because
    // aex never reads what decides them (its proxy's meta-tools; arguments and context).
    const apart = new Map<string, { meta: number; shape: number }>();
    const outside = (engine: string, ask: PeerAsk): PeerAsk => {
      const counts = apart.get(engine) ?? { meta: 0, shape: 0 };
      apart.set(engine, counts);
      return async (call, policy) => {
        const answer = await ask(call, policy);
        if (answer === NOT_ASKED || answer.verdict !== "allow" || decide(policy, call).decision === "allow") return answer;
        if (meta.has(call.tool) && answer.detail?.includes("meta-tool")) return (counts.meta++, NOT_ASKED);
        if (malformedShape(call, policy)) return (counts.shape++, NOT_ASKED); // aex reads no arguments
        return answer;
      };
    };
    const engines: Record<string, (spec: Spec) => Promise<PeerAsk>> = {
      "aex proxy (AEXProxy.handleToolsCall)": async (spec) => proxyEngine(aex, aexPermissions(aex, aexText(spec))),
      "aex gate (evaluateGate)": async (spec) => gateEngine(aex, aexPermissions(aex, aexText(spec)), scratch.dir),
      "aex run --policy x.aex.json (runTask)": async (spec) =>
        runTaskEngine(aex, await aex.resolvePolicy(JSON.parse(aexJsonText(spec))), scratch.dir),
      "aex run --policy x.aex (runTask)": async (spec) => {
        const file = path.join(scratch.dir, `${spec.agent.id}.aex`);
        writeFileSync(file, aexText(spec));
        return runTaskEngine(aex, await aex.resolvePolicy(await aex.loadAEXPolicy(file)), scratch.dir);
      },
    };
    const tallies = await runDifferential(
      specs,
      Object.fromEntries(
        Object.entries(engines).map(([engine, prepare]) => [engine, async (spec: Spec) => outside(engine, await prepare(spec))]),
      ),
    );
    for (const tally of tallies) {
      const { meta: m, shape } = apart.get(tally.engine)!;
      const names = tally.notAsked - m - shape;
      tally.notAskedWhy = [
        m > 0 ? `${m} to the four meta-tools, which aex's proxy answers itself whatever the policy says` : "",
        shape > 0
          ? `${shape} that aex lets through to an allowed tool although decide() refuses their arguments or context as malformed (not an object, a __proto__ key): aex never reads them`
          : "",
        names > 0 ? `${names} to names no aex task can call (outside [A-Za-z0-9._*])` : "",
      ]
        .filter(Boolean)
        .join("; ");
    }
    console.log(formatAgreementTable(tallies, `aex: ${specs.length} specs`));
    for (const tally of tallies) expect(tally.looser, `${tally.engine} is looser than decide():\n${tally.describeLooser()}`).toEqual([]);
    for (const tally of tallies) expect(tally.count("equal")).toBeGreaterThan(tally.rows.length / 2);
  }, 600_000);
});

if (!hasPeers) it.skip(`aex's engines: skipped: ${PEERS_MISSING}`, () => {});
