/**
 * The shared material beside the repository (../shared): the corpus of real formats and the
 * bundled peer engines. Tests that need it skip, with this reason shown, when it is absent; they
 * never read it at module top level or in a describe body, so a missing folder cannot fail collection.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const SHARED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../shared");
export const hasShared = existsSync(SHARED);
export const sharedPath = (...parts: string[]): string => path.join(SHARED, ...parts);

/** The visible reason a test that needs ../shared gives when it skips. */
export const SHARED_MISSING = `${SHARED} is absent: the tests that need the shared corpus or the peer engines are skipped`;
