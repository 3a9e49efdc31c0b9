/** The diff output formats by name, apart from their code, so a command line is checked without loading them. */
export const diffFormatNames = ["stylish", "json", "markdown", "sarif", "github"] as const;

export type DiffFormatName = (typeof diffFormatNames)[number];
