/**
 * `--format markdown`: a pull-request comment (or a job summary). One summary line, a table of
 * changes per spec, and the witnesses. Everything taken from a spec (tool names, patterns,
 * channels) is escaped: it cannot start a link, an HTML tag or a table cell, and cannot mention a
 * user or a team, whoever wrote the spec.
 */
import { unicodeEscape } from "../../diagnostics.js";
import type { SpecDiff } from "../files.js";
import type { AuthorityChange } from "../types.js";
import { describeCall, summaryLine, tally } from "./text.js";
import type { DiffReporter } from "./types.js";

/** GitHub refuses comments above 65,536 characters: stop well before. */
const MAX_LENGTH = 60_000;

export const markdown: DiffReporter = {
  id: "markdown",
  description: "A pull-request comment: a summary line, a table per spec and the witnesses",
  docs: "A heading with the summary line (\"authority widened in 2 of 5 specs \u2026\"), then per spec with changes a table (line, direction, kind, change) and the widened changes' witnesses; specs without changes on one line. Text from specs is escaped; the comment stays under GitHub's size limit.",
  format(diffs) {
    const t = tally(diffs);
    const head = [`### agentspec diff: ${summaryLine(t)}`, ""];
    const sections: string[][] = [];
    const unchanged = diffs.filter((d) => d.changes.length === 0 && d.problems.length === 0);
    for (const diff of diffs) {
      if (diff.problems.length > 0) sections.push(problemSection(diff));
      else if (diff.changes.length > 0) sections.push(specSection(diff));
    }
    if (unchanged.length > 0) sections.push([`No authority change in ${unchanged.map((d) => code(d.file)).join(", ")}.`, ""]);
    const out = [...head];
    let length = head.join("\n").length;
    for (const [i, section] of sections.entries()) {
      const text = section.join("\n");
      if (length + text.length > MAX_LENGTH) {
        out.push(
          `_${sections.length - i} more section${sections.length - i === 1 ? "" : "s"} left out to keep this comment within GitHub's size limit: run \`agentspec diff\` locally for all of it._`,
          "",
        );
        break;
      }
      out.push(...section);
      length += text.length + 1;
    }
    return out.join("\n");
  },
};

function specSection(diff: SpecDiff): string[] {
  const lines = [
    `#### ${code(diff.file)} · ${statusText(diff)}`,
    "",
    "| line | direction | kind | change |",
    "| ---: | :--- | :--- | :--- |",
  ];
  for (const change of diff.changes) {
    const direction = change.direction === "widened" ? "⚠️ **widened**" : change.direction;
    lines.push(`| ${where(change)} | ${direction} | ${code(change.kind)} | ${text(change.message)} |`);
  }
  const widened = diff.changes.filter((c) => c.direction === "widened");
  if (widened.length > 0) {
    lines.push(
      "",
      "Widened, with a witness: a call decided less strictly under the new policy than under the old (checked with decide() under both).",
      "",
    );
    for (const change of widened) {
      const at = `**line ${where(change)}** ${code(change.kind)}`;
      if (change.witness) {
        const { before, after } = change.witness;
        lines.push(
          `- ${at}: ${code(describeCall(change.witness.call))}: ${before.decision} (${before.rule}) → **${after.decision}** (${after.rule})`,
        );
      } else lines.push(`- ${at}: no witness. ${text(change.noWitness ?? "")}`);
    }
  }
  lines.push("");
  return lines;
}

function problemSection(diff: SpecDiff): string[] {
  const lines = [`#### ${code(diff.file)} · not compared`, ""];
  for (const result of diff.problems) {
    for (const d of result.diagnostics)
      lines.push(`- ${code(`${result.file}:${d.line}:${d.column}`)} ${text(d.message)} (${code(d.ruleId)})`);
  }
  lines.push("");
  return lines;
}

function statusText(diff: SpecDiff): string {
  if (diff.status === "added") return "new spec";
  if (diff.status === "removed") return "removed";
  if (diff.status === "renamed") return `renamed from ${code(diff.old ?? "")}`;
  return diff.old && diff.old !== diff.file ? `against ${code(diff.old)}` : "changed";
}

function where(change: AuthorityChange): string {
  return change.side === "old" ? `old ${change.line}` : String(change.line);
}

const MARKDOWN_PUNCTUATION = new Set("\\`*_{}[]()#+-.!|~".split(""));
const CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;

/** Text as Markdown shows it literally: punctuation escaped, HTML as entities, no mentions, on one line. */
export function text(value: string): string {
  let out = "";
  for (const char of value) {
    if (char === "\n" || char === "\r") out += " ";
    else if (CONTROL.test(char)) out += unicodeEscape(char);
    else if (MARKDOWN_PUNCTUATION.has(char)) out += "\\" + char;
    else if (char === "<") out += "&lt;";
    else if (char === ">") out += "&gt;";
    else if (char === "&") out += "&amp;";
    // A zero-width space after @ keeps GitHub from mentioning whoever the spec names.
    else if (char === "@") out += "@&#8203;";
    else out += char;
  }
  return out;
}

/** A code span that holds any text: a fence longer than any run of backticks in it; `|` escaped, as a table cell needs. */
export function code(value: string): string {
  let body = "";
  for (const char of value) body += char === "\n" || char === "\r" ? " " : CONTROL.test(char) ? unicodeEscape(char) : char;
  body = body.replace(/\|/g, "\\|");
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = body.startsWith("`") || body.endsWith("`") || body === "" ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}
