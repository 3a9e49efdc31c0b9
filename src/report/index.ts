/** The output formats. Adding one is adding its file, its name in names.ts and a line here. */
import { github } from "./formatters/github.js";
import { json } from "./formatters/json.js";
import { junit } from "./formatters/junit.js";
import { sarif } from "./formatters/sarif.js";
import { stylish } from "./formatters/stylish.js";
import type { FormatName } from "./names.js";
import type { Formatter } from "./types.js";

export type { Formatter, FormatOptions } from "./types.js";

export { formatNames, type FormatName } from "./names.js";

export const formatters: Record<FormatName, Formatter> = {
  stylish,
  json,
  sarif,
  github,
  junit,
};
