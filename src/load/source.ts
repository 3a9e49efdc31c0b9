/** A parsed file: its data, and a way to map a JSON pointer into it back to line:column. */
import type { Diagnostic } from "../diagnostics.js";

export interface Position {
  line: number;
  column: number;
}

export type SourceFormat = "json" | "yaml";

export interface SourceDoc {
  /** The path as given on the command line or found in a directory. */
  file: string;
  format: SourceFormat;
  text: string;
  /** The parsed value; undefined when the file could not be parsed at all. */
  data: unknown;
  /** Syntax problems and duplicate keys found while parsing. */
  diagnostics: Diagnostic[];
  /**
   * Where the node at `pointer` starts: its key when `at` is "key" and the node is an object
   * member, else its value. A pointer that does not resolve maps to its nearest existing parent.
   */
  locate(pointer: string, at?: "key" | "value"): Position;
}

/** Maps a character offset to a 1-based line:column. */
export function offsetToPosition(lineStarts: readonly number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low]! + 1 };
}

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function joinPointer(base: string, ...segments: (string | number)[]): string {
  return base + segments.map((s) => "/" + escapePointerSegment(String(s))).join("");
}

/** Sets an own property, even for keys such as __proto__, so parsed data never touches a prototype. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
