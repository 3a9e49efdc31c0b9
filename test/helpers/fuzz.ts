/**
 * How many cases a fast-check property runs: its bounded default in `npm test`, and at least
 * FUZZ_RUNS in the long pass (`npm run fuzz`).
 */
export function fuzzRuns(bounded: number): number {
  const long = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(long) && long > bounded ? long : bounded;
}

/** A test timeout that grows with the number of cases (the shared machine is slow at times). */
export function fuzzTimeout(runs: number, msPerRun: number): number {
  return Math.max(60_000, runs * msPerRun);
}
