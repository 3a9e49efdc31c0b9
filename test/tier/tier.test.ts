import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/load/index.js";
import { checkSource, type Spec } from "../../src/model/index.js";
import { computeTrustLevel, missingBounds } from "../../src/tier/index.js";
import { agentaz, HEADER } from "../helpers/lint-rule.js";

function spec(text: string, file = "spec.agentspec.yaml"): Spec {
  const checked = checkSource(parseSource(file, text));
  if (!checked.spec) throw new Error(checked.diagnostics.map((d) => d.message).join("; "));
  return checked.spec;
}

const bounded = "limits: { max_turns: 8, max_usd_per_loop: 0.5 }\naudit: { append_only: true }\n";

describe("computeTrustLevel", () => {
  it.each([
    ["A0", `${HEADER}tools: {}\n`, "A0: the spec allows no tools"],
    [
      "A1",
      `${HEADER}tools:\n  crm.lookup: { effect: read }\n  tickets.read: { effect: read }\n`,
      "A1: every tool only reads (crm.lookup, tickets.read)",
    ],
    [
      "A2",
      `${HEADER}tools:\n  crm.lookup: { effect: read }\n  email.draft: { effect: draft }\n`,
      "A2: tools read or draft only (drafting: email.draft)",
    ],
    [
      "A3",
      `${HEADER}tools:\n  crm.lookup: { effect: read }\n  crm.update: { effect: write, approval: true }\n  billing.refund: { effect: irreversible, approval: { channel: ops } }\n`,
      "A3: every write or irreversible tool (crm.update, billing.refund) needs approval every time",
    ],
    [
      "A4",
      `${HEADER}tools:\n  crm.update: { effect: write }\n  billing.refund: { effect: irreversible, approval: { when: { arg: amount, gt: 100 } } }\n${bounded}`,
      "A4: crm.update (write, no approval), billing.refund (irreversible, approval only under a condition) can act without approval, within a call/turn bound, a cost bound and an append-only audit",
    ],
    [
      "A5",
      `${HEADER}tools:\n  crm.update: { effect: write }\nlimits: { max_tool_calls: 5 }\n`,
      "A5: crm.update (write, no approval) can act without approval, and the spec has no cost bound, no append-only audit",
    ],
  ])("computes %s", (level, text, explanation) => {
    expect(computeTrustLevel(spec(text))).toEqual({ level, explanation, inferred: false });
  });

  it("ignores the declared level", () => {
    expect(computeTrustLevel(spec(`${HEADER}trust_level: A5\ntools:\n  crm.lookup: { effect: read }\n`)).level).toBe("A1");
  });

  it("says when the effects were inferred from AgentAz tool names", () => {
    const text = agentaz({
      trust_level: "A4",
      tool_boundary: { auto_executable_tools: ["restart_service", "health_check"], approval_required_tools: ["rollback_deploy"] },
    });
    expect(computeTrustLevel(spec(text, "agentaz.json"))).toEqual({
      level: "A4",
      explanation:
        "A4: restart_service (write, no approval) can act without approval, within a call/turn bound, a cost bound and an append-only audit (effects inferred from tool names: AgentAz tools declare none)",
      inferred: true,
    });
  });

  it("lists the bounds an autonomous spec lacks", () => {
    expect(missingBounds(spec(`${HEADER}tools: {}\n`))).toEqual(["call or turn bound", "cost bound", "append-only audit"]);
    expect(missingBounds(spec(`${HEADER}tools: {}\n${bounded}`))).toEqual([]);
  });
});
