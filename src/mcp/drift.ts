/**
 * checkMcpDrift: what a spec says about its MCP tools against what its servers list now and the
 * lock beside it. The MCP rules (src/mcp/rules/) run through lint's engine, so the config's
 * severities and the spec's suppressions apply to them as to any rule; problems in a server's
 * list (mcp-tool-list, suspicious-tool-name) are reported as they are, at the server.
 *
 * API: checkMcpDrift(spec, tools, lock, options) → Diagnostic[], located in the spec: a tool's
 * finding at its allowlist entry, a server's at its entry in the mcp section.
 * mcpRuleCatalog() describes every rule id the findings can carry, for reporters.
 */
import { compilePolicy } from "../policy/compile-policy.js";
import { compareDiagnostics, type Diagnostic } from "../diagnostics.js";
import { lintSpec, type LintConfig, type Rule, type RuleMeta } from "../lint/index.js";
import { escapeToolName } from "../lint/tool-names.js";
import type { McpServerSpec, Spec, ToolSpec } from "../model/index.js";
import { decide } from "../policy/decide.js";
import { isPattern, matchToolPattern } from "../policy/glob.js";
import { foldToolName } from "../policy/tool-name.js";
import { lockPathFor, type McpLock } from "./lock.js";
import { mcpRules, type DriftInput, type OfferedTool, type Treatment } from "./rules/index.js";
import { serverPointer } from "./server-target.js";
import type { McpToolList } from "./types.js";

export interface DriftOptions {
  config?: LintConfig;
  /** The servers compared, when not the spec's mcp section (`mcp check -- <command>`). */
  servers?: readonly McpServerSpec[];
  /** The lock's name in messages; lockPathFor(the spec's file) by default. */
  lockFile?: string;
  /** true when a lock file exists but could not be used (its own findings say why). */
  lockProblem?: boolean;
}

export function checkMcpDrift(
  spec: Spec,
  tools: ReadonlyMap<string, McpToolList>,
  lock: McpLock | undefined,
  options: DriftOptions = {},
): Diagnostic[] {
  const servers = options.servers ?? spec.mcp?.servers ?? [];
  const diagnostics: Diagnostic[] = [];
  const at = (pointer: string, d: Omit<Diagnostic, "line" | "column" | "pointer">) => {
    const mapped = spec.pointerFor(pointer);
    diagnostics.push({ ...d, pointer: mapped, ...spec.source.locate(mapped, "key") });
  };
  const offered = new Map<string, OfferedTool>();
  // By folded name: two servers' `fs.Read` and `fs.read` are one name to a dispatcher that folds names.
  const byReading = new Map<string, OfferedTool>();
  for (const server of servers) {
    const list = tools.get(server.name);
    if (!list) continue;
    diagnostics.push(...listProblemDiagnostics(spec, server, list));
    for (const tool of list.tools) {
      const specName = server.prefix + tool.name;
      const first = byReading.get(foldToolName(specName));
      if (first) {
        const as =
          first.specName === specName ? "" : ` (as "${escapeToolName(first.specName)}", which a dispatcher may read as the same name)`;
        at(serverPointer(server), {
          ruleId: "mcp-tool-list",
          severity: "error",
          message: `Server "${server.name}" offers "${escapeToolName(specName)}", as server "${first.server.name}" does${as}: give the servers different prefixes so each name means one tool`,
        });
        continue;
      }
      const entry = { specName, server, tool };
      offered.set(specName, entry);
      byReading.set(foldToolName(specName), entry);
    }
  }
  const policy = compilePolicy(spec);
  const treatments = new Map<string, Treatment>();
  const input: DriftInput = {
    spec,
    servers,
    lists: tools,
    offered,
    lock,
    lockFile: options.lockFile ?? lockPathFor(spec.source.file),
    lockProblem: options.lockProblem === true,
    treatment: (name) => {
      let known = treatments.get(name);
      if (known === undefined) {
        const { rule } = decide(policy, { tool: name });
        known = rule === "not-allowed" ? "undeclared" : rule === "deny-pattern" || rule === "malformed-call" ? "denied" : "allowed";
        treatments.set(name, known);
      }
      return known;
    },
    entriesFor: toolEntries(spec.tools),
    serverPointer,
  };
  const rules = mcpRules.map((rule): Rule => ({ ...rule, check: (_spec, context) => rule.check(input, context) }));
  diagnostics.push(...lintSpec(spec, options.config, rules, { suppressionsOf: "run" }));
  return diagnostics.sort(compareDiagnostics);
}

/** A server's list problems, located at the server in the spec. */
export function listProblemDiagnostics(spec: Spec, server: McpServerSpec, list: McpToolList): Diagnostic[] {
  const pointer = spec.pointerFor(serverPointer(server));
  const { line, column } = spec.source.locate(pointer, "key");
  return list.problems.map((problem) => ({
    ruleId: problem.ruleId,
    severity: problem.severity,
    message: `Server "${server.name}": ${problem.message}`,
    pointer,
    line,
    column,
  }));
}

/**
 * The allowlist entries that govern a name: its exact entry first, then the globs matching it.
 * Indexed once: a scan of every entry per offered tool made 10,000 tools take seconds.
 */
function toolEntries(tools: readonly ToolSpec[]): (name: string) => ToolSpec[] {
  const exact = new Map<string, ToolSpec[]>();
  const globs: ToolSpec[] = [];
  for (const tool of tools) {
    if (isPattern(tool.name)) globs.push(tool);
    const same = exact.get(tool.name);
    if (same) same.push(tool);
    else exact.set(tool.name, [tool]);
  }
  return (name) => [...(exact.get(name) ?? []), ...globs.filter((t) => t.name !== name && matchToolPattern(t.name, name))];
}

/** Rule ids the pipeline reports without a rule module: problems in a server's list or in the lock. */
export const MCP_BUILTIN_RULES: readonly RuleMeta[] = [
  {
    id: "mcp-tool-list",
    severity: "error",
    description: "An MCP server's tool list is malformed or cut short",
    docs: [
      "`tools/list` is read whole and checked tool by tool. A tool with no name, a name listed twice with different",
      "definitions, two names a dispatcher that folds case or Unicode compatibility forms reads as one, a name with * or ?, a part of the wrong type or a schema nested deeper than 64 levels is left out (it",
      "cannot be allowed, locked or checked); a list longer than 10,000 tools, with more than 1,000 pages or a repeated",
      "cursor is cut; a very long description, a hint that is not a boolean or a name outside MCP's format gets a warning.",
      "",
      "**Fix:** fix the server, or deny what it offers under that name. Not configurable or suppressible.",
    ].join("\n"),
  },
  {
    id: "mcp-lock",
    severity: "error",
    description: "The MCP lock does not match its own hashes",
    docs: [
      "Each tool in `<name>.mcp-lock.json` keeps its definition and the hashes of it. An entry whose hashes do not match the",
      "definition beside it was edited by hand, and neither can be trusted.",
      "",
      "**Fix:** run `agentspec mcp lock` on the spec, review the diff of the lock, and commit it.",
    ].join("\n"),
  },
];

/** Every rule an MCP finding can carry, for reporters (SARIF describes each). */
export function mcpRuleCatalog(): RuleMeta[] {
  return [...mcpRules, ...MCP_BUILTIN_RULES].map(({ id, severity, description, docs }) => ({ id, severity, description, docs }));
}
