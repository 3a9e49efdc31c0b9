/** The shared corpus of real formats (../shared/corpus): tests that read it skip when it is absent. */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/corpus");
export const hasCorpus = existsSync(CORPUS);
export const corpusPath = (...parts: string[]): string => path.join(CORPUS, ...parts);
