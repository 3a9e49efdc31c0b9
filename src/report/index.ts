/** The one list of output formats. Adding one is adding its file and a line here. */
import { json } from "./formatters/json.js";
import { stylish } from "./formatters/stylish.js";
import type { Formatter } from "./types.js";

export type { Formatter, FormatOptions } from "./types.js";

export const formatters = {
  stylish,
  json,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;
export const formatNames = Object.keys(formatters) as FormatName[];
