/**
 * SEP-2243's header values, and its per-argument headers (2026-07-28 over Streamable HTTP): a
 * tool's inputSchema may declare, with `x-mcp-header: <Name>` on a property, that the argument
 * travels in an `Mcp-Param-<Name>` header too, so routers can read it without the body; a server checks every
 * declared header against the body and refuses a call whose header is missing or differs
 * (HTTP 400, -32020). The gateway sends the server these headers derived from the arguments it
 * decided on, never copied from the client, as it does Mcp-Method and Mcp-Name.
 *
 * The declarations are read from the server's tools/list results: those passing through to the
 * client, and the gateway's own listing of a tool it has not seen (one listing shared by the calls
 * waiting for it, bounded in pages, tools and time). What the scan accepts follows the 2.x SDK's
 * (`scanXMcpHeaderDeclarations`, which its servers check calls with).
 */
import { MAX_TOOL_NAME_LENGTH } from "../../policy/tool-name.js";

const BASE64_PREFIX = "=?base64?";
const BASE64_SUFFIX = "?=";

/** A header value as SEP-2243 writes it: as is when it is plain printable ASCII, else `=?base64?…?=` of its UTF-8. */
export function encodeHeaderValue(value: string): string {
  let plain = value.length > 0 && value === value.trim() && !(value.startsWith(BASE64_PREFIX) && value.endsWith(BASE64_SUFFIX));
  for (let i = 0; plain && i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!(c === 9 || (c >= 32 && c <= 126))) plain = false;
  }
  return plain ? value : `${BASE64_PREFIX}${Buffer.from(value, "utf8").toString("base64")}${BASE64_SUFFIX}`;
}

export interface ParamHeaderDeclaration {
  /** The property's path from the arguments' root, through `properties` only. */
  path: string[];
  /** The header's name after `Mcp-Param-`, as declared. */
  headerName: string;
}

/**
 * One tool's declarations, and why they are invalid when they are (a conforming client does not
 * call such a tool; the gateway leaves that to the client and sends the headers a server still
 * checks: those of a number-typed property, none otherwise).
 */
export interface ToolParamHeaders {
  declarations: ParamHeaderDeclaration[];
  invalid?: string;
}

const X_MCP_HEADER = "x-mcp-header";
/** RFC 9110 §5.1 token: a header name. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HEADER_TYPES = new Set(["string", "integer", "boolean"]);
/** Where a declaration may not be: anywhere but a chain of `properties` from the root. */
const UNREACHABLE = [
  "items",
  "prefixItems",
  "contains",
  "additionalProperties",
  "unevaluatedProperties",
  "unevaluatedItems",
  "propertyNames",
  "patternProperties",
  "dependentSchemas",
  "oneOf",
  "anyOf",
  "allOf",
  "not",
  "if",
  "then",
  "else",
  "$defs",
  "definitions",
];
const NAMED_SUBSCHEMAS = new Set(["patternProperties", "dependentSchemas", "$defs", "definitions"]);
/**
 * Bounds of what one tool may declare (past them the tool is invalid, and a hostile server's
 * listing cannot grow what the gateway keeps): nesting the scan follows (the SDK's has none, but
 * a schema deep enough would exhaust the stack), declarations, a header name, a property's path.
 */
const MAX_SCHEMA_DEPTH = 256;
export const MAX_DECLARATIONS = 64;
const MAX_HEADER_NAME_LENGTH = 256;
const MAX_PATH_CHARS = 1024;

/** A tool's declarations, read from its inputSchema. */
export function scanParamHeaders(inputSchema: unknown): ToolParamHeaders {
  const declarations: ParamHeaderDeclaration[] = [];
  const seen = new Map<string, string>();
  let numberTyped: string | undefined;
  const visit = (node: unknown, path: string[], reachable: boolean, depth: number): string | undefined => {
    if (node === null || typeof node !== "object") return undefined;
    if (depth > MAX_SCHEMA_DEPTH) return `the inputSchema nests deeper than ${MAX_SCHEMA_DEPTH} levels`;
    const schema = node as Record<string, unknown>;
    if (Object.hasOwn(schema, X_MCP_HEADER)) {
      const where = path.length === 0 ? "<root>" : path.join(".");
      if (!reachable || path.length === 0) return `${where}: x-mcp-header is only allowed on a property reached through "properties" alone`;
      const name = schema[X_MCP_HEADER];
      if (typeof name !== "string" || name.length > MAX_HEADER_NAME_LENGTH || !TOKEN.test(name)) {
        return `${where}: x-mcp-header must be a header name (an RFC 9110 token of at most ${MAX_HEADER_NAME_LENGTH} characters)`;
      }
      if (declarations.length >= MAX_DECLARATIONS) return `the tool declares more than ${MAX_DECLARATIONS} x-mcp-header arguments`;
      if (path.reduce((n, key) => n + key.length, 0) > MAX_PATH_CHARS)
        return `${where.slice(0, 64)}…: the path of an x-mcp-header argument is over ${MAX_PATH_CHARS} characters`;
      const type = typeof schema.type === "string" ? schema.type : undefined;
      if (type === undefined || !HEADER_TYPES.has(type)) {
        const fault = `${where}: x-mcp-header is only allowed on a string, integer or boolean property, not ${type ?? "one without a type"}`;
        // A number-typed declaration makes the tool invalid, but a server still checks its header: it is sent.
        if (type !== "number") return fault;
        numberTyped ??= fault;
      }
      const folded = name.toLowerCase();
      const other = seen.get(folded);
      if (other !== undefined) return `x-mcp-header ${JSON.stringify(name)} is declared twice (also as ${JSON.stringify(other)})`;
      seen.set(folded, name);
      declarations.push({ path, headerName: name });
    }
    const properties = schema.properties;
    if (properties !== null && typeof properties === "object") {
      for (const key of Object.keys(properties)) {
        const fault = visit((properties as Record<string, unknown>)[key], [...path, key], reachable, depth + 1);
        if (fault !== undefined) return fault;
      }
    }
    for (const keyword of UNREACHABLE) {
      const sub = schema[keyword];
      if (sub === undefined) continue;
      const branches = Array.isArray(sub)
        ? sub
        : sub !== null && typeof sub === "object" && NAMED_SUBSCHEMAS.has(keyword)
          ? Object.values(sub)
          : [sub];
      for (const branch of branches) {
        const fault = visit(branch, [...path, `<${keyword}>`], false, depth + 1);
        if (fault !== undefined) return fault;
      }
    }
    return undefined;
  };
  const fault = visit(inputSchema, [], true, 0);
  if (fault !== undefined) return { declarations: [], invalid: numberTyped ?? fault };
  return numberTyped === undefined ? { declarations } : { declarations, invalid: numberTyped };
}

/** Shared by every tool that declares nothing; read only. */
const NOTHING_DECLARED: ToolParamHeaders = { declarations: [] };

/** Tools whose declarations are kept, at most, and the characters of their names and declarations. */
export const MAX_KNOWN_TOOLS = 10_000;
export const MAX_KEPT_CHARS = 2_000_000;
/**
 * The gateway lists the server's tools itself at most once per this many ms, and again for a
 * tool whose headers the server refused at most once per this many ms: neither a client calling
 * names the server does not list nor one sending values that cannot match their header makes it
 * read the server's whole list on every call.
 */
export const RELIST_INTERVAL_MS = 10_000;
/** Tools remembered as listed again for, at most (then forgotten together). */
const MAX_RELISTED = 1_000;

/**
 * What the gateway knows of the server's tools' declarations, for every request it forwards to
 * that server (one per gateway: on 2026-07-28 each request is a session of its own).
 */
export class ParamHeaderBook {
  /** `stale`: the server refused a call's headers since; the tool is listed again, and its declarations are used meanwhile. */
  readonly #tools = new Map<string, { headers: ToolParamHeaders; chars: number; stale: boolean }>();
  #chars = 0;
  #listing: Promise<void> | undefined;
  #listedAt = -Infinity;
  /** Tools the gateway listed again for, after the server refused a call's headers → when. */
  readonly #relisted = new Map<string, number>();
  readonly #closed = new AbortController();
  readonly #now: () => number;

  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  /** Aborted when the gateway closes: its own listing stops. */
  get signal(): AbortSignal {
    return this.#closed.signal;
  }

  close(): void {
    this.#closed.abort();
  }

  /** Reads the declarations of a tools/list result's tools (a page of them). */
  learn(tools: unknown): void {
    if (!Array.isArray(tools)) return;
    for (const tool of tools) {
      if (tool === null || typeof tool !== "object") continue;
      const { name, inputSchema } = tool as Record<string, unknown>;
      // A longer name is no tool a call can be allowed for.
      if (typeof name !== "string" || name.length > MAX_TOOL_NAME_LENGTH) continue;
      this.#keep(name, scanParamHeaders(inputSchema));
    }
  }

  /**
   * A name the gateway's own listing did not find (or could not read, or was not made): taken to
   * declare nothing until a listing shows it or the server refuses a call's headers.
   */
  settle(name: string): void {
    if (!this.#tools.has(name)) this.#keep(name, NOTHING_DECLARED);
  }

  get(name: string): ToolParamHeaders | undefined {
    return this.#tools.get(name)?.headers;
  }

  /** Whether a call of `name` waits for a listing first: the tool is not known, or the server refused a call's headers since it was read. */
  needsListing(name: string): boolean {
    return this.#tools.get(name)?.stale ?? true;
  }

  /**
   * The server refused a call's headers: the tool is listed again before its next call (at most
   * once per RELIST_INTERVAL_MS), and its declarations are used until then. A client sending a
   * value no header can carry (a lone surrogate) so makes the gateway list now and then, and
   * cannot take the tool's headers away from other calls.
   */
  refused(name: string): void {
    const entry = this.#tools.get(name);
    if (entry) entry.stale = true;
  }

  /**
   * The listing a call of `name` waits for (see needsListing): the one in flight, a new one made
   * with `list` when one may be made now, or none.
   */
  listingFor(name: string, list: () => Promise<void>): Promise<void> | undefined {
    if (this.#listing) return this.#listing;
    const now = this.#now();
    if (this.#tools.get(name)?.stale === true) {
      const last = this.#relisted.get(name);
      if (last !== undefined && now - last < RELIST_INTERVAL_MS) return undefined;
      if (this.#relisted.size >= MAX_RELISTED) this.#relisted.clear();
      this.#relisted.set(name, now);
    } else if (now - this.#listedAt < RELIST_INTERVAL_MS) return undefined;
    this.#listedAt = now;
    this.#listing = list().finally(() => (this.#listing = undefined));
    return this.#listing;
  }

  #keep(name: string, headers: ToolParamHeaders): void {
    let chars = name.length + 16;
    for (const { path, headerName } of headers.declarations) chars += headerName.length + path.reduce((n, key) => n + key.length + 1, 0);
    const old = this.#tools.get(name);
    const room = this.#chars - (old?.chars ?? 0) + chars <= MAX_KEPT_CHARS && (old !== undefined || this.#tools.size < MAX_KNOWN_TOOLS);
    this.#drop(name);
    // Not kept: what was kept of it is dropped too, so a call sends no out-of-date headers.
    if (!room) return;
    this.#tools.set(name, { headers, chars, stale: false });
    this.#chars += chars;
  }

  #drop(name: string): void {
    const old = this.#tools.get(name);
    if (old === undefined) return;
    this.#tools.delete(name);
    this.#chars -= old.chars;
  }
}

/**
 * The Mcp-Param-* headers of one call: each declared argument that holds a string, a boolean or
 * a finite number (a safe integer when whole), as SEP-2243 writes it; an argument that is absent,
 * null or of another kind gets no header, as the server then expects none.
 */
export function paramHeaders(declarations: ParamHeaderDeclaration[], args: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { path, headerName } of declarations) {
    let value: unknown = args;
    for (const key of path) {
      value =
        value !== null && typeof value === "object" && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
    }
    const text = primitiveText(value);
    if (text !== undefined) headers[`mcp-param-${headerName.toLowerCase()}`] = encodeHeaderValue(text);
  }
  return headers;
}

function primitiveText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number" && Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value)))
    return String(value);
  return undefined;
}
