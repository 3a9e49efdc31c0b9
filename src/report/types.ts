import type { FileResult } from "../diagnostics.js";

export interface FormatOptions {
  /** Colour the output (stylish only). */
  color: boolean;
  /** The directory file paths are shown relative to, where a format needs absolute or relative paths. */
  cwd: string;
}

/** A reporter turns lint results into the text one output format prints. */
export type Formatter = (results: readonly FileResult[], options: FormatOptions) => string;
