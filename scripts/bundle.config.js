// The CLI as one CommonJS bundle (dist/cli/), which bin/agentspec.cjs prefers: resolving and
// loading ~90 small ES modules one by one cost a fifth of a cold `agentspec lint`, and node's
// CommonJS loader starts faster than its ES module loader. Each command stays its own chunk,
// required when it runs. The library (dist/src) is not bundled and stays ESM.
import { fileURLToPath } from "node:url";
import { defineConfig } from "rolldown";

const local = (file) => fileURLToPath(new URL(`../node_modules/${file}`, import.meta.url));

export default defineConfig({
  input: { agentspec: "dist/src/cli/main.js" },
  platform: "node",
  resolve: {
    alias: {
      // chalk's terminal detection imports node:process, node:tty and node:os (20 ms at start-up);
      // agentspec decides colour itself (src/cli/io.ts) and gives chalk the level, so the bundle
      // takes chalk's dependency-free variant of that module.
      "#supports-color": local("chalk/source/vendor/supports-color/browser.js"),
      // yaml's ES module build: the bundle keeps what the targets use, not its ~40 CommonJS files.
      // src/load/yaml.ts still requires yaml from node_modules, and only for YAML the fast reader
      // does not take.
      yaml: local("yaml/browser/index.js"),
    },
  },
  external: [/^node:/],
  // yargs reads import.meta only to resolve `extends` config files, which agentspec does not use.
  checks: { emptyImportMeta: false },
  output: { dir: "dist/cli", format: "cjs", cleanDir: true, entryFileNames: "[name].cjs", chunkFileNames: "[name].cjs" },
});
