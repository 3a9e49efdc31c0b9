import { isDeclared } from "../authority.js";
import { ruleDocs } from "../docs.js";
import { fieldName, kitName } from "../spec-nodes.js";
import type { Rule } from "../types.js";

/**
 * AgentAz: the kit.json beside an agentaz.json lists the tools the kit ships; each one the
 * agentaz.json does not declare is either dead weight or, worse, a tool the deployed agent has
 * that the reviewed spec never mentions. Also reports a kit.json that could not be read, which
 * the model ignores (a warning, so a broken kit never stops a run).
 */
export const kitToolUndeclared: Rule = {
  id: "kit-tool-undeclared",
  severity: "warning",
  description: "An AgentAz kit.json lists a tool the agentaz.json beside it does not declare",
  docs: ruleDocs({
    why: "An AgentAz kit ships the agent's tools in its kit.json, and the agentaz.json is what reviewers approve. A tool in the kit that the spec does not declare is either never callable (agentspec denies it) or, deployed as the kit describes it, an authority nobody reviewed. A kit.json that cannot be read is reported here too, since its failure modes and metrics are then missing.",
    kit: `{ "tools": [{ "name": "read_ticket", "purpose": "Fetch the ticket." }, { "name": "draft_reply", "purpose": "Draft the reply." }] }\n`,
    fails: `agent_id: demo\nversion: 1.0.0\ntrust_level: A2\nworst_case_action: Drafts a wrong reply.\nauthority_boundary: Reads tickets and drafts replies.\nlast_reviewed: 2026-06-24\ntool_boundary:\n  allowed_tools: [read_ticket]\n`,
    passes: `agent_id: demo\nversion: 1.0.0\ntrust_level: A2\nworst_case_action: Drafts a wrong reply.\nauthority_boundary: Reads tickets and drafts replies.\nlast_reviewed: 2026-06-24\ntool_boundary:\n  allowed_tools: [read_ticket, draft_reply]\n`,
    fix: "Declare the tool in `tool_boundary` (in `approval_required_tools` if it changes state and needs a human), or remove it from kit.json; fix a kit.json that cannot be read.",
  }),
  check(spec, { report }) {
    const kit = spec.kit;
    if (!kit) return;
    const kitFile = kitName(spec);
    if (kit.problem !== undefined) {
      report({ pointer: "", message: `${kitFile} beside this spec was ignored: ${kitFile}:${kit.problem}` });
      return;
    }
    const boundary = fieldName(spec, "/tools");
    for (const tool of kit.tools) {
      if (isDeclared(spec, tool.name)) continue;
      report({
        pointer: "/tools",
        at: "key",
        tool: tool.name,
        message: `${kitFile} lists "${tool.name}", which ${boundary} does not declare, so agentspec denies it: declare it in ${boundary} or remove it from ${kitFile}`,
      });
    }
  },
};
