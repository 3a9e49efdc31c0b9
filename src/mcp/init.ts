/**
 * specFromMcpTools: a spec scaffolded from what MCP servers list, to be reviewed. Each usable
 * tool is allowed with its description and the effect its annotations claim (guessed ones
 * commented), every irreversible tool is gated, the trust level is computed, the servers are
 * recorded in an mcp section (env and header names, never values), and the header says the
 * annotations are hints to review. What lints: the result passes `agentspec lint` clean.
 *
 * API: specFromMcpTools(servers, options) → { yaml, notes, trustLevel, allowed }.
 */
import { Document, isMap, isScalar, type Node, type YAMLMap } from "yaml";
import type { McpServer } from "../../generated/agentspec.js";
import { AgentspecError } from "../errors.js";
import { parseSource, SCHEMA_COMMENT, setOwn } from "../load/index.js";
import { escapeToolName } from "../lint/tool-names.js";
import { checkSource, type Effect, type TrustLevel } from "../model/index.js";
import { foldToolName } from "../policy/tool-name.js";
import { computeTrustLevel } from "../tier/index.js";
import { effectFromAnnotations } from "./effect.js";
import { DEFAULT_LONG_DESCRIPTION } from "./list-tools.js";
import { printable } from "./stdio-transport.js";
import type { McpToolList } from "./types.js";

/** One server as init records it, with what it listed. */
export interface McpServerTools {
  /** Its name in the spec's mcp section. */
  name: string;
  /** How the spec starts or reaches it: command/args/env names/cwd, or url/header names. */
  config: McpServer;
  list: McpToolList;
}

export interface SpecFromToolsOptions {
  /** The agent id; by default the (first) server's name, made an id. */
  name?: string;
  /** Longest description written in full; 8,192 characters by default. */
  maxDescription?: number;
  /** More header notes (where the servers came from, what the caller could not carry). */
  notes?: readonly string[];
}

export interface SpecFromToolsResult {
  yaml: string;
  /** What the header lists as NOTE lines: tools left out, lists cut short, guesses. */
  notes: string[];
  trustLevel: TrustLevel;
  /** The tools the spec allows, by their names in it (the servers' usable tools less those left out). */
  allowed: string[];
}

/** MCP's tool name format (SEP-986) without empty dot segments, which decide() refuses as malformed. */
const PLAIN_NAME = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;

export function specFromMcpTools(servers: readonly McpServerTools[], options: SpecFromToolsOptions = {}): SpecFromToolsResult {
  if (servers.length === 0) throw new AgentspecError("BAD_ARGUMENT", "specFromMcpTools needs at least one server");
  const maxDescription = options.maxDescription ?? DEFAULT_LONG_DESCRIPTION;
  const several = servers.length > 1;
  const tools: Record<string, Record<string, unknown>> = {};
  const deny: { pattern: string; reason: string }[] = [];
  const notes = [...(options.notes ?? [])];
  const comments = new Map<string, { effect?: string; description?: string }>();
  const gated: string[] = [];
  const mcpServers: Record<string, McpServer> = {};
  const seen = new Map<string, { server: string; name: string }>();

  for (const { name: serverName, config, list } of servers) {
    const prefix = config.prefix ?? (several ? `${serverName}.` : "");
    setOwn(mcpServers, serverName, several && config.prefix === undefined ? { ...config, prefix } : config);
    const from = several ? `server ${serverName}: ` : "";
    const lookAlike = new Set(list.problems.filter((p) => p.ruleId === "suspicious-tool-name" && !p.excluded).map((p) => p.tool));
    for (const problem of list.problems) {
      if (problem.duplicate && problem.tool !== undefined) {
        deny.push({
          pattern: prefix + problem.tool,
          reason:
            problem.twin === undefined
              ? "The server lists it twice with different definitions"
              : `The server also lists "${escapeToolName(problem.twin)}", which a dispatcher may read as this name (the deny covers both)`,
        });
      }
      if (problem.excluded) notes.push(`${from}${problem.message}`);
    }
    if (list.truncated)
      notes.push(`${from}the tool list was cut short (see above): the tools beyond it are denied, as every unlisted tool is`);
    for (const tool of list.tools) {
      if (lookAlike.has(tool.name)) {
        notes.push(
          `${from}"${tool.name}" is left out of the allowlist: its name has non-ASCII letters that may look like ASCII ones; add it by hand once you have checked it`,
        );
        continue;
      }
      if (!PLAIN_NAME.test(tool.name)) {
        notes.push(
          `${from}"${tool.name}" is left out of the allowlist: its name is outside MCP's tool name format (letters, digits, "_", "-", and "." between parts), which a runtime may refuse or read otherwise; add it by hand if yours takes it`,
        );
        continue;
      }
      const specName = prefix + tool.name;
      // Folded, as a dispatcher may read it: `fs.Read` of one server and `fs.read` of another are one name to it.
      const owner = seen.get(foldToolName(specName));
      if (owner !== undefined) {
        notes.push(
          `${from}"${specName}" is also a tool of server ${owner.server}${owner.name === specName ? "" : ` (as "${owner.name}")`}: left out; give the servers different prefixes`,
        );
        continue;
      }
      seen.set(foldToolName(specName), { server: serverName, name: specName });
      const hinted = effectFromAnnotations(tool.annotations);
      const entry: Record<string, unknown> = { effect: hinted.effect };
      const note: { effect?: string; description?: string } = {};
      if (hinted.guessed) note.effect = ` guessed (${hinted.hints}): the worst case; review it`;
      else if (tool.annotations?.readOnlyHint === true && hinted.effect === "irreversible") {
        note.effect = " readOnlyHint and destructiveHint are both true: the worse is taken";
      }
      if (tool.description !== undefined) {
        const cut = tool.description.length > maxDescription;
        entry.description = cut ? tool.description.slice(0, maxDescription) + "…" : tool.description;
        if (cut) {
          note.description = ` cut at ${maxDescription.toLocaleString("en-US")} of ${tool.description.length.toLocaleString("en-US")} characters: read it in full on the server`;
        }
      }
      if (hinted.effect === "irreversible") {
        entry.approval = true;
        gated.push(specName);
      }
      setOwn(tools, specName, entry);
      if (note.effect || note.description) comments.set(specName, note);
    }
  }

  const effects = Object.values(tools).map((t) => t.effect as Effect);
  const acting = effects.some((e) => e === "write" || e === "irreversible");
  const ungatedWrite = Object.values(tools).some((t) => t.effect === "write");
  const first = servers[0]!.list.server;
  const document: Record<string, unknown> = {
    agentspec: "1.0",
    agent: { id: options.name ?? agentId(first.name || servers[0]!.name), version: "0.1.0" },
    trust_level: "A0",
    tools,
    ...(deny.length > 0 ? { deny } : {}),
    ...(ungatedWrite ? { limits: { max_tool_calls: 100, max_usd_per_loop: 1 } } : {}),
    ...(acting
      ? {
          handoff: {
            triggers: [...(gated.length > 0 ? ["approval_required"] : []), ...(ungatedWrite ? ["budget_exhausted"] : [])],
            destination: "the agent's owner",
          },
        }
      : {}),
    ...(acting ? { audit: { append_only: true } } : {}),
    failure_modes: [
      {
        mode: "An MCP server changes a tool's description, schema or annotations after this spec was reviewed",
        detection: "agentspec mcp check compares the servers with the lock beside this spec, in CI",
        mitigation: "Tools the spec does not allow are denied; irreversible tools need approval",
        recovery: "Review the change, update the spec and run agentspec mcp lock again",
      },
    ],
    ...(gated.length > 0 ? { tests: gated.map((tool) => ({ call: { tool }, expect: "require_approval" })) } : {}),
    mcp: { servers: mcpServers },
  };
  const doc = new Document(document);
  const trustLevel = computedLevel(doc);
  doc.set("trust_level", trustLevel);
  doc.commentBefore = header(servers, notes).join("\n");
  // One pass over the tools node: doc.getIn searches a map's pairs in order, which for 10,000
  // guessed tools made the comments quadratic (seconds).
  const entries = new Map<string, YAMLMap>();
  const toolsNode = doc.get("tools", true);
  if (isMap(toolsNode)) {
    for (const pair of toolsNode.items) if (isScalar(pair.key) && isMap(pair.value)) entries.set(String(pair.key.value), pair.value);
  }
  for (const [name, note] of comments) {
    const entry = entries.get(name);
    if (note.effect) commentOn(entry?.get("effect", true), note.effect);
    if (note.description) commentOn(entry?.get("description", true), note.description);
  }
  commentOn(doc.getIn(["agent", "id"], true), " review the id, and add an owner");
  if (ungatedWrite) commentOn(doc.getIn(["limits"], true), " scaffold bounds: set them to what this agent needs", "before");
  if (acting) commentOn(doc.getIn(["handoff", "destination"], true), " who approves and takes over: a person, team or channel");
  return { yaml: doc.toString({ lineWidth: 0 }), notes, trustLevel, allowed: Object.keys(tools) };
}

/** The level the tools give, computed by the tier code on the spec as it will be written. */
function computedLevel(doc: Document): TrustLevel {
  const checked = checkSource(parseSource("mcp-init.agentspec.yaml", doc.toString({ lineWidth: 0 })));
  if (!checked.spec) {
    const problems = checked.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join("; ");
    throw new Error(`mcp init built a spec that does not match the schema: ${problems}`);
  }
  return computeTrustLevel(checked.spec).level;
}

function header(servers: readonly McpServerTools[], notes: readonly string[]): string[] {
  const described = servers.map(({ list: { server } }) => {
    const version = server.version ? ` ${safe(server.version)}` : "";
    const protocol = server.protocolVersion ? ` (protocol ${safe(server.protocolVersion)})` : "";
    return `"${safe(server.name)}"${version}${protocol}`;
  });
  return [
    SCHEMA_COMMENT,
    ` Written by \`agentspec mcp init\` from the MCP server${servers.length > 1 ? "s" : ""} ${described.join(", ")}.`,
    " REVIEW THIS SPEC BEFORE YOU RELY ON IT. Each tool's effect comes from its annotations",
    " (readOnlyHint, destructiveHint): hints the server chose, which the MCP specification calls",
    ' untrusted. An effect marked "guessed" had no such hint and takes the worst case. Read every',
    " description, set each effect to what the tool really does, then run `agentspec mcp lock` and",
    " commit the lock beside this spec.",
    // A note is agentspec's sentence around at most a few names of 128 characters: long enough to end with its fix.
    ...notes.map((note) => ` NOTE: ${safe(note, 1_000)}`),
  ];
}

/** Text from a server, fit for a one-line comment: no line breaks or controls, printable ASCII escapes. */
function safe(text: string, max = 200): string {
  return escapeToolName(printable(text.length > max ? text.slice(0, max) + "…" : text));
}

function commentOn(node: unknown, text: string, where: "after" | "before" = "after"): void {
  if (!isScalar(node) && !isMap(node)) return;
  if (where === "before" || isMap(node)) (node as Node).commentBefore = text;
  else (node as Node).comment = text;
}

/** A server name as an agent id: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit. */
export function agentId(name: string): string {
  const id = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[^a-z0-9]+/, "")
    .replace(/-+$/, "");
  return id === "" ? "mcp-agent" : id.slice(0, 64);
}
