/** Reading a spec file into a SourceDoc: bytes checked (binary, UTF-8), parsed as JSON or YAML with positions. */
import { parseJsonSource } from "./json.js";
import { parseYamlSource } from "./yaml.js";
import { joinPointer, type SourceDoc } from "./source.js";
import { readBytes } from "./files.js";

/** Parses text as JSON or YAML by the file's extension (a file without one is sniffed). */
export function parseSource(file: string, text: string): SourceDoc {
  const lower = file.toLowerCase();
  const isJson = lower.endsWith(".json") || (!/\.ya?ml$/.test(lower) && /^\uFEFF?\s*[{[]/.test(text));
  const doc = isJson ? parseJsonSource(file, text) : parseYamlSource(file, text);
  // Pointers are built only for a document that has such a number: building one per node was a
  // tenth of linting time.
  if (!hasUnsafeInteger(doc.data)) return doc;
  for (const pointer of unsafeIntegers(doc.data, "")) {
    doc.diagnostics.push({
      ruleId: "syntax",
      severity: "error",
      message: "This number is beyond 2^53 and cannot be represented exactly: use a smaller number",
      pointer,
      ...doc.locate(pointer),
    });
  }
  return doc;
}

function hasUnsafeInteger(value: unknown): boolean {
  if (typeof value === "number") return Number.isInteger(value) && !Number.isSafeInteger(value);
  if (value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some(hasUnsafeInteger);
  for (const key of Object.keys(value)) if (hasUnsafeInteger((value as Record<string, unknown>)[key])) return true;
  return false;
}

/** Pointers of integers a JavaScript number cannot hold exactly (both parsers round them). */
function* unsafeIntegers(value: unknown, pointer: string): Generator<string> {
  if (typeof value === "number") {
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) yield pointer;
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* unsafeIntegers(value[i], `${pointer}/${i}`);
  } else if (value !== null && typeof value === "object") {
    for (const key of Object.keys(value)) yield* unsafeIntegers((value as Record<string, unknown>)[key], joinPointer(pointer, key));
  }
}

export async function loadSource(file: string): Promise<SourceDoc> {
  return sourceFromBytes(file, readBytes(file));
}

/** A file's bytes as a SourceDoc, refused (one located syntax diagnostic) when they are binary or not UTF-8: a file read from git, say. */
export function sourceFromBytes(file: string, bytes: Buffer): SourceDoc {
  const problem = binaryProblem(bytes);
  if (problem) return unparsable(file, problem);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = utf8Lenient.decode(bytes.subarray(0, offset));
    const line = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n");
    return unparsable(file, `The file is not valid UTF-8 text (byte ${offset}): save it as UTF-8`, line, column);
  }
  return parseSource(file, text);
}

const utf8Lenient = new TextDecoder("utf-8");

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    if (length > 1 && utf8Lenient.decode(bytes.subarray(i, i + length)).includes("\uFFFD")) return i;
    i += length;
  }
  return bytes.length;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function binaryProblem(bytes: Buffer): string | undefined {
  const nul = bytes.indexOf(0);
  return nul === -1 ? undefined : `The file looks binary (a NUL byte at offset ${nul}): a spec is JSON or YAML text`;
}

function unparsable(file: string, message: string, line = 1, column = 1): SourceDoc {
  return {
    file,
    format: /\.json$/i.test(file) ? "json" : "yaml",
    text: "",
    data: undefined,
    diagnostics: [{ ruleId: "syntax", severity: "error", message, line, column, pointer: "" }],
    locate: () => ({ line: 1, column: 1 }),
  };
}
