/**
 * A short account of how a tool's definition changed, for `mcp-definition-changed`: which parts
 * differ and, where the lock kept the old definition, the first difference in each, with a few
 * characters of context. Bounded: a 10 MB description gives a line, not a copy.
 */
import { canonicalize } from "../policy/canonical.js";
import { escapeToolName } from "../lint/tool-names.js";
import { joinPointer } from "../load/index.js";
import { definitionMembers, mcpToolDefinition, type LockedTool } from "./lock.js";
import { printable } from "../diagnostics.js";
import type { McpTool } from "./types.js";

const CONTEXT = 24;
const SHOWN = 60;

/** The parts whose hash differs from the lock's, each with its first change when the lock kept the definition. */
export function describeDefinitionChange(
  locked: LockedTool,
  tool: McpTool | Record<string, unknown>,
  partHash: (value: unknown) => string,
): string[] {
  const now = mcpToolDefinition(tool);
  const before = locked.definition as Record<string, unknown> | undefined;
  const lockedPart = (member: string) => (Object.hasOwn(locked.parts, member) ? locked.parts[member] : undefined);
  const changes: string[] = [];
  for (const member of definitionMembers(now, locked.parts)) {
    const has = Object.hasOwn(now, member);
    const current = has ? partHash(now[member]) : undefined;
    if (current === lockedPart(member)) continue;
    // A member name is the server's text: escaped, so it cannot forge a line of the report.
    const part = printable(escapeToolName(member));
    if (lockedPart(member) === undefined) changes.push(`${part} added${has ? `: ${shown(now[member])}` : ""}`);
    else if (current === undefined) changes.push(`${part} removed`);
    else if (before === undefined || !Object.hasOwn(before, member)) changes.push(`${part} changed (the lock keeps only its hash)`);
    else changes.push(`${part} ${firstDifference(before[member], now[member])}`);
  }
  return changes;
}

function firstDifference(before: unknown, after: unknown): string {
  if (typeof before === "string" && typeof after === "string") return `changed: ${textChange(before, after)}`;
  const found = firstDifferentNode(before, after, "");
  if (!found) return "changed";
  const at = found.pointer === "" ? "" : ` at ${printable(escapeToolName(found.pointer))}`;
  if (found.before === undefined) return `changed${at}: added ${shown(found.after)}`;
  if (found.after === undefined) return `changed${at}: removed ${shown(found.before)}`;
  if (typeof found.before === "string" && typeof found.after === "string") return `changed${at}: ${textChange(found.before, found.after)}`;
  return `changed${at}: ${shown(found.before)} → ${shown(found.after)}`;
}

/** "…the common part[old]…" → "…the common part[new]…", around the first and last differing characters. */
function textChange(before: string, after: string): string {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end])
    end++;
  const cut = (text: string) => {
    const from = Math.max(0, start - CONTEXT);
    const to = Math.min(text.length, text.length - end + CONTEXT);
    const middle = text.slice(from, to);
    const body = middle.length > SHOWN + 2 * CONTEXT ? middle.slice(0, SHOWN + 2 * CONTEXT) + "…" : middle;
    return `"${from > 0 ? "…" : ""}${printable(escapeToolName(body))}${to < text.length && !body.endsWith("…") ? "…" : ""}"`;
  };
  return `${cut(before)} → ${cut(after)}`;
}

interface Difference {
  pointer: string;
  before: unknown;
  after: unknown;
}

/** The first node (in key order) where two JSON values differ. Depth is bounded by the listing's checks. */
function firstDifferentNode(before: unknown, after: unknown, pointer: string): Difference | undefined {
  if (before === after) return undefined;
  const bothObjects = isContainer(before) && isContainer(after) && Array.isArray(before) === Array.isArray(after);
  if (!bothObjects) return canonicalize(before) === canonicalize(after) ? undefined : { pointer, before, after };
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  if (!Array.isArray(a)) keys.sort();
  for (const key of keys) {
    const inA = Object.hasOwn(a, key);
    const inB = Object.hasOwn(b, key);
    const child = joinPointer(pointer, key);
    if (!inA) return { pointer: child, before: undefined, after: b[key] };
    if (!inB) return { pointer: child, before: a[key], after: undefined };
    const found = firstDifferentNode(a[key], b[key], child);
    if (found) return found;
  }
  return undefined;
}

function isContainer(value: unknown): boolean {
  return value !== null && typeof value === "object";
}

function shown(value: unknown): string {
  const text = canonicalize(value);
  return printable(escapeToolName(text.length > SHOWN ? text.slice(0, SHOWN) + "…" : text));
}
