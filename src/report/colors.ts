/**
 * Terminal colours for the human-readable formats. chalk is loaded only when the output is
 * coloured: it is an ES module only, so the CommonJS CLI bundle loads it through require(esm),
 * which starts node's ES module loader (~30 ms of CPU, a sixth of a cold `agentspec lint`); a
 * pre-commit hook or a CI run writes to a pipe, uncoloured, and never pays for it.
 */
import { createRequire } from "node:module";
import type { ChalkInstance } from "chalk";

export type Colors = ChalkInstance;

/** What chalk gives at level 0, without chalk: every style (chained too) returns its text unchanged. */
const plain: Colors = new Proxy(((...text: unknown[]) => text.join(" ")) as unknown as Colors, {
  get: (_target, key) => (key === "level" ? 0 : plain),
});

let chalk: typeof import("chalk") | undefined;

/** chalk's basic 16 colours when `enabled` (agentspec decides colour itself, src/cli/io.ts), else plain text. */
export function colors(enabled: boolean): Colors {
  if (!enabled) return plain;
  chalk ??= createRequire(import.meta.url)("chalk") as typeof import("chalk");
  return new chalk.Chalk({ level: 1 });
}
