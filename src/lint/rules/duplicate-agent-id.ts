import { ruleDocs } from "../docs.js";
import type { Rule } from "../types.js";

/** Where a run first met an agent id. */
interface FirstUse {
  id: string;
  file: string;
  line: number;
}

export const duplicateAgentId: Rule = {
  id: "duplicate-agent-id",
  severity: "error",
  description: "Two specs linted together have one agent id (ignoring case)",
  docs: ruleDocs({
    why: "An agent id names the agent's compiled policy and review document (`<id>.policy.json`), the decision records and the audit trail. Two specs with one id are two sets of authority for one agent: `agentspec compile` refuses them, and a runtime that loads policies by id would enforce whichever it met first. Ids that differ only in case collide too, as their output files do on case-insensitive file systems.",
    earlier: `agentspec: "1.0"\nagent: { id: order-support, version: 1.0.0 }\ntools:\n  order.status: { effect: read }\n`,
    fails: `agentspec: "1.0"\nagent: { id: order-support, version: 2.0.0 }\ntools:\n  order.status: { effect: read }\n`,
    passes: `agentspec: "1.0"\nagent: { id: order-support-eu, version: 2.0.0 }\ntools:\n  order.status: { effect: read }\n`,
    fix: "Give each agent its own id; if both files describe one agent, keep one of them. The finding is reported on the second spec (in path order) and names the first.",
  }),
  check(spec, { report, run }) {
    // Alone (stdin, lintSource) there is nothing to compare with.
    if (!run) return;
    const seen = run.memory(() => new Map<string, FirstUse>());
    const id = spec.agent.id;
    // Compile names output files by id and refuses two that differ only in case: the same key.
    const key = id.toLowerCase();
    const first = seen.get(key);
    if (!first) {
      seen.set(key, { id, file: spec.source.file, line: spec.source.locate(spec.pointerFor("/agent/id")).line });
      return;
    }
    if (first.file === spec.source.file) return; // one file named twice on a command line
    const as = first.id === id ? "" : ` (as "${first.id}", which differs only in case)`;
    report({
      pointer: "/agent/id",
      message: `Agent id "${id}" is already the id of ${first.file}:${first.line}${as}: give each agent its own id`,
    });
  },
};
