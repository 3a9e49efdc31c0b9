import { readFileSync } from "node:fs";

/** The package version, read once from package.json (two levels up in src/ and three in dist/src/). */
export const version: string = (() => {
  for (const relative of ["../../package.json", "../../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "@agentspec/agentspec" && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return "unknown";
})();
