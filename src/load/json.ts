/**
 * A JSON parser that keeps source positions: every member's key and value offset is recorded
 * under its JSON pointer, and duplicate keys are reported instead of silently overwritten.
 * JSON.parse keeps neither, and diagnostics need both.
 */
import type { Diagnostic } from "../diagnostics.js";
import {
  computeLineStarts,
  escapePointerSegment,
  offsetToPosition,
  parsePointer,
  setOwn,
  type Position,
  type SourceDoc,
} from "./source.js";

/** Deeper nesting than this is refused: no spec needs it, and recursion must stay bounded. */
export const MAX_DEPTH = 256;

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

interface Span {
  key: number;
  value: number;
}

export function parseJsonSource(file: string, text: string): SourceDoc {
  const lineStarts = computeLineStarts(text);
  const spans = new Map<string, Span>();
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number): Position => offsetToPosition(lineStarts, offset);
  let data: unknown;
  try {
    data = new Parser(text, spans, (message, offset, pointer) => {
      diagnostics.push({ ruleId: "syntax", severity: "error", message, pointer, ...at(offset) });
    }).parseDocument();
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    data = undefined;
    diagnostics.push({ ruleId: "syntax", severity: "error", message: error.message, pointer: "", ...at(error.offset) });
  }
  return {
    file,
    format: "json",
    text,
    data,
    diagnostics,
    locate(pointer, where = "value") {
      for (let segments = parsePointer(pointer); ; segments = segments.slice(0, -1)) {
        const key = segments.length === 0 ? "" : "/" + segments.map(escapePointerSegment).join("/");
        const span = spans.get(key);
        if (span) return at(where === "key" && span.key >= 0 ? span.key : span.value);
        if (segments.length === 0) return { line: 1, column: 1 };
      }
    },
  };
}

type DuplicateReporter = (message: string, offset: number, pointer: string) => void;

class Parser {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly spans: Map<string, Span>,
    private readonly reportDuplicate: DuplicateReporter,
  ) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  parseDocument(): unknown {
    this.skipWhitespace();
    if (this.pos >= this.text.length) throw new JsonSyntaxError("The file is empty: expected a JSON object", this.pos);
    const value = this.parseValue("", -1, 0);
    this.skipWhitespace();
    if (this.pos < this.text.length) {
      throw new JsonSyntaxError(`Unexpected ${this.describeHere()} after the end of the JSON value`, this.pos);
    }
    return value;
  }

  private parseValue(pointer: string, keyOffset: number, depth: number): unknown {
    this.skipWhitespace();
    this.spans.set(pointer, { key: keyOffset, value: this.pos });
    const ch = this.text[this.pos];
    if (ch === "{") return this.parseObject(pointer, depth + 1);
    if (ch === "[") return this.parseArray(pointer, depth + 1);
    if (ch === '"') return this.parseString();
    if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) return this.parseNumber();
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    throw new JsonSyntaxError(`Unexpected ${this.describeHere()}: expected a JSON value`, this.pos);
  }

  private parseObject(pointer: string, depth: number): Record<string, unknown> {
    this.checkDepth(depth);
    const result: Record<string, unknown> = {};
    const seen = new Map<string, number>();
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') {
        throw new JsonSyntaxError(`Unexpected ${this.describeHere()}: expected a property name in double quotes`, this.pos);
      }
      const keyOffset = this.pos;
      const key = this.parseString();
      this.skipWhitespace();
      if (this.text[this.pos] !== ":")
        throw new JsonSyntaxError(`Unexpected ${this.describeHere()}: expected ':' after "${key}"`, this.pos);
      this.pos++;
      const memberPointer = pointer + "/" + escapePointerSegment(key);
      const firstOffset = seen.get(key);
      if (firstOffset !== undefined) {
        const first = computeLineStarts(this.text.slice(0, firstOffset)).length;
        this.reportDuplicate(`Duplicate key "${key}": it is already set on line ${first}; remove one of them`, keyOffset, memberPointer);
      }
      seen.set(key, keyOffset);
      setOwn(result, key, this.parseValue(memberPointer, keyOffset, depth));
      this.skipWhitespace();
      const next = this.text[this.pos];
      this.pos++;
      if (next === "}") return result;
      if (next !== ",")
        throw new JsonSyntaxError(`Unexpected ${this.describe(this.pos - 1)}: expected ',' or '}' in an object`, this.pos - 1);
    }
  }

  private parseArray(pointer: string, depth: number): unknown[] {
    this.checkDepth(depth);
    const result: unknown[] = [];
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return result;
    }
    for (;;) {
      result.push(this.parseValue(pointer + "/" + result.length, -1, depth));
      this.skipWhitespace();
      const next = this.text[this.pos];
      this.pos++;
      if (next === "]") return result;
      if (next !== ",")
        throw new JsonSyntaxError(`Unexpected ${this.describe(this.pos - 1)}: expected ',' or ']' in an array`, this.pos - 1);
    }
  }

  private parseString(): string {
    const start = this.pos;
    let end = start + 1;
    // Fast path: no escapes.
    for (; end < this.text.length; end++) {
      const code = this.text.charCodeAt(end);
      if (code === 0x22) {
        this.pos = end + 1;
        return this.text.slice(start + 1, end);
      }
      if (code === 0x5c || code < 0x20) break;
    }
    for (; end < this.text.length; end++) {
      const code = this.text.charCodeAt(end);
      if (code === 0x5c) end++;
      else if (code === 0x22) break;
      else if (code < 0x20) throw new JsonSyntaxError("Unescaped control character in a string", end);
    }
    if (end >= this.text.length) throw new JsonSyntaxError("Unterminated string: add the closing double quote", start);
    this.pos = end + 1;
    try {
      return JSON.parse(this.text.slice(start, end + 1)) as string;
    } catch {
      throw new JsonSyntaxError("Invalid escape sequence in a string", start);
    }
  }

  private parseNumber(): number {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) throw new JsonSyntaxError(`Unexpected ${this.describeHere()}: expected a number`, this.pos);
    this.pos += match[0].length;
    return Number(match[0]);
  }

  private skipWhitespace(): void {
    for (;;) {
      const code = this.text.charCodeAt(this.pos);
      if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) this.pos++;
      else return;
    }
  }

  private checkDepth(depth: number): void {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(`Nesting deeper than ${MAX_DEPTH} levels is not allowed in a spec`, this.pos);
  }

  private describeHere(): string {
    return this.describe(this.pos);
  }

  private describe(offset: number): string {
    if (offset >= this.text.length) return "end of file";
    const code = this.text.codePointAt(offset)!;
    const ch = String.fromCodePoint(code);
    return code < 0x20 || code === 0x7f ? `character U+${code.toString(16).toUpperCase().padStart(4, "0")}` : `'${ch}'`;
  }
}

const LITERALS: readonly [string, unknown][] = [
  ["true", true],
  ["false", false],
  ["null", null],
];

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
