/** What a diff reporter is: one output format of `agentspec diff`, registered in format/index.ts. */
import type { SpecDiff } from "../files.js";

export interface DiffFormatOptions {
  /** Colour the output (stylish only). */
  color: boolean;
  /** The directory file paths are shown relative to, where a format needs it (sarif, github). */
  cwd: string;
  /** agentspec's version, for formats that name the tool (sarif). */
  version?: string;
}

export interface DiffReporter {
  /** The --format name. */
  id: string;
  /** One line: what it prints and for whom. */
  description: string;
  /** Markdown: the shape of the output. */
  docs: string;
  format(diffs: readonly SpecDiff[], options: DiffFormatOptions): string;
}
