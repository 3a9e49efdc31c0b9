/** Parsed, valid documents → the Spec model, whatever format they were written in. */
export type * from "./types.js";
export { checkSource, loadSpec, loadSpecs, toolPointer, toSpec, type CheckedSource, type Companions } from "./check.js";
export { inferEffect, effectRank } from "./infer-effect.js";
export { KIT_FILE_NAME, kitPathFor, loadCompanionKit, readKit } from "./kit.js";
export { agentazExtensions } from "./agentaz.js";
export { locateFinding } from "./locate.js";
