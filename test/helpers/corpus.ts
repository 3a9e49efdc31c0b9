/** The shared corpus of real formats (../shared/corpus): tests that read it skip when it is absent. */
import { existsSync } from "node:fs";
import { sharedPath } from "./shared.js";

export const CORPUS = sharedPath("corpus");
export const hasCorpus = existsSync(CORPUS);
export const corpusPath = (...parts: string[]): string => sharedPath("corpus", ...parts);
