/** The output formats. Adding one is adding its file, its name in names.ts and a line here. */
import { github } from "./formatters/github.js";
import { json } from "./formatters/json.js";
import { junit } from "./formatters/junit.js";
import { sarif } from "./formatters/sarif.js";
import { stylish } from "./formatters/stylish.js";
import type { FormatName } from "./names.js";
import type { Formatter, Reporter } from "./types.js";

export type { DescribedRule, Formatter, FormatOptions, Reporter } from "./types.js";
export { REPOSITORY_URL, ruleCatalog } from "../lint/catalog.js";

export { formatNames, type FormatName } from "./names.js";

/** The one list of reporters, in the order of `formatNames`. */
export const reporters: readonly Reporter[] = [stylish, json, sarif, github, junit];

/** Each reporter's format function by id, as the library has always exported them. */
export const formatters = Object.fromEntries(reporters.map((r) => [r.id, r.format])) as Record<FormatName, Formatter>;
