/** The one list of comparators: each compares one part of two policies and reports its changes. */
import type { Comparator } from "../types.js";
import { allowlist } from "./allowlist.js";
import { approval } from "./approval.js";
import { audit } from "./audit.js";
import { budgets } from "./budgets.js";
import { deny } from "./deny.js";
import { effect } from "./effect.js";
import { handoff } from "./handoff.js";
import { limits } from "./limits.js";
import { outputs } from "./outputs.js";
import { redaction } from "./redaction.js";
import { resources } from "./resources.js";
import { trustLevel } from "./trust-level.js";

export const comparators: readonly Comparator[] = [
  allowlist,
  effect,
  resources,
  approval,
  limits,
  deny,
  budgets,
  outputs,
  redaction,
  handoff,
  audit,
  trustLevel,
];
