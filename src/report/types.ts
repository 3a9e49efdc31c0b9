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
  /**
   * `lint --max-warnings` and how many warnings the run found (also those --quiet leaves out of
   * the results): when they exceed it the run fails, and the summary (stylish) and the test
   * report (junit) say so rather than "no problems" or no failure.
   */
  warningLimit?: { maxWarnings: number; warnings: number };
}

/** The sentence for a warning count over `--max-warnings`, or undefined when the limit holds (or there is none). */
export function exceededWarnings(limit: FormatOptions["warningLimit"]): string | undefined {
  if (!limit || limit.maxWarnings < 0 || limit.warnings <= limit.maxWarnings) return undefined;
  return `${limit.warnings} warning${limit.warnings === 1 ? "" : "s"} exceed${limit.warnings === 1 ? "s" : ""} --max-warnings ${limit.maxWarnings}`;
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
