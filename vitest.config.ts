import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "threads",
    // A timeout catches a hang, not slowness (speed is measured in bench/): on the shared 2-core
    // machine the 20 MB and corpus cases took 5.6 s under load and failed at vitest's 5 s default.
    testTimeout: 30_000,
  },
});
