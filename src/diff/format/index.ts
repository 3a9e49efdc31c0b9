/** The one list of `agentspec diff` output formats. */
import { github } from "./github.js";
import { json } from "./json.js";
import { markdown } from "./markdown.js";
import { sarif } from "./sarif.js";
import { stylish } from "./stylish.js";
import type { DiffReporter } from "./types.js";

export type { DiffFormatOptions, DiffReporter } from "./types.js";

export const diffReporters: readonly DiffReporter[] = [stylish, json, markdown, sarif, github];

export { diffFormatNames, type DiffFormatName } from "./names.js";
