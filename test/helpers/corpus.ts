/** The shared corpus of real formats (../shared/corpus): tests that read it skip when it is absent. */
import { existsSync } from "node:fs";
import { sharedPath } from "./shared.js";

export const CORPUS = sharedPath("corpus");
export const hasCorpus = existsSync(CORPUS);
export const corpusPath = (...parts: string[]): string => sharedPath("corpus", ...parts);
/** Appended to the title of a suite that needs the corpus, so a skip says why. */
export const corpusNote = hasCorpus ? "" : ` (skipped: ${CORPUS} is absent)`;
