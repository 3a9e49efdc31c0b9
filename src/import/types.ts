/** An importer: another system's file → agentspec YAML text. */
import type { Severity } from "../diagnostics.js";

export interface ImportResult {
  /** The agentspec document, as YAML text with comments where something was inferred or dropped. */
  yaml: string;
  /** What could not be carried over, one line each (also in the YAML as comments). */
  notes: string[];
}

/** A problem in the imported file, at its line (and column) when known. */
export interface ImportFinding {
  message: string;
  /** An error refuses the import (nothing is written); a warning is printed and the import goes on. */
  severity?: Severity;
  line?: number;
  column?: number;
}

/** What an importer is given: `report` locates a problem in the file being imported. */
export interface ImportContext {
  report(finding: ImportFinding): void;
}

export interface Importer {
  /** The format name on the command line: agentspec import <id> <file>. */
  id: string;
  /** One line: what files it reads. */
  description: string;
  /** Markdown: what it reads, how it maps onto a spec, and what it cannot carry. */
  docs: string;
  /** `file` names the input in messages and in the YAML header. */
  import(text: string, file: string, context: ImportContext, options?: ImportOptions): ImportResult;
}

export interface ImportOptions {
  /** A companion file's text (AgentAz kit.json), when the caller has one. */
  companion?: { file: string; text: string };
}
