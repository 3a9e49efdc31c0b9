/** Finds spec files and parses them into SourceDocs. */
import { readdirSync, readFileSync, statSync, type Dirent } from "node:fs";
import { AgentspecError } from "../errors.js";
import { parseJsonSource } from "./json.js";
import { parseYamlSource } from "./yaml.js";
import { joinPointer, type SourceDoc } from "./source.js";

export type { Position, SourceDoc, SourceFormat } from "./source.js";
export { escapePointerSegment, joinPointer, parsePointer, setOwn } from "./source.js";

/** What a directory is searched for. */
export const SPEC_FILE_PATTERNS = ["**/*.agentspec.yaml", "**/*.agentspec.yml", "**/*.agentspec.json", "**/agentaz.json"];

export interface FindOptions {
  /** Glob patterns (relative to each searched directory) to leave out. */
  ignore?: string[];
}

/**
 * Expands paths into spec files: a directory is searched for SPEC_FILE_PATTERNS, a file named
 * explicitly is always taken. Throws NOT_FOUND for a missing path and NO_FILES when nothing matched.
 */
export async function findSpecFiles(paths: readonly string[], options: FindOptions = {}): Promise<string[]> {
  const files = new Set<string>();
  for (const given of paths) {
    const info = statPath(given);
    if (info.isDirectory()) {
      const found = options.ignore?.length ? await globSpecFiles(given, options.ignore) : await walkSpecFiles(given);
      const prefix = given.endsWith("/") ? given : given + "/";
      for (const file of found.sort()) files.add(prefix + file);
    } else {
      files.add(given);
    }
  }
  if (files.size === 0) {
    throw new AgentspecError(
      "NO_FILES",
      `No spec files found in ${paths.join(", ")}: agentspec looks for *.agentspec.yaml, *.agentspec.yml, *.agentspec.json and agentaz.json`,
    );
  }
  return [...files];
}

function statPath(given: string) {
  try {
    return statSync(given);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === "ENOENT") throw new AgentspecError("NOT_FOUND", `${given}: no such file or directory`);
    throw new AgentspecError("UNREADABLE", `${given}: cannot be read (${code ?? message})`);
  }
}

/** fast-glob, loaded only when ignore patterns need it: loading it costs more than a walk of a spec tree. */
async function globSpecFiles(dir: string, ignore: readonly string[]): Promise<string[]> {
  const { default: fg } = await import("fast-glob");
  return fg(SPEC_FILE_PATTERNS, {
    cwd: dir,
    ignore: ["**/node_modules/**", ...ignore],
    dot: false,
    followSymbolicLinks: false,
    suppressErrors: true,
  });
}

/**
 * What fast-glob returns for SPEC_FILE_PATTERNS without ignore patterns, by a plain walk: paths
 * relative to `dir`; dot entries and node_modules skipped; symbolic links neither followed nor
 * listed; unreadable directories skipped.
 */
export async function walkSpecFiles(dir: string, relative = ""): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = readdirSync(relative ? `${dir}/${relative}` : dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const entry of entries) {
    const name = entry.name;
    if (name.startsWith(".")) continue;
    const path = relative ? `${relative}/${name}` : name;
    if (entry.isDirectory()) {
      // A loop, not push(...): a spread of ~150,000 names overflows the stack.
      if (name !== "node_modules") for (const file of await walkSpecFiles(dir, path)) found.push(file);
    } else if (entry.isFile() && isSpecFileName(name)) found.push(path);
  }
  return found;
}

function isSpecFileName(name: string): boolean {
  return name.endsWith(".agentspec.yaml") || name.endsWith(".agentspec.yml") || name.endsWith(".agentspec.json") || name === "agentaz.json";
}

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
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new AgentspecError("NOT_FOUND", `${file}: no such file`);
    if (code === "EISDIR") throw new AgentspecError("UNREADABLE", `${file}: is a directory, not a spec file`);
    throw new AgentspecError("UNREADABLE", `${file}: cannot be read (${code ?? (error as Error).message})`);
  }
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
