import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The package's root and version, read once from package.json (two levels up in src/ and dist/cli/, three in dist/src/). */
const found: { root: string; version: string } | undefined = (() => {
  for (const relative of ["../../package.json", "../../../package.json"]) {
    try {
      const url = new URL(relative, import.meta.url);
      const pkg = JSON.parse(readFileSync(url, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "@agentspec/agentspec" && pkg.version) return { root: fileURLToPath(new URL(".", url)), version: pkg.version };
    } catch {
      // try the next location
    }
  }
  return undefined;
})();

export const version: string = found?.version ?? "unknown";

/** The directory of the package this CLI runs from (its schema/ is there), if it was found. */
export const packageRoot: string | undefined = found?.root;
