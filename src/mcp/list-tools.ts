/**
 * Every tool an MCP server lists (all pages of tools/list), checked one by one and bounded, so
 * a malformed or hostile list gives diagnostics instead of a crash, a hang or unbounded memory.
 *
 * API (the gateway builds on it):
 *   listMcpTools(server, options) → McpToolList: `server` is a target (connected, listed and
 *       closed here) or an open McpConnection (listed; the caller closes it).
 *   checkToolEntries(entries, context) → the usable tools and the problems of one raw page, for a
 *       caller that reads tools/list itself (a gateway filtering what a client sees).
 *
 * A tool is left out (`excluded` problem, error) when it has no usable name, a name a reader
 * cannot see whole (suspicious-tool-name's invisible characters), a name longer than 128
 * characters, a second definition under the same name, a part of the wrong type, or JSON nested
 * deeper than MAX_DEFINITION_DEPTH. Look-alike names, names outside MCP's character set and very
 * long descriptions stay, with a warning. Two names that fold to one reading (foldToolName: case,
 * fullwidth and other compatibility forms) are both left out, as a name listed twice is: a
 * dispatcher that folds names may run either for a call to either.
 */
import { validateToolName } from "@modelcontextprotocol/sdk/shared/toolNameValidation.js";
import * as z from "zod/v4";
import { escapeToolName, toolNameProblem } from "../lint/tool-names.js";
import { isObject, setOwn } from "../load/index.js";
import { isPattern } from "../policy/glob.js";
import { foldToolName } from "../policy/tool-name.js";
import { connectMcpServer, type ConnectOptions, type McpConnection, type McpServerTarget } from "./connect.js";
import { canonicalDefinition, jsonDepth, MAX_DEFINITION_DEPTH } from "./lock.js";
import type { McpListProblem, McpTool, McpToolList } from "./types.js";

export interface ListToolsOptions extends ConnectOptions {
  /** Tools read at most; a longer list is cut here (an error). 10,000 by default. */
  maxTools?: number;
  /** tools/list pages read at most. 1,000 by default. */
  maxPages?: number;
  /** A longer description gets a warning (a reviewer cannot read it; a model reads all of it). 8,192 by default. */
  longDescription?: number;
}

export const DEFAULT_MAX_TOOLS = 10_000;
export const DEFAULT_MAX_PAGES = 1_000;
export const DEFAULT_LONG_DESCRIPTION = 8_192;
/** MCP's tool name format (SEP-986) allows at most 128 characters. */
export const MAX_TOOL_NAME_LENGTH = 128;

const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

const PAGE = z.unknown();

export async function listMcpTools(server: McpServerTarget | McpConnection, options: ListToolsOptions = {}): Promise<McpToolList> {
  const connection = "client" in server ? server : await connectMcpServer(server, options);
  try {
    return await readAllPages(connection, options);
  } finally {
    if (connection !== server) await connection.close();
  }
}

async function readAllPages(connection: McpConnection, options: ListToolsOptions): Promise<McpToolList> {
  const maxTools = options.maxTools ?? DEFAULT_MAX_TOOLS;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const context = newContext(options.longDescription ?? DEFAULT_LONG_DESCRIPTION);
  const list: McpToolList = { server: connection.server, tools: [], problems: context.problems, truncated: false };
  if (connection.client.getServerCapabilities()?.tools === undefined) {
    list.problems.push({
      ruleId: "mcp-tool-list",
      severity: "warning",
      message: "The server does not declare the tools capability in its initialize result: it offers no tools",
    });
    return list;
  }
  const cursors = new Set<string>();
  let cursor: string | undefined;
  let seen = 0;
  for (let page = 1; ; page++) {
    const params = cursor === undefined ? {} : { cursor };
    const result = await connection.within(
      (timeout) => connection.client.request({ method: "tools/list", params }, PAGE, { timeout, maxTotalTimeout: timeout }),
      page === 1 ? "tools/list" : `tools/list (page ${page})`,
    );
    const { entries, next, problem } = readPage(result);
    if (problem) {
      context.problems.push({ ruleId: "mcp-tool-list", severity: "error", message: `tools/list page ${page}: ${problem}` });
      list.truncated = true;
      break;
    }
    const room = maxTools - seen;
    checkToolEntries(entries.slice(0, room), context, seen);
    seen += Math.min(entries.length, room);
    if (entries.length > room) {
      context.problems.push({
        ruleId: "mcp-tool-list",
        severity: "error",
        message: `The server lists more than ${maxTools.toLocaleString("en-US")} tools: only the first ${maxTools.toLocaleString("en-US")} were read`,
      });
      list.truncated = true;
      break;
    }
    if (next === undefined) break;
    if (cursors.has(next) || page >= maxPages) {
      const why = cursors.has(next) ? "repeats a cursor it already gave" : `has more than ${maxPages} pages`;
      context.problems.push({
        ruleId: "mcp-tool-list",
        severity: "error",
        message: `The server's tools/list ${why}: stopped reading there`,
      });
      list.truncated = true;
      break;
    }
    cursors.add(next);
    cursor = next;
  }
  list.tools = context.finish();
  return list;
}

function readPage(result: unknown): { entries: unknown[]; next?: string; problem?: string } {
  if (result === null || typeof result !== "object" || Array.isArray(result))
    return { entries: [], problem: "the result is not an object" };
  const { tools, nextCursor } = result as { tools?: unknown; nextCursor?: unknown };
  if (!Array.isArray(tools)) return { entries: [], problem: `"tools" is ${describeType(tools)}, not an array` };
  if (nextCursor !== undefined && typeof nextCursor !== "string") {
    return { entries: tools, problem: `"nextCursor" is ${describeType(nextCursor)}, not a string` };
  }
  return { entries: tools, next: nextCursor };
}

/** What checkToolEntries keeps between pages: duplicates span pages. */
export interface ToolCheckContext {
  problems: McpListProblem[];
  /** The usable tools, in order, once every page was checked (duplicates with another definition removed). */
  finish(): McpTool[];
  add(tool: McpTool, position: string): void;
  longDescription: number;
}

export function newContext(longDescription = DEFAULT_LONG_DESCRIPTION): ToolCheckContext {
  const byName = new Map<string, { tool: McpTool; definition: string; position: string }>();
  /** The first name listed under each folded reading (foldToolName), to find two names a dispatcher may read as one. */
  const byReading = new Map<string, string>();
  const ambiguous = new Set<string>();
  const problems: McpListProblem[] = [];
  return {
    problems,
    longDescription,
    add(tool, position) {
      const definition = canonicalDefinition(tool);
      const first = byName.get(tool.name);
      if (!first) {
        byName.set(tool.name, { tool, definition, position });
        const reading = foldToolName(tool.name);
        const twin = byReading.get(reading);
        if (twin === undefined) {
          byReading.set(reading, tool.name);
          return;
        }
        // Dispatchers commonly trim, case-fold or normalize a name before looking it up: one that
        // does runs either tool for a call to either name, whatever the spec allowed for that name.
        // So neither is used, whatever their definitions (two tools are two implementations).
        const firstTwin = !ambiguous.has(twin);
        ambiguous.add(twin);
        ambiguous.add(tool.name);
        problems.push({
          ruleId: "mcp-tool-list",
          severity: "error",
          // The deny init writes for it: the plainer spelling (a deny pattern is read folded, so it covers both).
          ...(PRINTABLE_ASCII.test(twin) || !PRINTABLE_ASCII.test(tool.name) ? { tool: twin, twin: tool.name } : { tool: tool.name, twin }),
          excluded: true,
          duplicate: firstTwin,
          message: `Tool "${escapeToolName(tool.name)}" (${position}) and tool "${escapeToolName(twin)}" (${byName.get(twin)!.position}) read as one name once case and Unicode compatibility forms are folded: a dispatcher that reads names loosely may run either for a call to either, so neither is used`,
        });
        return;
      }
      const shown = escapeToolName(tool.name);
      if (first.definition === definition) {
        problems.push({
          ruleId: "mcp-tool-list",
          severity: "warning",
          tool: tool.name,
          message: `Tool "${shown}" (${position}) is listed twice with the same definition`,
        });
        return;
      }
      if (ambiguous.has(tool.name)) return;
      ambiguous.add(tool.name);
      problems.push({
        ruleId: "mcp-tool-list",
        severity: "error",
        tool: tool.name,
        excluded: true,
        duplicate: true,
        message: `Tool "${shown}" (${position}) is listed twice with different definitions: which one a client uses is undefined, so neither is used`,
      });
    },
    finish: () => [...byName.values()].map((entry) => entry.tool).filter((tool) => !ambiguous.has(tool.name)),
  };
}

/** Checks one page's raw entries; `offset` is the number of entries on earlier pages (for positions). */
export function checkToolEntries(entries: readonly unknown[], context: ToolCheckContext, offset = 0): void {
  entries.forEach((entry, i) => {
    const tool = checkTool(entry, `tools[${offset + i}]`, context);
    if (tool) context.add(tool, `tools[${offset + i}]`);
  });
}

function checkTool(entry: unknown, position: string, context: ToolCheckContext): McpTool | undefined {
  const problems = context.problems;
  const reject = (message: string, tool?: string): undefined => {
    problems.push({ ruleId: "mcp-tool-list", severity: "error", message, excluded: true, ...(tool === undefined ? {} : { tool }) });
    return undefined;
  };
  if (entry === null || typeof entry !== "object" || Array.isArray(entry))
    return reject(`${position} is ${describeType(entry)}, not a tool object`);
  const raw = entry as Record<string, unknown>;
  const name = raw.name;
  if (typeof name !== "string" || name === "")
    return reject(`${position} has no name (its "name" is ${describeType(name)}): it cannot be allowed or locked`);
  if (name.length > MAX_TOOL_NAME_LENGTH) {
    return reject(
      `${position} has a name of ${name.length.toLocaleString("en-US")} characters: MCP tool names have at most ${MAX_TOOL_NAME_LENGTH}`,
    );
  }
  const shown = `Tool "${escapeToolName(name)}"`;
  // A spec reads * and ? in a tool name as a pattern: a tool named "*" would allow every tool.
  if (isPattern(name))
    return reject(`${shown} (${position}) has * or ? in its name, which a spec reads as a pattern: it is left out`, name);
  const suspicious = toolNameProblem(name, `The server's tool name (${position})`);
  if (suspicious?.severity === "error") {
    problems.push({
      ruleId: "suspicious-tool-name",
      severity: "error",
      message: `${suspicious.message}; the tool is left out`,
      excluded: true,
      tool: name,
    });
    return undefined;
  }
  if (suspicious) problems.push({ ruleId: "suspicious-tool-name", severity: "warning", message: suspicious.message, tool: name });
  else if (!validateToolName(name).isValid) {
    problems.push({
      ruleId: "mcp-tool-list",
      severity: "warning",
      tool: name,
      message: `${shown} uses characters outside MCP's tool name format (letters, digits, "_", "-" and "."): some clients refuse it`,
    });
  }
  for (const part of ["title", "description"] as const) {
    if (raw[part] !== undefined && typeof raw[part] !== "string")
      return reject(`${shown}: its ${part} is ${describeType(raw[part])}, not a string`, name);
  }
  const inputSchema = raw.inputSchema;
  if (!isObject(inputSchema))
    return reject(`${shown} has no inputSchema object (MCP requires one): its inputSchema is ${describeType(inputSchema)}`, name);
  if (inputSchema.type !== "object")
    return reject(`${shown}: its inputSchema's type is ${describeType(inputSchema.type)}, not "object" as MCP requires`, name);
  for (const part of ["outputSchema", "annotations", "execution", "_meta"] as const) {
    if (raw[part] !== undefined && !isObject(raw[part]))
      return reject(`${shown}: its ${part} is ${describeType(raw[part])}, not an object`, name);
  }
  if (raw.icons !== undefined && !Array.isArray(raw.icons))
    return reject(`${shown}: its icons is ${describeType(raw.icons)}, not an array`, name);
  // Every member is kept, not only those MCP defines: the lock pins what a client may read.
  const tool = { name } as McpTool;
  for (const [member, value] of Object.entries(raw)) if (member !== "name" && value !== undefined) setOwn(tool, member, value);
  const depth = jsonDepth(tool, MAX_DEFINITION_DEPTH);
  if (depth > MAX_DEFINITION_DEPTH) {
    return reject(
      `${shown}: its definition nests deeper than ${MAX_DEFINITION_DEPTH} levels, which no real schema needs; it cannot be checked or locked`,
      name,
    );
  }
  for (const hint of ["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"]) {
    const value = tool.annotations?.[hint];
    if (value !== undefined && typeof value !== "boolean") {
      problems.push({
        ruleId: "mcp-tool-list",
        severity: "warning",
        tool: name,
        message: `${shown}: its ${hint} is ${describeType(value)}, not a boolean: it is ignored`,
      });
    }
  }
  const length = tool.description?.length ?? 0;
  if (length > context.longDescription) {
    problems.push({
      ruleId: "mcp-tool-list",
      severity: "warning",
      tool: name,
      message: `${shown} has a description of ${length.toLocaleString("en-US")} characters: a model reads all of it, a reviewer cannot; read it in full before allowing the tool`,
    });
  }
  return tool;
}

function describeType(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return value.length > 40 ? "a string" : `"${escapeToolName(value)}"`;
  if (typeof value === "object") return "an object";
  if (typeof value === "number") return `the number ${value}`;
  return String(value);
}
