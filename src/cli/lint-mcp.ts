/** `agentspec lint --mcp`: each valid spec with an mcp section is also checked against its servers and lock. */
import { compareDiagnostics, type FileResult } from "../diagnostics.js";
import { summarize, type LintConfig, type LintSummary } from "../lint/index.js";
import { checkSpecServers } from "../mcp/servers.js";
import { loadSpec } from "../model/index.js";
import { timeoutMs } from "./mcp-args.js";
import { version } from "./version.js";

export async function withMcpChecks(summary: LintSummary, config: LintConfig, seconds: number): Promise<LintSummary> {
  const timeout = timeoutMs(seconds);
  const results: FileResult[] = [];
  for (const result of summary.results) {
    const { spec } = await loadSpec(result.file);
    if (!spec?.mcp) {
      results.push(result);
      continue;
    }
    const { diagnostics, lock } = await checkSpecServers(spec, { config, timeoutMs: timeout, clientInfo: { name: "agentspec", version } });
    results.push(
      { file: result.file, diagnostics: [...result.diagnostics, ...diagnostics].sort(compareDiagnostics) },
      ...(lock ? [lock] : []),
    );
  }
  return summarize(results);
}
