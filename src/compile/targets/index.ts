/** The one list of compile targets. Adding one is adding its file and a line here. */
import { aex } from "./aex.js";
import { aexJson } from "./aex-json.js";
import { agentaz } from "./agentaz.js";
import { cedar } from "./cedar.js";
import { markdown } from "./markdown.js";
import { policy } from "./policy.js";
import { sentrely } from "./sentrely.js";
import { veto } from "./veto.js";
import { wpc } from "./wpc.js";
import type { Target } from "./types.js";

export type { EmittedFile, Target, TargetContext } from "./types.js";

export const targets: readonly Target[] = [policy, markdown, cedar, aex, aexJson, agentaz, wpc, veto, sentrely];
