/**
 * The MCP lock: each tool's canonical definition and its hash, as `agentspec mcp lock` writes
 * them beside a spec (`<name>.mcp-lock.json`) so `mcp check` and a gateway can pin them.
 *
 * API (small on purpose; the gateway imports it):
 *   mcpToolHash(tool)            "sha256:<hex>" of the RFC 8785 canonical JSON of the tool's
 *                                definition: every member it has but its name (title,
 *                                description, inputSchema, outputSchema, annotations, execution,
 *                                icons, _meta, and any member a later MCP revision or a client
 *                                extension reads). Throws AgentspecError
 *                                BAD_ARGUMENT when the definition nests deeper than
 *                                MAX_DEFINITION_DEPTH (listMcpTools leaves such tools out).
 *   mcpToolDefinition(tool)      that definition object.
 *   buildMcpLock(lists)          the lock of every server's tool list, keyed by server name.
 *   serializeMcpLock(lock)       its deterministic bytes (sorted keys, two-space indent, "\n").
 *   parseMcpLock(file, text)     { lock?, diagnostics }: schema and hash checks, located.
 *   lockedTool(lock, server, name) the entry of one tool, or undefined.
 *   lockPathFor(specFile)        where a spec's lock lives.
 */
import { validateMcpLock } from "../../generated/validate-mcp-lock.js";
import type { LockedServer, LockedTool, McpLock } from "../../generated/mcp-lock.js";
import { canonicalize, sha256Hex } from "../policy/index.js";
import type { Diagnostic } from "../diagnostics.js";
import { AgentspecError } from "../errors.js";
import { isObject, joinPointer, parseSource, readTextIfExists, setOwn } from "../load/index.js";
import { escapeToolName } from "../lint/tool-names.js";
import { schemaDiagnostics } from "../validate/messages.js";
import type { ValidateFunction } from "ajv";
import type { McpTool, McpToolList } from "./types.js";

export type { LockedServer, LockedTool, McpLock } from "../../generated/mcp-lock.js";

export const MCP_LOCK_FORMAT = "agentspec-mcp-lock/2";
/**
 * Format 1 hashed only title, description, the schemas and annotations: a server could change a
 * tool's execution (taskSupport), icons or _meta unseen. Such a lock is refused, never read as if
 * it pinned everything.
 */
export const OLD_MCP_LOCK_FORMATS = ["agentspec-mcp-lock/1"] as const;

/**
 * The members of a tool the MCP 2025-11-25 Tool schema defines, besides its name, in the order
 * messages name them. The hash covers these and every other member the server sends: a member
 * agentspec does not know may still be read by a client or shown to the model.
 */
export const DEFINITION_PARTS = [
  "title",
  "description",
  "inputSchema",
  "outputSchema",
  "annotations",
  "execution",
  "icons",
  "_meta",
] as const;
export type DefinitionPart = (typeof DEFINITION_PARTS)[number];
/** A tool without its name: the members the lock pins, by name. */
export type McpToolDefinition = Partial<Record<DefinitionPart, unknown>> & Record<string, unknown>;

/**
 * JSON Schemas real servers publish nest a few levels (zod and pydantic output stays under 20);
 * hashing is recursive, so deeper input is refused rather than risking the stack.
 */
export const MAX_DEFINITION_DEPTH = 64;

/** Definitions larger than this keep only their hashes in the lock, so a hostile server cannot bloat it. */
export const MAX_LOCKED_DEFINITION_BYTES = 64 * 1024;

/** Every member of the tool but its name: what the lock pins. */
export function mcpToolDefinition(tool: Pick<McpTool, "name"> | Record<string, unknown>): McpToolDefinition {
  const definition: McpToolDefinition = {};
  for (const [member, value] of Object.entries(tool)) if (member !== "name" && value !== undefined) setOwn(definition, member, value);
  return definition;
}

/** The members of a definition in the order messages name them: the known ones first, then the rest sorted. */
export function definitionMembers(...definitions: (Record<string, unknown> | undefined)[]): string[] {
  const present = new Set<string>();
  for (const definition of definitions) for (const member of Object.keys(definition ?? {})) present.add(member);
  const known: string[] = DEFINITION_PARTS.filter((part) => present.has(part));
  const others = [...present].filter((member) => !(DEFINITION_PARTS as readonly string[]).includes(member)).sort();
  return [...known, ...others];
}

/** The canonical JSON of a tool's definition, as the hash covers it (depth checked by the caller). */
export function canonicalDefinition(tool: Pick<McpTool, "name"> | Record<string, unknown>): string {
  return canonicalize(mcpToolDefinition(tool));
}

export function mcpToolHash(tool: Pick<McpTool, "name"> | Record<string, unknown>): string {
  const definition = mcpToolDefinition(tool);
  if (jsonDepth(definition, MAX_DEFINITION_DEPTH) > MAX_DEFINITION_DEPTH) {
    throw new AgentspecError("BAD_ARGUMENT", `The tool definition nests deeper than ${MAX_DEFINITION_DEPTH} levels and cannot be hashed`);
  }
  return hashOf(definition);
}

/**
 * How deeply a JSON value nests (a scalar is 0), counted without recursion so hostile input
 * cannot overflow the stack; it stops counting past `limit`.
 */
export function jsonDepth(value: unknown, limit = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    const inner = depth + 1;
    if (inner > deepest) deepest = inner;
    if (deepest > limit) return deepest;
    for (const child of Object.values(node as object)) stack.push([child, inner]);
  }
  return deepest;
}

function hashOf(value: unknown): string {
  return `sha256:${sha256Hex(canonicalize(value))}`;
}

/** The hash of one part of a definition, as the lock's `parts` keeps it. */
export const partHash = hashOf;

/** The lock entry of one tool: its hash, each part's hash, and the definition when it is small enough. */
export function lockTool(tool: McpTool): LockedTool {
  const hash = mcpToolHash(tool);
  const definition = mcpToolDefinition(tool);
  const parts: LockedTool["parts"] = {};
  for (const member of definitionMembers(definition)) setOwn(parts, member, hashOf(definition[member]));
  const keep = canonicalize(definition).length <= MAX_LOCKED_DEFINITION_BYTES;
  return keep ? { hash, parts, definition: definition as LockedTool["definition"] } : { hash, parts };
}

/** The lock of one server's tool list. */
export function lockServer(list: McpToolList): LockedServer {
  const tools: Record<string, LockedTool> = {};
  for (const tool of list.tools) setOwn(tools, tool.name, lockTool(tool));
  return { name: list.server.name, version: list.server.version, protocol_version: list.server.protocolVersion, tools };
}

/** The lock of every server's tool list, keyed by the server's name in the spec. */
export function buildMcpLock(lists: ReadonlyMap<string, McpToolList>): McpLock {
  const servers: Record<string, LockedServer> = {};
  for (const [name, list] of lists) setOwn(servers, name, lockServer(list));
  return { format: MCP_LOCK_FORMAT, servers };
}

/** Deterministic bytes: keys sorted at every level, two-space indent, a final newline (diffs read well in review). */
export function serializeMcpLock(lock: McpLock): string {
  return JSON.stringify(sortKeys(lock), null, 2) + "\n";
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) setOwn(sorted, key, sortKeys((value as Record<string, unknown>)[key]));
  return sorted;
}

export interface ParsedMcpLock {
  /** The lock, when it parsed, matched its schema and every hash matched its definition. */
  lock?: McpLock;
  /** Located problems in the lock file (rule ids syntax, schema, mcp-lock). */
  diagnostics: Diagnostic[];
}

export function parseMcpLock(file: string, text: string): ParsedMcpLock {
  const source = parseSource(file.endsWith(".json") ? file : `${file}.json`, text);
  const located = (pointer: string, message: string): Diagnostic => ({
    ruleId: "mcp-lock",
    severity: "error",
    message,
    pointer,
    ...source.locate(pointer),
  });
  if (source.data === undefined || source.diagnostics.length > 0) return { diagnostics: source.diagnostics.map((d) => ({ ...d })) };
  const format = isObject(source.data) ? source.data.format : undefined;
  if (typeof format === "string" && (OLD_MCP_LOCK_FORMATS as readonly string[]).includes(format)) {
    return {
      diagnostics: [
        located(
          "/format",
          `This lock is in the old format ${format}, which pins only a tool's title, description, schemas and annotations, not its execution, icons, _meta or other members, so it is not used: run \`agentspec mcp lock\` on the spec to write it in format ${MCP_LOCK_FORMAT}, review the diff and commit it`,
        ),
      ],
    };
  }
  const validate = validateMcpLock as ValidateFunction;
  if (!validate(source.data)) return { diagnostics: schemaDiagnostics(source, validate.errors ?? []) };
  const lock = source.data as McpLock;
  const diagnostics: Diagnostic[] = [];
  for (const [serverName, server] of Object.entries(lock.servers)) {
    for (const [toolName, tool] of Object.entries(server.tools)) {
      const pointer = joinPointer("/servers", serverName, "tools", toolName);
      const problem = lockEntryProblem(tool);
      if (problem)
        diagnostics.push(located(pointer, `${problem}: the lock was edited by hand; run \`agentspec mcp lock\` to write it again`));
    }
  }
  return diagnostics.length > 0 ? { diagnostics } : { lock, diagnostics };
}

/** A lock entry whose stored definition does not give its hashes cannot be trusted for either. */
function lockEntryProblem(tool: LockedTool): string | undefined {
  if (tool.definition === undefined) return undefined;
  const definition = tool.definition as McpToolDefinition;
  if (jsonDepth(definition, MAX_DEFINITION_DEPTH) > MAX_DEFINITION_DEPTH)
    return `The definition nests deeper than ${MAX_DEFINITION_DEPTH} levels`;
  if (hashOf(definition) !== tool.hash) return "The hash does not match the definition beside it";
  for (const member of definitionMembers(definition, tool.parts)) {
    const stored = Object.hasOwn(tool.parts, member) ? tool.parts[member] : undefined;
    const actual = Object.hasOwn(definition, member) ? hashOf(definition[member]) : undefined;
    if (stored !== actual) return `The hash of ${escapeToolName(member)} does not match the definition beside it`;
  }
  return undefined;
}

export function lockedTool(lock: McpLock, server: string, tool: string): LockedTool | undefined {
  const entry = Object.hasOwn(lock.servers, server) ? lock.servers[server] : undefined;
  return entry && Object.hasOwn(entry.tools, tool) ? entry.tools[tool] : undefined;
}

/** `specs/fs.agentspec.yaml` → `specs/fs.mcp-lock.json`: the spec's file name without its spec extension. */
export function lockPathFor(specFile: string): string {
  const base = specFile.replace(/\.agentspec\.(?:ya?ml|json)$/i, "").replace(/\.(?:ya?ml|json)$/i, "");
  return `${base}.mcp-lock.json`;
}

export interface ReadMcpLock extends ParsedMcpLock {
  /** true when there is no lock file. */
  missing: boolean;
}

/** The lock at `file`: missing, unreadable (AgentspecError), or parsed with its problems. */
export function readMcpLock(file: string): ReadMcpLock {
  const text = readTextIfExists(file);
  if (text === undefined) return { missing: true, diagnostics: [] };
  return { missing: false, ...parseMcpLock(file, text) };
}
