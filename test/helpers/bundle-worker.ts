/**
 * A TypeScript worker for tests that need other processes, bundled from the sources with rolldown
 * (so it runs the code under test, not a possibly stale dist/). The bundle is written under
 * node_modules/.cache so that the packages it leaves external (ioredis, OpenTelemetry) resolve.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { build } from "rolldown";

const CACHE = path.resolve("node_modules/.cache/agentspec-test-workers");

export async function bundleWorker(entry: string): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  const file = path.join(CACHE, `${path.basename(entry, ".ts")}-${process.pid}-${Date.now()}.mjs`);
  await build({
    input: path.resolve(entry),
    platform: "node",
    external: [/^node:/, "ioredis", /^@opentelemetry\//],
    logLevel: "silent",
    output: { file, format: "esm" },
  });
  return file;
}
