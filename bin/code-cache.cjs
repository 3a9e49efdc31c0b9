// V8's code cache for the CLI bundle on Node versions without module.enableCompileCache (Node 20):
// the bundle's files are compiled with the bytecode the previous run saved, and at exit the
// bytecode of every function that ran is saved for the next. A cold `agentspec lint` spends about
// as long compiling and first-running its code as node spends starting.
//
// The cache lives in the package's own dist/cli/.v8-cache/, as trusted as the code beside it (a
// shared temporary directory would let another user plant bytecode). Guards, since V8 checks only
// a cache's version, flags and source length:
// - each entry names the size, mtime and inode of the file it was made from, and is used only
//   for that exact file (an edit of the same length would otherwise run the old bytecode);
// - each run that uses the cache leaves a marker with its pid until it exits; a marker whose
//   process is gone means a run died using the cache (V8 aborts on a corrupt entry), so the
//   cache is dropped and rebuilt instead of crashing every run after;
// - entries are written to a fresh temporary file and renamed into place.
// Anything else that goes wrong falls back to plain compilation.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const Module = require("node:module");

const MAGIC = "agentspec-v8-cache/1";

module.exports = function useCodeCache(bundleDir) {
  const cacheDir = path.join(bundleDir, ".v8-cache");
  if (!claimCache(cacheDir)) return;
  const prefix = bundleDir + path.sep;
  const fresh = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (!filename.startsWith(prefix)) return compile.call(this, content, filename);
    const cacheFile = path.join(cacheDir, path.basename(filename) + ".bin");
    const identity = fileIdentity(filename);
    const cachedData = identity && readEntry(cacheFile, identity);
    const script = new vm.Script(Module.wrap(content), {
      filename,
      cachedData,
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    if (identity && (cachedData === undefined || script.cachedDataRejected)) fresh.push({ script, cacheFile, identity });
    const fn = script.runInThisContext({ displayErrors: true });
    return fn.call(this.exports, this.exports, Module.createRequire(filename), this, filename, path.dirname(filename));
  };
  process.once("exit", () => {
    for (const { script, cacheFile, identity } of fresh) writeEntry(cacheFile, identity, script.createCachedData());
    release(cacheDir);
  });
};

/** Marks this run as using the cache; drops a cache a dead run was using. False: run uncached. */
function claimCache(cacheDir) {
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    for (const name of fs.readdirSync(cacheDir)) {
      const pid = /^\.run-(\d+)$/.exec(name)?.[1];
      if (pid !== undefined && !isAlive(Number(pid))) {
        fs.rmSync(cacheDir, { recursive: true, force: true });
        fs.mkdirSync(cacheDir, { recursive: true });
        break;
      }
    }
    fs.writeFileSync(markerFile(cacheDir), "");
    return true;
  } catch {
    return false;
  }
}

function release(cacheDir) {
  try {
    fs.unlinkSync(markerFile(cacheDir));
  } catch {}
}

function markerFile(cacheDir) {
  return path.join(cacheDir, `.run-${process.pid}`);
}

function isAlive(pid) {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

function fileIdentity(filename) {
  try {
    const { size, mtimeMs, ino, dev } = fs.statSync(filename);
    return `${MAGIC} ${size} ${mtimeMs} ${ino} ${dev}\n`;
  } catch {
    return undefined;
  }
}

/** The bytecode of an entry made from exactly this file, or undefined. */
function readEntry(cacheFile, identity) {
  try {
    const bytes = fs.readFileSync(cacheFile);
    const header = Buffer.from(identity);
    return bytes.length > header.length && bytes.subarray(0, header.length).equals(header) ? bytes.subarray(header.length) : undefined;
  } catch {
    return undefined;
  }
}

function writeEntry(cacheFile, identity, data) {
  const temporary = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    fs.writeFileSync(temporary, Buffer.concat([Buffer.from(identity), data]), { flag: "wx" });
    fs.renameSync(temporary, cacheFile);
  } catch {
    try {
      fs.unlinkSync(temporary);
    } catch {}
  }
}
