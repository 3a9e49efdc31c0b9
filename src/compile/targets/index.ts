/** The one list of compile targets. Adding one is adding its file and a line here. */
import { policy } from "./policy.js";
import type { Target } from "./types.js";

export type { EmittedFile, Target } from "./types.js";

export const targets: readonly Target[] = [policy];
