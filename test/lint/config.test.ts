import { mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { AgentspecError } from "../../src/errors.js";
import type { RuleMeta } from "../../src/lint/catalog.js";
import { findConfigFile, loadConfig, parseConfig } from "../../src/lint/config.js";

const RULES: RuleMeta[] = [
  { id: "deny-overlaps-allow", severity: "error", description: "d", docs: "d" },
  { id: "stale-review", severity: "warning", description: "d", docs: "d" },
];

function configError(text: string): AgentspecError {
  try {
    parseConfig("agentspec.config.json", text, RULES);
  } catch (error) {
    expect(error).toBeInstanceOf(AgentspecError);
    expect((error as AgentspecError).code).toBe("BAD_CONFIG");
    return error as AgentspecError;
  }
  throw new Error("expected a BAD_CONFIG error");
}

describe("parseConfig", () => {
  it("returns rules, options and ignore", () => {
    const text = JSON.stringify({
      $schema: "./node_modules/@agentspec/agentspec/schema/config.schema.json",
      rules: { "stale-review": "off", "deny-overlaps-allow": "warn", "unused-suppression": "error" },
      options: { staleReviewDays: 90 },
      ignore: ["**/drafts/**"],
    });
    expect(parseConfig("agentspec.config.json", text, RULES)).toEqual({
      rules: { "stale-review": "off", "deny-overlaps-allow": "warn", "unused-suppression": "error" },
      options: { staleReviewDays: 90 },
      ignore: ["**/drafts/**"],
    });
    expect(parseConfig("agentspec.config.json", "{}", RULES)).toEqual({});
  });

  it("names the file and line:column of a JSON syntax error", () => {
    expect(configError('{\n  "rules": {\n    "stale-review": "off",\n  }\n}').message).toBe(
      "agentspec.config.json:4:3: Unexpected '}': expected a property name in double quotes",
    );
  });

  it("rejects an unknown rule id at its key, and says where the ids are listed", () => {
    expect(configError('{\n  "rules": {\n    "totally-unknown": "off"\n  }\n}').message).toBe(
      'agentspec.config.json:3:5: rules["totally-unknown"] names no rule: remove it, or use an id that `agentspec rules` lists',
    );
  });

  it("refuses to configure the syntax and schema checks", () => {
    expect(configError('{"rules": {"schema": "off"}}').message).toBe(
      'agentspec.config.json:1:12: rules["schema"]: schema findings cannot be turned off or re-levelled: remove this entry and fix the spec',
    );
  });

  it("rejects a bad severity at its value", () => {
    expect(configError('{\n  "rules": { "stale-review": "warning" }\n}').message).toBe(
      'agentspec.config.json:2:30: rules["stale-review"] must be one of "off", "warn", "error", not "warning"',
    );
  });

  it("rejects unknown properties and bad option values", () => {
    expect(configError('{"ruels": {}}').message).toBe(
      'agentspec.config.json:1:2: Unknown property "ruels" in the config; did you mean "rules"?',
    );
    expect(configError('{"options": {"staleReviewDays": 0}}').message).toBe(
      "agentspec.config.json:1:33: options.staleReviewDays must be at least 1, not 0",
    );
    expect(configError('{"ignore": "drafts"}').message).toBe('agentspec.config.json:1:12: ignore must be a list, not "drafts"');
  });

  it("lists every problem, one per line", () => {
    expect(configError('{"rules": {"stale-review": 1, "deny-overlaps-allow": "of"}}').message.split("\n")).toEqual([
      'agentspec.config.json:1:28: rules["stale-review"] must be one of "off", "warn", "error", not 1',
      'agentspec.config.json:1:54: rules["deny-overlaps-allow"] must be one of "off", "warn", "error", not "of" (did you mean "off"?)',
    ]);
  });

  it("rejects a config that is not an object", () => {
    expect(configError("[]").message).toBe('agentspec.config.json:1:1: The config must be a JSON object, such as {"rules": {}}');
    expect(configError("").message).toBe("agentspec.config.json:1:1: The file is empty: expected a JSON object");
  });
});

describe("loadConfig", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "agentspec-config-"));
    await mkdir(path.join(root, "project/specs/deep"), { recursive: true });
    await mkdir(path.join(root, "elsewhere"));
    await writeFile(path.join(root, "project/agentspec.config.json"), JSON.stringify({ rules: { "stale-review": "off" } }));
    await writeFile(path.join(root, "elsewhere/custom.json"), JSON.stringify({ ignore: ["x/**"] }));
    await writeFile(path.join(root, "elsewhere/broken.json"), '{"rules": {"nope": "off"}}');
  });

  it("finds the nearest config upward from the working directory", async () => {
    const file = path.join(root, "project/agentspec.config.json");
    expect(await findConfigFile(path.join(root, "project/specs/deep"))).toBe(file);
    expect(await loadConfig({ cwd: path.join(root, "project/specs/deep"), rules: RULES })).toEqual({
      rules: { "stale-review": "off" },
      file,
    });
  });

  it("returns an empty config when no file is found up to the root", async () => {
    expect(await findConfigFile(path.join(root, "elsewhere"))).toBeUndefined();
    expect(await loadConfig({ cwd: path.join(root, "elsewhere"), rules: RULES })).toEqual({});
  });

  it("reads a file named with --config instead of searching", async () => {
    const loaded = await loadConfig({ cwd: path.join(root, "project"), file: "../elsewhere/custom.json", rules: RULES });
    expect(loaded).toEqual({ ignore: ["x/**"], file: path.join(root, "elsewhere/custom.json") });
  });

  it("names the file as found, relative to the working directory, in errors", async () => {
    await expect(loadConfig({ cwd: path.join(root, "elsewhere"), file: "broken.json", rules: RULES })).rejects.toThrow(
      'broken.json:1:12: rules["nope"] names no rule',
    );
    await writeFile(path.join(root, "project/specs/agentspec.config.json"), "{");
    await expect(loadConfig({ cwd: path.join(root, "project/specs/deep"), rules: RULES })).rejects.toThrow(
      "../agentspec.config.json:1:2: Unexpected end of file: expected a property name in double quotes",
    );
  });

  it("a missing --config file is a BAD_CONFIG error", async () => {
    await expect(loadConfig({ cwd: root, file: "nope.json", rules: RULES })).rejects.toMatchObject({
      code: "BAD_CONFIG",
      message: "nope.json: no such config file: check the --config path",
    });
  });

  it("a config file that is a symlink loop stops the run naming it, not with a crash", async () => {
    const dir = path.join(root, "looped");
    await mkdir(dir);
    await symlink("agentspec.config.json", path.join(dir, "agentspec.config.json"));
    await expect(loadConfig({ cwd: dir, rules: RULES })).rejects.toMatchObject({
      code: "BAD_CONFIG",
      message: `${path.join(dir, "agentspec.config.json")}: the config file cannot be read (ELOOP)`,
    });
  });
});
