import { describe, expect, it } from "vitest";
import { sarifValidator } from "../helpers/sarif.js";
import { ruleCatalog } from "../../src/lint/catalog.js";
import { sarif } from "../../src/report/formatters/sarif.js";
import { CWD, FAKE_RULES, RESULTS } from "./results.js";

const render = () => JSON.parse(sarif.format(RESULTS, { color: false, cwd: CWD, rules: ruleCatalog(FAKE_RULES), version: "1.2.3" }));

describe("sarif", () => {
  it("validates against the SARIF 2.1.0 schema", () => {
    const validate = sarifValidator();
    const ok = validate(render());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(validate(JSON.parse(sarif.format([], { color: false, cwd: CWD })))).toBe(true);
    const broken = render();
    broken.runs[0].results[0].level = "fatal";
    expect(validate(broken)).toBe(false);
  });

  it("names the tool and describes every rule, built-in ones included", () => {
    const log = render();
    expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: "agentspec", informationUri: "https://github.com/agentspec/agentspec", version: "1.2.3" });
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(["syntax", "schema", "unused-suppression", "fake-stale"]);
    expect(driver.rules[3]).toEqual({
      id: "fake-stale",
      name: "FakeStale",
      shortDescription: { text: "The spec has not been reviewed recently" },
      fullDescription: { text: "A spec drifts from the agent it describes." },
      // The rule's docs page at the release tag of the version the run names.
      helpUri: "https://github.com/agentspec/agentspec/blob/v1.2.3/docs/rules/fake-stale.md",
      help: { text: FAKE_RULES[0]!.docs, markdown: FAKE_RULES[0]!.docs },
      defaultConfiguration: { level: "warning" },
    });
    expect(driver.rules[2]).toMatchObject({
      id: "unused-suppression",
      name: "UnusedSuppression",
      helpUri: "https://github.com/agentspec/agentspec/blob/v1.2.3/docs/rules/unused-suppression.md",
      defaultConfiguration: { level: "warning" },
    });
    expect(driver.rules[1].defaultConfiguration.level).toBe("error");
  });

  it("locates each result relative to the working directory, under %SRCROOT%", () => {
    const { results } = render().runs[0];
    expect(results).toEqual([
      {
        ruleId: "schema",
        ruleIndex: 1,
        level: "error",
        message: { text: 'Unknown property "efect" in tools["crm.lookup"]; did you mean "effect"?' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: "specs/order.agentspec.yaml", uriBaseId: "%SRCROOT%" },
              region: { startLine: 7, startColumn: 5 },
            },
          },
        ],
      },
      expect.objectContaining({ ruleId: "fake-stale", ruleIndex: 3, level: "warning" }),
      expect.objectContaining({ ruleId: "unused-suppression", ruleIndex: 2, level: "warning" }),
    ]);
    expect(results[2].locations[0].physicalLocation.artifactLocation.uri).toBe("specs/odd%20name%2C%20100%25.agentspec.yaml");
  });

  it("adds a rule entry for a finding whose rule it was not told about", () => {
    const log = JSON.parse(sarif.format(RESULTS, { color: false, cwd: CWD, rules: [] }));
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id)).toEqual(["schema", "fake-stale", "unused-suppression"]);
    expect(log.runs[0].results.map((r: { ruleIndex: number }) => r.ruleIndex)).toEqual([0, 1, 2]);
    expect(sarifValidator()(log)).toBe(true);
  });

  it("writes paths outside the working directory with ../ and forward slashes", () => {
    const log = JSON.parse(
      sarif.format([{ file: "/work/other/x.agentspec.yaml", diagnostics: RESULTS[0]!.diagnostics }], { color: false, cwd: CWD }),
    );
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("../other/x.agentspec.yaml");
  });
});
