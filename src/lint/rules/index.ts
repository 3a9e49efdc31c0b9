/** The one list of lint rules. Adding a rule is adding its file and a line here. */
import type { Rule } from "../types.js";

export const rules: readonly Rule[] = [];
