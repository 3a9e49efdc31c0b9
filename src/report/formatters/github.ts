/**
 * `--format github`: one GitHub Actions workflow command per finding, which the runner turns
 * into an annotation on the file and line: `::error file=…,line=…,col=…,title=…::message`.
 */
import { relativePath } from "../paths.js";
import type { Formatter, Reporter } from "../types.js";

const format: Formatter = (results, { cwd }) => {
  const lines: string[] = [];
  for (const { file, diagnostics } of results) {
    const path = relativePath(file, cwd);
    for (const d of diagnostics) {
      const command = d.severity === "error" ? "error" : "warning";
      const properties = `file=${escapeProperty(path)},line=${d.line},col=${d.column},title=${escapeProperty(d.ruleId)}`;
      lines.push(`::${command} ${properties}::${escapeData(d.message)}`);
    }
  }
  return lines.map((line) => line + "\n").join("");
};

/** The escaping the Actions runner undoes (actions/toolkit, command.ts). */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A property value also ends at ',' and the properties at ':'. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export const github: Reporter = {
  id: "github",
  description: "GitHub Actions workflow commands, shown as annotations",
  docs: "One `::error` or `::warning` workflow command per finding, with `file`, `line`, `col` and `title` (the rule id), which the Actions runner shows as annotations on the pull request.",
  format,
};
