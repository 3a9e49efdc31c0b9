#!/usr/bin/env node
// CommonJS on purpose: node starts a CommonJS entry and the CommonJS bundle it requires ~20 ms
// sooner than their ES module equivalents, a tenth of a pre-commit `agentspec lint`.
"use strict";

// Node 22.1+ keeps V8's compiled code between runs (Node 20 has no such cache).
require("node:module").enableCompileCache?.();

let cli;
try {
  // The bundled CLI (npm run build).
  cli = Promise.resolve(require("../dist/cli/agentspec.cjs"));
} catch (error) {
  if (error?.code !== "MODULE_NOT_FOUND" || !String(error.message).includes("dist/cli/agentspec.cjs")) throw error;
  // Without the bundle: the plain tsc output.
  cli = import("../dist/src/cli/main.js");
}
cli.then(({ main }) => main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
