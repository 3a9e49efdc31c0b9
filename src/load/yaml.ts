/** YAML with source positions, through the `yaml` package's document AST. */
import { createRequire } from "node:module";
import type { Document, Node } from "yaml";
import type { Diagnostic } from "../diagnostics.js";
import { computeLineStarts, offsetToPosition, parsePointer, type Position, type SourceDoc } from "./source.js";
import { locateFast, parseCommonYaml, type FastYaml } from "./yaml-fast.js";

/**
 * The `yaml` package, loaded on first use: most specs take the fast path, and loading the
 * package (72 files) costs more than node's own start; the YAML compile targets call it only
 * when they run, so `compile --target policy` does not pay for it either. require() because
 * parsing and printing are synchronous.
 */
let yamlPackage: typeof import("yaml") | undefined;
export const loadYaml = (): typeof import("yaml") => (yamlPackage ??= createRequire(import.meta.url)("yaml") as typeof import("yaml"));

/** An alias bomb expands aliases without bound; real specs need a handful. */
const MAX_ALIAS_COUNT = 100;

/**
 * The yaml parser recurses once per nesting level and overflows the stack near 900 levels, so
 * deeper input is refused before parsing: flow brackets beyond MAX_FLOW_DEPTH, or indentation
 * beyond MAX_INDENT columns (each block level needs at least one column).
 */
const MAX_FLOW_DEPTH = 256;
const MAX_INDENT = 512;

export function parseYamlSource(file: string, text: string): SourceDoc {
  // The fast reader takes no nesting deeper than this check lets through, so it goes first.
  const fast = parseCommonYaml(text);
  if (fast) return fastSource(file, text, fast);
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep) {
    const position = offsetToPosition(computeLineStarts(text), tooDeep.offset);
    const diagnostic: Diagnostic = { ruleId: "syntax", severity: "error", message: tooDeep.message, pointer: "", ...position };
    return { file, format: "yaml", text, data: undefined, diagnostics: [diagnostic], locate: () => ({ line: 1, column: 1 }) };
  }
  return parseWithYamlPackage(file, text);
}

/** The full YAML parser's reading, with its diagnostics; exported for the fast reader's differential tests. */
export function parseWithYamlPackage(file: string, text: string): SourceDoc {
  const { LineCounter, parseDocument } = loadYaml();
  const lineCounter = new LineCounter();
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  // uniqueKeys is checked below in one pass: the parser's own check is quadratic in a map's size.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, merge: true, stringKeys: true });
  const diagnostics: Diagnostic[] = findDuplicateKeys(doc).map((key) => ({
    ruleId: "syntax",
    severity: "error",
    message: `Duplicate key "${key.name}": it is already set on line ${at(key.firstOffset).line}; remove one of them`,
    pointer: "",
    ...at(key.offset),
  }));
  // After the first real syntax error the parser's later errors are mostly its consequences.
  const firstFatal = doc.errors[0];
  for (const error of doc.errors.slice(0, 1)) {
    diagnostics.push({
      ruleId: "syntax",
      severity: "error",
      message: yamlErrorMessage(error.code, error.message),
      pointer: "",
      ...at(error.pos[0]),
    });
  }
  for (const warning of doc.warnings) {
    diagnostics.push({
      ruleId: "syntax",
      severity: "warning",
      message: `${yamlErrorMessage(warning.code, warning.message)}: the value is read as plain text`,
      pointer: "",
      ...at(warning.pos[0]),
    });
  }
  let data: unknown;
  if (!firstFatal && doc.contents === null) {
    diagnostics.push({
      ruleId: "syntax",
      severity: "error",
      message: "The file is empty: expected a YAML mapping",
      pointer: "",
      line: 1,
      column: 1,
    });
  } else if (!firstFatal) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      diagnostics.push({
        ruleId: "syntax",
        severity: "error",
        message: `The YAML could not be read: ${(error as Error).message}`,
        pointer: "",
        line: 1,
        column: 1,
      });
    }
  }
  return {
    file,
    format: "yaml",
    text,
    data,
    diagnostics,
    locate(pointer, where = "value") {
      const offset = locateInYaml(doc, pointer, where);
      return offset === undefined ? { line: 1, column: 1 } : at(offset);
    },
  };
}

/** A document the fast reader took: no diagnostics (it gives up on anything the parser would warn about). */
function fastSource(file: string, text: string, fast: FastYaml): SourceDoc {
  let lineStarts: number[] | undefined;
  return {
    file,
    format: "yaml",
    text,
    data: fast.data,
    diagnostics: [],
    locate(pointer, where = "value") {
      lineStarts ??= computeLineStarts(text);
      return offsetToPosition(lineStarts, locateFast(fast.root, parsePointer(pointer), where));
    },
  };
}

function locateInYaml(doc: Document, pointer: string, where: "key" | "value"): number | undefined {
  const { isAlias, isMap, isPair, isScalar, isSeq } = loadYaml();
  let node: unknown = doc.contents;
  let keyNode: unknown;
  let found: number | undefined = rangeStart(node);
  for (const segment of parsePointer(pointer)) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) return found;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node)) {
      keyNode = undefined;
      node = node.items[Number(segment)];
      if (node === undefined) return found;
    } else {
      return found;
    }
    found = rangeStart(where === "key" && keyNode ? keyNode : node) ?? rangeStart(keyNode) ?? found;
  }
  return found;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}

function yamlErrorMessage(code: string, message: string): string {
  if (code === "MULTIPLE_DOCS") return "The file holds more than one YAML document: put one spec in each file";
  if (INDENTATION_CODES.has(code)) {
    return `${message.replace(/ at line \d+, column \d+:?[\s\S]*$/, "")}: check the indentation here and on the next line, or quote a value that contains ": "`;
  }
  // The yaml package appends " at line L, column C" to its messages; the diagnostic carries the position.
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, "").replace(/\.$/, "");
}

const INDENTATION_CODES = new Set(["BLOCK_AS_IMPLICIT_KEY", "MULTILINE_IMPLICIT_KEY", "BAD_INDENT", "TAB_AS_INDENT"]);

interface DuplicateKey {
  name: string;
  offset: number;
  firstOffset: number;
}

function findDuplicateKeys(doc: Document): DuplicateKey[] {
  const { isScalar, visit } = loadYaml();
  const duplicates: DuplicateKey[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        const offset = pair.key.range?.[0] ?? 0;
        const first = seen.get(name);
        if (first !== undefined) duplicates.push({ name, offset, firstOffset: first });
        else seen.set(name, offset);
      }
    },
  });
  return duplicates;
}

/** A cheap scan for nesting the parser cannot take; quoted text and comments are skipped. */
function findExcessiveNesting(text: string): { message: string; offset: number } | undefined {
  let depth = 0;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a) {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (ch === 0x20) {
        if (++indent > MAX_INDENT) return { message: `Indentation deeper than ${MAX_INDENT} columns is not allowed in a spec`, offset: i };
        continue;
      }
      lineStart = false;
    }
    if (ch === 0x23 && (i === 0 || text.charCodeAt(i - 1) === 0x20 || text.charCodeAt(i - 1) === 0x0a)) {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end - 1;
    } else if ((ch === 0x22 || ch === 0x27) && (i === 0 || " \t[{,:-".includes(text[i - 1]!))) {
      const end = skipQuoted(text, i);
      if (end === -1) return undefined;
      i = end;
    } else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > MAX_FLOW_DEPTH) return { message: `Nesting deeper than ${MAX_FLOW_DEPTH} levels is not allowed in a spec`, offset: i };
    } else if ((ch === 0x5d || ch === 0x7d) && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

/** The index of the closing quote of the string opening at `start`, or -1 (left to the parser). */
function skipQuoted(text: string, start: number): number {
  const quote = text.charCodeAt(start);
  for (let i = start + 1; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (quote === 0x22 && ch === 0x5c) i++;
    else if (ch === quote) {
      if (quote === 0x27 && text.charCodeAt(i + 1) === 0x27) i++;
      else return i;
    }
  }
  return -1;
}
