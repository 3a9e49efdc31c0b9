// Preloaded with --import by the benchmark: writes the process's peak resident memory (KB) at exit.
import { writeFileSync } from "node:fs";

const file = process.env.AGENTSPEC_BENCH_RSS_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
