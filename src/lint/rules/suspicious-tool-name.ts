import { unicodeEscape } from "../../diagnostics.js";
import { toolPointer } from "../../model/index.js";
import { ruleDocs, SPEC_HEADER } from "../docs.js";
import type { Rule } from "../types.js";

/**
 * Characters a reader cannot see: controls, format characters (zero-width spaces and joiners,
 * bidirectional overrides), default-ignorable code points, every space but the ASCII one, and
 * the blanks that are letters or symbols (braille blank, Hangul fillers).
 */
const INVISIBLE =
  /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u2800\u115f\u1160\u3164\uffa0]/u;
const NON_ASCII = /[^\x00-\x7f]/;
const ESCAPED = /[^\x20-\x7e]/gu;

export const suspiciousToolName: Rule = {
  id: "suspicious-tool-name",
  severity: "error",
  description: "A tool name or deny pattern with invisible characters (error) or non-ASCII look-alikes (warning)",
  docs: ruleDocs({
    why: "Policies match tool names exactly. A zero-width space, a control character or a Cyrillic `а` in place of a Latin `a` makes a name that looks like the reviewed one but is another: a deny pattern that never matches the tool it was written for, or an allowlist entry a reviewer reads as a different tool. Tool names in MCP and in the model providers' function calling are ASCII.",
    fails: `${SPEC_HEADER}tools:\n  "crm.lookup\\u200b": { effect: read }\ndeny: ["p\\u0430yment.*"]\n`,
    passes: `${SPEC_HEADER}tools:\n  crm.lookup: { effect: read }\ndeny: ["payment.*"]\n`,
    fix: "Retype the name in plain ASCII letters, digits, `.`, `_` and `-`. The message shows each suspicious character as a \\u escape.",
  }),
  check(spec, { report }) {
    const check = (name: string, what: string, pointer: string, at?: "key") => {
      if (INVISIBLE.test(name)) {
        report({
          pointer,
          at,
          tool: name,
          message: `${what} "${escape(name)}" contains characters a reader cannot see: retype it in plain ASCII`,
        });
      } else if (NON_ASCII.test(name)) {
        const odd = [...new Set(name.match(/[^\x00-\x7f]/gu))].map(describe).join(", ");
        report({
          pointer,
          at,
          tool: name,
          severity: "warning",
          message: `${what} "${name}" contains non-ASCII ${odd}, which may look like an ASCII letter: tool names are ASCII`,
        });
      }
    };
    for (const tool of spec.tools) check(tool.name, "Tool name", toolPointer(tool.name), "key");
    spec.deny.forEach((entry, index) => check(entry.pattern, "Deny pattern", `/deny/${index}`));
  },
};

/** The name with every character outside printable ASCII as a \u escape. */
function escape(name: string): string {
  return name.replace(ESCAPED, unicodeEscape);
}

function describe(char: string): string {
  return `"${char}" (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`;
}
