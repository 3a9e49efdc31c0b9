#!/usr/bin/env node
// Builds dist/ from src/ and generated/.
//
//   node scripts/build.cjs            `npm run build`: tsc (JavaScript and declarations) and the
//                                     rolldown bundle of the CLI; output as the tools print it.
//   node scripts/build.cjs --prepare  npm's `prepare` (npm ci, npm pack, an install from git):
//                                     prints nothing on stdout, because pre-commit and
//                                     `npm pack --json` read the tarball's name from there.
//
// --prepare skips the build when dist/ was built from exactly these sources (dist/.build-stamp),
// so `npm pack` after `npm install` does not build twice. Without typescript and rolldown:
// - `npm install -g git+…` (and pre-commit 4, which installs hooks that way) prepares a git
//   dependency without its devDependencies, although npm means to install them first (its
//   child install inherits the global flags). There --prepare runs that install itself, with
//   the global flags removed (`npm ci --include=dev --ignore-scripts` in the clone npm made),
//   and builds as usual.
// - elsewhere (a checkout installed with --omit=dev, a future npm that prepares git
//   dependencies without them), Node 22.13 and later build the JavaScript alone with Node's own
//   TypeScript stripper: no declarations and no bundle, so the CLI runs from dist/src, a little
//   slower to start. `--light` asks for that build (the GitHub Action, which installs no
//   devDependencies). On an older Node the build stops and says what to do.
"use strict";
const { spawnSync } = require("node:child_process");
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const dist = path.join(root, "dist");
const stampFile = path.join(dist, ".build-stamp");
/** What the build reads: a change to any of it makes dist/ stale. */
const INPUTS = [
  "src",
  "generated",
  "tsconfig.json",
  "tsconfig.build.json",
  "scripts/bundle.config.js",
  "scripts/build.cjs",
  "package.json",
];

function main(argv) {
  const prepare = argv.includes("--prepare");
  const light = argv.includes("--light");
  const log = prepare ? (text) => process.stderr.write(text) : (text) => process.stdout.write(text);
  let tools = light ? undefined : resolveTools();
  if (prepare && readStamp() === sourceStamp(tools ? "full" : "strip")) return 0;
  if (!tools && !light && prepare && isGlobalGitPreparation()) tools = installDevDependencies();
  if (tools) {
    for (const [name, script, args] of [
      ["tsc", tools.tsc, ["-p", "tsconfig.build.json"]],
      ["rolldown", tools.rolldown, ["-c", "scripts/bundle.config.js"]],
    ]) {
      // Under --prepare the tools' stdout goes to stderr (fd 2), where npm and pre-commit show it.
      const run = spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: ["ignore", prepare ? 2 : 1, 2] });
      if (run.status !== 0) {
        process.stderr.write(`agentspec build: ${name} failed (exit ${run.status ?? run.signal})\n`);
        return 1;
      }
    }
    writeStamp(sourceStamp("full"));
    return 0;
  }
  const { stripTypeScriptTypes } = require("node:module");
  if (typeof stripTypeScriptTypes !== "function") {
    process.stderr.write(
      `agentspec build: building from source needs typescript and rolldown (the devDependencies: run \`npm install\` in ${root}),\n` +
        `or Node 22.13 or later, which builds without them (this is Node ${process.versions.node}).\n`,
    );
    return 1;
  }
  const count = stripBuild(stripTypeScriptTypes);
  writeStamp(sourceStamp("strip"));
  log(`agentspec build: ${count} files built with Node's TypeScript stripper (no declarations, no CLI bundle)\n`);
  return 0;
}

/** npm preparing this package as a git dependency of a global install (it runs prepare with --global set). */
function isGlobalGitPreparation() {
  return process.env.npm_config_global === "true" && typeof process.env.npm_execpath === "string";
}

/** The devDependencies npm meant to install before prepare: exactly the lockfile's, no scripts (no recursion into this one). */
function installDevDependencies() {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^npm_config_(?:global|global_prefix|globalconfig|local_prefix|prefix|location)$/i.test(name)) delete env[name];
  }
  process.stderr.write("agentspec build: npm left out the devDependencies of this git install (-g); installing them to build\n");
  const run = spawnSync(
    process.execPath,
    [process.env.npm_execpath, "ci", "--include=dev", "--ignore-scripts", "--no-audit", "--no-fund"],
    {
      cwd: root,
      env,
      stdio: ["ignore", 2, 2],
    },
  );
  return run.status === 0 ? resolveTools() : undefined;
}

/** typescript's and rolldown's command-line scripts, when both are installed. */
function resolveTools() {
  try {
    const resolve = (id) => require.resolve(id, { paths: [root] });
    const rolldownPackage = resolve("rolldown/package.json");
    const bin = JSON.parse(fs.readFileSync(rolldownPackage, "utf8")).bin.rolldown;
    return { tsc: resolve("typescript/bin/tsc"), rolldown: path.join(path.dirname(rolldownPackage), bin) };
  } catch {
    return undefined;
  }
}

/** src/ and generated/ to dist/ as JavaScript, as tsc would lay them out; dist/ is emptied first so no stale bundle runs. */
function stripBuild(stripTypeScriptTypes) {
  fs.rmSync(dist, { recursive: true, force: true });
  const emitWarning = process.emitWarning;
  // Node warns that the stripper is experimental; the output is checked by the tests that run it.
  process.emitWarning = () => {};
  let count = 0;
  try {
    for (const dir of ["src", "generated"]) {
      for (const file of listTypeScript(path.join(root, dir))) {
        const relative = path.relative(root, file);
        const js = stripTypeScriptTypes(fs.readFileSync(file, "utf8"), { mode: "transform", sourceUrl: relative });
        const out = path.join(dist, relative.replace(/\.ts$/, ".js"));
        fs.mkdirSync(path.dirname(out), { recursive: true });
        fs.writeFileSync(out, js);
        count += 1;
      }
    }
  } finally {
    process.emitWarning = emitWarning;
  }
  return count;
}

function listTypeScript(dir) {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listTypeScript(full));
    else if (entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) files.push(full);
  }
  return files;
}

/** A hash of every input's path and bytes, and of the build's kind ("full" or "strip"). */
function sourceStamp(kind) {
  const hash = createHash("sha256");
  const add = (full) => {
    const info = fs.statSync(full, { throwIfNoEntry: false });
    if (!info) return;
    if (info.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) add(path.join(full, name));
    } else {
      hash.update(`${path.relative(root, full)}\0`);
      hash.update(fs.readFileSync(full));
      hash.update("\0");
    }
  };
  for (const input of INPUTS) add(path.join(root, input));
  hash.update(kind);
  return hash.digest("hex");
}

function readStamp() {
  try {
    return fs.readFileSync(stampFile, "utf8").trim();
  } catch {
    return undefined;
  }
}

function writeStamp(stamp) {
  fs.mkdirSync(dist, { recursive: true });
  fs.writeFileSync(stampFile, stamp + "\n");
}

process.exitCode = main(process.argv.slice(2));
