/** Validation against the JSON Schema of each spec kind, with messages a user can act on. */
export { detectKind, validate, type SpecKind } from "./validate.js";
export { describePath } from "./messages.js";
