/** The `$schema` comment of a spec the CLI writes (import, mcp init), pointed at a schema file that exists offline. */
import { existsSync } from "node:fs";
import path from "node:path";
import { setSchemaPath } from "../load/index.js";
import { packageRoot } from "./version.js";

/**
 * The spec's `$schema` comment pointing at the schema of the package this CLI runs from, relative
 * to the directory the spec is written to (stdout: the working directory), so editors find it
 * offline. Without the package's schema/ the library's default path stays.
 */
export function withLocalSchema(yaml: string, specDir: string): string {
  if (!packageRoot) return yaml;
  const schema = path.join(packageRoot, "schema", "agentspec.schema.json");
  if (!existsSync(schema)) return yaml;
  const relative = path.relative(specDir, schema).split(path.sep).join("/");
  return setSchemaPath(yaml, relative.startsWith(".") ? relative : `./${relative}`);
}
