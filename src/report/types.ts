import type { FileResult } from "../diagnostics.js";
import type { RuleMeta } from "../lint/catalog.js";

/** A rule as a report describes it: a lint rule's metadata, or another finding's (agentspec diff's change kinds) with where its docs are. */
export type DescribedRule = RuleMeta & { helpUri?: string };

export interface FormatOptions {
  /** Colour the output (stylish only). */
  color: boolean;
  /** The directory file paths are shown relative to, where a format needs absolute or relative paths. */
  cwd: string;
  /** The rules results may name, for formats that describe them (sarif); every known rule by default. */
  rules?: readonly DescribedRule[];
  /** agentspec's version, for formats that name the tool (sarif). */
  version?: string;
}

/** A reporter turns lint results into the text one output format prints. */
export type Formatter = (results: readonly FileResult[], options: FormatOptions) => string;

/** A reporter: one output format, registered in report/index.ts. */
export interface Reporter {
  /** The --format name. */
  id: string;
  /** One line: what it prints and for which tool. */
  description: string;
  /** Markdown: the shape of the output. */
  docs: string;
  format: Formatter;
}
