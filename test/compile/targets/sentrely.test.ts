import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { sentrely, sentrelyPermission } from "../../../src/compile/targets/sentrely.js";
import { loadSpecs } from "../../../src/model/index.js";
import { emit } from "../../helpers/emit.js";

describe("the sentrely target", () => {
  it("writes the customer-support example as Sentrely's blueprint: verb-on-resource policies, approval channels and the budget", async () => {
    const [checked] = await loadSpecs(["specs/customer-support.agentspec.yaml"]);
    const [file] = emit(sentrely, checked!.spec!);
    expect(file!.path).toBe("customer-support.sentrely.yaml");
    expect(parse(file!.contents)).toEqual({
      project: "acme-support",
      agent: "customer-support",
      policies: [
        "tickets:read on queue/tier-1",
        "tickets:respond on queue/tier-1",
        "crm:read on customers/*",
        "crm:read on orders/*",
        "crm:update on tickets/*/notes",
        "crm:update on tickets/*/status",
        { "billing:refund on customers/*": { requires_approval: true, approval_channel: "slack:#support-escalations" } },
        { "crm:delete on customers/*": { requires_approval: true, approval_channel: "slack:#support-escalations" } },
      ],
      budget: { max_tokens_per_session: 50000, max_sessions_per_day: 500 },
    });
    expect(file!.contents).toContain(
      "  - billing:refund on customers/*:\n      requires_approval: true\n      approval_channel: slack:#support-escalations\n",
    );
  });

  it("checks every example spec: one policy per tool and resource, gated exactly where the spec gates", async () => {
    for (const { spec } of await loadSpecs(["specs/"])) {
      const config = parse(emit(sentrely, spec!)[0]!.contents);
      expect(config.agent).toBe(spec!.agent.id);
      const expected = spec!.tools.flatMap((t) =>
        (t.resources.length > 0 ? t.resources : ["*"]).map((r) => [`${sentrelyPermission(t.name)} on ${r}`, t.approval !== undefined]),
      );
      const actual = config.policies.map((p: string | Record<string, unknown>) =>
        typeof p === "string" ? [p, false] : [Object.keys(p)[0], true],
      );
      expect(actual, spec!.agent.id).toEqual(expected);
    }
  });

  it("names permissions namespace:verb", () => {
    expect([sentrelyPermission("tickets.read"), sentrelyPermission("a.b.delete"), sentrelyPermission("read_order_status")]).toEqual([
      "tickets:read",
      "a.b:delete",
      "read_order_status",
    ]);
  });
});
