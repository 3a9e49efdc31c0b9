/**
 * Tool names as a dispatcher may read them. Agents' dispatchers commonly trim, case-fold or
 * Unicode-normalize a tool name before looking the tool up, so a deny pattern compared with the
 * raw name lets `email.Send` or a fullwidth `email.ｓｅｎｄ` through to `email.send`. These
 * functions say which names are not names at all (toolNameProblem) and which one tool every
 * spelling reads as (foldToolName), so deny patterns and escalation can work on that one tool.
 */

/**
 * Characters no tool name holds: controls (Cc), format characters (Cf: soft hyphen, zero-width
 * joiners, bidi controls), line and paragraph separators, whitespace, default-ignorable code
 * points (which renderers and many normalizers drop, so `a\u200bb` shows and may dispatch as
 * `ab`), and lone surrogates (Cs: not a character in any encoding a dispatcher uses).
 */
const NOT_IN_A_NAME = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cs}]/u;

const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const EDGE_SPACE = /^\p{White_Space}+|\p{White_Space}+$/gu;
/**
 * The ideographic full stops IDNA (UTS #46) maps to "." as label separators, and NFKC does not:
 * U+3002 and the halfwidth U+FF61 (NFKC already turns U+FE12 into U+3002, and U+FF0E into ".").
 * A dispatcher that reads names as host-like labels runs `crm。delete` as `crm.delete`.
 */
const IDEOGRAPHIC_STOPS = /[\u3002\uff61]/g;
/** A dotted capital I lower-cases to i + U+0307 everywhere but in a Turkish locale, which reads it as i. */
const DOTTED_I = /i\u0307/g;

/**
 * The longest tool name, in UTF-16 code units: twice MCP's 128. A longer name is malformed,
 * checked before anything else reads it: folding a name costs time in its length (a million
 * characters took ~130 ms), and every name resolved is cached, so unbounded names were a way
 * to burn CPU and memory.
 */
export const MAX_TOOL_NAME_LENGTH = 256;

/** Why a name over MAX_TOOL_NAME_LENGTH is malformed, quoting only its start. */
export function overlongNameProblem(name: string): string {
  return `The tool name ${JSON.stringify(name.slice(0, 32))}… is ${name.length} characters long, over the limit of ${MAX_TOOL_NAME_LENGTH}: no tool name is, so the call is denied`;
}

/**
 * Why a tool name is malformed, or undefined when it is a name: empty, longer than
 * MAX_TOOL_NAME_LENGTH, holding a character no name holds (see NOT_IN_A_NAME), or with an empty
 * dot segment, as written or once folded (a fullwidth dot reads as a dot). `folded` is
 * foldToolName(name), when the caller has it.
 */
export function toolNameProblem(name: string, folded?: string): string | undefined {
  if (name.length === 0) return "The call has no tool name";
  if (name.length > MAX_TOOL_NAME_LENGTH) return overlongNameProblem(name);
  const bad = NOT_IN_A_NAME.exec(name);
  if (bad) {
    const code = bad[0].codePointAt(0)!;
    return `The tool name ${JSON.stringify(name)} holds ${describeCodePoint(code)} at index ${bad.index}: no tool name does, so the call is denied`;
  }
  const empty = emptySegment(name) ?? emptySegment(folded ?? foldToolName(name));
  if (empty) return `The tool name ${JSON.stringify(name)} has an empty segment (${empty}): no tool name does, so the call is denied`;
  return undefined;
}

/** Printable ASCII without spaces, by a loop (cheaper than a regular expression's entry for a name this short). */
function printableAscii(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

/**
 * The one reading of a name that all its spellings share: Unicode NFKC (fullwidth and other
 * compatibility forms become their plain letters), ideographic full stops read as "." (as IDNA
 * reads them), default-ignorable code points removed, surrounding whitespace removed, and case folded (upper-cased then lower-cased, so `ß`, `SS` and
 * `ss` agree, as do dotless `ı` and `i`). Repeated until it no longer changes, so folding a folded
 * name gives it back. Used on deny patterns and names alike; never for the allowlist, which is exact.
 */
export function foldToolName(name: string): string {
  // Printable ASCII (most names): NFKC changes nothing, nothing is ignorable or space, and case
  // folding is lower-casing.
  if (printableAscii(name)) return name.toLowerCase();
  let folded = name;
  // Each round can only expose what the last produced (case mapping can emit a compatibility
  // form); four rounds are more than any string needs, and the loop must stay bounded.
  for (let round = 0; round < 4; round++) {
    const next = foldOnce(folded);
    if (next === folded) return folded;
    folded = next;
  }
  return folded;
}

function foldOnce(name: string): string {
  return name
    .normalize("NFKC")
    .replace(IGNORABLE, "")
    .replace(EDGE_SPACE, "")
    .toUpperCase()
    .toLowerCase()
    .replace(DOTTED_I, "i")
    .normalize("NFKC")
    .replace(IDEOGRAPHIC_STOPS, ".");
}

function emptySegment(name: string): string | undefined {
  if (name.startsWith(".")) return "it starts with a dot";
  if (name.endsWith(".")) return "it ends with a dot";
  if (name.includes("..")) return "two dots in a row";
  return undefined;
}

function describeCodePoint(code: number): string {
  const hex = "U+" + code.toString(16).toUpperCase().padStart(4, "0");
  if (code >= 0xd800 && code <= 0xdfff) return `a lone surrogate (${hex})`;
  if (/\p{White_Space}/u.test(String.fromCodePoint(code))) return `whitespace (${hex})`;
  if (/\p{Cc}/u.test(String.fromCodePoint(code))) return `a control character (${hex})`;
  return `an invisible or formatting character (${hex})`;
}
