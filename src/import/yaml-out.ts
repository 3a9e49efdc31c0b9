/** Writes an imported spec as agentspec YAML: the schema comment, notes, and effects marked as inferred. */
import { Document, isScalar } from "yaml";

export interface YamlOptions {
  /** Where the document came from, for the header comment. */
  from: string;
  /** Tools whose effect was inferred from the name, not declared by the source. */
  inferredEffects?: readonly string[];
  notes?: readonly string[];
}

/**
 * Where the header's `$schema` points by default: the schema of the installed package, relative
 * to a spec at the project's root, so an editor finds it offline (the schema's $id is not served).
 * The CLI writes the path from the file it writes to the schema it runs with (setSchemaPath).
 */
export const DEFAULT_SCHEMA_PATH = "./node_modules/@agentspec/agentspec/schema/agentspec.schema.json";

const SCHEMA_COMMENT = "# yaml-language-server: $schema=";

export function toSpecYaml(spec: Record<string, unknown>, options: YamlOptions): string {
  const doc = new Document(spec);
  const header = [` yaml-language-server: $schema=${DEFAULT_SCHEMA_PATH}`, ` Imported from ${options.from} by agentspec import.`];
  for (const note of options.notes ?? []) header.push(` NOTE: ${note}`);
  doc.commentBefore = header.join("\n");
  for (const name of options.inferredEffects ?? []) {
    const node = doc.getIn(["tools", name, "effect"], true);
    if (isScalar(node)) node.comment = " inferred from the tool name: review it";
  }
  return doc.toString({ lineWidth: 0 });
}

/** The YAML with its first-line `$schema` comment pointing at `schemaPath` (a path relative to the spec, or a URL). */
export function setSchemaPath(yaml: string, schemaPath: string): string {
  if (!yaml.startsWith(SCHEMA_COMMENT)) return yaml;
  const end = yaml.indexOf("\n");
  return `${SCHEMA_COMMENT}${schemaPath}${end === -1 ? "" : yaml.slice(end)}`;
}
