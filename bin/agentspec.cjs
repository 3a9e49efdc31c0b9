#!/usr/bin/env node
// CommonJS on purpose: node starts a CommonJS entry and the CommonJS bundle it requires ~20 ms
// sooner than their ES module equivalents, a tenth of a pre-commit `agentspec lint`.
"use strict";

// V8's compiled code is kept between runs, inside the package: by node itself from 22.1 (given
// a directory: without one node uses the shared temporary directory, where another user could
// plant bytecode), by code-cache.cjs before. AGENTSPEC_DISABLE_CODE_CACHE=1 turns ours off
// (NODE_DISABLE_COMPILE_CACHE=1 node's).
const { enableCompileCache } = require("node:module");
const path = require("node:path");
if (enableCompileCache) enableCompileCache(path.join(__dirname, "..", "dist", ".compile-cache"));
else if (process.env.AGENTSPEC_DISABLE_CODE_CACHE !== "1") require("./code-cache.cjs")(path.join(__dirname, "..", "dist", "cli"));

let cli;
try {
  // The bundled CLI (npm run build).
  cli = Promise.resolve(require("../dist/cli/agentspec.cjs"));
} catch (error) {
  if (error?.code !== "MODULE_NOT_FOUND" || !String(error.message).includes("dist/cli/agentspec.cjs")) throw error;
  // Without the bundle: the plain tsc output.
  cli = import("../dist/src/cli/main.js");
}
cli
  .then(({ main }) => main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  });
