// The CLI as one ESM bundle (dist/cli/), which bin/agentspec.js prefers: resolving and loading
// ~90 small modules one by one cost a fifth of a cold `agentspec lint`. Each command stays its
// own chunk, loaded when it runs. The library (dist/src) is not bundled.
import { defineConfig } from "rolldown";

export default defineConfig({
  input: { agentspec: "dist/src/cli/main.js" },
  platform: "node",
  // yaml is required lazily at run time (src/load/yaml.ts); the ajv helpers the generated
  // validators require stay in node_modules.
  external: [/^node:/, "yaml", /^ajv(-formats)?\//],
  output: { dir: "dist/cli", format: "esm", cleanDir: true, entryFileNames: "[name].js", chunkFileNames: "[name].js" },
});
