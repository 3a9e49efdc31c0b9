import { describe, expect, it } from "vitest";
import { agentaz, findings, HEADER } from "../../helpers/lint-rule.js";

const RULE = "suspicious-tool-name";

describe(RULE, () => {
  it.each([
    [
      "ASCII names and patterns",
      `${HEADER}tools:\n  crm.lookup: { effect: read }\n  tickets_v2-add: { effect: read }\ndeny: ["payment.*", { pattern: "admin.?", reason: "x" }]\n`,
    ],
    ["non-ASCII text outside names", `${HEADER}tools:\n  crm.lookup: { effect: read, description: "Recherche l'élève" }\n`],
  ])("passes %s", (_, text) => {
    expect(findings(RULE, text)).toEqual([]);
  });

  it.each([
    {
      name: "a zero-width space in a tool name, shown escaped",
      text: `${HEADER}tools:\n  "crm.lookup\\u200b": { effect: read }\n`,
      expected: [
        {
          severity: "error",
          line: 4,
          column: 3,
          message: 'Tool name "crm.lookup\\u200B" contains characters a reader cannot see: retype it in plain ASCII',
        },
      ],
    },
    {
      name: "a control character and a bidirectional override",
      text: `${HEADER}tools:\n  "bell\\u0007": { effect: read }\n  "a\\u202eb": { effect: read }\n`,
      expected: [
        {
          severity: "error",
          line: 4,
          column: 3,
          message: 'Tool name "bell\\u0007" contains characters a reader cannot see: retype it in plain ASCII',
        },
        {
          severity: "error",
          line: 5,
          column: 3,
          message: 'Tool name "a\\u202Eb" contains characters a reader cannot see: retype it in plain ASCII',
        },
      ],
    },
    {
      name: "a braille blank, which is a symbol, not a space",
      text: `${HEADER}tools:\n  "send\u2800mail": { effect: read }\n`,
      expected: [
        {
          severity: "error",
          line: 4,
          column: 3,
          message: 'Tool name "send\\u2800mail" contains characters a reader cannot see: retype it in plain ASCII',
        },
      ],
    },
    {
      name: "a no-break space",
      text: `${HEADER}tools:\n  "send\\u00a0mail": { effect: read }\n`,
      expected: [
        {
          severity: "error",
          line: 4,
          column: 3,
          message: 'Tool name "send\\u00A0mail" contains characters a reader cannot see: retype it in plain ASCII',
        },
      ],
    },
    {
      name: "a Cyrillic look-alike in a tool name",
      text: `${HEADER}tools:\n  "crм.lookup": { effect: read }\n`,
      expected: [
        {
          severity: "warning",
          line: 4,
          column: 3,
          message: 'Tool name "crм.lookup" contains non-ASCII "м" (U+043C), which may look like an ASCII letter: tool names are ASCII',
        },
      ],
    },
    {
      name: "a look-alike in a deny pattern, which would never match the tool it was written for",
      text: `${HEADER}tools:\n  crm.lookup: { effect: read }\ndeny:\n  - "pаymеnt.*"\n  - { pattern: "admin\\u200d.*", reason: r }\n`,
      expected: [
        {
          severity: "warning",
          line: 6,
          column: 5,
          message:
            'Deny pattern "pаymеnt.*" contains non-ASCII "а" (U+0430), "е" (U+0435), which may look like an ASCII letter: tool names are ASCII',
        },
        {
          severity: "error",
          line: 7,
          column: 5,
          message: 'Deny pattern "admin\\u200D.*" contains characters a reader cannot see: retype it in plain ASCII',
        },
      ],
    },
    {
      name: "a character outside the Basic Multilingual Plane",
      text: `${HEADER}tools:\n  "a\\U000E0041b": { effect: read }\n`,
      expected: [
        {
          severity: "error",
          line: 4,
          column: 3,
          message: 'Tool name "a\\u{E0041}b" contains characters a reader cannot see: retype it in plain ASCII',
        },
      ],
    },
  ])("reports $name", ({ text, expected }) => {
    expect(findings(RULE, text)).toEqual(expected.map((e) => ({ ruleId: RULE, ...e })));
  });

  it("reads AgentAz tool names too", () => {
    const text = agentaz({ tool_boundary: { allowed_tools: ["read\u200border"], execution_tools_absent: true } });
    expect(findings(RULE, text, "agentaz.json").map((f) => f.message)).toEqual([
      'Tool name "read\\u200Border" contains characters a reader cannot see: retype it in plain ASCII',
    ]);
  });
});
