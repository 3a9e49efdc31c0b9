// Child-process wall times (median of several interleaved runs) and peak memory, for CLI figures.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PEAK_RSS = fileURLToPath(new URL("./peak-rss.js", import.meta.url));

/** Runs `argv` once with output discarded; returns wall milliseconds and the exit status. */
export function runOnce(argv, { cwd, env } = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { cwd, env: { ...process.env, ...env }, stdio: "ignore" });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.error) throw result.error;
  return { ms, status: result.status };
}

/**
 * Median wall time of each command over `runs` rounds. Rounds interleave the commands, so a
 * burst of load on a shared machine hits them all rather than one: ratios stay comparable.
 * One unmeasured warm-up round fills the file system cache.
 */
export function medianTimes(commands, { runs = 11, cwd } = {}) {
  const samples = new Map(commands.map((c) => [c.name, []]));
  const statuses = new Map();
  for (let round = -1; round < runs; round++) {
    for (const command of commands) {
      const { ms, status } = runOnce(command.argv, { cwd, env: command.env });
      statuses.set(command.name, status);
      if (round >= 0) samples.get(command.name).push(ms);
    }
  }
  return Object.fromEntries(
    commands.map((c) => [c.name, { ms: median(samples.get(c.name)), status: statuses.get(c.name), samples: samples.get(c.name) }]),
  );
}

/** Peak resident memory (MB) of a node command, read from inside it at exit (a preloaded module). */
export function peakRssMb(nodeArgs, { cwd } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "agentspec-rss-"));
  const out = path.join(dir, "rss");
  try {
    runOnce([process.execPath, "--import", PEAK_RSS, ...nodeArgs], { cwd, env: { AGENTSPEC_BENCH_RSS_FILE: out } });
    return Number(readFileSync(out, "utf8")) / 1024;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
