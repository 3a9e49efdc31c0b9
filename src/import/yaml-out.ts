/** Writes an imported spec as agentspec YAML: the schema comment, notes, and effects marked as inferred. */
import { Document, isScalar } from "yaml";
import { SCHEMA_COMMENT } from "../load/schema-comment.js";

export interface YamlOptions {
  /** Where the document came from, for the header comment. */
  from: string;
  /** Tools whose effect was inferred from the name, not declared by the source. */
  inferredEffects?: readonly string[];
  notes?: readonly string[];
}

// The schema comment is the loader's (one definition for every writer); re-exported for callers of this module.
export { DEFAULT_SCHEMA_PATH, setSchemaPath } from "../load/schema-comment.js";

export function toSpecYaml(spec: Record<string, unknown>, options: YamlOptions): string {
  const doc = new Document(spec);
  const header = [SCHEMA_COMMENT, ` Imported from ${options.from} by agentspec import.`];
  for (const note of options.notes ?? []) header.push(` NOTE: ${note}`);
  doc.commentBefore = header.join("\n");
  for (const name of options.inferredEffects ?? []) {
    const node = doc.getIn(["tools", name, "effect"], true);
    if (isScalar(node)) node.comment = " inferred from the tool name: review it";
  }
  return doc.toString({ lineWidth: 0 });
}
