/** Names a reader reviews (tool names, deny patterns, the names MCP servers list): what can make one read as another. */
import { unicodeEscape } from "../diagnostics.js";

/**
 * Characters a reader cannot see: controls, format characters (zero-width spaces and joiners,
 * bidirectional overrides), default-ignorable code points, every space but the ASCII one, and
 * the blanks that are letters or symbols (braille blank, Hangul fillers).
 */
const INVISIBLE =
  /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u2800\u115f\u1160\u3164\uffa0]/u;
const NON_ASCII = /[^\x00-\x7f]/;
const ESCAPED = /[^\x20-\x7e]/gu;

/**
 * What is wrong with a name a reader will review (`what` is "Tool name", "Deny pattern", …):
 * invisible characters (error), non-ASCII look-alikes (warning), or nothing. Also used on the
 * names MCP servers list.
 */
export function toolNameProblem(name: string, what: string): { severity: "error" | "warning"; message: string } | undefined {
  if (INVISIBLE.test(name)) {
    return {
      severity: "error",
      message: `${what} "${escapeToolName(name)}" contains characters a reader cannot see: retype it in plain ASCII`,
    };
  }
  if (NON_ASCII.test(name)) {
    const odd = [...new Set(name.match(/[^\x00-\x7f]/gu))].map(describe).join(", ");
    return {
      severity: "warning",
      message: `${what} "${name}" contains non-ASCII ${odd}, which may look like an ASCII letter: tool names are ASCII`,
    };
  }
  return undefined;
}

/** The name with every character outside printable ASCII as a \u escape. */
export function escapeToolName(name: string): string {
  return name.replace(ESCAPED, unicodeEscape);
}

function describe(char: string): string {
  return `"${char}" (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`;
}
