/**
 * The first-line comment of a spec agentspec writes (`import`, `mcp init`), which tells an editor
 * (yaml-language-server) where the spec's JSON Schema is. It names a file, not the schema's $id:
 * nothing serves that URL, and an editor must find the schema offline.
 */

/**
 * Where the comment points by default: the schema of the installed package, relative to a spec at
 * the project's root. The CLI writes the path from the file it writes to the schema it runs with
 * (setSchemaPath).
 */
export const DEFAULT_SCHEMA_PATH = "./node_modules/@agentspec/agentspec/schema/agentspec.schema.json";

/** The comment's text without its `#`, as a YAML document's commentBefore holds it. */
export const SCHEMA_COMMENT = ` yaml-language-server: $schema=${DEFAULT_SCHEMA_PATH}`;

const PREFIX = "# yaml-language-server: $schema=";

/** The YAML with its first-line `$schema` comment pointing at `schemaPath` (a path relative to the spec, or a URL). */
export function setSchemaPath(yaml: string, schemaPath: string): string {
  if (!yaml.startsWith(PREFIX)) return yaml;
  const end = yaml.indexOf("\n");
  return `${PREFIX}${schemaPath}${end === -1 ? "" : yaml.slice(end)}`;
}
