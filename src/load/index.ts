/** Finds spec files and parses them into SourceDocs. */
export type { Position, SourceDoc, SourceFormat } from "./source.js";
export { escapePointerSegment, joinPointer, parsePointer, setOwn } from "./source.js";
export { findSpecFiles, isSpecFileName, walkSpecFiles, SPEC_FILE_PATTERNS, type FindOptions } from "./find.js";
export { loadSource, parseSource, sourceFromBytes } from "./read.js";
export { readBytes, readText, readTextIfExists, type ReadOptions } from "./files.js";
export { isObject, nonEmpty, prune } from "./data.js";
export { DEFAULT_SCHEMA_PATH, SCHEMA_COMMENT, setSchemaPath } from "./schema-comment.js";
export { loadYaml } from "./yaml.js";
