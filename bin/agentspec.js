#!/usr/bin/env node
import module from "node:module";

// Node 22.1+ keeps V8's compiled code between runs (on Node 20 there is no such cache).
module.enableCompileCache?.();

// The bundled CLI (npm run build) when it is there; the plain tsc output otherwise.
const { main } = await import("../dist/cli/agentspec.js").catch((error) => {
  if (error?.code !== "ERR_MODULE_NOT_FOUND") throw error;
  return import("../dist/src/cli/main.js");
});

process.exitCode = await main(process.argv.slice(2));
