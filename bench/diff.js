// The diff of authority: `agentspec diff` of two 1,000-tool specs, and `agentspec diff --base`
// over 100 changed specs in a real git repository. Both through the built CLI, as a reviewer or
// a CI job runs them (wall time, median of interleaved child-process runs).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateSpec, seededRandom } from "./corpus.js";
import { largeSpec } from "./decide.js";
import { medianTimes } from "./harness.js";

/**
 * The 1,000-tool spec of the decide() benchmark and an edit of it a reviewer might get: a tenth
 * of the tools with a raised approval threshold and a raised limit, one in a hundred removed,
 * twenty added, a tenth of the deny globs dropped.
 */
export function largeSpecPair(seed = 1) {
  const old = largeSpec();
  const next = structuredClone(old);
  const random = seededRandom(seed);
  let i = 0;
  for (const name of Object.keys(next.tools)) {
    const tool = next.tools[name];
    if (i % 10 === 0) {
      tool.approval = { when: { arg: "amount", gt: 500 }, channel: "slack:#approvals" };
      tool.limits = { amount: { max: 8000 } };
    }
    if (i % 100 === 7) delete next.tools[name];
    i++;
  }
  for (let k = 0; k < 20; k++) next.tools[`svcnew${k}.op${Math.floor(random() * 1000)}`] = { effect: k % 2 ? "write" : "read" };
  next.deny = next.deny.filter((_, j) => j % 10 !== 0);
  return { old, next };
}

/** Rewrites a generated spec the way a pull request might: a raised limit, a dropped deny, a new tool. */
function editSpec(text, index) {
  const isJson = text.trimStart().startsWith("{");
  if (isJson) {
    const spec = JSON.parse(text);
    spec.deny = spec.deny.slice(1);
    spec.tools[`extra${index}.read`] = { effect: "read" };
    spec.limits.max_tool_calls = 60;
    return JSON.stringify(spec, null, 2) + "\n";
  }
  return text
    .replace("max_tool_calls: 30", "max_tool_calls: 60")
    .replace(/^tools:\n/m, `tools:\n  extra${index}.read:\n    effect: read\n`);
}

function git(cwd, ...args) {
  execFileSync("git", args, { cwd, stdio: "ignore", env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", HOME: cwd } });
}

/** A git repository of `count` committed specs, each then edited in the working tree. */
function changedRepository(count, seed) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-bench-diff-"));
  mkdirSync(path.join(dir, "specs"));
  // Specs that do not match the schema are not compared: leave the corpus's planted schema errors out.
  const specs = [];
  for (let i = 0; specs.length < count; i++) {
    const spec = generateSpec(seed, i);
    if (spec.planted !== "schema") specs.push(spec);
  }
  for (const { file, text } of specs) writeFileSync(path.join(dir, "specs", file), text);
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.email", "bench@example.com");
  git(dir, "config", "user.name", "bench");
  git(dir, "add", ".");
  git(dir, "commit", "-qm", "base");
  specs.forEach(({ file, text }, i) => writeFileSync(path.join(dir, "specs", file), editSpec(text, i)));
  return dir;
}

/** Median wall times: the two-file diff of 1,000-tool specs, --base over 100 changed specs, and `node -e 0` beside them. */
export function benchDiff({ node, bin, runs = 5, seed = 1 } = {}) {
  const pairDir = mkdtempSync(path.join(os.tmpdir(), "agentspec-bench-pair-"));
  const { old, next } = largeSpecPair(seed);
  const oldFile = path.join(pairDir, "old.agentspec.json");
  const newFile = path.join(pairDir, "new.agentspec.json");
  writeFileSync(oldFile, JSON.stringify(old, null, 2));
  writeFileSync(newFile, JSON.stringify(next, null, 2));
  const repo = changedRepository(100, seed);
  try {
    const times = medianTimes(
      [
        { name: "node", argv: [node, "-e", "0"] },
        { name: "pair", argv: [node, bin, "diff", oldFile, newFile, "--format", "json"] },
        { name: "base", argv: [node, bin, "diff", "--base", "main", "--format", "json"] },
      ],
      { runs, cwd: repo },
    );
    return times;
  } finally {
    rmSync(pairDir, { recursive: true, force: true });
    rmSync(repo, { recursive: true, force: true });
  }
}
