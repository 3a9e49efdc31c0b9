/** The one list of output formats. Adding one is adding its file and a line here. */
import { github } from "./formatters/github.js";
import { json } from "./formatters/json.js";
import { junit } from "./formatters/junit.js";
import { sarif } from "./formatters/sarif.js";
import { stylish } from "./formatters/stylish.js";
import type { Formatter } from "./types.js";

export type { Formatter, FormatOptions } from "./types.js";

export const formatters = {
  stylish,
  json,
  sarif,
  github,
  junit,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;
export const formatNames = Object.keys(formatters) as FormatName[];
