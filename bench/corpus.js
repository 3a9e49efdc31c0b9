// The benchmark corpus: realistic agentspec files made deterministically from a seed, a mix of
// YAML and JSON, one in ten with a known finding. The same seed and count give the same bytes.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";

/** Bump when the generator's output changes, so a cached corpus on disk is rebuilt. */
const GENERATOR_VERSION = 1;

/** mulberry32: a tiny seeded PRNG; Math.random cannot be seeded. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Tool namespaces never overlap the deny namespaces, so a clean spec has no deny/allow overlap.
const NAMESPACES = [
  "crm",
  "tickets",
  "orders",
  "kb",
  "calendar",
  "docs",
  "inventory",
  "shipping",
  "hr",
  "analytics",
  "chat",
  "files",
  "search",
  "billing",
];
const VERBS = {
  read: ["read", "lookup", "search", "list", "get"],
  draft: ["draft", "propose", "suggest"],
  write: ["update", "create", "tag", "assign", "post"],
  irreversible: ["delete", "refund", "close", "purge"],
};
const DENY = ["admin.*", "secrets.*", "payment.*", "email.send", "shell.exec", "db.drop*", "ssh.*", "root.*"];
const TRIGGERS = ["low_confidence", "sensitive_issue", "refund_request", "legal_mention", "account_action_needed", "staff_complaint"];
const WORDS =
  "the agent reads drafts checks records flags routes each ticket order customer reply note with a human review before any change is sent".split(
    " ",
  );

/** The kinds of finding the generator plants, one per tenth of the corpus, in turn. */
export const PLANTED = ["deny-overlaps-allow", "cost-alert-above-ceiling", "schema", "trust-level-mismatch"];

/** Spec number `index` of the corpus for `seed`: { file, text, planted? }. */
export function generateSpec(seed, index) {
  const random = seededRandom(seed * 1_000_003 + index);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const sentence = (words) =>
    Array.from({ length: words }, () => pick(WORDS))
      .join(" ")
      .replace(/^./, (c) => c.toUpperCase()) + ".";
  const id = `agent-${String(index).padStart(5, "0")}`;
  const tools = {};
  const toolCount = 3 + Math.floor(random() * 8);
  const namespaces = shuffle(NAMESPACES, random).slice(0, 4);
  for (let i = 0; Object.keys(tools).length < toolCount && i < 100; i++) {
    const effect = pick(["read", "read", "draft", "write", "irreversible"]);
    const name = `${pick(namespaces)}.${pick(VERBS[effect])}`;
    if (tools[name]) continue;
    const tool = { effect, description: sentence(6) };
    if (random() < 0.5) tool.resources = [`${name.split(".")[0]}/*`];
    if (effect === "irreversible" || (effect === "write" && random() < 0.5)) {
      tool.approval = { channel: `slack:#${name.split(".")[0]}-approvals`, reason: sentence(5) };
    }
    if (effect === "irreversible" && random() < 0.5)
      tool.limits = { amount: { min: 0, max: 1000 + Math.floor(random() * 9000), required: true } };
    if (effect === "write" && random() < 0.3) tool.limits = { body: { max_length: 4000, required: true } };
    tools[name] = tool;
  }
  const deny = shuffle(DENY, random).slice(0, 3 + Math.floor(random() * 4));
  const spec = {
    agentspec: "1.0",
    agent: {
      id,
      name: `Generated agent ${index}`,
      version: "1.0.0",
      goal: sentence(10),
      owner: pick(["support-platform", "ops", "finance-eng"]),
      last_reviewed: "2026-11-02",
    },
    trust_level: trustLevel(tools),
    dna_pattern: "Escalation",
    worst_case_action: sentence(12),
    authority_boundary: sentence(12),
    context_handling: sentence(10),
    memory: { strategy: "task_scoped", description: sentence(8) },
    tools,
    deny,
    outputs: { mode: "direct", redaction: { required: true, rules: [{ type: "pii", pattern: "email" }] } },
    limits: { max_tool_calls: 30, max_turns: 10, max_usd_per_loop: 0.5, alert_usd: 0.35, rate_per_minute: 60 },
    handoff: {
      triggers: [pick(TRIGGERS), pick(TRIGGERS)].filter((t, i, all) => all.indexOf(t) === i),
      destination: "support_agent",
      message: sentence(10),
    },
    audit: { append_only: true, logs: ["tool_calls", "approvals"] },
    failure_modes: Array.from({ length: 2 + Math.floor(random() * 3) }, () => ({
      mode: sentence(10),
      detection: sentence(9),
      mitigation: sentence(9),
      recovery: sentence(8),
    })),
    evaluation: {
      primary: sentence(10),
      metrics: Array.from({ length: 2 + Math.floor(random() * 3) }, (_, i) => ({ name: `Metric ${i + 1}`, description: sentence(9) })),
      approach: sentence(16),
    },
    tests: decisionTests(tools, deny),
  };
  const planted = index % 10 === 9 ? PLANTED[Math.floor(index / 10) % PLANTED.length] : undefined;
  if (planted) plant(spec, planted);
  const json = random() < 0.4;
  const file = `${id}.agentspec.${json ? "json" : "yaml"}`;
  return { file, text: json ? JSON.stringify(spec, null, 2) + "\n" : toYaml(spec), planted };
}

/** A shuffled copy (Fisher-Yates). */
function shuffle(list, random) {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** The level computeTrustLevel gives these tools (the spec always has the A4 bounds). */
function trustLevel(tools) {
  const all = Object.values(tools);
  const acting = all.filter((t) => t.effect === "write" || t.effect === "irreversible");
  if (acting.length === 0) return all.some((t) => t.effect === "draft") ? "A2" : "A1";
  return acting.every((t) => t.approval) ? "A3" : "A4";
}

/** Cases the compiled policy passes: an allow, a deny and, when a tool is gated, an approval. */
function decisionTests(tools, deny) {
  const tests = [];
  const names = Object.keys(tools);
  const open = names.find((n) => !tools[n].approval && !tools[n].limits);
  if (open) tests.push({ call: { tool: open }, expect: "allow" });
  const gated = names.find((n) => tools[n].approval);
  if (gated)
    tests.push({
      call: { tool: gated, args: tools[gated].limits?.amount ? { amount: 10 } : tools[gated].limits?.body ? { body: "ok" } : {} },
      expect: "require_approval",
    });
  const denied = deny[0].replace("*", "anything");
  tests.push({ call: { tool: denied }, expect: "deny" });
  return tests;
}

function plant(spec, kind) {
  const first = Object.keys(spec.tools)[0];
  if (kind === "deny-overlaps-allow") spec.deny.push(first);
  else if (kind === "cost-alert-above-ceiling") spec.limits.alert_usd = 0.9;
  else if (kind === "schema") {
    const tool = spec.tools[first];
    tool.efect = tool.effect;
  } else spec.trust_level = spec.trust_level === "A1" ? "A3" : "A1";
}

/** YAML as people write it, with the date quoted so other YAML readers (ajv-cli's) keep it a string. */
function toYaml(spec) {
  const text = stringify(spec, { lineWidth: 0 }).replace(/last_reviewed: (\d{4}-\d\d-\d\d)/, 'last_reviewed: "$1"');
  return `# yaml-language-server: $schema=../schema/agentspec.schema.json\n${text}`;
}

/**
 * Writes `count` specs for `seed` into `dir` (reused when already there, complete and current).
 * Returns the directory and how many files carry a planted finding.
 */
export async function writeCorpus(dir, { count, seed }) {
  const stamp = `${GENERATOR_VERSION}:${seed}:${count}`;
  const stampFile = path.join(dir, ".corpus");
  const planted = Math.floor(count / 10);
  if ((await readFile(stampFile, "utf8").catch(() => "")) === stamp) return { dir, planted };
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const { file, text } = generateSpec(seed, i);
    await writeFile(path.join(dir, file), text);
  }
  await writeFile(stampFile, stamp);
  return { dir, planted };
}
