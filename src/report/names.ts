/** The output formats by name, apart from their code, so a command line is checked without loading them. */
export const formatNames = ["stylish", "json", "sarif", "github", "junit"] as const;

export type FormatName = (typeof formatNames)[number];
