/** Markdown building blocks for the review document: escaped table cells, tables, code spans. */

/**
 * Text safe inside one GFM table cell: `|` would end the cell and a newline the row, and a `<`
 * before a letter would open raw HTML in a renderer.
 */
export function escapeCell(text: string): string {
  return text
    .replace(/\\(?=\|)/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/\r\n?|\n/g, "<br>")
    .replace(/<(?![bB][rR]>)(?=[A-Za-z/!?])/g, "&lt;");
}

/** A GFM table; every row has as many cells as the header. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => "| " + cells.map((c) => escapeCell(c === "" ? "—" : c)).join(" | ") + " |";
  return [line(header), "| " + header.map(() => "---").join(" | ") + " |", ...rows.map(line)].join("\n");
}

/** A code span that survives any backticks inside the text. */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return fence + pad + text + pad + fence;
}

/** Text as a Markdown paragraph: newlines kept, nothing that would start a heading or list at a line start. */
export function paragraph(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => line.replace(/^(\s*)([#>*+-]|\d+[.)])(?=\s)/, "$1\\$2"))
    .join("\n");
}
