/** Finds spec files and parses them into SourceDocs. */
export type { Position, SourceDoc, SourceFormat } from "./source.js";
export { escapePointerSegment, joinPointer, parsePointer, setOwn } from "./source.js";
export { findSpecFiles, walkSpecFiles, SPEC_FILE_PATTERNS, type FindOptions } from "./find.js";
export { loadSource, parseSource } from "./read.js";
export { readBytes, readText, readTextIfExists, type ReadOptions } from "./files.js";
export { isObject, nonEmpty, prune } from "./data.js";
