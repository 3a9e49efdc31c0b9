/**
 * A fast reader for the YAML specs are written in: block maps and sequences, one-line flow
 * collections, plain and quoted one-line scalars, comments. It gives the same data and the same
 * node start offsets as the `yaml` package's document (core schema), and returns undefined for
 * anything else (anchors, tags, block scalars, multi-line scalars, duplicate or merge keys,
 * documents markers, any syntax error), so the caller falls back to the full parser, which
 * then also words the diagnostics. The full parser costs ~10× more per spec and dominated
 * linting large spec sets.
 */
import { setOwn } from "./source.js";

/** A node's start offset, and for a collection its children (a map's with their key offsets). */
export interface FastNode {
  start: number;
  map?: Map<string, { keyStart: number; node: FastNode }>;
  seq?: FastNode[];
}

export interface FastYaml {
  data: unknown;
  root: FastNode;
}

/**
 * Deeper documents go to the full parser's path, which refuses nesting it cannot take; these
 * bounds keep the reader's recursion shallow and within what that check lets through.
 */
const MAX_DEPTH = 64;
const MAX_INDENT = 512;

/** Thrown inside the reader to give up; never escapes parseCommonYaml. */
class Unsupported extends Error {}
const unsupported = new Unsupported();

interface Line {
  /** Offset of the first non-space character. */
  start: number;
  /** End of the content, before a comment and trailing spaces. */
  end: number;
  indent: number;
}

export function parseCommonYaml(text: string): FastYaml | undefined {
  try {
    const lines = contentLines(text);
    if (lines.length === 0) return undefined;
    const reader = new BlockReader(text, lines);
    const result = reader.block(0, lines[0]!.indent);
    if (reader.next !== lines.length) return undefined;
    return { data: result.value, root: result.node };
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/** The lines that hold content, with comments and trailing spaces cut off. */
function contentLines(text: string): Line[] {
  const lines: Line[] = [];
  let offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (offset <= text.length) {
    let lineEnd = text.indexOf("\n", offset);
    if (lineEnd === -1) lineEnd = text.length;
    let start = offset;
    while (start < lineEnd && text.charCodeAt(start) === 0x20) start++;
    const first = text.charCodeAt(start);
    if (first === 0x09) throw unsupported;
    if (start < lineEnd && first !== 0x23 && first !== 0x0d) {
      const end = contentEnd(text, start, lineEnd);
      if (end > start) {
        if (first === 0x25 || text.startsWith("---", start) || text.startsWith("...", start)) throw unsupported;
        if (start - offset > MAX_INDENT) throw unsupported;
        lines.push({ start, end, indent: start - offset });
      }
    }
    offset = lineEnd + 1;
  }
  return lines;
}

/** Where a line's content ends: before " #" outside quotes, and before trailing spaces or \r. */
function contentEnd(text: string, start: number, lineEnd: number): number {
  let end = lineEnd;
  for (let i = start; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      const prev = i === start ? 0x20 : text.charCodeAt(i - 1);
      // A quote opens a scalar only where a scalar can start; elsewhere it is part of plain text.
      if (prev === 0x20 || prev === 0x5b || prev === 0x7b || prev === 0x2c || prev === 0x3a) {
        i = closingQuote(text, i, lineEnd);
        continue;
      }
    }
    if (c === 0x23 && (i === start || text.charCodeAt(i - 1) === 0x20)) {
      end = i;
      break;
    }
    if (c === 0x09) throw unsupported;
  }
  while (end > start && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x0d)) end--;
  return end;
}

function closingQuote(text: string, open: number, lineEnd: number): number {
  const quote = text.charCodeAt(open);
  for (let i = open + 1; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (quote === 0x22 && c === 0x5c) i++;
    else if (c === quote) {
      if (quote === 0x27 && text.charCodeAt(i + 1) === 0x27) i++;
      else return i;
    }
  }
  throw unsupported; // a quoted scalar over several lines
}

interface Parsed {
  value: unknown;
  node: FastNode;
}

class BlockReader {
  next = 0;
  private depth = 0;
  constructor(
    private readonly text: string,
    private readonly lines: Line[],
  ) {}

  /** The block collection whose first line is lines[next], at exactly `indent`. */
  block(minIndent: number, indent: number): Parsed {
    const line = this.lines[this.next];
    if (!line || line.indent < minIndent || line.indent !== indent || ++this.depth > MAX_DEPTH) throw unsupported;
    const parsed = this.isSeqEntry(line.start, line.end) ? this.seq(indent) : this.map(indent);
    this.depth--;
    return parsed;
  }

  private isSeqEntry(at: number, end: number): boolean {
    return this.text.charCodeAt(at) === 0x2d && (at + 1 === end || this.text.charCodeAt(at + 1) === 0x20);
  }

  private map(indent: number, firstKeyAt?: number): Parsed {
    const data: Record<string, unknown> = {};
    const children = new Map<string, { keyStart: number; node: FastNode }>();
    const node: FastNode = { start: -1, map: children };
    let keyAt = firstKeyAt;
    while (this.next < this.lines.length) {
      const line = this.lines[this.next]!;
      if (keyAt === undefined) {
        if (line.indent < indent) break;
        if (line.indent > indent || this.isSeqEntry(line.start, line.end)) throw unsupported;
        keyAt = line.start;
      }
      const { key, colon } = this.key(keyAt, line.end);
      if (key === "<<" || children.has(key)) throw unsupported;
      if (node.start === -1) node.start = keyAt;
      const valueAt = skipSpaces(this.text, colon + 1, line.end);
      this.next++;
      let value: Parsed;
      if (valueAt < line.end) value = this.inline(valueAt, line.end);
      else {
        const following = this.lines[this.next];
        // A nested block is more indented, or a sequence at the key's own indentation.
        if (following && (following.indent > indent || (following.indent === indent && this.isSeqEntry(following.start, following.end)))) {
          value = this.block(indent, following.indent);
        } else throw unsupported; // an empty value: the full parser decides what it is
      }
      setOwn(data, key, value.value);
      children.set(key, { keyStart: keyAt, node: value.node });
      keyAt = undefined;
    }
    return { value: data, node };
  }

  private seq(indent: number): Parsed {
    const data: unknown[] = [];
    const items: FastNode[] = [];
    const node: FastNode = { start: this.lines[this.next]!.start, seq: items };
    while (this.next < this.lines.length) {
      const line = this.lines[this.next]!;
      if (line.indent < indent) break;
      if (line.indent > indent || !this.isSeqEntry(line.start, line.end)) throw unsupported;
      const itemAt = skipSpaces(this.text, line.start + 1, line.end);
      let item: Parsed;
      if (itemAt === line.end) {
        this.next++;
        const following = this.lines[this.next];
        if (!following || following.indent <= indent) throw unsupported;
        item = this.block(indent + 1, following.indent);
      } else if (this.isSeqEntry(itemAt, line.end)) {
        throw unsupported; // "- - x"
      } else if (this.isMapEntry(itemAt, line.end)) {
        // "- key: value": a map whose keys sit at the column of the first one.
        if (++this.depth > MAX_DEPTH) throw unsupported;
        item = this.map(itemAt - (line.start - line.indent), itemAt);
        this.depth--;
      } else {
        this.next++;
        item = this.inline(itemAt, line.end);
      }
      data.push(item.value);
      items.push(item.node);
    }
    return { value: data, node };
  }

  /** Whether the text at `at` is "key: …" (a plain or quoted key followed by ": " or a final ":"). */
  private isMapEntry(at: number, end: number): boolean {
    const c = this.text.charCodeAt(at);
    if (c === 0x7b || c === 0x5b) return false;
    try {
      this.key(at, end);
      return true;
    } catch (error) {
      if (error instanceof Unsupported) return false;
      throw error;
    }
  }

  private key(at: number, end: number): { key: string; colon: number } {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === 0x22 || c === 0x27) {
      const close = closingQuote(text, at, end);
      if (text.charCodeAt(close + 1) !== 0x3a || !endsIndicator(text, close + 2, end)) throw unsupported;
      return { key: quoted(text, at, close), colon: close + 1 };
    }
    if (!plainStart(c, text.charCodeAt(at + 1))) throw unsupported;
    for (let i = at; i < end; i++) {
      if (text.charCodeAt(i) === 0x3a && endsIndicator(text, i + 1, end)) {
        let keyEnd = i;
        while (text.charCodeAt(keyEnd - 1) === 0x20) keyEnd--;
        const key = text.slice(at, keyEnd);
        if (key.length > 1024) throw unsupported; // yaml refuses implicit keys this long
        // A key that reads as another type (null, a number) is kept as its text by stringKeys
        // in the full parser, except that these forms change spelling: leave them to it.
        if (/^[-+.0-9~]|^(?:true|false|null)$/i.test(key)) throw unsupported;
        return { key, colon: i };
      }
    }
    throw unsupported;
  }

  /** A value on the rest of a line: a flow collection or a scalar. */
  private inline(at: number, end: number): Parsed {
    const flow = new FlowReader(this.text, end);
    const parsed = flow.value(at, false);
    if (skipSpaces(this.text, flow.position, end) !== end) throw unsupported;
    return parsed;
  }
}

class FlowReader {
  position = 0;
  private depth = 0;
  constructor(
    private readonly text: string,
    private readonly end: number,
  ) {}

  value(at: number, inFlow: boolean): Parsed {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === 0x7b || c === 0x5b) {
      if (++this.depth > MAX_DEPTH) throw unsupported;
      const parsed = c === 0x7b ? this.flowMap(at) : this.flowSeq(at);
      this.depth--;
      return parsed;
    }
    if (c === 0x22 || c === 0x27) {
      const close = closingQuote(text, at, this.end);
      this.position = close + 1;
      return { value: quoted(text, at, close), node: { start: at } };
    }
    if (!plainStart(c, text.charCodeAt(at + 1))) throw unsupported;
    let i = at;
    for (; i < this.end; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 0x3a && endsIndicator(text, i + 1, this.end)) break;
      if (inFlow && (ch === 0x2c || ch === 0x5d || ch === 0x7d || ch === 0x5b || ch === 0x7b)) break;
    }
    let scalarEnd = i;
    while (text.charCodeAt(scalarEnd - 1) === 0x20) scalarEnd--;
    this.position = scalarEnd;
    return { value: plainScalar(text.slice(at, scalarEnd)), node: { start: at } };
  }

  private flowMap(open: number): Parsed {
    const text = this.text;
    const data: Record<string, unknown> = {};
    const children = new Map<string, { keyStart: number; node: FastNode }>();
    let at = skipSpaces(text, open + 1, this.end);
    if (text.charCodeAt(at) === 0x7d) {
      this.position = at + 1;
      return { value: data, node: { start: open, map: children } };
    }
    for (;;) {
      const keyAt = at;
      const key = this.value(at, true);
      if (typeof key.value !== "string" || !/^[^-+.0-9~]/.test(key.value) || /^(?:true|false|null)$/i.test(key.value)) {
        if (text.charCodeAt(keyAt) !== 0x22 && text.charCodeAt(keyAt) !== 0x27) throw unsupported;
      }
      const name = key.value as string;
      if (typeof name !== "string" || name === "<<" || children.has(name)) throw unsupported;
      at = skipSpaces(text, this.position, this.end);
      if (text.charCodeAt(at) !== 0x3a || !endsIndicator(text, at + 1, this.end)) throw unsupported;
      at = skipSpaces(text, at + 1, this.end);
      const c = text.charCodeAt(at);
      if (c === 0x2c || c === 0x7d) throw unsupported; // an empty value
      const value = this.value(at, true);
      setOwn(data, name, value.value);
      children.set(name, { keyStart: keyAt, node: value.node });
      at = skipSpaces(text, this.position, this.end);
      const sep = text.charCodeAt(at);
      if (sep === 0x7d) break;
      if (sep !== 0x2c) throw unsupported;
      at = skipSpaces(text, at + 1, this.end);
      if (text.charCodeAt(at) === 0x7d) break;
    }
    this.position = at + 1;
    return { value: data, node: { start: open, map: children } };
  }

  private flowSeq(open: number): Parsed {
    const text = this.text;
    const data: unknown[] = [];
    const items: FastNode[] = [];
    let at = skipSpaces(text, open + 1, this.end);
    if (text.charCodeAt(at) !== 0x5d) {
      for (;;) {
        const item = this.value(at, true);
        data.push(item.value);
        items.push(item.node);
        at = skipSpaces(text, this.position, this.end);
        const sep = text.charCodeAt(at);
        if (sep === 0x5d) break;
        if (sep !== 0x2c) throw unsupported; // includes "a: b" pairs inside a sequence
        at = skipSpaces(text, at + 1, this.end);
        if (text.charCodeAt(at) === 0x5d) break;
      }
    }
    this.position = at + 1;
    return { value: data, node: { start: open, seq: items } };
  }
}

function skipSpaces(text: string, from: number, end: number): number {
  while (from < end && text.charCodeAt(from) === 0x20) from++;
  return from;
}

/** ":" is an indicator when a space or the end of the content follows it. */
function endsIndicator(text: string, after: number, end: number): boolean {
  return after >= end || text.charCodeAt(after) === 0x20;
}

/** Plain scalars may not start with an indicator; "-", "?" and ":" only when followed by a non-space. */
function plainStart(c: number, next: number): boolean {
  if (c === 0x2d || c === 0x3f || c === 0x3a) return next !== 0x20 && !Number.isNaN(next);
  return !"[]{},#&*!|>'\"%@`".includes(String.fromCharCode(c)) && c === c && c !== 0x20;
}

/** The core schema's numeric forms (yaml's own tests): a plain scalar matching one is not a string. */
const NUMERIC_FORMS = [
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
];

/** The core schema's resolution of a plain scalar, for the forms specs use; anything exotic gives up. */
function plainScalar(raw: string): unknown {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(raw)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(raw)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(raw)) return false;
  const c = raw.charCodeAt(0);
  if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e) {
    if (/^[-+]?[0-9]{1,15}$/.test(raw)) return parseInt(raw, 10);
    if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(raw)) return parseFloat(raw);
    // Exponents, 0x, 0o, .inf, .nan and long digit runs are left to the full parser.
    if (NUMERIC_FORMS.some((form) => form.test(raw))) throw unsupported;
  }
  return raw;
}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", '"': '"', "\\": "\\", "/": "/", "0": "\0", " ": " " };

function quoted(text: string, open: number, close: number): string {
  const body = text.slice(open + 1, close);
  if (text.charCodeAt(open) === 0x27) return body.replace(/''/g, "'");
  if (!body.includes("\\")) return body;
  return body.replace(/\\(.)/g, (_, c: string) => {
    const replacement = ESCAPES[c];
    if (replacement === undefined) throw unsupported; // \u, \x and the rest: the full parser
    return replacement;
  });
}

/** The offset locate() reports for a pointer: the same walk as over the full parser's document. */
export function locateFast(root: FastNode, segments: readonly string[], where: "key" | "value"): number {
  let node: FastNode | undefined = root;
  let found = root.start;
  for (const segment of segments) {
    let keyStart: number | undefined;
    if (node.map) {
      const child = node.map.get(segment);
      if (!child) return found;
      keyStart = child.keyStart;
      node = child.node;
    } else if (node.seq) {
      node = node.seq[Number(segment)];
      if (node === undefined) return found;
    } else return found;
    found = where === "key" && keyStart !== undefined ? keyStart : node.start;
  }
  return found;
}
