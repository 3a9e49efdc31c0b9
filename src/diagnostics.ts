/** A problem found in a spec: every stage reports these, none throws them. */
export type Severity = "error" | "warning";

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  /** JSON pointer to the offending node in the file as written. */
  pointer: string;
}

/** All diagnostics for one file, in the shape `--format json` prints. */
export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

/** A character as a \u escape (\u{…} beyond the Basic Multilingual Plane), for messages that must show what a reader cannot see. */
export function unicodeEscape(char: string): string {
  const hex = char.codePointAt(0)!.toString(16).toUpperCase();
  return hex.length > 4 ? `\\u{${hex}}` : `\\u${hex.padStart(4, "0")}`;
}

/**
 * Text a terminal shows as it is written: controls (an escape sequence could rewrite the
 * terminal), bidirectional overrides (which reorder what a reader sees) and invisible characters
 * become \u escapes.
 */
export function printable(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu, unicodeEscape);
}

/** `text` quoted for a message, cut after `max` characters, its controls escaped (see printable). */
export function excerpt(text: string, max = 120): string {
  return `"${printable(text.length > max ? text.slice(0, max) + "…" : text)}"`;
}

/**
 * What a rule, a compile target or an importer reports: a problem at a node of the spec (or of
 * the imported file), which the engine running it turns into a located Diagnostic.
 */
export interface Finding {
  /** Pointer in agentspec terms (/tools/<name>/approval); mapped into the source file for the report. */
  pointer: string;
  message: string;
  /** Point at the member's key instead of its value. */
  at?: "key" | "value";
  /** Overrides the unit's default severity for this finding. */
  severity?: Severity;
  /** The tool or pattern the finding is about, so a suppression can name it. */
  tool?: string;
}

/** The one channel every extension point reports through. */
export interface ReportContext {
  report(finding: Finding): void;
}

/** The rule id of a diagnostic that says a rule, target, importer or reporter failed, not the spec. */
export const INTERNAL_RULE = "internal";

/**
 * An exception from a rule, target or importer, as one diagnostic on the file it was working on:
 * the run goes on with the other files and units, and the message names the unit to report.
 */
export function internalDiagnostic(kind: "rule" | "target" | "importer", id: string, file: string, error: unknown): Diagnostic {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    ruleId: INTERNAL_RULE,
    severity: "error",
    message: `The ${kind} "${id}" failed on ${file} (${detail}): this is a bug in agentspec, please report it with the file`,
    line: 1,
    column: 1,
    pointer: "",
  };
}

/** Names longer than this are not compared: a typo hint is not worth quadratic work on hostile input. */
const MAX_COMPARED_LENGTH = 128;

/**
 * The candidate one or two edits away from `name` (a likely typo), for "did you mean …?"
 * messages: the nearest one, when it is one edit away or the edits are fewer than half the shorter name.
 */
export function closestName(name: string, candidates: Iterable<string>, options: { ignoreCase?: boolean } = {}): string | undefined {
  if (name.length > MAX_COMPARED_LENGTH) return undefined;
  const fold = (s: string) => (options.ignoreCase ? s.toLowerCase() : s);
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    if (candidate.length > MAX_COMPARED_LENGTH || candidate === name) continue;
    const distance = editDistance(fold(name), fold(candidate), 2);
    const plausible = distance === 1 || distance < Math.min(name.length, candidate.length) / 2;
    if (distance <= 2 && plausible && (!best || distance < best.distance)) {
      best = { name: candidate, distance };
    }
  }
  return best?.name;
}

/** Levenshtein distance with adjacent transpositions, giving up (limit + 1) above `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
    }
    if (Math.min(...current) > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}
