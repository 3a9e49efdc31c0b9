/** File paths as CI systems want them: relative to the working directory, with forward slashes. */
import path from "node:path";

export function relativePath(file: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  return (relative === "" ? path.basename(file) : relative).split(path.sep).join("/");
}
