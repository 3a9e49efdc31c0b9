// V8's code cache for the CLI bundle on Node versions without module.enableCompileCache (Node 20):
// the bundle's files are compiled with the bytecode cached by the previous run, and at exit the
// bytecode of every function that ran is saved for the next. A cold `agentspec lint` spends about
// as long compiling and first-running its code as node spends starting.
//
// The cache lives in the package's own dist/cli/.v8-cache/, as trusted as the code beside it (a
// shared temporary directory would let another user plant bytecode). Anything that goes wrong
// (an unwritable directory, a cache V8 rejects) falls back to plain compilation.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const Module = require("node:module");

module.exports = function useCodeCache(bundleDir) {
  const cacheDir = path.join(bundleDir, ".v8-cache");
  const prefix = bundleDir + path.sep;
  const fresh = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (!filename.startsWith(prefix)) return compile.call(this, content, filename);
    const cacheFile = path.join(cacheDir, path.basename(filename) + ".bin");
    let cachedData;
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {}
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) fresh.push({ script, cacheFile });
    const fn = script.runInThisContext({ displayErrors: true });
    const require = Module.createRequire(filename);
    return fn.call(this.exports, this.exports, require, this, filename, path.dirname(filename));
  };
  process.once("exit", () => {
    if (fresh.length === 0) return;
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      for (const { script, cacheFile } of fresh) {
        const temporary = `${cacheFile}.${process.pid}`;
        fs.writeFileSync(temporary, script.createCachedData());
        fs.renameSync(temporary, cacheFile);
      }
    } catch {}
  });
};
