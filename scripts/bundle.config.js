// The CLI as one CommonJS bundle (dist/cli/), which bin/agentspec.cjs prefers: resolving and
// loading ~90 small ES modules one by one cost a fifth of a cold `agentspec lint`, and node's
// CommonJS loader starts faster than its ES module loader. Each command stays its own chunk,
// required when it runs. The library (dist/src) is not bundled and stays ESM.
//
// Only agentspec's own code is bundled. Every runtime dependency stays external, required from
// node_modules: it is installed anyway (the library in dist/src needs it, and so does the CLI
// when there is no bundle: the Action's first run, an install that builds with --light), and a
// second copy inlined here would ship twice, could differ from the installed version, and would
// hide from `npm ls` and `npm audit` what really runs (issue #14 item 10; test/cli/bundle.test.ts).
import { readFileSync } from "node:fs";
import { defineConfig } from "rolldown";

const { dependencies } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const escape = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/** A dependency or a file inside one: `yaml`, `ajv/dist/runtime/ucs2length.js`, `@modelcontextprotocol/sdk/types.js`. */
const dependency = new RegExp(`^(?:${Object.keys(dependencies).map(escape).join("|")})(?:/|$)`);

export default defineConfig({
  input: { agentspec: "dist/src/cli/main.js" },
  platform: "node",
  external: [/^node:/, dependency],
  output: {
    dir: "dist/cli",
    format: "cjs",
    cleanDir: true,
    entryFileNames: "[name].cjs",
    chunkFileNames: "[name].cjs",
    // require(), not import(), for the dependencies a command loads late (yargs, fast-glob, the
    // MCP SDK): on Node 20 an import() in a script compiled from V8's code cache
    // (bin/code-cache.cjs) fails with ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING. The ES-module-only
    // ones (yargs, chalk) load through require(esm), which Node 20.19+ (package.json engines) has.
    dynamicImportInCjs: false,
  },
});
