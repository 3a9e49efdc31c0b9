/** An importer: another system's file → agentspec YAML text. */
export interface ImportResult {
  /** The agentspec document, as YAML text with comments where something was inferred or dropped. */
  yaml: string;
  /** What could not be carried over, one line each (also in the YAML as comments). */
  notes: string[];
}

export interface Importer {
  /** The format name on the command line: agentspec import <format> <file>. */
  format: string;
  description: string;
  /** `file` names the input in messages and in the YAML header. */
  import(text: string, file: string, options?: ImportOptions): ImportResult;
}

export interface ImportOptions {
  /** A companion file's text (AgentAz kit.json), when the caller has one. */
  companion?: { file: string; text: string };
}
