/** The trust level a spec's tools give it (AgentAz A0–A5), computed, never taken from the declared level. */
export { computeTrustLevel, missingBounds, trustLevelRank, type TrustLevelResult } from "./compute.js";
