import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "threads",
    // Generous: tests start real servers and lint 20 MB specs, and CI machines are shared. No
    // test measures time (the benchmarks do); a timeout only catches a hang.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
