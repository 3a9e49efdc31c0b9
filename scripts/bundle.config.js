// The CLI as one ESM bundle (dist/cli/), which bin/agentspec.js prefers: resolving and loading
// ~90 small modules one by one cost a fifth of a cold `agentspec lint`. Each command stays its
// own chunk, loaded when it runs. The library (dist/src) is not bundled.
import { fileURLToPath } from "node:url";
import { defineConfig } from "rolldown";

export default defineConfig({
  input: { agentspec: "dist/src/cli/main.js" },
  platform: "node",
  resolve: {
    // chalk's terminal detection imports node:process, node:tty and node:os (20 ms at start-up);
    // agentspec decides colour itself (src/cli/io.ts) and gives chalk the level, so the bundle
    // takes chalk's dependency-free variant of that module.
    alias: {
      "#supports-color": fileURLToPath(new URL("../node_modules/chalk/source/vendor/supports-color/browser.js", import.meta.url)),
      // yaml's ES module build: the bundle keeps what the targets use, without CommonJS wrappers.
      yaml: fileURLToPath(new URL("../node_modules/yaml/browser/index.js", import.meta.url)),
    },
  },
  // The YAML targets' `yaml` is bundled (node's CommonJS loader took 20 ms for its ~40 files);
  // src/load/yaml.ts still requires it from node_modules at run time, and only for YAML the fast
  // reader does not take. ajv itself is only used by the build scripts.
  external: [/^node:/],
  output: { dir: "dist/cli", format: "esm", cleanDir: true, entryFileNames: "[name].js", chunkFileNames: "[name].js" },
});
