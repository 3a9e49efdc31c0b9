/**
 * `--format github`: one GitHub Actions workflow command per finding, which the runner turns
 * into an annotation on the file and line: `::error file=…,line=…,col=…,title=…::message`.
 */
import { relativePath } from "../paths.js";
import type { Formatter } from "../types.js";

export const github: Formatter = (results, { cwd }) => {
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
