/** YAML with source positions, through the `yaml` package's document AST. */
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";
import type { Diagnostic } from "../diagnostics.js";
import { parsePointer, type Position, type SourceDoc } from "./source.js";

/** An alias bomb expands aliases without bound; real specs need a handful. */
const MAX_ALIAS_COUNT = 100;

export function parseYamlSource(file: string, text: string): SourceDoc {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, merge: true, stringKeys: true });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const diagnostics: Diagnostic[] = [];
  // After the first real syntax error the parser's later errors are mostly its consequences.
  const firstFatal = doc.errors.find((e) => e.code !== "DUPLICATE_KEY");
  for (const error of doc.errors) {
    if (error.code !== "DUPLICATE_KEY" && error !== firstFatal) continue;
    diagnostics.push({ ruleId: "syntax", severity: "error", message: yamlErrorMessage(error.code, error.message, text, error.pos[0]), pointer: "", ...at(error.pos[0]) });
  }
  let data: unknown;
  if (!firstFatal && doc.contents === null) {
    diagnostics.push({ ruleId: "syntax", severity: "error", message: "The file is empty: expected a YAML mapping", pointer: "", line: 1, column: 1 });
  } else if (!firstFatal) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      diagnostics.push({ ruleId: "syntax", severity: "error", message: `The YAML could not be read: ${(error as Error).message}`, pointer: "", line: 1, column: 1 });
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

function locateInYaml(doc: Document, pointer: string, where: "key" | "value"): number | undefined {
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

function yamlErrorMessage(code: string, message: string, text: string, offset: number): string {
  if (code === "DUPLICATE_KEY") {
    const key = /^\s*("?)([^:"\n]*)\1\s*:/.exec(text.slice(offset))?.[2]?.trim();
    return key ? `Duplicate key "${key}": remove one of them (YAML keys must be unique)` : "Duplicate key: remove one of them (YAML keys must be unique)";
  }
  if (code === "MULTIPLE_DOCS") return "The file holds more than one YAML document: put one spec in each file";
  if (INDENTATION_CODES.has(code)) {
    return `${message.replace(/ at line \d+, column \d+:?[\s\S]*$/, "")}: check the indentation here and on the next line, or quote a value that contains ": "`;
  }
  // The yaml package appends " at line L, column C" to its messages; the diagnostic carries the position.
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, "").replace(/\.$/, "");
}

const INDENTATION_CODES = new Set(["BLOCK_AS_IMPLICIT_KEY", "MULTILINE_IMPLICIT_KEY", "BAD_INDENT", "TAB_AS_INDENT"]);
